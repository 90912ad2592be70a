// Use cases of the records the plan counts beside enterprises: 链式 models with their chain SMEs, recognitions of
// provincial-or-higher smart factories / workshops / scenarios, 小微企业园, training sessions with attendance. The city
// admin records them (district officers too, for their own district's enterprises); everyone signed in reads them.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::records {

struct ChainModel {
  int64_t id = 0;
  std::string name, industry_code;
  std::optional<int64_t> lead_enterprise_id;
  std::string lead_name;
  std::optional<int64_t> provider_id;
  std::vector<std::string> scenarios;
  std::string status;  // building | operating
  bool recognized_by_miit = false;
  std::vector<int64_t> members;
  int64_t created_at = 0, updated_at = 0;
  std::vector<std::string> member_names;  // filled when read, in the order of `members`
};
struct Recognition {
  int64_t id = 0, enterprise_id = 0;
  std::string kind, level, name, recognized_on;  // kind: factory | workshop | scenario; level: provincial | national
  int64_t created_at = 0;
  std::string enterprise_name;  // filled when read
};
struct Park {
  int64_t id = 0;
  std::string name, district_code, industry_code, recognized_on;
  int64_t enterprises = 0, created_at = 0;
};
struct Training {
  int64_t id = 0;
  std::string title, audience, held_on, place;  // audience: management | technical
  int64_t created_at = 0;
  std::vector<std::pair<int64_t, int64_t>> attendance;  // enterprise, people
};

// Counts per industry for the target matrix (indicators 5, 9, 10) and training reach.
struct Tally {
  std::map<std::string, int64_t> smart, chains, parks;
  int64_t trainings = 0, trained_enterprises = 0, trained_people = 0;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

  Result<ChainModel> add_chain(const auth::Principal& p, const auth::Origin& from, ChainModel m);
  Result<std::vector<ChainModel>> chains(const std::string& industry);
  Result<Recognition> recognize(const auth::Principal& p, const auth::Origin& from, Recognition r);
  Result<std::vector<Recognition>> recognitions(std::optional<int64_t> enterprise_id);
  Result<Park> add_park(const auth::Principal& p, const auth::Origin& from, Park k);
  Result<std::vector<Park>> parks();
  Result<Training> add_training(const auth::Principal& p, const auth::Origin& from, Training t);
  Status attend(const auth::Principal& p, const auth::Origin& from, int64_t training_id, int64_t enterprise_id, int64_t people);
  Result<std::vector<Training>> trainings();
  Result<Tally> tally();

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
};

}  // namespace sz::records
