#include "ops/api.h"

#include <algorithm>
#include <boost/json.hpp>

#include "infra/http/server.h"
#include "infra/metrics.h"

namespace sz::ops {

namespace bj = boost::json;

namespace {
const char* state_name(const std::string& s) {
  if (s == "queued") return "排队中";
  if (s == "running") return "运行中";
  if (s == "succeeded") return "已完成";
  return "失败";
}

bj::value opt_time(const std::optional<int64_t>& t) { return t ? bj::value(iso_utc(*t)) : bj::value(nullptr); }

bj::object job_json(const jobs::Job& j, const std::string& kind_name) {
  bj::value result = nullptr, output = nullptr;
  if (j.state == "succeeded" && j.result_json) {
    boost::system::error_code ec;
    auto r = bj::parse(*j.result_json, ec);
    if (!ec && r.is_object() && r.as_object().contains("file")) {
      result = bj::object{{"file_name", r.at("name")},
                          {"size", r.at("size")},
                          {"download_url", "/api/v1/jobs/" + std::to_string(j.id) + "/download"}};
      // Besides its file a job reports what it did (rows written; an import's rows created, updated, rejected).
      bj::object rest = r.as_object();
      for (const char* k : {"file", "name", "size"}) rest.erase(k);
      if (!rest.empty()) output = std::move(rest);
    } else if (!ec) {
      output = r;  // what a job without a file reports: how many reports, reminders, findings
    }
  }
  return bj::object{
      {"id", j.id},
      {"kind", j.kind},
      {"kind_name", kind_name},
      {"state", j.state},
      {"state_name", state_name(j.state)},
      {"progress", bj::object{{"done", j.done}, {"total", j.total}}},
      {"owner", j.owner_user_id ? bj::value(bj::object{{"id", *j.owner_user_id}, {"username", j.owner_username}})
                                : bj::value(nullptr)},
      {"attempts", j.attempts},
      {"created_at", iso_utc(j.created_at)},
      {"started_at", opt_time(j.started_at)},
      {"finished_at", opt_time(j.finished_at)},
      {"error", j.error ? bj::value(*j.error) : bj::value(nullptr)},
      {"result", result},
      {"output", output},
  };
}

bj::object schedule_json(const ScheduleView& v) {
  const auto& s = v.schedule;
  return bj::object{{"id", s.id},
                    {"name", s.name},
                    {"job_kind", s.job_kind},
                    {"kind_name", v.kind_name},
                    {"params", bj::parse(s.params_json)},
                    {"every", s.every},
                    {"day", s.day},
                    {"hour", s.hour},
                    {"enabled", s.enabled},
                    {"next_run_at", iso_utc(s.next_run_at)},
                    {"last_run_at", opt_time(s.last_run_at)},
                    {"last_job", v.last_job ? bj::value(job_json(*v.last_job, v.kind_name)) : bj::value(nullptr)},
                    {"updated_by", s.updated_by},
                    {"updated_at", iso_utc(s.updated_at)}};
}

bj::array roles_of(const std::string& csv) {
  bj::array out;
  size_t i = 0;
  while (i <= csv.size() && !csv.empty()) {
    size_t j = csv.find(',', i);
    if (j == std::string::npos) j = csv.size();
    if (j > i) out.emplace_back(csv.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bj::object entry_summary(const audit::Entry& e) {
  return bj::object{
      {"seq", e.seq},
      {"at", iso_utc(e.at)},
      {"actor", bj::object{{"user_id", e.actor.user_id ? bj::value(*e.actor.user_id) : bj::value(nullptr)},
                           {"name", e.actor.name},
                           {"roles", roles_of(e.actor.roles)}}},
      {"action", e.action},
      {"action_name", audit::action_name(e.action)},
      {"entity_type", e.entity_type},
      {"entity_type_name", audit::entity_type_name(e.entity_type)},
      {"entity_id", e.entity_id},
      {"ip", e.actor.ip},
      {"request_id", e.actor.request_id},
  };
}

// Time bounds arrive as ISO-8601 UTC ("2026-11-26T10:00:00Z" or with a fraction); stored as epoch seconds.
Result<std::optional<int64_t>> time_param(const std::optional<std::string>& v, const char* field) {
  if (!v || v->empty()) return std::optional<int64_t>{};
  auto t = parse_iso_utc(*v);
  if (!t) return err::invalid(field, std::string("时间格式应为 ISO 8601（如 2026-11-26T08:00:00Z）：") + field);
  return std::optional<int64_t>(*t);
}

Result<audit::store::Filter> audit_filter(const std::function<std::optional<std::string>(const char*)>& get) {
  audit::store::Filter f;
  f.actor = get("actor").value_or("");
  f.action = get("action").value_or("");
  f.entity_type = get("entity_type").value_or("");
  f.entity_id = get("entity_id").value_or("");
  for (const auto* s : {&f.actor, &f.action, &f.entity_type, &f.entity_id})
    if (s->size() > 100) return err::invalid("", "筛选条件过长");
  SZ_ASSIGN(f.from, time_param(get("from"), "from"));
  SZ_ASSIGN(f.to, time_param(get("to"), "to"));
  if (f.from && f.to && *f.from > *f.to) return err::invalid("from", "开始时间不能晚于结束时间");
  return f;
}
}  // namespace

void register_routes(auth::Routes& routes, Service& ops, ApiOptions opts,
                     std::function<Result<int64_t>()> schema_version) {
  routes.authed("GET", "/api/v1/schedules", [&ops](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, ops.schedules(p));
    bj::array items, kinds;
    for (const auto& v : list) items.push_back(schedule_json(v));
    for (const auto& k : ops.schedulable())
      kinds.push_back(bj::object{{"code", k.code}, {"name", ops.job_kind_name(k.code)}, {"default_params", bj::parse(k.default_params)}});
    return json::reply(200, bj::object{{"items", std::move(items)}, {"kinds", std::move(kinds)}});
  });
  auto save = [&ops](http::Request& req, const auth::Principal& p, std::optional<int64_t> id) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "job_kind", "params", "every", "day", "hour", "enabled"}));
    ScheduleInput in;
    SZ_ASSIGN(in.name, json::optional_string(o, "name", "名称", 60));
    SZ_ASSIGN(in.job_kind, json::optional_string(o, "job_kind", "任务类型", 40));
    SZ_ASSIGN(in.every, json::optional_string(o, "every", "周期", 10));
    SZ_ASSIGN(in.day, json::optional_int(o, "day", "日"));
    SZ_ASSIGN(in.hour, json::optional_int(o, "hour", "时"));
    SZ_ASSIGN(in.enabled, json::optional_bool(o, "enabled", "启用"));
    if (auto* params = o.if_contains("params")) {
      if (!params->is_object()) return err::invalid("params", "params 应为对象");
      in.params_json = bj::serialize(*params);
    }
    SZ_ASSIGN(auto v, ops.save_schedule(p, auth::origin_of(req), id, in));
    return json::reply(id ? 200 : 201, schedule_json(v));
  };
  routes.authed("POST", "/api/v1/schedules", [save](http::Request& req, const auth::Principal& p) { return save(req, p, std::nullopt); });
  routes.authed("PATCH", "/api/v1/schedules/{id}", [save](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    return save(req, p, id);
  });

  routes.authed("GET", "/api/v1/audit", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    SZ_ASSIGN(auto f, audit_filter([&](const char* k) { return req.query_param(k); }));
    int64_t total = 0;
    SZ_ASSIGN(auto rows, ops.audit_page(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& e : rows) items.push_back(entry_summary(e));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("GET", "/api/v1/audit/facets", [&ops](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto f, ops.audit_facets(p));
    bj::array actions, types;
    for (const auto& a : f.actions) actions.push_back(bj::object{{"code", a}, {"name", audit::action_name(a)}});
    for (const auto& t : f.entity_types) types.push_back(bj::object{{"code", t}, {"name", audit::entity_type_name(t)}});
    return json::reply(200, bj::object{{"actions", std::move(actions)}, {"entity_types", std::move(types)}});
  });

  routes.authed("GET", "/api/v1/audit/{id}", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t seq, json::id_param(req));
    SZ_ASSIGN(auto e, ops.audit_entry(p, seq));
    bj::object o = entry_summary(e);
    auto parsed = [](const std::string& j) -> bj::value {
      if (j.empty()) return nullptr;
      boost::system::error_code ec;
      auto v = bj::parse(audit::masked(j), ec);
      return ec ? bj::value(nullptr) : v;
    };
    o["before"] = parsed(e.before_json);
    o["after"] = parsed(e.after_json);
    bj::array changes;
    for (const auto& c : audit::diff(e.before_json, e.after_json)) {
      boost::system::error_code e1, e2;
      auto b = c.before.empty() ? bj::value(nullptr) : bj::parse(c.before, e1);
      auto a = c.after.empty() ? bj::value(nullptr) : bj::parse(c.after, e2);
      changes.push_back(bj::object{{"field", c.field}, {"field_name", audit::field_name(e.entity_type, c.field)}, {"before", b}, {"after", a}});
    }
    o["changes"] = std::move(changes);
    o["prev_hash"] = e.prev_hash;
    o["hash"] = e.hash;
    return json::reply(200, o);
  });

  routes.authed("POST", "/api/v1/audit/exports", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body.empty() ? "{}" : req.body));
    SZ_TRY(json::only_keys(o, {"actor", "action", "entity_type", "entity_id", "from", "to"}));
    std::map<std::string, std::optional<std::string>> fields;
    for (const char* k : {"actor", "action", "entity_type", "entity_id", "from", "to"}) {
      SZ_ASSIGN(fields[k], json::optional_string(o, k, k, 100));
    }
    SZ_ASSIGN(auto f, audit_filter([&](const char* k) { return fields[k]; }));
    SZ_ASSIGN(auto job, ops.export_audit(p, auth::origin_of(req), f));
    return json::reply(202, bj::object{{"job", job_json(job, ops.job_kind_name(job.kind))}});
  });

  routes.authed("GET", "/api/v1/jobs", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    jobs::ListFilter f;
    f.state = req.query_param("state").value_or("");
    f.kind = req.query_param("kind").value_or("");
    SZ_ASSIGN(f.id, json::id_query(req, "id", "任务编号"));
    if (!f.state.empty() && f.state != "queued" && f.state != "running" && f.state != "succeeded" && f.state != "failed")
      return err::invalid("state", "任务状态应为 queued、running、succeeded 或 failed");
    int64_t total = 0;
    SZ_ASSIGN(auto rows, ops.jobs_page(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& j : rows) items.push_back(job_json(j, ops.job_kind_name(j.kind)));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("GET", "/api/v1/jobs/kinds", [&ops](http::Request&, const auth::Principal&) -> Result<http::Response> {
    bj::array items;
    for (const auto& k : ops.job_kinds()) items.push_back(bj::object{{"code", k.code}, {"name", k.name}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/jobs/{id}", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto j, ops.job(p, id));
    return json::reply(200, job_json(j, ops.job_kind_name(j.kind)));
  });

  routes.authed("GET", "/api/v1/jobs/{id}/download", [&ops](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto file, ops.job_file(p, id));
    return http::attachment(file.path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.download_name);
  });

  routes.authed("GET", "/api/v1/system/status", [&ops, opts, schema_version](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t version, schema_version());
    SZ_ASSIGN(auto s, ops.status(p, opts.version, version));
    bj::object jobs;
    for (const auto& [k, v] : s.jobs) jobs[k] = v;
    return json::reply(200, bj::object{
        {"version", s.version},
        {"engine", s.engine},
        {"database", s.database},
        {"schema_version", s.schema_version},
        {"node", s.node},
        {"started_at", iso_utc(s.started_at)},
        {"uptime_seconds", s.now - s.started_at},
        {"http", bj::object{{"in_flight", http::Server::in_flight()}, {"requests_total", http::Server::requests_total()}}},
        {"store", bj::object{{"connections", s.connections}}},
        {"jobs", std::move(jobs)},
        {"audit", bj::object{{"entries", s.audit_entries}, {"head_seq", s.audit_head.seq}, {"head_hash", s.audit_head.hash}}},
        {"login_failures_24h", s.login_failures_24h},
    });
  });

  routes.pub("GET", "/metrics", [opts](http::Request& req) -> Result<http::Response> {
    const auto& allow = opts.metrics_allow;
    if (std::find(allow.begin(), allow.end(), req.client_ip) == allow.end())
      return err::forbidden("该地址无权读取监控指标（见配置项 server.metrics_allow）");
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics::registry().render();
    return r;
  });
}

}  // namespace sz::ops
