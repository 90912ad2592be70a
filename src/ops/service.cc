#include "ops/service.h"

#include <boost/json.hpp>
#include <filesystem>

#include "infra/text.h"
#include "infra/xlsx.h"

namespace sz::ops {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {
// 三员分立: the audit trail is read by the audit administrator, the platform run by the system administrator.
Status require_role(const auth::Principal& p, auth::Role role, const char* what) {
  if (!p.has(role)) return err::forbidden(std::string("仅") + auth::role_name_zh(role) + "可以" + what);
  return ok();
}
Status require_auditor(const auth::Principal& p, const char* what) { return require_role(p, auth::Role::audit_admin, what); }

bj::object filter_json(const audit::store::Filter& f) {
  bj::object o;
  if (!f.actor.empty()) o["actor"] = f.actor;
  if (!f.action.empty()) o["action"] = f.action;
  if (!f.entity_type.empty()) o["entity_type"] = f.entity_type;
  if (!f.entity_id.empty()) o["entity_id"] = f.entity_id;
  if (f.from) o["from"] = *f.from;
  if (f.to) o["to"] = *f.to;
  return o;
}

audit::store::Filter filter_of(const std::string& params_json) {
  audit::store::Filter f;
  auto v = bj::parse(params_json);
  const auto& o = v.as_object();
  auto s = [&](const char* k) { return o.contains(k) ? std::string(o.at(k).as_string()) : std::string(); };
  f.actor = s("actor");
  f.action = s("action");
  f.entity_type = s("entity_type");
  f.entity_id = s("entity_id");
  if (o.contains("from")) f.from = o.at("from").as_int64();
  if (o.contains("to")) f.to = o.at("to").as_int64();
  return f;
}
}  // namespace

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, jobs::Runner& runner, std::string node,
                 std::string jobs_dir)
    : db_(std::move(db)), clock_(clock), runner_(runner), node_(std::move(node)), jobs_dir_(std::move(jobs_dir)),
      started_at_(clock.now()) {}

Result<std::vector<audit::Entry>> Service::audit_page(const auth::Principal& p, const audit::store::Filter& f,
                                                      int64_t limit, int64_t offset, int64_t* total) {
  SZ_TRY(require_auditor(p, "查看审计日志"));
  SZ_ASSIGN(auto* c, db_->local());
  return audit::page(*c, f, limit, offset, total);
}

Result<audit::Entry> Service::audit_entry(const auth::Principal& p, int64_t seq) {
  SZ_TRY(require_auditor(p, "查看审计日志"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto e, audit::entry(*c, seq));
  if (!e) return err::not_found("审计记录不存在");
  return *e;
}

Result<audit::Facets> Service::audit_facets(const auth::Principal& p) {
  SZ_TRY(require_auditor(p, "查看审计日志"));
  SZ_ASSIGN(auto* c, db_->local());
  return audit::facets(*c);
}

Result<jobs::Job> Service::export_audit(const auth::Principal& p, const auth::Origin& from,
                                        const audit::store::Filter& f) {
  SZ_TRY(require_auditor(p, "导出审计日志"));
  SZ_ASSIGN(auto* c, db_->local());
  std::string params = bj::serialize(filter_json(f));
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "audit.export", p.user_id, params, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "audit.export", "job", std::to_string(id), "", params));
  SZ_TRY(tx->commit());
  runner_.wake();
  SZ_ASSIGN(auto job, jobs::find(*c, id));
  return *job;
}

Result<std::vector<jobs::Job>> Service::jobs_page(const auth::Principal& p, const jobs::ListFilter& f, int64_t limit,
                                                  int64_t offset, int64_t* total) {
  jobs::ListFilter scoped = f;
  if (!p.has(auth::Role::system_admin)) scoped.owner = p.user_id;  // others see only their own jobs
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(*total, jobs::count(*c, scoped));
  return jobs::list(*c, scoped, limit, offset);
}

Result<jobs::Job> Service::job(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto j, jobs::find(*c, id));
  if (!j) return err::not_found("任务不存在");
  if (!p.has(auth::Role::system_admin) && j->owner_user_id != p.user_id) return err::forbidden("超出数据权限范围：无权查看该任务");
  return *j;
}

Result<JobFile> Service::job_file(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto j, job(p, id));
  // The system administrator watches every job but downloads only its own: an audit export is the auditor's.
  if (j.owner_user_id != p.user_id) return err::forbidden("只能下载本人发起的任务结果");
  if (j.state != "succeeded" || !j.result_json) return err::invalid("id", "任务尚未完成，没有可下载的结果");
  auto r = bj::parse(*j.result_json).as_object();
  if (!r.contains("file")) return err::not_found("该任务没有结果文件");
  std::string path = (fs::path(jobs_dir_) / std::string(r.at("file").as_string())).string();
  if (!fs::exists(path)) return err::not_found("结果文件已不存在，请重新导出");
  return JobFile{path, std::string(r.at("name").as_string())};
}

Result<StatusInfo> Service::status(const auth::Principal& p, const std::string& version, int64_t schema_version) {
  SZ_TRY(require_role(p, auth::Role::system_admin, "查看系统状态"));
  SZ_ASSIGN(auto* c, db_->local());
  StatusInfo s;
  s.version = version;
  s.engine = db::engine_name(db_->engine());
  s.database = db_->describe();
  s.node = node_;
  s.schema_version = schema_version;
  s.started_at = started_at_;
  s.now = clock_.now();
  s.connections = db::Connection::open_count();
  SZ_ASSIGN(s.jobs, jobs::count_by_state(*c));
  SZ_ASSIGN(s.audit_head, audit::chain_head(*c));
  s.audit_entries = s.audit_head.seq;
  SZ_ASSIGN(s.login_failures_24h, auth::internal::failed_logins_since(*c, s.now - 86400));
  return s;
}

jobs::Handler Service::audit_export_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto f = filter_of(ctx.job().params_json);
    auto& c = ctx.reader();
    SZ_ASSIGN(int64_t total, audit::count_matching(c, f));
    std::error_code ec;
    fs::create_directories(jobs_dir_, ec);
    // One file per attempt: a superseded attempt can never overwrite the file the winning attempt recorded.
    std::string file = "audit-" + std::to_string(ctx.job().id) + "-" + std::to_string(ctx.job().attempts) + ".xlsx";
    SZ_ASSIGN(auto book, xlsx::Writer::create((fs::path(jobs_dir_) / file).string(), "审计日志",
                                              {"序号", "时间（北京时间）", "操作人", "角色", "操作", "对象类型", "对象编号",
                                               "IP", "请求编号", "修改前", "修改后", "哈希"}));
    int64_t done = 0;
    bool lease_lost = false;
    Status write_status = ok();
    SZ_TRY(audit::each_matching(c, f, [&](const audit::Entry& e) {
      write_status = book->add_row({std::to_string(e.seq), shanghai_time(e.at), e.actor.name, e.actor.roles,
                                    audit::action_name(e.action), audit::entity_type_name(e.entity_type), e.entity_id,
                                    e.actor.ip, e.actor.request_id, audit::masked(e.before_json),
                                    audit::masked(e.after_json), e.hash});
      if (!write_status) return false;
      if (++done % 500 == 0 && !ctx.progress(done, total)) lease_lost = true;
      return !lease_lost;
    }));
    SZ_TRY(write_status);
    if (lease_lost) return err::unavailable("lease lost");
    SZ_TRY(book->close());
    ctx.progress(done, total);
    auto size = fs::file_size(fs::path(jobs_dir_) / file, ec);
    bj::object result{{"file", file},
                      {"name", "审计日志-" + shanghai_time(clock_.now()).substr(0, 10) + ".xlsx"},
                      {"rows", done},
                      {"size", static_cast<int64_t>(ec ? 0 : size)}};
    return jobs::Outcome{bj::serialize(result), nullptr};
  };
}

namespace {
// A scheduled job runs as the admin who saved it, with that account's data scope: the city's business (通报,
// reminders, quality checks) is scheduled by the city admin; the system administrator watches the schedules.
Status need_city_admin(const auth::Principal& p) {
  if (!p.has(auth::Role::city_admin)) return err::forbidden("定时任务由市级管理员管理");
  return ok();
}
}  // namespace

Result<std::vector<ScheduleView>> Service::schedules(const auth::Principal& p) {
  if (!p.has(auth::Role::system_admin)) SZ_TRY(need_city_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, jobs::schedules(*c));
  std::vector<ScheduleView> out;
  for (auto& s : list) {
    std::string kind_name = runner_.kind_name(s.job_kind);
    ScheduleView v{std::move(s), std::move(kind_name), std::nullopt};
    if (v.schedule.last_job_id) {
      SZ_ASSIGN(v.last_job, jobs::find(*c, *v.schedule.last_job_id));
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<ScheduleView> Service::save_schedule(const auth::Principal& p, const auth::Origin& from, std::optional<int64_t> id,
                                            const ScheduleInput& in) {
  SZ_TRY(need_city_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  jobs::Schedule s;
  std::string before;
  if (id) {
    SZ_ASSIGN(auto found, jobs::schedule(*c, *id));
    if (!found) return err::not_found("定时任务不存在");
    s = *found;
    before = boost::json::serialize(boost::json::object{{"every", s.every}, {"day", s.day}, {"hour", s.hour},
                                                        {"enabled", s.enabled}, {"params", s.params_json}});
  } else {
    if (!in.name || !in.job_kind || !in.every) return err::invalid(!in.name ? "name" : !in.job_kind ? "job_kind" : "every",
                                                                   "新建定时任务需要名称、任务类型和周期");
    s.job_kind = *in.job_kind;
  }
  const SchedulableKind* kind = nullptr;
  for (const auto& k : schedulable_)
    if (k.code == s.job_kind) kind = &k;
  if (!kind) return err::invalid("job_kind", "该任务类型不能定时执行：" + s.job_kind);
  if (!id) s.params_json = kind->default_params;
  if (in.name) {
    if (text::trim(*in.name).empty() || text::utf8_length(*in.name) > 60) return err::invalid("name", "名称应为1–60个字符");
    s.name = text::trim(*in.name);
  }
  if (in.params_json) s.params_json = *in.params_json;
  SZ_TRY(kind->check(s.params_json));
  if (in.every) s.every = *in.every;
  if (in.day) s.day = *in.day;
  if (in.hour) s.hour = *in.hour;
  if (in.enabled) s.enabled = *in.enabled;
  int64_t now = clock_.now();
  auto next = jobs::next_run(s.every, s.day, s.hour, now);
  if (!next)
    return err::invalid("every", "周期应为 daily（每天）、weekly（每周，day 为 1–7）或 monthly（每月，day 为 1–28），hour 为 0–23");
  s.next_run_at = *next;
  s.owner_user_id = p.user_id;  // the job runs as the admin who last saved the schedule
  s.updated_by = p.username;
  s.updated_at = now;
  if (id) {
    SZ_TRY(jobs::update_schedule(*c, s));
  } else {
    SZ_ASSIGN(s.id, jobs::insert_schedule(*c, s));
  }
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "schedule.save", "schedule", std::to_string(s.id), before,
                       boost::json::serialize(boost::json::object{{"name", s.name}, {"kind", s.job_kind}, {"every", s.every},
                                                                  {"day", s.day}, {"hour", s.hour}, {"enabled", s.enabled},
                                                                  {"params", s.params_json}})));
  SZ_TRY(tx->commit());
  return ScheduleView{s, runner_.kind_name(s.job_kind), std::nullopt};
}

}  // namespace sz::ops
