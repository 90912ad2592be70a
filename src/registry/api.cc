#include "registry/api.h"

#include <functional>
#include <map>
#include <tuple>

#include "infra/text.h"

namespace sz::registry {

namespace bj = boost::json;

namespace {
const char* status_name(const std::string& s) { return s == "withdrawn" ? "已退出" : "试点中"; }

bj::value sme_json(const std::string& cls) {
  auto yes = is_sme(parse_sme_class(cls).value_or(SmeClass::unknown));
  return yes ? bj::value(*yes) : bj::value(nullptr);
}

bj::object list_item(const store::Enterprise& e) {
  return bj::object{{"id", e.id},
                    {"name", e.name},
                    {"credit_code", e.credit_code},
                    {"industry", bj::object{{"code", e.industry_code}, {"name", e.industry_name}}},
                    {"district", bj::object{{"code", e.district_code}, {"name", e.district_name}}},
                    {"batch", e.batch},
                    {"status", e.status},
                    {"status_name", status_name(e.status)},
                    {"level", e.level},
                    {"level_source", e.level_source},
                    {"tier", e.tier},
                    {"tier_name", tier_name(e.tier)},
                    {"scale_above", e.scale_above},
                    {"cloud", e.cloud},
                    {"is_sme", sme_json(e.sme_class)},
                    {"sme_class", e.sme_class},
                    {"sme_class_name", sme_class_name(parse_sme_class(e.sme_class).value_or(SmeClass::unknown))}};
}

// The record with everything its page shows, the 中小企业划型's reason included.
Result<bj::object> detail(Service& registry, const store::Enterprise& e, const auth::Principal& p) {
  bj::object o = list_item(e);
  SZ_ASSIGN(auto sme, registry.sme_of(e));
  o["sme_year"] = sme.year ? bj::value(sme.year) : bj::value(nullptr);
  o["sme_reason"] = sme.reason;
  bool full = auth::sees_personal_data(p, e.district_code, e.id);
  o["address"] = e.address;
  o["legal_rep"] = e.legal_rep;
  o["contact_name"] = full ? e.contact_name : text::mask_name(e.contact_name);
  o["contact_phone"] = full ? e.contact_phone : text::mask_phone(e.contact_phone);
  o["created_at"] = iso_utc(e.created_at);
  o["updated_at"] = iso_utc(e.updated_at);
  o["scale_source"] = e.scale_source;
  o["cloud_stars"] = e.cloud_stars;
  o["key_cultivation"] = e.key_cultivation;
  o["credit_code_override"] = e.credit_code_override;
  o["withdrawn_at"] = e.withdrawn_at ? bj::value(iso_utc(*e.withdrawn_at)) : bj::value(nullptr);
  o["replaces_id"] = e.replaces_id ? bj::value(*e.replaces_id) : bj::value(nullptr);
  o["cloud_since"] = e.cloud_at ? bj::value(shanghai_date(*e.cloud_at)) : bj::value(nullptr);
  o["accepted_on"] = e.accepted_at ? bj::value(shanghai_date(*e.accepted_at)) : bj::value(nullptr);
  o["accepted_level"] = e.accepted_at ? bj::value(e.accepted_level) : bj::value(nullptr);
  return o;
}

bj::object withdrawal_json(const store::Withdrawal& w) {
  boost::system::error_code ec;
  bj::value replacement = w.replacement_json.empty() ? bj::value(nullptr) : bj::parse(w.replacement_json, ec);
  return bj::object{{"id", w.id},
                    {"enterprise", bj::object{{"id", w.enterprise_id}, {"name", w.enterprise_name}}},
                    {"district", bj::object{{"code", w.district_code}, {"name", w.district_name}}},
                    {"reason", w.reason},
                    {"replacement", replacement},
                    {"status", w.status},
                    {"status_name", w.status == "pending" ? "待审批" : w.status == "approved" ? "已批准" : "已驳回"},
                    {"requested_by", w.requested_by_name},
                    {"requested_at", iso_utc(w.requested_at)},
                    {"decided_at", w.decided_at ? bj::value(iso_utc(*w.decided_at)) : bj::value(nullptr)},
                    {"decision_note", w.decision_note},
                    {"replacement_id", w.replacement_id ? bj::value(*w.replacement_id) : bj::value(nullptr)}};
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

// The list filters, from a query string or a JSON body alike.
Result<store::Filter> filter_from(const std::function<std::optional<std::string>(const char*)>& get) {
  store::Filter f;
  f.industry = get("industry").value_or("");
  f.district = get("district").value_or("");
  f.q = trimmed(get("q").value_or(""));
  f.tier = get("tier").value_or("");
  f.stage = get("stage").value_or("");
  f.status = get("status").value_or("");
  if (auto sme = get("sme"); sme && !sme->empty()) {
    if (*sme == "unknown") f.sme_class = std::string();
    else if (parse_sme_class(*sme)) f.sme_class = *sme;
    else return err::invalid("sme", "划型应为 medium、small、micro、large 或 unknown");
  }
  if (text::utf8_length(f.q) > 50 || !text::valid_utf8(f.q)) return err::invalid("q", "搜索词不能超过50个字符");
  if (!f.tier.empty() && !valid_tier(f.tier)) return err::invalid("tier", "企业梯度应为 none、innovative、specialized 或 little_giant");
  if (!f.stage.empty() && f.stage != "registered" && f.stage != "assessed")
    return err::invalid("stage", "阶段应为 registered（已建档）或 assessed（已评测）");
  if (!f.status.empty() && f.status != "active" && f.status != "withdrawn")
    return err::invalid("status", "状态应为 active 或 withdrawn");
  if (auto l = get("level"); l && !l->empty()) {
    if (l->size() != 1 || (*l)[0] < '0' || (*l)[0] > '4') return err::invalid("level", "等级应为 0–4");
    f.level = (*l)[0] - '0';
  }
  return f;
}

bj::object job_brief(const jobs::Job& j) {
  return bj::object{{"id", j.id}, {"kind", j.kind}, {"state", j.state}};
}

}  // namespace

Result<EnterpriseInput> enterprise_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"name", "credit_code", "industry", "district", "address", "legal_rep", "contact_name",
                             "contact_phone", "tier", "batch", "scale_above", "cloud", "cloud_stars", "key_cultivation",
                             "credit_code_override_reason"}));
  EnterpriseInput in;
  SZ_ASSIGN(in.name, json::optional_string(o, "name", "企业名称", 100));
  SZ_ASSIGN(in.credit_code, json::optional_string(o, "credit_code", "统一社会信用代码", 40));
  SZ_ASSIGN(in.industry, json::optional_string(o, "industry", "行业", 40));
  SZ_ASSIGN(in.district, json::optional_string(o, "district", "所属区县", 20));
  SZ_ASSIGN(in.address, json::optional_string(o, "address", "地址", 200));
  SZ_ASSIGN(in.legal_rep, json::optional_string(o, "legal_rep", "法定代表人", 50));
  SZ_ASSIGN(in.contact_name, json::optional_string(o, "contact_name", "联系人", 50));
  SZ_ASSIGN(in.contact_phone, json::optional_string(o, "contact_phone", "联系电话", 20));
  SZ_ASSIGN(in.tier, json::optional_string(o, "tier", "企业梯度", 20));
  SZ_ASSIGN(in.credit_code_override_reason, json::optional_string(o, "credit_code_override_reason", "接受理由", 500));
  SZ_ASSIGN(in.batch, json::optional_int(o, "batch", "试点批次"));
  SZ_ASSIGN(in.cloud_stars, json::optional_int(o, "cloud_stars", "上云星级", "cloud_stars"));
  SZ_ASSIGN(in.scale_above, json::optional_bool(o, "scale_above", "规上"));
  SZ_ASSIGN(in.cloud, json::optional_bool(o, "cloud", "上云用云"));
  SZ_ASSIGN(in.key_cultivation, json::optional_bool(o, "key_cultivation", "重点培育"));
  return in;
}

Result<std::optional<EnterpriseInput>> proposed_replacement(const bj::object& body) {
  auto* r = body.if_contains("replacement");
  if (!r || r->is_null()) return std::optional<EnterpriseInput>();
  if (!r->is_object()) return err::invalid("replacement", "增补企业应为对象");
  // The city creates the 增补 in the withdrawn enterprise's district and batch: only what the district proposes.
  SZ_TRY(json::only_keys(r->as_object(), {"name", "credit_code", "industry", "address", "legal_rep", "contact_name",
                                          "contact_phone", "tier"}, "replacement"));
  SZ_ASSIGN(auto in, enterprise_input(r->as_object()));
  return std::optional<EnterpriseInput>(std::move(in));
}

void register_routes(auth::Routes& routes, Service& registry, Transfer& transfer) {
  routes.pub("GET", "/api/v1/industries", [&registry](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, registry.industries());
    bj::array items;
    for (const auto& i : list) {
      bj::array keys;
      for (const auto& k : i.key_districts) keys.emplace_back(k);
      items.push_back(bj::object{{"code", i.code},
                                 {"name", i.name},
                                 {"short_name", i.short_name},
                                 {"key_districts", std::move(keys)},
                                 {"parent", i.parent.empty() ? bj::value(nullptr) : bj::value(i.parent)},
                                 {"district", i.district.empty() ? bj::value(nullptr) : bj::value(i.district)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/industries", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"code", "name", "short_name", "parent", "district"}));
    store::Industry in;
    SZ_ASSIGN(in.code, json::required_string(o, "code", "细分行业代码", 40));
    SZ_ASSIGN(in.name, json::required_string(o, "name", "细分行业名称", 100));
    SZ_ASSIGN(auto short_name, json::optional_string(o, "short_name", "简称", 20));
    SZ_ASSIGN(in.parent, json::required_string(o, "parent", "上级行业", 40));
    SZ_ASSIGN(auto district, json::optional_string(o, "district", "所属区县", 20));
    in.short_name = short_name.value_or("");
    in.district = district.value_or("");
    SZ_ASSIGN(auto created, registry.add_subsector(p, auth::origin_of(req), in));
    return json::reply(201, bj::object{{"code", created.code}, {"name", created.name}, {"short_name", created.short_name},
                                       {"parent", created.parent}, {"district", created.district}});
  });

  routes.pub("GET", "/api/v1/districts", [&registry](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, registry.districts());
    bj::array items;
    for (const auto& d : list)
      items.push_back(bj::object{{"code", d.code}, {"name", d.name}, {"division_code", d.division_code}, {"kind", d.kind}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/enterprises", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    SZ_ASSIGN(auto f, filter_from([&](const char* k) { return req.query_param(k); }));
    SZ_ASSIGN(auto r, registry.list_enterprises(p, f, page.size, page.offset()));
    bj::array items;
    for (const auto& e : r.items) items.push_back(list_item(e));
    auto reply = json::page_reply(std::move(items), r.total, page);
    reply["total_capped"] = r.total_capped;
    return json::reply(200, reply);
  });

  auto may_import = [](http::Request&, const auth::Principal& p) { return Transfer::may_import(p); };
  routes.upload("POST", "/api/v1/enterprises/imports", may_import, [&transfer](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    if (req.body_file.empty()) return err::invalid("file", "请上传 .xlsx 或 .csv 文件作为请求体");
    std::string name = req.query_param("name").value_or("import.xlsx");
    if (name.size() > 200 || !text::valid_utf8(name) || text::hidden_problem(name, false)) name = "import.xlsx";
    SZ_ASSIGN(auto job, transfer.request_import(p, auth::origin_of(req), req.body_file, name));
    return json::reply(202, bj::object{{"job", job_brief(job)}});
  });

  routes.authed("POST", "/api/v1/enterprises/exports", [&transfer](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body.empty() ? "{}" : req.body));
    SZ_TRY(json::only_keys(o, {"industry", "district", "q", "tier", "stage", "status", "level", "sme"}));
    std::map<std::string, std::optional<std::string>> fields;
    for (const char* k : {"industry", "district", "q", "tier", "stage", "status", "level", "sme"}) {
      SZ_ASSIGN(fields[k], json::optional_string(o, k, k, 50));
    }
    SZ_ASSIGN(auto f, filter_from([&](const char* k) { return fields[k]; }));
    SZ_ASSIGN(auto job, transfer.request_export(p, auth::origin_of(req), f));
    return json::reply(202, bj::object{{"job", job_brief(job)}});
  });

  routes.authed("POST", "/api/v1/enterprises", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, enterprise_input(o));
    SZ_ASSIGN(auto e, registry.create(p, auth::origin_of(req), in));
    SZ_ASSIGN(auto body, detail(registry, e, p));
    return json::reply(201, std::move(body));
  });

  routes.authed("PATCH", "/api/v1/enterprises/{id}", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, enterprise_input(o));
    SZ_ASSIGN(auto e, registry.update(p, auth::origin_of(req), id, in));
    SZ_ASSIGN(auto body, detail(registry, e, p));
    return json::reply(200, std::move(body));
  });

  routes.authed("GET", "/api/v1/enterprises/{id}/history", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto entries, registry.history(p, id));
    bj::array items;
    for (const auto& h : entries) {
      bj::array changes;
      for (const auto& c : h.changes) {
        boost::system::error_code e1, e2;
        changes.push_back(bj::object{{"field", c.field},
                                     {"field_name", audit::field_name("enterprise", c.field)},
                                     {"before", c.before.empty() ? bj::value(nullptr) : bj::parse(c.before, e1)},
                                     {"after", c.after.empty() ? bj::value(nullptr) : bj::parse(c.after, e2)}});
      }
      items.push_back(bj::object{{"seq", h.seq}, {"at", iso_utc(h.at)}, {"actor", h.actor}, {"action", h.action},
                                 {"action_name", audit::action_name(h.action)}, {"changes", std::move(changes)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/enterprises/{id}/years", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto ys, registry.years(p, id));
    bj::array items;
    for (const auto& y : ys)
      items.push_back(bj::object{{"year", y.year}, {"revenue", y.revenue}, {"employees", y.employees},
                                 {"rd_spending", y.rd_spending}, {"invention_patents", y.invention_patents}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("PUT", "/api/v1/enterprises/{id}/years/{year}", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t year, json::id_param(req, "year"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"revenue", "employees", "rd_spending", "invention_patents"}));
    store::Year y;
    y.year = year;
    for (auto [key, label, slot] : {std::tuple{"revenue", "营业收入（分）", &y.revenue}, std::tuple{"employees", "员工人数", &y.employees},
                                    std::tuple{"rd_spending", "研发投入（分）", &y.rd_spending},
                                    std::tuple{"invention_patents", "新增发明专利", &y.invention_patents}}) {
      SZ_ASSIGN(auto v, json::optional_int(o, key, label));
      if (!v) return err::invalid(key, std::string(label) + "不能为空");
      *slot = *v;
    }
    SZ_ASSIGN(auto e, registry.set_year(p, auth::origin_of(req), id, y));
    SZ_ASSIGN(auto body, detail(registry, e, p));
    return json::reply(200, std::move(body));
  });

  routes.authed("POST", "/api/v1/enterprises/{id}/withdrawals", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason", "replacement"}));
    SZ_ASSIGN(auto reason, json::required_string(o, "reason", "退出原因", 500));
    SZ_ASSIGN(auto replacement, proposed_replacement(o));
    SZ_ASSIGN(auto w, registry.request_withdrawal(p, auth::origin_of(req), id, reason, replacement));
    return json::reply(201, withdrawal_json(w));
  });

  routes.authed("GET", "/api/v1/withdrawals", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    int64_t total = 0;
    SZ_ASSIGN(auto rows, registry.withdrawals(p, req.query_param("status").value_or(""), page.size, page.offset(), &total));
    bj::array items;
    for (const auto& w : rows) items.push_back(withdrawal_json(w));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  for (bool approve : {true, false}) {
    routes.authed("POST", approve ? "/api/v1/withdrawals/{id}/approve" : "/api/v1/withdrawals/{id}/reject",
                  [&registry, approve](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
                    SZ_ASSIGN(int64_t id, json::id_param(req));
                    SZ_ASSIGN(auto o, json::parse_object(req.body.empty() ? "{}" : req.body));
                    SZ_TRY(json::only_keys(o, {"note"}));
                    SZ_ASSIGN(auto note, json::optional_string(o, "note", "审批意见", 500));
                    if (!approve && (!note || note->empty())) return err::invalid("note", "驳回须填写审批意见");
                    SZ_ASSIGN(auto w, registry.decide_withdrawal(p, auth::origin_of(req), id, approve, note.value_or("")));
                    return json::reply(200, withdrawal_json(w));
                  });
  }

  routes.authed("GET", "/api/v1/enterprises/{id}", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto e, registry.get_enterprise(p, id));
    SZ_ASSIGN(auto body, detail(registry, e, p));
    return json::reply(200, std::move(body));
  });
}

}  // namespace sz::registry
