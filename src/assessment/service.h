// Use cases of the assessment: the models (versioned data files), scoring a set of answers, enterprises' self
// assessments and experts' on-site grading, history and comparison. Authorisation happens here.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "assessment/rules.h"
#include "assessment/store.h"
#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "registry/service.h"

namespace sz::assessment {

struct Loaded {
  Model model;
  std::string json;  // the data file as published to the UI
};

// Parses a model data file (data/assessment/*.json); refuses one whose points do not add up.
Result<Loaded> parse_model(const std::string& json);

struct Comparison {
  store::Row a, b;
  Evaluation ea, eb;
  Answers answers_a, answers_b;
};

class Service {
 public:
  // `models`: every model file built into the binary.
  Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry, std::vector<Loaded> models);

  const std::map<std::string, Loaded>& models() const { return models_; }
  // A version ("2024-public-1") or a model name ("2024": its newest version).
  Result<const Loaded*> model(const std::string& name_or_version) const;

  Result<Evaluation> evaluate(const std::string& model, const Answers& a) const;

  Result<std::vector<store::Row>> history(const auth::Principal& p, int64_t enterprise_id);
  Result<store::Row> get(const auth::Principal& p, int64_t id);
  Result<store::Row> create(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id,
                            const std::string& kind, const std::string& model);
  Result<store::Row> save(const auth::Principal& p, const auth::Origin& from, int64_t id, const Answers& a);
  Result<store::Row> submit(const auth::Principal& p, const auth::Origin& from, int64_t id);
  Result<Comparison> compare(const auth::Principal& p, int64_t a, int64_t b);
  Status assign(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id, int64_t expert_user_id);
  // The same inside the caller's transaction, for areas that assign on-site grading as part of their own step
  // (acceptance); the caller has authorised it.
  Status assign_in(db::Connection& c, const audit::Actor& actor, int64_t by_user, int64_t enterprise_id,
                   int64_t expert_user_id);
  // For evidence attached to an assessment: read as the assessment is read; attach while it is a draft one may edit.
  Status authorize(db::Connection& c, const auth::Principal& p, int64_t assessment_id, bool write);

 private:
  enum class Access { read, self_write, onsite_write };
  Status check(db::Connection& c, const auth::Principal& p, int64_t enterprise_id, Access need);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  registry::Service& registry_;
  std::map<std::string, Loaded> models_;        // by version
  std::map<std::string, std::string> newest_;   // model name → newest version
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// For areas that judge change over time (provider scorecards): the level of the enterprise's latest assessment
// submitted before `before`, nullopt when there was none.
Result<std::optional<int>> level_before(db::Connection& c, int64_t enterprise_id, int64_t before);
}  // namespace internal

std::string answers_json(const Answers& a);
Result<Answers> answers_of(const std::string& answers_json, const std::string& scenes_json);

}  // namespace sz::assessment
