// SQL of 一对一辅导: the requests (with their counts of sessions and minutes kept on write) and the sessions.
// Written once for SQLite and PostgreSQL; state changes are conditional on the state read, so two callers
// moving the same request at once cannot both succeed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::coaching::store {

struct Request {
  int64_t id = 0, enterprise_id = 0;
  std::string district_code;  // the enterprise's district when it asked: whose officers read the request
  std::string topic, needs, mode, state;
  std::optional<int64_t> expert_user_id;
  int64_t requested_by = 0;
  std::optional<std::string> reason;  // given when declining (required) or withdrawing (optional)
  std::optional<std::string> summary, comment;
  std::optional<int64_t> rating;
  int64_t sessions = 0, minutes = 0;
  int64_t created_at = 0, updated_at = 0;
  std::optional<int64_t> assigned_at, closed_at, rated_at;
};
Result<int64_t> insert_request(db::Connection& c, const Request& r);
Result<std::optional<Request>> request(db::Connection& c, int64_t id);
// Writes the request's state and what its moves set, only while it is still in `expected_state`; false when another
// caller moved it first.
Result<bool> update_request(db::Connection& c, const Request& r, const std::string& expected_state);

// Whose requests a list holds: all, or any of a district's, an enterprise's, an expert's (none: nothing).
struct Scope {
  bool all = false;
  std::optional<std::string> district;
  std::optional<int64_t> enterprise_id, expert_user_id;
};
struct Filter {
  std::string state, topic;  // "" for any
};
// Newest first.
Result<std::vector<Request>> requests(db::Connection& c, const Scope& s, const Filter& f, int64_t limit, int64_t offset,
                                      int64_t* total);

struct Session {
  int64_t id = 0, request_id = 0;
  std::string held_on;
  int64_t minutes = 0;
  std::string mode, content, advice;
  int64_t recorded_by = 0, recorded_at = 0;
};
// Adds a session and counts it on its request, while the request is in `expected_state`; false otherwise.
Result<bool> add_session(db::Connection& c, Session& s, const std::string& expected_state);
// In the order they were held.
Result<std::vector<Session>> sessions(db::Connection& c, int64_t request_id);

}  // namespace sz::coaching::store
