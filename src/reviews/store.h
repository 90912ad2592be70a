// SQL of expert review: profiles, rounds, members.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::reviews::store {

struct Expert {
  int64_t user_id = 0;
  std::string display_name;  // from the account (filled by the service), for lists
  std::string specialties_json = "[]", industries_json = "[]";
  std::string employer_name, employer_credit_code, phone, address;
  int64_t updated_at = 0;
};
Status upsert_expert(db::Connection& c, const Expert& e);
Result<std::optional<Expert>> expert(db::Connection& c, int64_t user_id);
// Every expert profile, by user id (a few hundred at most per city).
Result<std::vector<Expert>> experts(db::Connection& c);

struct Round {
  int64_t id = 0;
  std::string subject_type;
  int64_t subject_id = 0;
  std::string state;  // "open" | "closed"
  int64_t lead_user_id = 0;
  std::optional<std::string> draw_seed, draw_candidates, draw_excluded;
  std::optional<int64_t> consensus_pass;
  std::optional<std::string> consensus_opinion;
  std::optional<int64_t> average_milli;
  int64_t created_by = 0, created_at = 0;
  std::optional<int64_t> closed_at;
};
Result<int64_t> insert_round(db::Connection& c, const Round& r);
Result<std::optional<Round>> round(db::Connection& c, int64_t id);
Result<std::vector<Round>> rounds_of(db::Connection& c, const std::string& subject_type, int64_t subject_id);
Status close_round(db::Connection& c, int64_t id, bool pass, const std::string& opinion, std::optional<int64_t> average,
                   int64_t at);

struct Member {
  int64_t round_id = 0, user_id = 0;
  std::string status;  // "assigned" | "scored" | "abstained" | "recused"
  std::optional<std::string> scores_json;
  std::optional<int64_t> total;
  std::optional<std::string> comment;
  std::optional<int64_t> submitted_at;
  std::optional<std::string> status_reason;
};
// Ends a round without a verdict: its subject is gone (a terminated project).
Status cancel_round(db::Connection& c, int64_t id, const std::string& reason, int64_t at);
Status insert_member(db::Connection& c, const Member& m);
Status update_member(db::Connection& c, const Member& m);
Result<std::vector<Member>> members(db::Connection& c, int64_t round_id);
// The rounds an expert sits on, newest first.
Result<std::vector<Round>> rounds_of_member(db::Connection& c, int64_t user_id, int64_t limit);

struct Evaluation {
  int64_t id = 0;
  std::string period, opinion, snapshot_json, snapshot_sm3, rules_version;
  int64_t created_by = 0, created_at = 0;
};
Result<int64_t> insert_evaluation(db::Connection& c, const Evaluation& e);
Result<std::vector<Evaluation>> evaluations(db::Connection& c);

}  // namespace sz::reviews::store
