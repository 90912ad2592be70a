// Use cases of the records the plan counts beside enterprises: 链式 models with their chain SMEs (built, and recognised by
// 工信部), recognitions of provincial-or-higher smart factories / workshops / scenarios, 小微企业园 (and their completed
// transformation), 小灯塔 designations and 数字工坊, training sessions with attendance. The city admin records them
// (district officers too, for their own district's enterprises and parks); everyone signed in reads them.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "records/rules.h"

namespace sz::records {

struct ChainModel {
  int64_t id = 0;
  std::string name, industry_code;
  std::optional<int64_t> lead_enterprise_id;
  std::string lead_name;
  std::optional<int64_t> provider_id;
  std::vector<std::string> scenarios;
  std::optional<Decision> completed;  // 建成: from then on it counts (indicator 9)
  std::optional<Decision> miit;       // 获评工信部“链式”数字化典型案例 (三(五) support)
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
  std::string name, district_code, industry_code, recognized_on;  // recognized_on: registered as a 小微企业园
  int64_t enterprises = 0, created_at = 0;
  std::optional<Decision> transformed;  // its digital transformation completed: from then on it counts (indicator 10)
};
// 数字化转型“小灯塔”企业 (三(一)): one designation per enterprise.
struct Lighthouse {
  int64_t id = 0, enterprise_id = 0;
  std::string enterprise_name, district_code;  // filled when read
  Decision designated;
  std::string note;
};
// 数字工坊 (三(一)): built by a 小灯塔 enterprise with telecom operators and providers.
struct Workshop {
  int64_t id = 0;
  std::string name;
  int64_t lead_enterprise_id = 0;
  std::string lead_name;  // filled when read
  std::string partners;   // 基础电信运营商等合作方
  std::optional<int64_t> provider_id;
  std::string provider_name;  // filled when read
  Decision established;
};
struct Training {
  int64_t id = 0;
  std::string title, audience, held_on, place;  // audience: management | technical
  int64_t created_at = 0;
  std::vector<std::pair<int64_t, int64_t>> attendance;  // enterprise, people
};

// Counts per industry for the target matrix as they stand today (indicators 5, 9, 10: recognitions of enterprises still
// in the pilot, chains built, parks transformed), the other records and training reach.
struct Tally {
  std::map<std::string, int64_t> smart, chains, parks;
  int64_t chains_registered = 0, parks_registered = 0, miit_cases = 0, lighthouses = 0, workshops = 0;
  int64_t trainings = 0, trained_enterprises = 0, trained_people = 0;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

  Result<ChainModel> add_chain(const auth::Principal& p, const auth::Origin& from, ChainModel m);
  Result<std::vector<ChainModel>> chains(const std::string& industry);
  // 建成 and 工信部's recognition, each once, by the city admin, with a day and evidence.
  Result<ChainModel> complete_chain(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d);
  Result<ChainModel> recognize_chain(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d);
  Result<Recognition> recognize(const auth::Principal& p, const auth::Origin& from, Recognition r);
  Result<std::vector<Recognition>> recognitions(std::optional<int64_t> enterprise_id);
  Result<Park> add_park(const auth::Principal& p, const auth::Origin& from, Park k);
  Result<std::vector<Park>> parks();
  // The park's digital transformation completed: the city admin or the park's district, once.
  Result<Park> transform_park(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d);
  Result<Lighthouse> designate(const auth::Principal& p, const auth::Origin& from, Lighthouse l);
  Result<std::vector<Lighthouse>> lighthouses(std::optional<int64_t> enterprise_id);
  // The lead enterprise holds a 小灯塔 designation made on or before the workshop's day.
  Result<Workshop> add_workshop(const auth::Principal& p, const auth::Origin& from, Workshop w);
  Result<std::vector<Workshop>> workshops(std::optional<int64_t> enterprise_id);
  Result<Training> add_training(const auth::Principal& p, const auth::Origin& from, Training t);
  Status attend(const auth::Principal& p, const auth::Origin& from, int64_t training_id, int64_t enterprise_id, int64_t people);
  Result<std::vector<Training>> trainings();
  Result<Tally> tally();

 private:
  Result<ChainModel> decide_chain(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& which,
                                  Decision d);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// For the support of 三(五) (funding): the model, read inside the caller's transaction.
Result<std::optional<ChainModel>> find_chain(db::Connection& c, int64_t id);
}  // namespace internal

}  // namespace sz::records
