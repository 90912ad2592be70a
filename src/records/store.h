// SQL of the records: chain models and members, recognitions, parks, trainings and attendance.
#pragma once
#include "infra/db/db.h"
#include "records/service.h"

namespace sz::records::store {

Result<int64_t> insert_chain(db::Connection& c, const ChainModel& m);
Result<std::vector<ChainModel>> chains(db::Connection& c, const std::string& industry);
Result<std::optional<ChainModel>> chain(db::Connection& c, int64_t id);
// Sets a model's 建成 ("completed") or 工信部 recognition ("miit") decision.
Status set_chain_decision(db::Connection& c, int64_t id, const std::string& which, const Decision& d);
Result<int64_t> insert_recognition(db::Connection& c, const Recognition& r);
Result<std::vector<Recognition>> recognitions(db::Connection& c, std::optional<int64_t> enterprise_id);
Result<int64_t> insert_park(db::Connection& c, const Park& k);
Result<std::vector<Park>> parks(db::Connection& c);
Status set_park_transformed(db::Connection& c, int64_t id, const Decision& d);
Result<int64_t> insert_lighthouse(db::Connection& c, const Lighthouse& l);
Result<std::vector<Lighthouse>> lighthouses(db::Connection& c, std::optional<int64_t> enterprise_id);
Result<int64_t> insert_workshop(db::Connection& c, const Workshop& w);
Result<std::vector<Workshop>> workshops(db::Connection& c, std::optional<int64_t> enterprise_id);
Result<int64_t> insert_training(db::Connection& c, const Training& t);
Result<bool> training_exists(db::Connection& c, int64_t id);
Status upsert_attendance(db::Connection& c, int64_t training_id, int64_t enterprise_id, int64_t people);
Result<std::vector<Training>> trainings(db::Connection& c);

}  // namespace sz::records::store
