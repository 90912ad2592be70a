// SQL of the reference lists (industries, districts) and the enterprise registry.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
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
  int accepted_level = 0;              // the on-site level the acceptance was granted on
  std::optional<int64_t> cloud_at;     // the day it went onto the cloud (上云), when recorded
  std::string sme_class;               // 中小企业划型 from the latest yearly figures: "" unknown, medium, small, micro, large
  int64_t sme_year = 0;                // the year those figures are for
};

struct Filter {
  std::string industry, district, q;  // q: an exact credit code or a piece of the name
  std::string tier, stage, status;    // stage: registered | assessed; status: active | withdrawn
  std::optional<int> level;           // the current level, 0 = none
  std::optional<int> accepted_below;  // accepted (验收通过) on an on-site level below this: not counted
  std::optional<std::string> sme_class;  // 中小企业划型: medium | small | micro | large, "" = unknown (no yearly figures)
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
Status set_cloud(db::Connection& c, int64_t id, int64_t since, int64_t at);
Status set_accepted(db::Connection& c, int64_t id, int64_t at, int level);
Status set_sme(db::Connection& c, int64_t id, const std::string& sme_class, int64_t year);
Status set_scale_above(db::Connection& c, int64_t id, bool above);

struct Year {
  int64_t year = 0, revenue = 0, employees = 0, rd_spending = 0, invention_patents = 0;
  bool operator==(const Year&) const = default;
};
Result<std::vector<Year>> years(db::Connection& c, int64_t enterprise_id);
Status upsert_year(db::Connection& c, int64_t enterprise_id, const Year& y, int64_t now);

// The three summary tables (registry/rules.h Contribution): today's counts, yearly figures, and the month-keyed changes of
// the transformed counts. Each row is a sum of enterprises' contributions, kept on write.
struct CountRow {
  CountKey key;
  NowCounts counts;
};
struct YearSumRow {
  CountKey key;
  int64_t year = 0;
  YearFigures sums;  // employees unused
};
// The transformed counts' changes summed by calendar month ("YYYY-MM"): the figure at the end of a month is the sum of
// the rows of that month and before — a few thousand rows at most, whatever the number of enterprises.
struct MonthRow {
  CountKey key;
  int64_t cohort = 0;
  std::string month;
  StageCounts change;
};
// Applies `after − before` to the summary tables.
Status apply_counts(db::Connection& c, const Contribution& before, const Contribution& after);
Result<std::vector<CountRow>> counts(db::Connection& c, const std::string& district);  // "" = all
Result<std::vector<YearSumRow>> year_sums(db::Connection& c, const std::string& district);
// The transformed counts at the end of `month` ("YYYY-MM"), by group and cohort (the changes of that month and before,
// summed). Exact at a month's end, and for the current month today: no change is dated after the day it is recorded.
struct StageRow {
  CountKey key;
  int64_t cohort = 0;
  StageCounts counts;
};
Result<std::vector<StageRow>> stage_counts(db::Connection& c, const std::string& month, const std::string& district);
// Every stored row of the month table, in key order (to verify it).
Result<std::vector<MonthRow>> month_rows(db::Connection& c);
// Replaces the three tables with the given rows (a rebuild), inside the caller's transaction.
Status replace_counts(db::Connection& c, const std::vector<CountRow>& counts, const std::vector<YearSumRow>& years,
                      const std::vector<MonthRow>& months);
// Streams every enterprise with its yearly figures, in id order (recomputing the summaries).
Status each_with_years(db::Connection& c, const std::function<void(const Enterprise&, const std::vector<Year>&)>& fn);

// The enterprises behind one figure: a counted metric (or "patents", "rd") within a scope.
struct MetricFilter {
  std::string metric, industry, district;
  std::optional<int64_t> batch, year;
  std::optional<std::string> as_of;  // the transformed metrics as they stood at the end of that day (a stage's end)
  std::optional<int64_t> cohort;     // … only those accepted in that year (the annex's yearly targets)
  int qualifying_level = 2;
  int64_t scale_above_revenue_fen = 0;
  SmeRule sme;
};
// The enterprises behind a figure, one page; the transformed metrics in the order they were accepted. `known_total`: the
// count when the caller already has it from a summary (else it is counted here).
Result<std::vector<std::pair<Enterprise, std::string>>> by_metric(db::Connection& c, const auth::EnterpriseScope& scope,
                                                                  const MetricFilter& f, int64_t limit, int64_t offset,
                                                                  int64_t* total, std::optional<int64_t> known_total);

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
