#include "market/rules.h"

#include <algorithm>

namespace sz::market {

std::string ProviderRules::status_name(const std::string& code) const {
  for (const auto& [c, n] : statuses)
    if (c == code) return n;
  return code;
}

const ProviderMove* ProviderRules::move(const std::string& action) const {
  for (const auto& m : moves)
    if (m.action == action) return &m;
  return nullptr;
}

std::variant<const ProviderMove*, std::string> decide(const ProviderRules& r, const std::string& status,
                                                      const std::string& action, bool is_admin, bool is_own_provider) {
  const ProviderMove* m = r.move(action);
  if (!m) return "未知的操作：" + action;
  if (std::find(m->from.begin(), m->from.end(), status) == m->from.end())
    return "服务商处于「" + r.status_name(status) + "」状态，不能执行「" + m->name + "」";
  bool allowed = m->by == "city_admin" ? is_admin : (is_own_provider || is_admin);
  if (!allowed)
    return "「" + m->name + "」只能由" + (m->by == "city_admin" ? std::string("市级管理员") : std::string("服务商本身或市级管理员")) + "执行";
  return m;
}

std::vector<const ProviderMove*> open_moves(const ProviderRules& r, const std::string& status, bool is_admin,
                                            bool is_own_provider) {
  std::vector<const ProviderMove*> out;
  for (const auto& m : r.moves)
    if (std::holds_alternative<const ProviderMove*>(decide(r, status, m.action, is_admin, is_own_provider))) out.push_back(&m);
  return out;
}

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
