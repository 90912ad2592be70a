// Use cases of the registry: reference lists, and enterprises read and written within the caller's scope.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "audit/rules.h"
#include "audit/service.h"
#include "auth/service.h"
#include "registry/rules.h"
#include "auth/principal.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "registry/store.h"

namespace sz::registry {

struct EnterprisePage {
  std::vector<store::Enterprise> items;
  int64_t total = 0;
  bool total_capped = false;  // a name search matched more than kSearchCountCap: total is that cap
};
constexpr int64_t kSearchCountCap = 10000;

// What a caller may set on an enterprise; absent fields keep their value (PATCH) or their default (POST).
struct EnterpriseInput {
  std::optional<std::string> name, credit_code, industry, district, address, legal_rep, contact_name, contact_phone,
      tier, credit_code_override_reason;
  std::optional<int64_t> batch, cloud_stars;
  std::optional<bool> scale_above, cloud, key_cultivation;
};

struct HistoryEntry {
  int64_t seq = 0, at = 0;
  std::string actor, action;
  std::vector<audit::Change> changes;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, Params params)
      : db_(std::move(db)), clock_(clock), params_(std::move(params)) {}
  static Result<Params> parse_params(std::string_view json);
  const Params& params() const { return params_; }

  Result<store::Enterprise> create(const auth::Principal& p, const auth::Origin& from, const EnterpriseInput& in);
  Result<store::Enterprise> update(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                   const EnterpriseInput& in);
  // The same inside the caller's transaction (imports write in batches). `changed` tells whether anything changed.
  // `index_name` false: the caller indexes the name later with index_names (imports, in sorted bulk).
  Result<store::Enterprise> create_in(db::Connection& c, const auth::Principal& p, const audit::Actor& actor,
                                      const EnterpriseInput& in, bool index_name = true);
  Result<store::Enterprise> update_in(db::Connection& c, const auth::Principal& p, const audit::Actor& actor,
                                      int64_t id, const EnterpriseInput& in, bool* changed = nullptr);
  // Streams the enterprises in the caller's scope that match `f`, in id order (exports).
  Status each_enterprise(db::Connection& c, const auth::Principal& p, const store::Filter& f,
                         const std::function<bool(const store::Enterprise&)>& fn);

  // Recomputes the summary tables from the records in one pass (registry/rules.h contribution_of), with each
  // enterprise's kept 中小企业划型 and 规上, and lists every stored value that differs (`shuzhuan stats verify`, the
  // data-quality check). Rebuilding writes the recomputed values, inside the caller's transaction.
  struct Difference {
    std::string table, key, column, stored, expected;
  };
  int qualifying_level() const { return params_.qualifying_level; }
  // The transformed counts (indicators 1–4) at the end of `day` — a month's last day, or today — by group and year of
  // acceptance.
  Result<std::vector<store::StageRow>> stage_counts(const std::string& day, const std::string& district);

  // The summary counts for the dashboard: the whole city, or one district ("" = all).
  Result<std::vector<store::CountRow>> counts(const std::string& district);
  Result<std::vector<store::YearSumRow>> year_sums(const std::string& district);
  // The enterprises behind one figure, within the caller's scope.
  // A drill of a transformed metric, today or as of a month's end, counts from the summary tables (the figure it
  // explains) instead of recounting every acceptance; nullopt where they have no such key (a sub-sector, a list of
  // enterprises, another day, a cohort today) and the records are counted.
  Result<std::optional<int64_t>> total_from_summary(db::Connection& c, const auth::EnterpriseScope& scope,
                                                    const store::MetricFilter& f);
  Result<std::vector<std::pair<store::Enterprise, std::string>>> by_metric(const auth::Principal& p,
                                                                           store::MetricFilter f, int64_t limit,
                                                                           int64_t offset, int64_t* total);
  // The field-level change history of one enterprise, newest first.
  Result<std::vector<HistoryEntry>> history(const auth::Principal& p, int64_t id);
  Result<std::vector<store::Year>> years(const auth::Principal& p, int64_t id);
  Result<store::Enterprise> set_year(const auth::Principal& p, const auth::Origin& from, int64_t id, const store::Year& y);
  // The same inside the caller's transaction, for a caller already authorised (imports).
  // False when the year already holds exactly these figures: nothing is written or audited (a re-imported export).
  Result<bool> set_year_in(db::Connection& c, const audit::Actor& actor, const store::Enterprise& e, const store::Year& y);
  // A year's figures within their plausible ranges, for a year that has begun.
  Status check_year(const store::Year& y) const;
  // 中小企业划型 from the enterprise's latest yearly figures, with the reason (the record's is_sme).
  Result<SmeVerdict> sme_of(const store::Enterprise& e);
  Result<SmeVerdict> sme_of_in(db::Connection& c, int64_t enterprise_id);

  // 退出 and 增补: the district asks, the city decides.
  Result<store::Withdrawal> request_withdrawal(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                               const std::string& reason, const std::optional<EnterpriseInput>& replacement);
  Result<store::Withdrawal> decide_withdrawal(const auth::Principal& p, const auth::Origin& from, int64_t id, bool approve,
                                              const std::string& note);
  Result<std::vector<store::Withdrawal>> withdrawals(const auth::Principal& p, const std::string& status, int64_t limit,
                                                     int64_t offset, int64_t* total);

  Result<std::vector<store::Industry>> industries();
  // A district's own sub-sector (细分行业) under one of the four pilot industries.
  Result<store::Industry> add_subsector(const auth::Principal& p, const auth::Origin& from, store::Industry in);
  Result<std::vector<store::District>> districts();

  Result<EnterprisePage> list_enterprises(const auth::Principal& p, const store::Filter& f, int64_t limit,
                                          int64_t offset);
  Result<store::Enterprise> get_enterprise(const auth::Principal& p, int64_t id);

  // Adds enterprises in one transaction with an audit entry each: all or nothing.
  Result<std::vector<int64_t>> create_enterprises_as(const audit::Actor& actor,
                                                     const std::vector<store::Enterprise>& list,
                                                     const std::function<void(int64_t, int64_t)>& progress = {});

  // The current digital level, kept on the enterprise when an assessment is submitted (summary kept on write).
  Status set_level(db::Connection& c, const audit::Actor& actor, int64_t id, int level, const std::string& source,
                   int64_t at);

  // 验收通过: the enterprise counts as transformed (indicator 1) when its level is 二级 or higher.
  Status set_accepted(db::Connection& c, const audit::Actor& actor, int64_t id, int64_t at);
  // 上云用平台 reported by an industrial internet platform (inside the caller's transaction): the enterprise counts as
  // on the cloud (indicator 4) from `since` (the day it began to use the platform), recorded at `at`.
  Status set_cloud(db::Connection& c, const audit::Actor& actor, int64_t id, const std::string& source, int64_t at,
                   int64_t since);

 private:
  // Whether the month-keyed summary holds the transformed counts at the end of `day`.
  bool in_summary(const std::string& day) const;
  Result<store::Enterprise> apply(db::Connection& c, const auth::Principal& p, store::Enterprise e,
                                  const EnterpriseInput& in, bool creating);
  Result<store::Enterprise> insert_checked(db::Connection& c, const audit::Actor& actor, store::Enterprise e,
                                           bool index_name = true);
  // What an enterprise adds to the summary counts now (nothing when it does not exist or has left the pilot).
  Result<Contribution> contribution(db::Connection& c, const std::optional<store::Enterprise>& e);
  // Keeps the summary tables current: call with the contribution from before a write, after the write.
  Status track(db::Connection& c, const Contribution& before, int64_t id);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Params params_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
Status index_names(db::Connection& c, const std::vector<std::pair<int64_t, std::string>>& names);
Result<std::optional<int64_t>> id_by_credit_code(db::Connection& c, const std::string& code);
Result<std::vector<Service::Difference>> verify_counts(db::Connection& c, const Params& params);
Status rebuild_counts(db::Connection& c, const Params& params);
// The same inside another area's work (its own connection or transaction).
Result<std::vector<store::Industry>> industries_in(db::Connection& c);
Result<std::vector<store::District>> districts_in(db::Connection& c);
// For the public look-up (publish): an exact credit code or a piece of the name, over the whole registry, at most
// `limit` rows; the caller shows only what is public.
Result<std::vector<store::Enterprise>> public_search(db::Connection& c, const std::string& q, int64_t limit);
// For other areas that authorise their own callers (e.g. an expert assigned to grade an enterprise):
// the record without a scope check, inside their transaction.
Result<std::optional<store::Enterprise>> find(db::Connection& c, int64_t id);
// Who may attach files to an enterprise's record: the officials of its district, the city, the enterprise itself.
Status authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write);
// For other areas: whether a district / enterprise exists, inside their transaction.
Result<bool> district_exists(db::Connection& c, const std::string& code);
Result<bool> industry_exists(db::Connection& c, const std::string& code);
// The pilot industry a code counts under: itself, or the parent of a district's sub-sector.
Result<std::string> pilot_industry_of(db::Connection& c, const std::string& code);
Result<bool> enterprise_exists(db::Connection& c, int64_t id);
// Loads data/industries.json and data/districts.json (idempotent: upsert by code).
Status load_reference(db::Connection& c, std::string_view industries_json, std::string_view districts_json,
                      int64_t now);
}  // namespace internal

std::string enterprise_json_for_audit(const store::Enterprise& e);

}  // namespace sz::registry
