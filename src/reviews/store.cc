#include "reviews/store.h"

namespace sz::reviews::store {

Status upsert_expert(db::Connection& c, const Expert& e) {
  SZ_TRY(c.execute("INSERT INTO experts (user_id, specialties, industries, employer_name, employer_credit_code, phone, "
                   "address, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (user_id) DO UPDATE SET "
                   "specialties = excluded.specialties, industries = excluded.industries, "
                   "employer_name = excluded.employer_name, employer_credit_code = excluded.employer_credit_code, "
                   "phone = excluded.phone, address = excluded.address, updated_at = excluded.updated_at",
                   {e.user_id, e.specialties_json, e.industries_json, e.employer_name, e.employer_credit_code, e.phone,
                    e.address, e.updated_at}));
  return ok();
}

namespace {
constexpr const char* kExpertSelect =
    "SELECT user_id, specialties, industries, employer_name, employer_credit_code, phone, address, updated_at "
    "FROM experts";
Expert expert_of(const db::Row& r) {
  return {r.i64(0), "", r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.i64(7)};
}
constexpr const char* kRoundColumns =
    "id, subject_type, subject_id, state, lead_user_id, draw_seed, draw_candidates, draw_excluded, consensus_pass, "
    "consensus_opinion, average_milli, created_by, created_at, closed_at";
Round round_of(const db::Row& r) {
  return {r.i64(0),      r.text(1),     r.i64(2),      r.text(3),     r.i64(4), r.opt_text(5), r.opt_text(6),
          r.opt_text(7), r.opt_i64(8), r.opt_text(9), r.opt_i64(10), r.i64(11), r.i64(12),     r.opt_i64(13)};
}
}  // namespace

Result<std::optional<Expert>> expert(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto row, c.query_one(std::string(kExpertSelect) + " WHERE user_id = $1", {user_id}));
  if (!row) return std::optional<Expert>();
  return std::optional<Expert>(expert_of(*row));
}

Result<std::vector<Expert>> experts(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query(std::string(kExpertSelect) + " ORDER BY user_id"));
  std::vector<Expert> out;
  for (const auto& r : rows) out.push_back(expert_of(r));
  return out;
}

Result<int64_t> insert_round(db::Connection& c, const Round& r) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO review_rounds (subject_type, subject_id, state, lead_user_id, draw_seed, "
                                  "draw_candidates, draw_excluded, created_by, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
                                  {r.subject_type, r.subject_id, r.state, r.lead_user_id, db::opt(r.draw_seed),
                                   db::opt(r.draw_candidates), db::opt(r.draw_excluded), r.created_by, r.created_at}));
  return row->i64(0);
}

Result<std::optional<Round>> round(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kRoundColumns + " FROM review_rounds WHERE id = $1", {id}));
  if (!row) return std::optional<Round>();
  return std::optional<Round>(round_of(*row));
}

Result<std::vector<Round>> rounds_of(db::Connection& c, const std::string& subject_type, int64_t subject_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kRoundColumns +
                                   " FROM review_rounds WHERE subject_type = $1 AND subject_id = $2 ORDER BY id",
                               {subject_type, subject_id}));
  std::vector<Round> out;
  for (const auto& r : rows) out.push_back(round_of(r));
  return out;
}

Status close_round(db::Connection& c, int64_t id, bool pass, const std::string& opinion, std::optional<int64_t> average,
                   int64_t at) {
  SZ_TRY(c.execute("UPDATE review_rounds SET state = 'closed', consensus_pass = $2, consensus_opinion = $3, "
                   "average_milli = $4, closed_at = $5 WHERE id = $1",
                   {id, static_cast<int64_t>(pass), opinion, db::opt(average), at}));
  return ok();
}

Status cancel_round(db::Connection& c, int64_t id, const std::string& reason, int64_t at) {
  SZ_TRY(c.execute("UPDATE review_rounds SET state = 'cancelled', consensus_opinion = $2, closed_at = $3 WHERE id = $1",
                   {id, reason, at}));
  return ok();
}

Status insert_member(db::Connection& c, const Member& m) {
  SZ_TRY(c.execute("INSERT INTO review_members (round_id, user_id, status, status_reason) VALUES ($1,$2,$3,$4)",
                   {m.round_id, m.user_id, m.status, db::opt(m.status_reason)}));
  return ok();
}

Status update_member(db::Connection& c, const Member& m) {
  SZ_TRY(c.execute("UPDATE review_members SET status = $3, scores_json = $4, total = $5, comment = $6, submitted_at = $7, "
                   "status_reason = $8 WHERE round_id = $1 AND user_id = $2",
                   {m.round_id, m.user_id, m.status, db::opt(m.scores_json), db::opt(m.total), db::opt(m.comment),
                    db::opt(m.submitted_at), db::opt(m.status_reason)}));
  return ok();
}

Result<std::vector<Member>> members(db::Connection& c, int64_t round_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT round_id, user_id, status, scores_json, total, comment, submitted_at, status_reason "
                               "FROM review_members WHERE round_id = $1 ORDER BY user_id",
                               {round_id}));
  std::vector<Member> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.opt_text(3), r.opt_i64(4), r.opt_text(5), r.opt_i64(6), r.opt_text(7)});
  return out;
}

Result<std::vector<Round>> rounds_of_member(db::Connection& c, int64_t user_id, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kRoundColumns +
                                   " FROM review_rounds WHERE id IN (SELECT round_id FROM review_members WHERE user_id = $1) "
                                   "ORDER BY id DESC LIMIT $2",
                               {user_id, limit}));
  std::vector<Round> out;
  for (const auto& r : rows) out.push_back(round_of(r));
  return out;
}

Result<int64_t> insert_evaluation(db::Connection& c, const Evaluation& e) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO provider_evaluations (period, opinion, snapshot_json, snapshot_sm3, rules_version, "
                                  "created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {e.period, e.opinion, e.snapshot_json, e.snapshot_sm3, e.rules_version, e.created_by, e.created_at}));
  return row->i64(0);
}

Result<std::vector<Evaluation>> evaluations(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, period, opinion, snapshot_json, snapshot_sm3, rules_version, created_by, created_at "
                               "FROM provider_evaluations ORDER BY id DESC"));
  std::vector<Evaluation> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6), r.i64(7)});
  return out;
}

}  // namespace sz::reviews::store
