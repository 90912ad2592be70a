// SQL of 企商互动: needs, proposals, message threads, matchmaking events and registrations.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "exchange/service.h"
#include "infra/db/db.h"

namespace sz::exchange::store {

Result<int64_t> insert_need(db::Connection& c, const Need& n);
Result<std::optional<Need>> need(db::Connection& c, int64_t id);
Status set_need_status(db::Connection& c, int64_t id, const std::string& status, std::optional<int64_t> closed_at,
                       const std::optional<std::string>& close_reason = std::nullopt);
struct NeedFilter {
  bool all = false;
  std::vector<std::string> districts;
  std::vector<int64_t> enterprise_ids;
  bool open_to_providers = false;            // providers see every open need …
  std::optional<int64_t> answered_by;        // … and those they answered
  std::string status, category;
};
Result<std::vector<Need>> needs(db::Connection& c, const NeedFilter& f, int64_t limit, int64_t offset, int64_t* total);

Result<int64_t> insert_proposal(db::Connection& c, const Proposal& p);
Result<std::vector<Proposal>> proposals(db::Connection& c, int64_t need_id);
Status set_proposal_status(db::Connection& c, int64_t need_id, int64_t accepted_id);

Result<int64_t> insert_message(db::Connection& c, const Message& m);
Result<std::vector<Message>> messages(db::Connection& c, int64_t need_id);

Result<int64_t> insert_event(db::Connection& c, const Event& e);
Result<std::vector<Event>> events(db::Connection& c);
Result<std::optional<Event>> event(db::Connection& c, int64_t id);
// false when already registered
Result<bool> register_user(db::Connection& c, int64_t event_id, int64_t user_id, const std::string& party, int64_t at);
Result<std::vector<std::pair<int64_t, std::string>>> registrations(db::Connection& c, int64_t event_id);
Result<bool> is_registered(db::Connection& c, int64_t event_id, int64_t user_id);

}  // namespace sz::exchange::store
