#include "reports/api.h"

#include "infra/crypto.h"

namespace sz::reports {

namespace bj = boost::json;

namespace {
bj::object report_json(const store::Report& r) {
  return bj::object{{"id", r.id},
                    {"kind", r.kind},
                    {"period", r.period},
                    {"period_label", parse_period(r.period) ? parse_period(r.period)->label() : r.period},
                    {"scope", bj::object{{"code", r.scope}, {"name", r.scope_name}}},
                    {"snapshot_sm3", r.snapshot_sm3},
                    {"audit", bj::object{{"seq", r.audit_seq}, {"hash", r.audit_hash}}},
                    {"pdf", bj::object{{"sm3", r.pdf_sm3}, {"size", r.pdf_size},
                                       {"url", "/api/v1/reports/" + std::to_string(r.id) + "/pdf"}}},
                    {"xlsx", bj::object{{"sm3", r.xlsx_sm3}, {"size", r.xlsx_size},
                                        {"url", "/api/v1/reports/" + std::to_string(r.id) + "/xlsx"}}},
                    {"job_id", r.job_id},
                    {"issued_by", r.issued_by},
                    {"issued_at", iso_utc(r.issued_at)}};
}

http::Response file_reply(const ReportFile& f) { return http::attachment(f.path, f.content_type, f.download_name); }
}  // namespace

void register_routes(auth::Routes& routes, Service& svc, bool test_pacing) {
  routes.authed("POST", "/api/v1/reports", [&svc, test_pacing](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    // pace_ms slows the job down between scopes, so a test can stop the server half-way (test servers only).
    if (test_pacing) {
      SZ_TRY(json::only_keys(o, {"period", "pace_ms"}));
    } else {
      SZ_TRY(json::only_keys(o, {"period"}));
    }
    SZ_ASSIGN(auto period, json::required_string(o, "period", "期次", 7));
    SZ_ASSIGN(auto pace, json::optional_int(o, "pace_ms", "每个范围的停顿毫秒"));
    if (pace && (*pace < 0 || *pace > 10000)) return err::invalid("pace_ms", "pace_ms 应为 0–10000");
    SZ_ASSIGN(auto job, svc.request_issue(p, auth::origin_of(req), period, pace.value_or(0)));
    return json::reply(202, bj::object{{"job", bj::object{{"id", job.id}, {"kind", job.kind}, {"state", job.state}}}});
  });

  routes.authed("GET", "/api/v1/reports", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::Filter f;
    f.kind = req.query_param("kind").value_or("");
    f.period = req.query_param("period").value_or("");
    if (auto s = req.query_param("scope")) f.scope = *s == "city" ? "" : *s;
    SZ_ASSIGN(f.job_id, json::id_query(req, "job_id", "任务编号"));
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.list(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& r : list) items.push_back(report_json(r));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("GET", "/api/v1/reports/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto r, svc.get(p, id));
    bj::object o = report_json(r);
    o["snapshot"] = bj::parse(r.snapshot);
    o["snapshot_intact"] = crypto::sm3_hex(r.snapshot) == r.snapshot_sm3;
    o["renderer"] = bj::parse(r.renderer);
    return json::reply(200, o);
  });

  for (const char* format : {"pdf", "xlsx"}) {
    std::string fmt = format;
    routes.authed("GET", "/api/v1/reports/{id}/" + fmt, [&svc, fmt](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
      SZ_ASSIGN(int64_t id, json::id_param(req));
      SZ_ASSIGN(auto f, svc.file(p, id, fmt));
      return file_reply(f);
    });
  }

  routes.authed("GET", "/api/v1/data-quality", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto found, svc.quality(p));
    bj::array items;
    for (const auto& q : found.checks) {
      bj::array samples;
      for (const auto& s : q.samples) samples.push_back(bj::object{{"id", s.id}, {"name", s.name}, {"detail", s.detail}});
      items.push_back(bj::object{{"code", q.code}, {"name", q.name}, {"severity", q.severity}, {"count", q.count},
                                 {"samples", std::move(samples)}, {"link", q.link},
                                 {"checked_at", q.checked_at ? bj::value(iso_utc(*q.checked_at)) : bj::value(nullptr)}});
    }
    return json::reply(200, bj::object{{"as_of", iso_utc(found.as_of)}, {"checks", std::move(items)}});
  });

  auto stage_of = [](const http::Request& req) -> Result<int64_t> {
    auto it = req.path_params.find("stage");
    if (it == req.path_params.end() || (it->second != "2024" && it->second != "2025"))
      return err::not_found("绩效评价分 2024 年、2025 年两个阶段");
    return std::stoll(it->second);
  };
  routes.authed("GET", "/api/v1/evaluations/{stage}", [&svc, stage_of](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t stage, stage_of(req));
    SZ_ASSIGN(auto s, svc.evaluation(p, stage));
    bj::array rows;
    for (const auto& r : s.rows) {
      auto num = [](const std::optional<int64_t>& v) { return v ? bj::parse(stats::format_hundredths(*v)) : bj::value(nullptr); };
      rows.push_back(bj::object{{"no", r.no},
                                {"name", r.name},
                                {"unit", r.unit},
                                {"target", num(r.target)},
                                {"achieved", num(r.achieved)},
                                {"rate", r.target && r.achieved ? bj::value(percent(*r.achieved, *r.target)) : bj::value(nullptr)},
                                {"basis", r.basis},
                                {"evidence", r.metric.empty() ? bj::value(nullptr)
                                                              : bj::value(bj::object{{"drill", r.drill}, {"metric", r.metric},
                                                                                     {"as_of", json::opt_value(r.evidence_as_of)}})}});
    }
    std::string base = "/api/v1/evaluations/" + std::to_string(s.stage);
    return json::reply(200, bj::object{{"stage", s.stage}, {"last_day", s.last_day}, {"as_of", iso_utc(s.as_of)},
                                       {"rows", std::move(rows)}, {"pdf_url", base + "/pdf"}, {"xlsx_url", base + "/xlsx"}});
  });
  for (const char* format : {"pdf", "xlsx"}) {
    std::string fmt = format;
    routes.authed("GET", "/api/v1/evaluations/{stage}/" + fmt, [&svc, stage_of, fmt](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
      SZ_ASSIGN(int64_t stage, stage_of(req));
      SZ_ASSIGN(auto f, svc.evaluation_file(p, stage, fmt));
      return file_reply(f);
    });
  }

  routes.authed("GET", "/api/v1/stats/forecast", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto f, svc.forecast(p));
    return json::reply(200, f);
  });
}

}  // namespace sz::reports
