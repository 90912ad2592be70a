// SQL of the reference lists (industries, districts) and the enterprise registry.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/rules.h"
#include "registry/rules.h"
#include "infra/db/db.h"

namespace sz::registry::store {

struct Industry {
  std::string code, name, short_name;
  int64_t sort_order = 0;
  std::vector<std::string> key_districts;
  std::string parent, district;  // a district's sub-sector: its pilot industry and its district ("" for the four)
};
struct District {
  std::string code, name, division_code, kind;
  int64_t sort_order = 0;
};

Status upsert_industry(db::Connection& c, const Industry& i);
Status upsert_district(db::Connection& c, const District& d);
Result<std::vector<Industry>> industries(db::Connection& c);
Result<std::vector<District>> districts(db::Connection& c);
Result<bool> district_exists(db::Connection& c, const std::string& code);
Result<bool> industry_exists(db::Connection& c, const std::string& code);
Result<std::optional<Industry>> industry(db::Connection& c, const std::string& code);
Status insert_subsector(db::Connection& c, const Industry& i, int64_t now);

struct Enterprise {
  int64_t id = 0;
  std::string name, credit_code, industry_code, industry_name, district_code, district_name;
  int64_t batch = 2024;
  std::string status = "active";
  std::string address, legal_rep, contact_name, contact_phone;
  int64_t created_at = 0, updated_at = 0;
  int level = 0;
  std::string level_source;
  std::optional<int64_t> assessed_at;
  std::string credit_code_override;
  std::string tier = "none";
  bool scale_above = false;
  std::string scale_source = "revenue";
  bool cloud = false;
  int64_t cloud_stars = 0;
  bool key_cultivation = false;
  std::optional<int64_t> withdrawn_at, replaces_id;
  std::optional<int64_t> accepted_at;  // 验收通过
};

struct Filter {
  std::string industry, district, q;  // q: an exact credit code or a piece of the name
  std::string tier, stage, status;    // stage: registered | assessed; status: active | withdrawn
  std::optional<int> level;           // the current level, 0 = none
  std::optional<int> accepted_below;  // accepted (验收通过) yet below this level: a figure that disagrees
};

// `index_name`: false when the caller indexes names in bulk later (index_names), as imports do.
Result<int64_t> insert_enterprise(db::Connection& c, const Enterprise& e, int64_t now, bool index_name = true);
// Indexes many names at once, grams sorted so the index is written in order rather than at random.
Status index_names(db::Connection& c, const std::vector<std::pair<int64_t, std::string>>& names);
Result<std::optional<Enterprise>> enterprise_by_id(db::Connection& c, int64_t id);
Result<bool> enterprise_exists(db::Connection& c, int64_t id);
Status set_level(db::Connection& c, int64_t id, int level, const std::string& source, int64_t at);
// Writes every editable column and rebuilds the name index when the name changed.
Status update_enterprise(db::Connection& c, const Enterprise& e, bool name_changed, int64_t now);
Result<std::optional<int64_t>> enterprise_by_credit_code(db::Connection& c, const std::string& code);
Status set_withdrawn(db::Connection& c, int64_t id, int64_t at);
Status set_cloud(db::Connection& c, int64_t id, int64_t at);
Status set_accepted(db::Connection& c, int64_t id, std::optional<int64_t> at);

struct Year {
  int64_t year = 0, revenue = 0, employees = 0, rd_spending = 0, invention_patents = 0;
};
Result<std::vector<Year>> years(db::Connection& c, int64_t enterprise_id);
Status upsert_year(db::Connection& c, int64_t enterprise_id, const Year& y, int64_t now);

// Applies `after − before` to the summary tables (both may be uncounted).
Status apply_counts(db::Connection& c, const Contribution& before, const Contribution& after);
struct CountRow {
  CountKey key;
  int64_t pilot = 0, assessed = 0, level2 = 0, scale_above_level2 = 0, innovative_level2 = 0, specialized = 0, cloud = 0;
  int64_t accepted = 0, scale_above_accepted = 0, innovative_accepted = 0;
};
// Recomputes the summary tables from the enterprises themselves (after bulk loads, or to check them).
Status rebuild_counts(db::Connection& c, int qualifying_level);
Result<std::vector<CountRow>> counts(db::Connection& c, const std::string& district);  // "" = all
struct YearSumRow {
  CountKey key;
  int64_t year = 0;
  YearFigures sums;
};
Result<std::vector<YearSumRow>> year_sums(db::Connection& c, const std::string& district);
// Enterprises accepted (验收通过) at the qualifying level or above by `until` (epoch seconds), by industry code:
// (all, 规上, 创新型).
struct AcceptedRow {
  std::string industry_code;
  int64_t accepted = 0, scale_above = 0, innovative = 0;
};
Result<std::vector<AcceptedRow>> accepted_by(db::Connection& c, int64_t until, int level);
// The enterprises behind one figure: a metric of enterprise_counts (or "patents", "rd") within a scope.
struct MetricFilter {
  std::string metric, industry, district;
  std::optional<int64_t> batch, year;
  std::optional<int64_t> accepted_before;  // the accepted metrics as they stood then (绩效评价 at a stage's end)
  int qualifying_level = 2;
};
Result<std::vector<std::pair<Enterprise, std::string>>> by_metric(db::Connection& c, const auth::EnterpriseScope& scope,
                                                                  const MetricFilter& f, int64_t limit, int64_t offset,
                                                                  int64_t* total);

struct Withdrawal {
  int64_t id = 0, enterprise_id = 0;
  std::string enterprise_name, district_code, district_name, reason, replacement_json, status, decision_note;
  int64_t requested_by = 0, requested_at = 0;
  std::string requested_by_name;
  std::optional<int64_t> decided_by, decided_at, replacement_id;
};
Result<int64_t> insert_withdrawal(db::Connection& c, const Withdrawal& w);
Result<std::optional<Withdrawal>> withdrawal(db::Connection& c, int64_t id);
Result<std::vector<Withdrawal>> withdrawals(db::Connection& c, const auth::EnterpriseScope& scope, const std::string& status,
                                            int64_t limit, int64_t offset, int64_t* total);
Status decide_withdrawal(db::Connection& c, int64_t id, const std::string& status, int64_t by, int64_t at,
                         const std::string& note, std::optional<int64_t> replacement_id);
Result<bool> pending_withdrawal(db::Connection& c, int64_t enterprise_id);
Result<std::vector<Enterprise>> list_enterprises(db::Connection& c, const auth::EnterpriseScope& scope,
                                                 const Filter& f, int64_t limit, int64_t offset);
Status each_enterprise(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f,
                       const std::function<bool(const Enterprise&)>& fn);
// With cap > 0, counts at most cap + 1 rows: a name search that matches a large part of a national registry stops
// counting there (the caller reports "more than cap").
Result<int64_t> count_enterprises(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f,
                                  int64_t cap = 0);

}  // namespace sz::registry::store
