#include "notify/api.h"

#include "notify/notify.h"

namespace sz::notify {

namespace bj = boost::json;

void register_routes(auth::Routes& routes, std::shared_ptr<db::Database> db, const Clock& clock) {
  routes.authed("GET", "/api/v1/notifications", [db](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto* c, db->local());
    SZ_ASSIGN(auto list, of_user(*c, p.user_id, req.query_param("unread").value_or("") == "1", 100));
    SZ_ASSIGN(int64_t unread, unread_count(*c, p.user_id));
    bj::array items;
    for (const auto& n : list)
      items.push_back(bj::object{{"id", n.id}, {"kind", n.kind}, {"title", n.title}, {"link", n.link},
                                 {"created_at", iso_utc(n.created_at)}, {"read", n.read_at.has_value()}});
    return json::reply(200, bj::object{{"items", std::move(items)}, {"unread", unread}});
  });

  routes.authed("POST", "/api/v1/notifications/{id}/read", [db, &clock](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto* c, db->local());
    SZ_ASSIGN(bool done, mark_read(*c, p.user_id, id, clock.now()));
    if (!done) return err::not_found("消息不存在");
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/notifications/read-all", [db, &clock](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto* c, db->local());
    SZ_TRY(mark_read(*c, p.user_id, 0, clock.now()));
    return http::no_content();
  });
}

}  // namespace sz::notify
