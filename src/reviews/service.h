// Use cases of expert review: expert profiles, review rounds for projects, acceptance and providers (manual or
// random assignment), conflicts of interest (declared, set by the admin, or detected from the data), scores locked
// once submitted, and the panel lead's consensus. Authorisation and audit here.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "projects/service.h"
#include "reviews/rules.h"
#include "reviews/store.h"

namespace sz::reviews {

struct NewRound {
  std::string subject_type;  // "project" | "acceptance" (a project's id) | "provider"
  int64_t subject_id = 0;
  std::vector<int64_t> expert_ids;  // manual assignment
  size_t draw = 0;                  // or: draw this many at random among eligible experts
  std::optional<int64_t> lead_user_id;
};

struct MemberView {
  store::Member member;
  std::string name;
  std::vector<std::string> conflicts;  // detected from the data now
};

struct RoundView {
  store::Round round;
  const Rubric* rubric = nullptr;
  std::string subject_name;
  std::vector<MemberView> members;
  bool may_see_scores = false;
  std::map<int64_t, std::string> user_names;  // the draw's candidates and excluded experts
};

struct RoundSummary {
  store::Round round;
  std::string subject_name;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, std::vector<Rubric> rubrics, projects::Service& projects);
  static Result<std::vector<Rubric>> parse_rubrics(std::string_view json);
  // Who offers a product (provider id, product name), from the area that keeps products; nullopt when there is none.
  using ProductOwner = std::function<Result<std::optional<std::pair<int64_t, std::string>>>(db::Connection&, int64_t)>;
  void set_product_owner(ProductOwner f) { product_owner_ = std::move(f); }
  const std::vector<Rubric>& rubrics() const { return rubrics_; }

  Result<std::vector<store::Expert>> experts(const auth::Principal& p);
  Result<store::Expert> expert(const auth::Principal& p, int64_t user_id);
  Result<store::Expert> save_expert(const auth::Principal& p, const auth::Origin& from, store::Expert in);

  Result<RoundView> create_round(const auth::Principal& p, const auth::Origin& from, const NewRound& in);
  Result<RoundView> round(const auth::Principal& p, int64_t id);
  Result<std::vector<RoundSummary>> rounds(const auth::Principal& p, const std::string& subject_type, int64_t subject_id);
  Result<std::vector<RoundSummary>> my_rounds(const auth::Principal& p);

  Status abstain(const auth::Principal& p, const auth::Origin& from, int64_t round_id, const std::string& reason);
  Status recuse(const auth::Principal& p, const auth::Origin& from, int64_t round_id, int64_t user_id,
                const std::string& reason);
  Status score(const auth::Principal& p, const auth::Origin& from, int64_t round_id,
               const std::vector<std::pair<std::string, int64_t>>& scores, const std::string& comment, bool submit);
  Status reopen(const auth::Principal& p, const auth::Origin& from, int64_t round_id, int64_t user_id,
                const std::string& reason);
  Result<RoundView> consensus(const auth::Principal& p, const auth::Origin& from, int64_t round_id, bool pass,
                              const std::string& opinion);

  // 定期考核: the expert committee's report for a period ("2025年上半年") freezes every listed provider's scorecard
  // with its opinion; one report per period.
  Result<store::Evaluation> evaluate_providers(const auth::Principal& p, const auth::Origin& from, const std::string& period,
                                              const std::string& opinion);
  Result<std::vector<store::Evaluation>> evaluations(const auth::Principal& p);
  Result<store::Evaluation> evaluation(const auth::Principal& p, int64_t id);

  // For projects' expert assignments: refuses a conflicted expert, naming why.
  Status check_expert_for_project(db::Connection& c, int64_t expert_user_id, const projects::store::Project& pr);

 private:
  const Rubric* rubric(const std::string& subject_type) const;
  Result<SubjectFacts> subject_facts(db::Connection& c, const std::string& type, int64_t id, std::string* name,
                                     std::string* industry);
  Result<std::vector<std::string>> conflicts_of(db::Connection& c, int64_t user_id, const SubjectFacts& facts);
  Result<RoundView> view(db::Connection& c, const auth::Principal& p, const store::Round& r);
  Result<std::vector<RoundSummary>> summaries(db::Connection& c, std::vector<store::Round> rounds);
  Result<std::pair<store::Round, store::Member>> member_of(db::Connection& c, int64_t round_id, int64_t user_id);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  std::vector<Rubric> rubrics_;
  projects::Service& projects_;
  ProductOwner product_owner_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// For projects' lifecycle ("review_passed"): the newest closed round of the subject passed.
Status review_passed(db::Connection& c, const std::string& subject_type, int64_t subject_id);
// For a terminated project: its open rounds end without a verdict (撤销), so no expert is left waiting to score.
Status cancel_open_rounds(db::Connection& c, const audit::Actor& actor, const std::string& subject_type,
                          int64_t subject_id, const std::string& reason, int64_t now);
}  // namespace internal

}  // namespace sz::reviews
