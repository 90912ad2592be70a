// Rules of the provider directory (数字化服务商库, 能进能出): statuses and moves as data (data/provider-rules.json),
// what a complete application holds, and the counts the plan asks for (integrators per industry and city-wide).
// Pure: no I/O, no SQL.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "infra/workflow.h"

namespace sz::market {

// The directory's numbers, and its statuses and moves as a workflow (parties: "provider" — the provider's own
// account — and "city_admin"; moves tagged "sanction" may be appealed).
struct ProviderRules {
  std::string version;
  int64_t notice_days = 7, integrators_per_industry = 3, integrators_city_minimum = 10;
  workflow::Workflow workflow;
  std::string status_name(const std::string& code) const { return workflow.state_name(code); }
  const workflow::Move* move(const std::string& action) const { return workflow.move(action); }
};

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
