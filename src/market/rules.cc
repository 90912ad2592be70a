#include "market/rules.h"

#include <algorithm>

namespace sz::market {

const char* provider_kind_name(const std::string& kind) { return kind == "integrator" ? "集成服务商" : "专业服务商"; }

std::vector<std::string> profile_problems(const Profile& p) {
  std::vector<std::string> out;
  if (p.qualifications.empty()) out.push_back("资质");
  if (p.cases.empty()) out.push_back("服务案例");
  if (p.industries.empty()) out.push_back("服务行业");
  if (p.address.empty()) out.push_back("地址");
  if (p.contact_name.empty() || p.contact_phone.empty()) out.push_back("联系人及电话");
  return out;
}

bool listed(const std::string& status) { return status == "admitted" || status == "warned" || status == "rectifying"; }

std::vector<Stay> listed_stays(const std::string& current, int64_t created_at, const std::vector<StatusChange>& changes) {
  std::vector<Stay> out;
  // Before its first change a provider had the status that change left; with none, it always had today's.
  if (listed(changes.empty() ? current : changes.front().from)) out.push_back({created_at, std::nullopt});
  for (const auto& ch : changes) {
    const bool was = listed(ch.from), is = listed(ch.to);
    if (!was && is) out.push_back({ch.at, std::nullopt});
    if (was && !is && !out.empty() && !out.back().until) out.back().until = ch.at;
  }
  return out;
}

std::optional<int64_t> listed_since(const std::string& current, int64_t created_at,
                                    const std::vector<StatusChange>& changes, int64_t t) {
  for (const auto& s : listed_stays(current, created_at, changes))
    if (s.from < t && (!s.until || t <= *s.until)) return s.from;
  return std::nullopt;
}

bool listed_during(const std::vector<Stay>& stays, int64_t start, int64_t end) {
  return std::any_of(stays.begin(), stays.end(),
                     [&](const Stay& s) { return s.from < end && (!s.until || *s.until > start); });
}

}  // namespace sz::market
