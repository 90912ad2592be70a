#include "coaching/api.h"

#include <limits>

namespace sz::coaching {

namespace bj = boost::json;

namespace {
using json::opt_value;

bj::value at_or_null(const std::optional<int64_t>& t) { return t ? bj::value(iso_utc(*t)) : bj::value(nullptr); }

bj::object code_name(const CodeName* c, const std::string& code) {
  return bj::object{{"code", code}, {"name", c ? c->name : code}};
}

// A request as every answer has it (list rows and details).
bj::object request_json(const Rules& rules, const View& v) {
  const auto& r = v.request;
  const workflow::State* s = rules.workflow.state(r.state);
  bj::value expert = r.expert_user_id ? bj::value(bj::object{{"id", *r.expert_user_id}, {"name", v.expert_name}})
                                      : bj::value(nullptr);
  return bj::object{{"id", r.id},
                    {"enterprise", bj::object{{"id", r.enterprise_id}, {"name", v.enterprise_name}}},
                    {"district", bj::object{{"code", r.district_code}, {"name", v.district_name}}},
                    {"topic", code_name(rules.topic(r.topic), r.topic)},
                    {"mode", code_name(rules.mode(r.mode), r.mode)},
                    {"needs", r.needs},
                    {"state", r.state},
                    {"state_name", s ? s->name : r.state},
                    {"waiting_for", s ? s->waiting : ""},
                    {"expert", std::move(expert)},
                    {"reason", opt_value(r.reason)},
                    {"summary", opt_value(r.summary)},
                    {"rating", opt_value(r.rating)},
                    {"comment", opt_value(r.comment)},
                    {"session_count", r.sessions},
                    {"minutes_total", r.minutes},
                    {"requested_at", iso_utc(r.created_at)},
                    {"assigned_at", at_or_null(r.assigned_at)},
                    {"closed_at", at_or_null(r.closed_at)},
                    {"rated_at", at_or_null(r.rated_at)},
                    {"updated_at", iso_utc(r.updated_at)}};
}

// A detail: the request with its sessions and the moves open to the caller.
bj::object detail_json(const Rules& rules, const View& v) {
  bj::object o = request_json(rules, v);
  bj::array sessions, actions;
  for (size_t i = 0; i < v.sessions.size(); ++i) {
    const auto& s = v.sessions[i];
    sessions.push_back(bj::object{{"id", s.id},
                                  {"held_on", s.held_on},
                                  {"minutes", s.minutes},
                                  {"mode", code_name(rules.mode(s.mode), s.mode)},
                                  {"content", s.content},
                                  {"advice", s.advice},
                                  {"recorded_by", i < v.session_recorders.size() ? v.session_recorders[i] : ""},
                                  {"recorded_at", iso_utc(s.recorded_at)}});
  }
  for (const workflow::Move* m : v.actions)
    actions.push_back(bj::object{{"action", m->action}, {"name", m->name}, {"needs_reason", m->needs_reason},
                                 {"input", m->input.empty() ? "none" : m->input}});
  o["sessions"] = std::move(sessions);
  o["actions"] = std::move(actions);
  return o;
}

bj::object reference_json(const Rules& rules) {
  bj::array topics, modes, states;
  for (const auto& t : rules.topics) topics.push_back(bj::object{{"code", t.code}, {"name", t.name}});
  for (const auto& m : rules.modes) modes.push_back(bj::object{{"code", m.code}, {"name", m.name}});
  for (const auto& s : rules.workflow.states) states.push_back(bj::object{{"code", s.code}, {"name", s.name}, {"waiting", s.waiting}});
  return bj::object{{"version", rules.version},
                    {"topics", std::move(topics)},
                    {"modes", std::move(modes)},
                    {"states", std::move(states)},
                    {"session_minutes", bj::object{{"min", rules.session_min_minutes}, {"max", rules.session_max_minutes}}}};
}

// A field of the nested `session` object is named as such in a refusal ("session.minutes").
template <class T>
Result<T> in_session(Result<T> r) {
  if (r) return r;
  Error e = r.take_error();
  if (!e.field.empty() && e.field.rfind("session.", 0) != 0) e.field = "session." + e.field;
  return e;
}

Result<SessionFacts> session_input(const bj::object& body, const Rules& rules) {
  auto* v = body.if_contains("session");
  if (!v || !v->is_object()) return err::invalid("session", "辅导记录应为对象 {held_on, minutes, mode, content, advice}");
  const auto& o = v->as_object();
  SZ_TRY(json::only_keys(o, {"held_on", "minutes", "mode", "content", "advice"}, "session"));
  SessionFacts s;
  SZ_ASSIGN(s.held_on, in_session(json::required_string(o, "held_on", "辅导日期", 10)));
  SZ_ASSIGN(s.minutes, in_session(json::required_int(o, "minutes", "辅导时长（分钟）", rules.session_min_minutes,
                                                     rules.session_max_minutes)));
  SZ_ASSIGN(s.mode, in_session(json::required_string(o, "mode", "辅导方式", 20)));
  SZ_ASSIGN(s.content, in_session(json::required_string(o, "content", "辅导内容", 2000)));
  SZ_ASSIGN(s.advice, in_session(json::required_string(o, "advice", "专家建议", 2000)));
  return s;
}

// The body of a move: its action, then exactly what the action's input carries (anything else is refused by name).
Result<MoveInput> move_input(const bj::object& o, const Rules& rules) {
  SZ_ASSIGN(auto action, json::required_string(o, "action", "操作", 40));
  const workflow::Move* m = rules.workflow.move(action);
  if (!m) return err::invalid("action", "未知的操作：" + action);
  MoveInput in;
  in.action = action;
  switch (rules.input_of(*m)) {
    case Input::none:
      SZ_TRY(json::only_keys(o, {"action"}));
      break;
    case Input::expert: {
      SZ_TRY(json::only_keys(o, {"action", "expert_user_id"}));
      SZ_ASSIGN(in.expert_user_id, json::required_int(o, "expert_user_id", "辅导专家", 1, std::numeric_limits<int64_t>::max()));
      break;
    }
    case Input::reason: {
      SZ_TRY(json::only_keys(o, {"action", "reason"}));
      SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "原因", 500));
      in.reason = reason.value_or("");
      break;
    }
    case Input::session: {
      SZ_TRY(json::only_keys(o, {"action", "session"}));
      SZ_ASSIGN(in.session, session_input(o, rules));
      break;
    }
    case Input::summary: {
      SZ_TRY(json::only_keys(o, {"action", "summary"}));
      SZ_ASSIGN(in.summary, json::required_string(o, "summary", "辅导总结", 2000));
      break;
    }
    case Input::rating: {
      SZ_TRY(json::only_keys(o, {"action", "rating", "comment"}));
      SZ_ASSIGN(in.rating, json::required_int(o, "rating", "评分", 1, 5));
      SZ_ASSIGN(in.comment, json::required_string(o, "comment", "评价意见", 500));
      break;
    }
  }
  return in;
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.pub("GET", "/api/v1/coaching-reference", [&svc](http::Request&) -> Result<http::Response> {
    return json::reply(200, reference_json(svc.rules()));
  });

  routes.authed("GET", "/api/v1/coaching", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::Filter f{req.query_param("state").value_or(""), req.query_param("topic").value_or("")};
    SZ_ASSIGN(auto list, svc.list(p, f, page.size, page.offset()));
    bj::array items;
    for (const auto& v : list.items) items.push_back(request_json(svc.rules(), v));
    bj::object body = json::page_reply(std::move(items), list.total, page);
    body["can_request"] = list.can_request;
    return json::reply(200, body);
  });

  routes.authed("POST", "/api/v1/coaching", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"topic", "needs", "mode"}));
    RequestInput in;
    SZ_ASSIGN(in.topic, json::required_string(o, "topic", "辅导主题", 40));
    SZ_ASSIGN(in.needs, json::required_string(o, "needs", "辅导需求", 2000));
    SZ_ASSIGN(in.mode, json::required_string(o, "mode", "辅导方式", 20));
    SZ_ASSIGN(auto v, svc.request(p, auth::origin_of(req), in));
    return json::reply(201, detail_json(svc.rules(), v));
  });

  routes.authed("GET", "/api/v1/coaching/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.get(p, id));
    return json::reply(200, detail_json(svc.rules(), v));
  });

  routes.authed("POST", "/api/v1/coaching/{id}/transitions",
                [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
                  SZ_ASSIGN(int64_t id, json::id_param(req));
                  SZ_ASSIGN(auto o, json::parse_object(req.body));
                  SZ_ASSIGN(auto in, move_input(o, svc.rules()));
                  SZ_ASSIGN(auto v, svc.move(p, auth::origin_of(req), id, in));
                  return json::reply(200, detail_json(svc.rules(), v));
                });
}

}  // namespace sz::coaching
