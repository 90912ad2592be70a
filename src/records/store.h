// SQL of the records: chain models and members, recognitions, parks, trainings and attendance.
#pragma once
#include "infra/db/db.h"
#include "records/service.h"

namespace sz::records::store {

Result<int64_t> insert_chain(db::Connection& c, const ChainModel& m);
Result<std::vector<ChainModel>> chains(db::Connection& c, const std::string& industry);
Result<int64_t> insert_recognition(db::Connection& c, const Recognition& r);
Result<std::vector<Recognition>> recognitions(db::Connection& c, std::optional<int64_t> enterprise_id);
Result<int64_t> insert_park(db::Connection& c, const Park& k);
Result<std::vector<Park>> parks(db::Connection& c);
Result<int64_t> insert_training(db::Connection& c, const Training& t);
Result<bool> training_exists(db::Connection& c, int64_t id);
Status upsert_attendance(db::Connection& c, int64_t training_id, int64_t enterprise_id, int64_t people);
Result<std::vector<Training>> trainings(db::Connection& c);

}  // namespace sz::records::store
