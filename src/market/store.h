// SQL of service providers (数字化服务商): the directory, the application and its status, events, objections,
// appeals and the per-industry selection of integrators.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "infra/db/db.h"
#include "market/rules.h"

namespace sz::market::store {

struct Provider {
  int64_t id = 0;
  std::string name, credit_code, kind;  // kind: "integrator" (集成服务商) or "specialist" (专业服务商)
  bool in_zhengzhou = true;             // 在郑
  std::string status = "admitted";
};

struct ProviderRecord {
  Provider base;
  std::string industries_json = "[]", qualifications, cases, address, contact_name, contact_phone;
  std::optional<std::string> notice_from, notice_to, rectify_due;
  int64_t created_at = 0, status_changed_at = 0;
};
Result<std::optional<ProviderRecord>> record(db::Connection& c, int64_t id);
Status update_record(db::Connection& c, const ProviderRecord& r);
struct DirectoryFilter {
  std::string status, kind, industry;  // industry: served (in the industries list)
  bool listed_only = false;
  bool with_notice = false;  // with listed_only: also those in 公示
};
Result<std::vector<ProviderRecord>> records(db::Connection& c, const DirectoryFilter& f, int64_t limit);

struct Event {
  int64_t id = 0, provider_id = 0;
  std::string action, from_status, to_status, reason;
  std::optional<std::string> due_on;
  std::string actor;
  int64_t at = 0;
};
Result<int64_t> insert_event(db::Connection& c, const Event& e);
Result<std::vector<Event>> events(db::Connection& c, int64_t provider_id);
// Every provider's status changes, in order, by provider id.
Result<std::map<int64_t, std::vector<StatusChange>>> status_changes(db::Connection& c);
Result<std::vector<StatusChange>> status_changes_of(db::Connection& c, int64_t provider_id);
// Entries into and exits from the directory by month ("2026-05"): 能进能出 over time.
Result<std::vector<std::tuple<std::string, int64_t, int64_t>>> flows_by_month(db::Connection& c);

struct Objection {
  int64_t id = 0, provider_id = 0;
  std::string objector, content;
  int64_t received_at = 0;
  std::optional<std::string> resolution;
  std::optional<int64_t> resolved_at;
};
Result<int64_t> insert_objection(db::Connection& c, const Objection& o);
Result<std::vector<Objection>> objections(db::Connection& c, int64_t provider_id);
Status resolve_objection(db::Connection& c, int64_t id, const std::string& resolution, int64_t at);

struct Appeal {
  int64_t id = 0, provider_id = 0, event_id = 0;
  std::string reason, status;  // pending | upheld | overturned
  std::optional<std::string> decision_note;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
};
Result<int64_t> insert_appeal(db::Connection& c, const Appeal& a);
Result<std::vector<Appeal>> appeals(db::Connection& c, int64_t provider_id);
Status decide_appeal(db::Connection& c, int64_t id, const std::string& status, const std::string& note, int64_t at);

Status select_integrator(db::Connection& c, const std::string& industry, int64_t provider_id, const std::string& note, int64_t at);
Status deselect_integrator(db::Connection& c, const std::string& industry, int64_t provider_id);
Result<std::vector<std::pair<std::string, int64_t>>> selections(db::Connection& c);  // industry, provider

Result<int64_t> insert_provider(db::Connection& c, const Provider& p, int64_t now);
Result<bool> provider_exists(db::Connection& c, int64_t id);
Result<std::optional<Provider>> provider_by_id(db::Connection& c, int64_t id);
// The directory, by id (providers number in the hundreds per city).
Result<std::vector<Provider>> providers(db::Connection& c, int64_t limit);

}  // namespace sz::market::store
