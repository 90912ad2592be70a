#include "assessment/api.h"

namespace sz::assessment {

namespace bj = boost::json;

Result<Answers> answers_from(const bj::object& o) {
  Answers a;
  if (auto* v = o.if_contains("answers"); v && !v->is_null()) {
    if (!v->is_object()) return err::invalid("answers", "answers 应为对象：题号 → 选项字母数组");
    for (const auto& kv : v->as_object()) {
      std::string key(kv.key());
      std::string field = "answers." + key;
      int no = 0;
      if (key.empty() || key.size() > 3 || key.find_first_not_of("0123456789") != std::string::npos)
        return err::invalid(field, "题号应为数字：" + key);
      no = std::stoi(key);
      if (!kv.value().is_array()) return err::invalid(field, "第" + key + "题的答案应为选项字母数组");
      std::vector<std::string> letters;
      for (const auto& l : kv.value().as_array()) {
        if (!l.is_string() || l.as_string().size() > 2) return err::invalid(field, "第" + key + "题的选项应为字母");
        letters.emplace_back(l.as_string());
      }
      a.choices[no] = std::move(letters);
    }
  }
  if (auto* v = o.if_contains("scenes"); v && !v->is_null()) {
    if (!v->is_object()) return err::invalid("scenes", "scenes 应为对象：场景名称 → 等级 0–4");
    for (const auto& kv : v->as_object()) {
      std::string name(kv.key());
      if (!kv.value().is_int64()) return err::invalid("scenes." + name, "场景「" + name + "」的等级应为 0–4 的整数");
      int64_t level = kv.value().as_int64();
      if (level < 0 || level > 4) return err::invalid("scenes." + name, "场景「" + name + "」的等级应为 0–4");
      a.scenes[name] = static_cast<int>(level);
    }
  }
  return a;
}

namespace {
bj::value points(int64_t thousandths) { return bj::parse(format_points(thousandths)); }

bj::object evaluation_json(const Evaluation& e) {
  bj::object dims;
  for (const auto& [code, v] : e.dimensions) dims[code] = points(v);
  bj::object questions;
  for (const auto& [no, v] : e.question_points) questions[std::to_string(no)] = points(v);
  bj::array scenes_at, mandatory_at;
  for (int l = 1; l <= 4; ++l) {
    scenes_at.emplace_back(e.scenes_at[l]);
    mandatory_at.emplace_back(e.mandatory_at[l]);
  }
  return bj::object{{"score", points(e.score)},
                    {"dimensions", std::move(dims)},
                    {"level", e.level},
                    {"explanation", e.explanation},
                    {"question_points", std::move(questions)},
                    {"scenes_at_level", std::move(scenes_at)},
                    {"mandatory_at_level", std::move(mandatory_at)}};
}

// Stored dimension scores are thousandths, like every stored score; the API speaks points.
bj::object dimensions_in_points(const std::string& stored) {
  bj::value parsed = bj::parse(stored);
  bj::object out;
  for (const auto& kv : parsed.as_object()) out[kv.key()] = points(kv.value().to_number<int64_t>());
  return out;
}

bj::object row_json(const store::Row& r) {
  return bj::object{{"id", r.id},
                    {"enterprise_id", r.enterprise_id},
                    {"model_version", r.model_version},
                    {"kind", r.kind},
                    {"kind_name", r.kind == "self" ? "自评" : "现场评定"},
                    {"status", r.status},
                    {"status_name", r.status == "draft" ? "草稿" : "已提交"},
                    {"answers", bj::parse(r.answers_json)},
                    {"scenes", bj::parse(r.scenes_json)},
                    {"score", points(r.score)},
                    {"dimensions", dimensions_in_points(r.dimensions_json)},
                    {"level", r.level},
                    {"explanation", r.explanation},
                    {"created_by", bj::object{{"id", r.created_by}, {"name", r.created_by_name}}},
                    {"created_at", iso_utc(r.created_at)},
                    {"updated_at", iso_utc(r.updated_at)},
                    {"submitted_at", r.submitted_at ? bj::value(iso_utc(*r.submitted_at)) : bj::value(nullptr)}};
}

std::string letters_text(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x;
  return s;
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.pub("GET", "/api/v1/assessment-models", [&svc](http::Request&) -> Result<http::Response> {
    bj::array items;
    for (const auto& [version, l] : svc.models())
      items.push_back(bj::object{{"model", l.model.model}, {"version", version}, {"questions", l.model.questions.size()},
                                 {"scenes", l.model.scenes.size()}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.pub("GET", "/api/v1/assessment-models/{version}", [&svc](http::Request& req) -> Result<http::Response> {
    auto l = svc.model(req.path_params["version"]);
    if (!l) return err::not_found("评测模型不存在：" + req.path_params["version"]);
    http::Response r;
    r.body = (*l)->json;
    return r;
  });

  routes.authed("POST", "/api/v1/assessments/evaluate", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"model", "answers", "scenes"}));
    SZ_ASSIGN(auto model, json::optional_string(o, "model", "评测模型", 40));
    SZ_ASSIGN(auto a, answers_from(o));
    SZ_ASSIGN(auto e, svc.evaluate(model.value_or("2024"), a));
    return json::reply(200, evaluation_json(e));
  });

  routes.authed("GET", "/api/v1/enterprises/{id}/assessments", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto rows, svc.history(p, id));
    bj::array items;
    for (const auto& r : rows) items.push_back(row_json(r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/enterprises/{id}/assessments", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"kind", "model"}));
    SZ_ASSIGN(auto kind, json::required_string(o, "kind", "评测类型", 10));
    SZ_ASSIGN(auto model, json::optional_string(o, "model", "评测模型", 40));
    SZ_ASSIGN(auto r, svc.create(p, auth::origin_of(req), id, kind, model.value_or("")));
    return json::reply(201, row_json(r));
  });

  routes.authed("POST", "/api/v1/enterprises/{id}/assessors", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"expert_user_id"}));
    SZ_ASSIGN(auto expert, json::optional_int(o, "expert_user_id", "专家用户编号"));
    if (!expert) return err::invalid("expert_user_id", "请指定专家用户编号");
    SZ_TRY(svc.assign(p, auth::origin_of(req), id, *expert));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/assessments/compare", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    auto a = req.query_param("a"), b = req.query_param("b");
    if (!a || !b || a->find_first_not_of("0123456789") != std::string::npos || a->empty() || a->size() > 18 ||
        b->find_first_not_of("0123456789") != std::string::npos || b->empty() || b->size() > 18)
      return err::invalid("a", "请用 a、b 两个参数指定要比较的评测编号");
    SZ_ASSIGN(auto cmp, svc.compare(p, std::stoll(*a), std::stoll(*b)));
    SZ_ASSIGN(const Loaded* model, svc.model(cmp.a.model_version));
    bj::array questions;
    for (const auto& q : model->model.questions) {
      auto pick = [&](const Answers& x) {
        auto it = x.choices.find(q.no);
        return it == x.choices.end() ? std::string() : letters_text(it->second);
      };
      auto pts = [&](const Evaluation& e) {
        auto it = e.question_points.find(q.no);
        return points(it == e.question_points.end() ? 0 : it->second);
      };
      std::string ca = pick(cmp.answers_a), cb = pick(cmp.answers_b);
      questions.push_back(bj::object{{"no", q.no}, {"title", q.title}, {"dimension", q.dimension}, {"a", ca}, {"b", cb},
                                     {"a_points", pts(cmp.ea)}, {"b_points", pts(cmp.eb)}, {"changed", ca != cb}});
    }
    bj::array scenes;
    for (const auto& s : model->model.scenes) {
      auto lv = [&](const Answers& x) {
        auto it = x.scenes.find(s.name);
        return it == x.scenes.end() ? 0 : it->second;
      };
      scenes.push_back(bj::object{{"name", s.name}, {"mandatory", s.mandatory}, {"a", lv(cmp.answers_a)},
                                  {"b", lv(cmp.answers_b)}, {"changed", lv(cmp.answers_a) != lv(cmp.answers_b)}});
    }
    return json::reply(200, bj::object{{"a", row_json(cmp.a)},
                                       {"b", row_json(cmp.b)},
                                       {"questions", std::move(questions)},
                                       {"scenes", std::move(scenes)}});
  });

  routes.authed("GET", "/api/v1/assessments/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto r, svc.get(p, id));
    return json::reply(200, row_json(r));
  });

  routes.authed("PUT", "/api/v1/assessments/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"answers", "scenes"}));
    SZ_ASSIGN(auto a, answers_from(o));
    SZ_ASSIGN(auto r, svc.save(p, auth::origin_of(req), id, a));
    return json::reply(200, row_json(r));
  });

  routes.authed("POST", "/api/v1/assessments/{id}/submit", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto r, svc.submit(p, auth::origin_of(req), id));
    return json::reply(200, row_json(r));
  });
}

}  // namespace sz::assessment
