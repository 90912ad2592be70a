// Use cases of the provider directory (数字化服务商库, 能进能出): application, expert review (a guard answered by the
// reviews area), 公示 with objections, admission, sanctions with appeals, the per-industry selection of integrators,
// and the flows in and out over time. Authorisation and audit here.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "market/rules.h"
#include "market/store.h"

namespace sz::market {

struct ProfileInput {
  std::optional<std::string> name, kind, qualifications, cases, address, contact_name, contact_phone;
  std::optional<bool> in_zhengzhou;
  std::optional<std::vector<std::string>> industries;
};

struct SelectionSummary {
  int64_t integrators_listed = 0, city_minimum = 0, per_industry_target = 0;
  std::vector<std::pair<std::string, std::vector<int64_t>>> by_industry;  // industry → selected providers
};

class Directory {
 public:
  using Guard = std::function<Status(db::Connection&, const store::ProviderRecord&)>;
  Directory(std::shared_ptr<db::Database> db, const Clock& clock, ProviderRules rules)
      : db_(std::move(db)), clock_(clock), rules_(std::move(rules)) {}
  static Result<ProviderRules> parse_rules(std::string_view json);
  const ProviderRules& rules() const { return rules_; }
  void add_guard(const std::string& name, Guard g) { guards_[name] = std::move(g); }
  Status check_guards() const;

  Result<store::ProviderRecord> create(const auth::Principal& p, const auth::Origin& from, const store::Provider& in);
  // Full record for the city admin and the provider's own users; `full` tells the caller which it got.
  Result<store::ProviderRecord> get(const auth::Principal& p, int64_t id, bool* full);
  Result<store::ProviderRecord> update_profile(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                               const ProfileInput& in);
  Result<store::ProviderRecord> move(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                     const std::string& action, const std::string& reason,
                                     const std::optional<std::string>& due_on);
  // The city admin sees every provider; everyone else the listed ones.
  Result<std::vector<store::ProviderRecord>> list(const auth::Principal& p, store::DirectoryFilter f);
  Result<std::vector<store::Event>> events(const auth::Principal& p, int64_t id);
  // The moves the caller may take on `r` now.
  std::vector<const workflow::Move*> actions(const auth::Principal& p, const store::ProviderRecord& r) const;
  // The caller's parts in a provider's record: its own account ("provider"), the city admin ("city_admin").
  static workflow::Parties parties_of(const auth::Principal& p, int64_t provider_id);

  Result<store::Objection> object(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                  const std::string& objector, const std::string& content);
  Status resolve(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t objection_id,
                 const std::string& resolution);
  Result<std::vector<store::Objection>> objections(const auth::Principal& p, int64_t id);
  // 公示 on the public portal: who is in it now, and an objection from the public (named, no login).
  Result<std::vector<store::ProviderRecord>> in_notice();
  // What a public objection must hold (checked before it takes the client's query slot).
  static Status check_public_objection(const std::string& objector, const std::string& content);
  Result<store::Objection> public_objection(const auth::Origin& from, int64_t id, const std::string& objector,
                                            const std::string& content);

  Result<store::Appeal> appeal(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& reason);
  Result<store::Appeal> decide_appeal(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t appeal_id,
                                      bool overturn, const std::string& note);
  Result<std::vector<store::Appeal>> appeals(const auth::Principal& p, int64_t id);

  Status select(const auth::Principal& p, const auth::Origin& from, const std::string& industry, int64_t id,
                const std::string& note, bool selected);
  Result<SelectionSummary> selection_summary();
  // Everyone in the directory (admitted, warned, rectifying) just before moment `t` (now when nullopt), with the
  // start of their stay: the target matrix's count of providers, today or at a stage's end.
  struct Listed {
    store::ProviderRecord record;
    int64_t since = 0;
  };
  Result<std::vector<Listed>> listed_at(std::optional<int64_t> t);
  Result<std::vector<std::tuple<std::string, int64_t, int64_t>>> flows();

 private:
  Result<store::ProviderRecord> load(db::Connection& c, int64_t id);
  Result<store::Objection> record_objection(const audit::Actor& actor, int64_t id, const std::string& objector,
                                            const std::string& content);
  Status change_status(db::Connection& c, const auth::Principal& p, const auth::Origin& from, store::ProviderRecord r,
                       const std::string& action, const std::string& to, const std::string& reason,
                       const std::optional<std::string>& due_on);
  Status run_guard(db::Connection& c, const std::string& name, const store::ProviderRecord& r);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  ProviderRules rules_;
  std::map<std::string, Guard> guards_;
};

// The internal interface of Directory: for the platform and other modules' services and jobs, inside their
// transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it takes
// the principal it authorizes.
namespace internal {
// Providers ordered to rectify (限期整改) with a due day on or before `until`, for reminders and data quality.
Result<std::vector<store::ProviderRecord>> rectifying_until(db::Connection& c, const std::string& until);
// One provider's stays in the directory (纳入试点), from its history, inside the caller's transaction (funding).
Result<std::vector<Stay>> stays_of(db::Connection& c, int64_t provider_id);
}  // namespace internal

bool own_provider(const auth::Principal& p, int64_t provider_id);

}  // namespace sz::market
