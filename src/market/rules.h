// Rules of the provider directory (数字化服务商库, 能进能出): statuses and moves as data (data/provider-rules.json),
// what a complete application holds, and the counts the plan asks for (integrators per industry and city-wide).
// Pure: no I/O, no SQL.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sz::market {

struct ProviderMove {
  std::string action, name;
  std::vector<std::string> from;
  std::string to, by;  // by: "provider" (the provider's own user) | "city_admin"
  std::vector<std::string> guards;
  bool needs_reason = false, sanction = false, needs_due = false;
};

struct ProviderRules {
  std::string version;
  int64_t notice_days = 7, integrators_per_industry = 3, integrators_city_minimum = 10;
  std::vector<std::pair<std::string, std::string>> statuses;  // code, name
  std::vector<ProviderMove> moves;
  std::string status_name(const std::string& code) const;
  const ProviderMove* move(const std::string& action) const;
};

// The move, or why not (naming the status and who may take it).
std::variant<const ProviderMove*, std::string> decide(const ProviderRules& r, const std::string& status,
                                                      const std::string& action, bool is_admin, bool is_own_provider);

// The moves the caller may take from `status`, in the rules' order (the UI shows these; guards are still checked).
std::vector<const ProviderMove*> open_moves(const ProviderRules& r, const std::string& status, bool is_admin,
                                            bool is_own_provider);

// An application worth reviewing names what the provider does: what is still missing, by name.
struct Profile {
  std::string qualifications, cases, address, contact_name, contact_phone;
  std::vector<std::string> industries;
};
std::vector<std::string> profile_problems(const Profile& p);

// 集成服务商 / 专业服务商
const char* provider_kind_name(const std::string& kind);

// Statuses in which a provider is in the directory (may take projects, is counted by indicator 6).
bool listed(const std::string& status);

// 能进能出 over time: whether a provider was in the directory just before moment `t`, and since when (the start of
// that stay: its latest entry, or its registration when it was registered straight into the directory).
// `changes` are its status changes in order; `current` is its status now.
struct StatusChange {
  std::string from, to;
  int64_t at = 0;
};
std::optional<int64_t> listed_since(const std::string& current, int64_t created_at,
                                    const std::vector<StatusChange>& changes, int64_t t);
// Every stay in the directory, in order: from its entry to its leaving (none while it stays). A provider is in the
// directory at moment m when from < m ≤ until.
struct Stay {
  int64_t from = 0;
  std::optional<int64_t> until;
};
std::vector<Stay> listed_stays(const std::string& current, int64_t created_at, const std::vector<StatusChange>& changes);
// Whether a stay overlaps the span [start, end) (epoch seconds).
bool listed_during(const std::vector<Stay>& stays, int64_t start, int64_t end);

}  // namespace sz::market
