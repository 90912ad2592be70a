#include "publish/api.h"

#include "catalog/api.h"
#include "documents/api.h"
#include "infra/text.h"

namespace sz::publish {

namespace bj = boost::json;

namespace {
using json::opt_value;

bj::object article_json(const Service& svc, const store::Article& a, bool with_body) {
  bj::object o{{"id", a.id},
               {"kind", a.kind},
               {"kind_name", kind_name(a.kind)},
               {"title", a.title},
               {"summary", a.summary},
               {"industry", opt_value(a.industry_code)},
               {"state", a.state},
               {"state_name", svc.review_workflow().state_name(a.state)},
               {"author", a.author_name},
               {"review_note", opt_value(a.review_note)},
               {"updated_at", iso_utc(a.updated_at)},
               {"published_at", a.published_at ? bj::value(iso_utc(*a.published_at)) : bj::value(nullptr)}};
  if (with_body) o["body"] = a.body;
  return o;
}

// What the public sees of an article: no author account, no review notes.
// One article as its editors read it, with the moves open to the caller.
bj::object article_detail(const Service& svc, const auth::Principal& p, const store::Article& a) {
  bj::object o = article_json(svc, a, true);
  o["actions"] = json::moves_json(svc.actions(p, a));
  return o;
}

bj::object public_article_json(const store::Article& a, bool with_body) {
  bj::object o{{"id", a.id},
               {"kind", a.kind},
               {"kind_name", kind_name(a.kind)},
               {"title", a.title},
               {"summary", a.summary},
               {"industry", opt_value(a.industry_code)},
               {"published_at", a.published_at ? bj::value(iso_utc(*a.published_at)) : bj::value(nullptr)}};
  if (with_body) o["body"] = a.body;
  return o;
}

Result<ArticleInput> article_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"kind", "title", "summary", "body", "industry"}));
  ArticleInput in;
  SZ_ASSIGN(in.kind, json::optional_string(o, "kind", "类型", 20));
  SZ_ASSIGN(in.title, json::optional_string(o, "title", "标题", 100));
  SZ_ASSIGN(in.summary, json::optional_string(o, "summary", "摘要", 300));
  SZ_ASSIGN(in.body, json::optional_string(o, "body", "正文", 20000));
  SZ_ASSIGN(in.industry, json::optional_string(o, "industry", "行业", 40));
  return in;
}

// The seed's first line: one public look-up per client per interval. A refused look-up is a 429 with Retry-After.
Result<std::optional<http::Response>> refuse_if_too_soon(Service& svc, const http::Request& req) {
  SZ_ASSIGN(auto wait, svc.admit(auth::origin_of(req).ip));
  if (!wait) return std::optional<http::Response>();
  return std::optional<http::Response>(json::error_reply(err::too_many(
      "查询过于频繁：公开查询每 " + std::to_string(svc.interval()) + " 秒限 1 次，请 " + std::to_string(*wait) + " 秒后再试",
      *wait)));
}

Result<std::string> query_text(const http::Request& req) {
  std::string q = text::trim(req.query_param("q").value_or(""));
  if (!text::valid_utf8(q)) return err::invalid("q", "查询内容不是有效的文本");
  size_t n = text::utf8_length(q);
  if (n < 2 || n > 50) return err::invalid("q", "请输入2–50个字的名称，或18位统一社会信用代码");
  return q;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}
std::string figure(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "<3"; }
}  // namespace

void register_routes(auth::Routes& routes, Service& svc, documents::Service& docs, market::Directory& providers) {
  routes.authed("GET", "/api/v1/articles", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::ArticleFilter f;
    f.kind = req.query_param("kind").value_or("");
    f.state = req.query_param("state").value_or("");
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.list(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& a : list) items.push_back(article_json(svc, a, false));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("POST", "/api/v1/articles", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, article_input(o));
    SZ_ASSIGN(auto a, svc.create(p, auth::origin_of(req), in));
    return json::reply(201, article_detail(svc, p, a));
  });

  routes.authed("GET", "/api/v1/articles/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto a, svc.get(p, id));
    return json::reply(200, article_detail(svc, p, a));
  });

  routes.authed("PATCH", "/api/v1/articles/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, article_input(o));
    SZ_ASSIGN(auto a, svc.edit(p, auth::origin_of(req), id, in));
    return json::reply(200, article_detail(svc, p, a));
  });

  routes.authed("POST", "/api/v1/articles/{id}/transitions", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"action", "reason"}));
    SZ_ASSIGN(auto action, json::required_string(o, "action", "操作", 20));
    SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "原因", 1000));
    SZ_ASSIGN(auto a, svc.move(p, auth::origin_of(req), id, action, reason.value_or("")));
    return json::reply(200, article_detail(svc, p, a));
  });

  routes.authed("GET", "/api/v1/articles/{id}/history", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto events, svc.history(p, id));
    bj::array items;
    for (const auto& e : events)
      items.push_back(bj::object{{"action", e.action}, {"from", e.from_state}, {"to", e.to_state}, {"to_name", svc.review_workflow().state_name(e.to_state)},
                                 {"actor", e.actor_name}, {"reason", e.reason}, {"at", iso_utc(e.at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  // ---- the public portal: no login ----

  routes.pub("GET", "/api/v1/public/articles", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.published(req.query_param("kind").value_or(""), page.size, page.offset(), &total));
    bj::array items;
    for (const auto& a : list) items.push_back(public_article_json(a, false));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.pub("GET", "/api/v1/public/articles/{id}", [&svc, &docs](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto a, svc.published_one(id));
    SZ_ASSIGN(auto files, docs.public_list("article", std::to_string(id)));
    bj::object o = public_article_json(a, true);
    bj::array attachments;
    for (const auto& f : files)
      attachments.push_back(bj::object{{"id", f.id}, {"name", f.name}, {"size", f.size}, {"type_label", f.type_label},
                                       {"sha256", f.sha256},
                                       {"download_url", "/api/v1/public/articles/" + std::to_string(id) + "/attachments/" +
                                                            std::to_string(f.id)}});
    o["attachments"] = std::move(attachments);
    return json::reply(200, o);
  });

  routes.pub("GET", "/api/v1/public/articles/{id}/attachments/{doc}", [&svc, &docs](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t doc, json::id_param(req, "doc"));
    SZ_TRY(svc.published_one(id));
    SZ_ASSIGN(auto found, docs.public_open(doc, "article", std::to_string(id)));
    return documents::file_response(found.first, found.second);
  });

  routes.pub("GET", "/api/v1/public/enterprises", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto q, query_text(req));
    SZ_ASSIGN(auto refused, refuse_if_too_soon(svc, req));
    if (refused) return std::move(*refused);
    SZ_ASSIGN(auto found, svc.find_enterprises(q));
    bj::array items;
    for (const auto& e : found)
      items.push_back(bj::object{{"name", e.name}, {"district", e.district}, {"industry", e.industry}, {"stage", e.stage},
                                 {"in_pilot", e.stage != "已退出试点"}});
    return json::reply(200, bj::object{{"q", q}, {"items", std::move(items)}});
  });

  routes.pub("GET", "/api/v1/public/providers", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto q, query_text(req));
    SZ_ASSIGN(auto refused, refuse_if_too_soon(svc, req));
    if (refused) return std::move(*refused);
    SZ_ASSIGN(auto found, svc.find_providers(q));
    bj::array items;
    for (const auto& p : found)
      items.push_back(bj::object{{"id", p.id}, {"name", p.name}, {"kind_name", p.kind_name}, {"in_zhengzhou", p.in_zhengzhou}});
    return json::reply(200, bj::object{{"q", q}, {"items", std::move(items)}});
  });

  // 服务商入库公示: who is in 公示 now, and objections from the public (named; one per client per interval, like a
  // look-up, so the form cannot be used to flood the record).
  routes.pub("GET", "/api/v1/public/provider-notices", [&providers](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, providers.in_notice());
    bj::array items;
    for (const auto& r : list)
      items.push_back(bj::object{{"id", r.base.id},
                                 {"name", r.base.name},
                                 {"credit_code", r.base.credit_code},
                                 {"kind_name", market::provider_kind_name(r.base.kind)},
                                 {"in_zhengzhou", r.base.in_zhengzhou},
                                 {"industries", bj::parse(r.industries_json)},
                                 {"qualifications", r.qualifications},
                                 {"cases", r.cases},
                                 {"notice_from", json::opt_value(r.notice_from)},
                                 {"notice_to", json::opt_value(r.notice_to)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.pub("POST", "/api/v1/public/provider-notices/{id}/objections", [&svc, &providers](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"objector", "content"}));
    SZ_ASSIGN(auto objector, json::required_string(o, "objector", "异议人", 50));
    SZ_ASSIGN(auto content, json::required_string(o, "content", "异议内容", 2000));
    SZ_TRY(market::Directory::check_public_objection(objector, content));
    SZ_ASSIGN(auto refused, refuse_if_too_soon(svc, req));
    if (refused) return std::move(*refused);
    SZ_ASSIGN(auto saved, providers.public_objection(auth::origin_of(req), id, objector, content));
    return json::reply(201, bj::object{{"id", saved.id},
                                       {"received_at", iso_utc(saved.received_at)},
                                       {"message", "异议已收到，市工信局将在公示期满前核查处理"}});
  });

  routes.pub("GET", "/api/v1/public/products", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto q, query_text(req));
    SZ_ASSIGN(auto refused, refuse_if_too_soon(svc, req));
    if (refused) return std::move(*refused);
    SZ_ASSIGN(auto found, svc.find_products(q));
    bj::array items;
    for (const auto& v : found) {
      bj::object o = catalog::product_json(svc.catalog(), v);
      o.erase("status_note");
      items.push_back(std::move(o));
    }
    return json::reply(200, bj::object{{"q", q}, {"items", std::move(items)}});
  });

  routes.pub("GET", "/api/v1/public/open-data", [&svc](http::Request& req) -> Result<http::Response> {
    std::string format = req.query_param("format").value_or("json");
    if (format != "json" && format != "csv") return err::invalid("format", "格式应为 json 或 csv");
    SZ_ASSIGN(auto tables, svc.open_data());
    if (format == "csv") {
      std::string csv = "\xEF\xBB\xBF";  // BOM: Excel opens UTF-8 CSV correctly only with it
      for (const auto& t : tables) {
        csv += csv_field(t.title) + "\n区县";
        for (const auto& c : t.columns) csv += "," + csv_field(c);
        csv += ",合计\n";
        for (size_t i = 0; i < t.rows.size(); ++i) {
          csv += csv_field(t.rows[i]);
          for (const auto& v : t.cells[i]) csv += "," + figure(v);
          csv += "," + figure(t.row_totals[i]) + "\n";
        }
        csv += "合计";
        for (const auto& v : t.column_totals) csv += "," + figure(v);
        csv += "," + figure(t.grand_total) + "\n\n";
      }
      csv += "说明：少于3家企业的数字以“<3”表示，并对可由合计推算出的其他数字一并隐去；0 表示没有企业。\n";
      http::Response r;
      r.body = std::move(csv);
      r.content_type = "text/csv; charset=utf-8";
      r.add_header("Content-Disposition", "attachment; filename=\"open-data.csv\"");
      return r;
    }
    bj::array out;
    for (const auto& t : tables) {
      bj::array rows;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        bj::array cells;
        for (const auto& v : t.cells[i]) cells.push_back(opt_value(v));
        rows.push_back(bj::object{{"district", t.rows[i]}, {"cells", std::move(cells)}, {"total", opt_value(t.row_totals[i])}});
      }
      bj::array cols, totals;
      for (const auto& c : t.columns) cols.push_back(bj::value(c));
      for (const auto& v : t.column_totals) totals.push_back(opt_value(v));
      out.push_back(bj::object{{"title", t.title}, {"industries", std::move(cols)}, {"rows", std::move(rows)},
                               {"industry_totals", std::move(totals)}, {"total", opt_value(t.grand_total)}});
    }
    return json::reply(200, bj::object{{"tables", std::move(out)}, {"threshold", 3},
                                       {"note", "少于3家企业的数字为 null，并对可由合计推算出的其他数字一并隐去；0 表示没有企业。"}});
  });
}

}  // namespace sz::publish
