// Use cases of 一对一辅导 (方案三(六)). An enterprise account asks for coaching; the city admin assigns an expert
// account or declines with a reason; the enterprise may withdraw before the assignment; the assigned expert records
// sessions and closes the coaching with a summary; the enterprise rates it once. Who may take which move, from
// which state, is data/coaching.json (rules.h); every answer about a request lists the moves open to its caller.
//
// Who reads what: an enterprise its own requests, a district officer (read only) those of its district's
// enterprises, an expert those assigned to it, the city admin all; anyone else is refused (403), and a request that
// does not exist is a 404. Every write runs in one transaction with its audit entry and the notifications it sends
// (the expert when assigned; the enterprise's accounts when assigned, declined and closed).
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "auth/service.h"
#include "coaching/rules.h"
#include "coaching/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::coaching {

struct RequestInput {
  std::string topic, needs, mode;
};

// A move as the caller sent it: the action and what its input kind carries (rules.h `Input`).
struct MoveInput {
  std::string action;
  std::optional<int64_t> expert_user_id;  // expert
  std::string reason;                     // reason
  std::optional<SessionFacts> session;    // session
  std::string summary;                    // summary
  std::optional<int64_t> rating;          // rating, with comment
  std::string comment;
};

// A request as its reader sees it: with the names of its enterprise, district and expert, and — in a detail — its
// sessions and the moves open to the reader.
struct View {
  store::Request request;
  std::string enterprise_name, district_name, expert_name;
  std::vector<store::Session> sessions;
  std::vector<std::string> session_recorders;  // the name of who recorded each session, in the order of `sessions`
  std::vector<const workflow::Move*> actions;
};

struct Page {
  std::vector<View> items;
  int64_t total = 0;
  bool can_request = false;  // the caller may ask for coaching (an enterprise's account)
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, Rules rules)
      : db_(std::move(db)), clock_(clock), rules_(std::move(rules)) {}
  // data/coaching.json
  static Result<Rules> parse_rules(std::string_view json);
  const Rules& rules() const { return rules_; }

  Result<View> request(const auth::Principal& p, const auth::Origin& from, const RequestInput& in);
  Result<Page> list(const auth::Principal& p, const store::Filter& f, int64_t limit, int64_t offset);
  Result<View> get(const auth::Principal& p, int64_t id);
  Result<View> move(const auth::Principal& p, const auth::Origin& from, int64_t id, const MoveInput& in);

 private:
  // The request and the caller's parts in it; 404 when there is none, 403 when the caller has no part.
  Result<std::pair<store::Request, workflow::Parties>> load(db::Connection& c, const auth::Principal& p, int64_t id);
  // The guards that hold for the request now.
  workflow::Holding holding(const store::Request& r) const;
  // Names, sessions (for a detail) and open moves.
  // `districts`: code → name, read once per answer (a page of requests shares it).
  Result<View> view(db::Connection& c, const store::Request& r, const workflow::Parties* parties, bool detail,
                    const std::map<std::string, std::string>& districts);
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Rules rules_;
};

}  // namespace sz::coaching
