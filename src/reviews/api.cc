#include "reviews/api.h"

#include "infra/text.h"
#include "registry/credit_code.h"

namespace sz::reviews {

namespace bj = boost::json;

namespace {
using json::opt_value;

const char* subject_type_name(const std::string& t) {
  return t == "project" ? "项目立项评审" : t == "acceptance" ? "项目验收评审" : t == "provider" ? "服务商入库评审" : t == "product" ? "产品入库评审" : "";
}
const char* member_status_name(const std::string& s) {
  return s == "assigned" ? "待评分" : s == "scored" ? "已提交" : s == "abstained" ? "主动回避" : s == "recused" ? "责令回避" : "";
}

bj::object expert_json(const store::Expert& e) {
  return bj::object{{"user_id", e.user_id},
                    {"name", e.display_name},
                    {"specialties", bj::parse(e.specialties_json)},
                    {"industries", bj::parse(e.industries_json)},
                    {"employer_name", e.employer_name},
                    {"employer_credit_code", e.employer_credit_code},
                    {"phone", e.phone},
                    {"address", e.address},
                    {"updated_at", iso_utc(e.updated_at)}};
}

bj::object round_summary(const store::Round& r) {
  return bj::object{{"id", r.id},
                    {"subject_type", r.subject_type},
                    {"subject_type_name", subject_type_name(r.subject_type)},
                    {"subject_id", r.subject_id},
                    {"state", r.state},
                    {"state_name", r.state == "open" ? "评审中" : r.state == "cancelled" ? "已撤销（项目终止）" : "已结束"},
                    {"lead_user_id", r.lead_user_id},
                    {"consensus_pass", r.consensus_pass ? bj::value(*r.consensus_pass != 0) : bj::value(nullptr)},
                    {"consensus_opinion", opt_value(r.consensus_opinion)},
                    {"average_milli", opt_value(r.average_milli)},
                    {"created_at", iso_utc(r.created_at)},
                    {"closed_at", r.closed_at ? bj::value(iso_utc(*r.closed_at)) : bj::value(nullptr)}};
}

bj::object summary_json(const RoundSummary& s) {
  bj::object o = round_summary(s.round);
  o["subject_name"] = s.subject_name;
  return o;
}

bj::object round_json(const RoundView& v) {
  bj::object o = round_summary(v.round);
  o["subject_name"] = v.subject_name;
  if (v.round.draw_seed) {
    bj::array candidates, excluded;
    const bj::value drawn = bj::parse(*v.round.draw_candidates), left_out = bj::parse(*v.round.draw_excluded);
    for (const auto& x : drawn.as_array())
      candidates.push_back(bj::object{{"user_id", x}, {"name", v.user_names.at(x.as_int64())}});
    for (const auto& x : left_out.as_array()) {
      bj::object e = x.as_object();
      e["name"] = v.user_names.at(e.at("user_id").as_int64());
      excluded.push_back(std::move(e));
    }
    o["draw"] = bj::object{{"seed", *v.round.draw_seed}, {"candidates", std::move(candidates)}, {"excluded", std::move(excluded)}};
  } else {
    o["draw"] = nullptr;
  }
  if (v.rubric) {
    bj::array items;
    for (const auto& i : v.rubric->items) items.push_back(bj::object{{"code", i.code}, {"name", i.name}, {"max", i.max}});
    o["rubric"] = bj::object{{"name", v.rubric->name}, {"pass_score", v.rubric->pass_score}, {"items", std::move(items)}};
  }
  bj::array members;
  for (const auto& mv : v.members) {
    const auto& m = mv.member;
    bj::array conflicts;
    for (const auto& c : mv.conflicts) conflicts.push_back(bj::value(c));
    members.push_back(bj::object{{"user_id", m.user_id},
                                 {"name", mv.name},
                                 {"lead", m.user_id == v.round.lead_user_id},
                                 {"status", m.status},
                                 {"status_name", member_status_name(m.status)},
                                 {"status_reason", opt_value(m.status_reason)},
                                 {"scores", m.scores_json ? bj::parse(*m.scores_json) : bj::value(nullptr)},
                                 {"total", opt_value(m.total)},
                                 {"comment", opt_value(m.comment)},
                                 {"locked", m.submitted_at.has_value()},
                                 {"conflicts", std::move(conflicts)}});
  }
  o["members"] = std::move(members);
  return o;
}

bj::object evaluation_json(const store::Evaluation& e, bool with_snapshot) {
  bj::object o{{"id", e.id}, {"period", e.period}, {"opinion", e.opinion}, {"snapshot_sm3", e.snapshot_sm3},
               {"rules_version", e.rules_version}, {"created_at", iso_utc(e.created_at)}};
  if (with_snapshot) o["scorecards"] = bj::parse(e.snapshot_json);
  return o;
}

Result<std::string> reason_field(const bj::object& o) {
  SZ_ASSIGN(auto reason, json::required_string(o, "reason", "原因", 1000));
  return text::trim(reason);
}

Result<std::string> id_list_json(const bj::object& o, const char* key, const char* label) {
  SZ_ASSIGN(auto list, json::string_list(o, key, label));
  bj::array a;
  for (auto& s : list) a.push_back(bj::value(s));
  return bj::serialize(a);
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.pub("GET", "/api/v1/review-rubrics", [&svc](http::Request&) -> Result<http::Response> {
    bj::array items;
    for (const auto& r : svc.rubrics()) {
      bj::array its;
      for (const auto& i : r.items) its.push_back(bj::object{{"code", i.code}, {"name", i.name}, {"max", i.max}});
      items.push_back(bj::object{{"subject_type", r.subject_type}, {"name", r.name}, {"pass_score", r.pass_score}, {"items", std::move(its)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/provider-evaluations", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"period", "opinion"}));
    SZ_ASSIGN(auto period, json::required_string(o, "period", "考核期间", 40));
    SZ_ASSIGN(auto opinion, json::required_string(o, "opinion", "评估意见", 5000));
    SZ_ASSIGN(auto e, svc.evaluate_providers(p, auth::origin_of(req), period, opinion));
    return json::reply(201, evaluation_json(e, true));
  });

  routes.authed("GET", "/api/v1/provider-evaluations", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.evaluations(p));
    bj::array items;
    for (const auto& e : list) items.push_back(evaluation_json(e, false));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/provider-evaluations/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto e, svc.evaluation(p, id));
    return json::reply(200, evaluation_json(e, true));
  });

  routes.authed("GET", "/api/v1/experts", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.experts(p));
    bj::array items;
    for (const auto& e : list) items.push_back(expert_json(e));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/experts/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto e, svc.expert(p, id));
    return json::reply(200, expert_json(e));
  });

  routes.authed("PUT", "/api/v1/experts/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"specialties", "industries", "employer_name", "employer_credit_code", "phone", "address"}));
    store::Expert e;
    e.user_id = id;
    SZ_ASSIGN(e.specialties_json, id_list_json(o, "specialties", "专业领域"));
    SZ_ASSIGN(e.industries_json, id_list_json(o, "industries", "熟悉行业"));
    SZ_ASSIGN(e.employer_name, json::required_string(o, "employer_name", "所在单位", 100));
    SZ_ASSIGN(auto code, json::optional_string(o, "employer_credit_code", "所在单位统一社会信用代码", 30));
    e.employer_credit_code = registry::normalize_credit_code(code.value_or(""));
    if (!e.employer_credit_code.empty())
      if (auto why = registry::credit_code_problem(e.employer_credit_code)) return err::invalid("employer_credit_code", *why);
    SZ_ASSIGN(auto phone, json::optional_string(o, "phone", "联系电话", 30));
    SZ_ASSIGN(auto address, json::optional_string(o, "address", "地址", 200));
    e.phone = phone.value_or("");
    e.address = address.value_or("");
    SZ_ASSIGN(auto saved, svc.save_expert(p, auth::origin_of(req), e));
    return json::reply(200, expert_json(saved));
  });

  routes.authed("POST", "/api/v1/reviews", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"subject_type", "subject_id", "expert_user_ids", "draw", "lead_user_id"}));
    NewRound in;
    SZ_ASSIGN(in.subject_type, json::required_string(o, "subject_type", "评审对象类型", 20));
    SZ_ASSIGN(in.subject_id, json::required_int(o, "subject_id", "评审对象编号", 1, INT64_MAX));
    if (auto* v = o.if_contains("expert_user_ids"); v && !v->is_null()) {
      if (!v->is_array()) return err::invalid("expert_user_ids", "评审专家应为用户编号数组");
      for (const auto& x : v->as_array()) {
        if (!x.is_int64() || x.as_int64() <= 0) return err::invalid("expert_user_ids", "评审专家应为用户编号数组");
        in.expert_ids.push_back(x.as_int64());
      }
    }
    SZ_ASSIGN(auto draw, json::optional_int(o, "draw", "随机抽取人数"));
    if (draw && (*draw < 1 || *draw > 15)) return err::invalid("draw", "随机抽取人数应为 1–15");
    in.draw = static_cast<size_t>(draw.value_or(0));
    SZ_ASSIGN(in.lead_user_id, json::optional_int(o, "lead_user_id", "评审组长"));
    SZ_ASSIGN(auto v, svc.create_round(p, auth::origin_of(req), in));
    return json::reply(201, round_json(v));
  });

  routes.authed("GET", "/api/v1/reviews/mine", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.my_rounds(p));
    bj::array items;
    for (const auto& r : list) items.push_back(summary_json(r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/reviews", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    auto type = req.query_param("subject_type").value_or("");
    auto id_text = req.query_param("subject_id").value_or("");
    char* end = nullptr;
    long long id = std::strtoll(id_text.c_str(), &end, 10);
    if (type.empty() || id_text.empty() || *end || id <= 0)
      return err::invalid("subject_id", "请给出评审对象类型 subject_type 和编号 subject_id");
    SZ_ASSIGN(auto list, svc.rounds(p, type, id));
    bj::array items;
    for (const auto& r : list) items.push_back(summary_json(r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/reviews/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.round(p, id));
    return json::reply(200, round_json(v));
  });

  routes.authed("POST", "/api/v1/reviews/{id}/abstain", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, reason_field(o));
    SZ_TRY(svc.abstain(p, auth::origin_of(req), id, reason));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/reviews/{id}/recuse", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"user_id", "reason"}));
    SZ_ASSIGN(int64_t user, json::required_int(o, "user_id", "专家用户编号", 1, INT64_MAX));
    SZ_ASSIGN(auto reason, reason_field(o));
    SZ_TRY(svc.recuse(p, auth::origin_of(req), id, user, reason));
    return http::no_content();
  });

  routes.authed("PUT", "/api/v1/reviews/{id}/score", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"scores", "comment", "submit"}));
    auto* sv = o.if_contains("scores");
    if (!sv || !sv->is_object()) return err::invalid("scores", "scores 应为对象：评分项 → 分数");
    std::vector<std::pair<std::string, int64_t>> scores;
    for (const auto& kv : sv->as_object()) {
      if (!kv.value().is_int64()) return err::invalid("scores." + std::string(kv.key()), "分数应为整数");
      scores.emplace_back(std::string(kv.key()), kv.value().as_int64());
    }
    SZ_ASSIGN(auto comment, json::optional_string(o, "comment", "评审意见", 2000));
    SZ_ASSIGN(auto submit, json::optional_bool(o, "submit", "是否提交"));
    SZ_TRY(svc.score(p, auth::origin_of(req), id, scores, comment.value_or(""), submit.value_or(false)));
    SZ_ASSIGN(auto v, svc.round(p, id));
    return json::reply(200, round_json(v));
  });

  routes.authed("POST", "/api/v1/reviews/{id}/reopen", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"user_id", "reason"}));
    SZ_ASSIGN(int64_t user, json::required_int(o, "user_id", "专家用户编号", 1, INT64_MAX));
    SZ_ASSIGN(auto reason, reason_field(o));
    SZ_TRY(svc.reopen(p, auth::origin_of(req), id, user, reason));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/reviews/{id}/consensus", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"pass", "opinion"}));
    SZ_ASSIGN(bool pass, json::required_bool(o, "pass", "是否通过"));
    SZ_ASSIGN(auto opinion, json::required_string(o, "opinion", "综合意见", 2000));
    SZ_ASSIGN(auto v, svc.consensus(p, auth::origin_of(req), id, pass, opinion));
    return json::reply(200, round_json(v));
  });
}

}  // namespace sz::reviews
