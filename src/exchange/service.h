// Use cases of 企商互动: enterprises post needs by scenario category; matching listed providers and products are
// suggested (industry, category, stars); providers answer with proposals; each need has a message thread; the city
// holds 供需对接会 that enterprises and providers register for. New responses and messages notify the other side.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "catalog/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/workflow.h"
#include "projects/service.h"

namespace sz::exchange {

struct Need {
  int64_t id = 0, enterprise_id = 0;
  std::string district_code, industry_code, category, title, description;
  std::optional<int64_t> budget_fen;
  std::string status;  // open | matched | closed
  int64_t created_by = 0, created_at = 0;
  std::optional<int64_t> closed_at;
  std::optional<std::string> close_reason;
};
struct Proposal {
  int64_t id = 0, need_id = 0, provider_id = 0;
  std::optional<int64_t> product_id;
  std::string summary;
  int64_t price_fen = 0;
  std::string status;  // submitted | accepted | declined
  int64_t created_by = 0, created_at = 0;
};
struct Message {
  int64_t id = 0, need_id = 0, author_id = 0;
  std::string author_name, body;
  int64_t created_at = 0;
};
struct Event {
  int64_t id = 0;
  std::string title, held_on, place;
  std::optional<std::string> industry_code;
  int64_t capacity = 0, created_at = 0, registered = 0;
  bool mine = false;  // the caller has registered
};

// A move the caller may make on a need now: propose, accept, close, message.
struct NeedAction {
  std::string action, name;
};

struct NeedView {
  Need need;
  std::string enterprise_name;
  std::vector<Proposal> proposals;  // all for the enterprise's side and the city; a provider sees its own
  std::vector<Message> messages;
  std::map<int64_t, std::string> provider_names, product_names;
  std::vector<NeedAction> actions;
};
struct NeedRow {
  Need need;
  std::string enterprise_name;
};

struct Suggestion {
  std::vector<catalog::ProductView> products;
  std::vector<projects::ScorecardView> providers;
};

class Service {
 public:
  // `matching`: a need's way from 征集中 to 已对接 or 已关闭 (data/need-matching.json).
  Service(std::shared_ptr<db::Database> db, const Clock& clock, catalog::Service& catalog, projects::Service& projects,
          workflow::Workflow matching)
      : db_(std::move(db)), clock_(clock), catalog_(catalog), projects_(projects), matching_(std::move(matching)) {}
  // The matching workflow, refused when it names a guard the service does not check.
  static Result<workflow::Workflow> parse_matching(std::string_view json);
  const workflow::Workflow& matching() const { return matching_; }

  Result<NeedRow> post(const auth::Principal& p, const auth::Origin& from, std::optional<int64_t> enterprise_id,
                    const std::string& category, const std::string& title, const std::string& description,
                    std::optional<int64_t> budget_fen);
  // The caller's needs, newest first: officials' and enterprises' in their scope; for a provider, the open ones and
  // those it answered.
  Result<std::vector<NeedRow>> needs(const auth::Principal& p, const std::string& status, const std::string& category,
                                     int64_t limit, int64_t offset, int64_t* total);
  Result<NeedView> need(const auth::Principal& p, int64_t id);
  Result<Suggestion> suggest(const auth::Principal& p, int64_t id);
  Result<Proposal> propose(const auth::Principal& p, const auth::Origin& from, int64_t need_id,
                           std::optional<int64_t> product_id, const std::string& summary, int64_t price_fen);
  Status accept(const auth::Principal& p, const auth::Origin& from, int64_t need_id, int64_t proposal_id);
  Status close(const auth::Principal& p, const auth::Origin& from, int64_t need_id, const std::string& reason);
  Result<Message> say(const auth::Principal& p, const auth::Origin& from, int64_t need_id, const std::string& body);

  Result<Event> add_event(const auth::Principal& p, const auth::Origin& from, Event e);
  Result<std::vector<Event>> events(const auth::Principal& p);
  Status register_for(const auth::Principal& p, const auth::Origin& from, int64_t event_id);
  Result<std::vector<std::pair<std::string, std::string>>> registrations(const auth::Principal& p, int64_t event_id);

  // The caller's relation to one need: the enterprise that posted it, an official in scope, a provider that may see it.
  struct Access {
    bool owner = false, official = false, provider = false;
  };

 private:
  // What the caller may do on the need now: the workflow's open moves (propose, accept and close decide the same
  // way), then 留言 unless the caller's proposal was turned down.
  std::vector<NeedAction> actions_of(const auth::Principal& p, const Need& n, const Access& a,
                                     const std::vector<Proposal>& proposals) const;
  // The move `action` on the need, or why the caller may not take it now.
  Result<const workflow::Move*> decide(const auth::Principal& p, const Need& n, const Access& a,
                                       const std::vector<Proposal>& proposals, const std::string& action) const;
  Result<std::pair<Need, Access>> load(db::Connection& c, const auth::Principal& p, int64_t id);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  catalog::Service& catalog_;
  projects::Service& projects_;
  workflow::Workflow matching_;
};

}  // namespace sz::exchange
