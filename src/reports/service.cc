#include "reports/service.h"

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "audit/service.h"
#include "infra/crypto.h"
#include "infra/pdf.h"
#include "reports/render.h"

namespace sz::reports {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }

// The scope a caller reads: every report for the city admin, a district officer's own district's; nobody else.
Result<std::optional<std::string>> readable_scope(const auth::Principal& p) {
  if (admin(p)) return std::optional<std::string>();
  if (p.has(auth::Role::district_officer) && p.district) return std::optional<std::string>(*p.district);
  return err::forbidden("通报仅对市级管理员和区县专班开放");
}

struct Rendered {
  std::string pdf_file, pdf_sm3, xlsx_file, xlsx_sm3;
  int64_t pdf_size = 0, xlsx_size = 0;
};

// Renders both documents of a snapshot into `dir`, named by the snapshot's SM3.
Result<Rendered> render_both(const bj::object& snap, const std::string& sm3, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  Rendered r;
  r.pdf_file = "report-" + sm3.substr(0, 24) + ".pdf";
  r.xlsx_file = "report-" + sm3.substr(0, 24) + ".xlsx";
  SZ_TRY(render_pdf(snap, sm3, (fs::path(dir) / r.pdf_file).string()));
  SZ_TRY(render_xlsx(snap, sm3, (fs::path(dir) / r.xlsx_file).string()));
  crypto::FileDigests d;
  if (!crypto::digest_file((fs::path(dir) / r.pdf_file).string(), &d)) return err::internal("cannot read " + r.pdf_file);
  r.pdf_sm3 = d.sm3;
  r.pdf_size = static_cast<int64_t>(d.size);
  if (!crypto::digest_file((fs::path(dir) / r.xlsx_file).string(), &d)) return err::internal("cannot read " + r.xlsx_file);
  r.xlsx_sm3 = d.sm3;
  r.xlsx_size = static_cast<int64_t>(d.size);
  return r;
}

std::string renderer_json() {
  auto r = pdf::renderer();
  return bj::serialize(bj::object{{"font_file", r.font_file}, {"font_sha256", r.font_sha256},
                                  {"font_package", r.font_package}, {"cairo", r.cairo}, {"pango", r.pango}});
}
}  // namespace

Result<jobs::Job> Service::request_issue(const auth::Principal& p, const auth::Origin& from, const std::string& period_code,
                                         int64_t pace_ms) {
  if (!admin(p)) return err::forbidden("通报由市级管理员发布");
  auto period = parse_period(period_code);
  if (!period) return err::invalid("period", "期次应为 YYYY-MM（月度）或 YYYY-Qn（季度），如 2026-10、2026-Q3");
  if (period->first_day() > shanghai_date(clock_.now())) return err::invalid("period", "不能发布尚未开始的期次：" + period->label());
  SZ_ASSIGN(auto* c, db_->local());
  bj::object o{{"period", period->code}};
  if (pace_ms > 0) o["pace_ms"] = pace_ms;
  std::string params = bj::serialize(o);
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "reports.issue", p.user_id, params, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "report.request", "job", std::to_string(id), "", params));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto job, jobs::find(*c, id));
  return *job;
}

jobs::Handler Service::issue_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    const bj::value params = bj::parse(ctx.job().params_json);
    // A schedule names the period relative to the day it runs.
    std::string code(params.at("period").as_string());
    if (code == "previous_month" || code == "previous_quarter")
      code = previous_period(code == "previous_month" ? "month" : "quarter", shanghai_date(clock_.now())).code;
    auto period = parse_period(code);
    if (!period) return err::invalid("period", "期次无效");
    int64_t pace_ms = test_pacing_ && params.as_object().contains("pace_ms") ? params.at("pace_ms").as_int64() : 0;
    auto& c = ctx.reader();
    SZ_ASSIGN(auto owner, auth::internal::job_owner(c, ctx.job().owner_user_id));
    SZ_ASSIGN(auto districts, registry::internal::districts_in(c));
    std::vector<Scope> scopes = {{"", "全市"}};
    for (const auto& d : districts) scopes.push_back({d.code, d.name});
    const int64_t now = clock_.now();
    const std::string renderer = renderer_json();
    std::vector<store::Report> issued;
    for (size_t i = 0; i < scopes.size(); ++i) {
      SZ_ASSIGN(auto prev, store::latest(c, scopes[i].code, period->kind));
      std::optional<bj::object> previous;
      if (prev) previous = bj::parse(prev->snapshot).as_object();
      SZ_ASSIGN(auto snap, collector_.collect(c, owner, *period, scopes[i], previous ? &*previous : nullptr, now));
      SZ_ASSIGN(auto checks, quality_.check(c, owner, scopes[i].code, now));
      bj::array quality;
      for (const auto& q : checks)
        quality.push_back(bj::object{{"code", q.code}, {"name", q.name}, {"severity", q.severity}, {"count", q.count}});
      snap["data_quality"] = std::move(quality);
      store::Report r;
      r.kind = period->kind;
      r.period = period->code;
      r.scope = scopes[i].code;
      r.scope_name = scopes[i].name;
      r.snapshot = bj::serialize(snap);
      r.snapshot_sm3 = crypto::sm3_hex(r.snapshot);
      r.audit_seq = snap.at("audit").at("seq").as_int64();
      r.audit_hash = std::string(snap.at("audit").at("hash").as_string());
      r.renderer = renderer;
      SZ_ASSIGN(auto files, render_both(snap, r.snapshot_sm3, dir_));
      r.pdf_file = files.pdf_file;
      r.pdf_sm3 = files.pdf_sm3;
      r.pdf_size = files.pdf_size;
      r.xlsx_file = files.xlsx_file;
      r.xlsx_sm3 = files.xlsx_sm3;
      r.xlsx_size = files.xlsx_size;
      r.job_id = ctx.job().id;
      r.issued_by = owner.username;
      r.issued_at = now;
      issued.push_back(std::move(r));
      if (pace_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pace_ms));
      if (!ctx.progress(static_cast<int64_t>(i + 1), static_cast<int64_t>(scopes.size()))) return err::unavailable("lease lost");
    }
    bj::object result{{"period", period->code}, {"period_label", period->label()},
                      {"reports", static_cast<int64_t>(issued.size())}};
    std::string audit_after = bj::serialize(result);
    int64_t job_id = ctx.job().id;
    audit::Actor actor{owner.user_id, owner.username, "city_admin", "", ""};
    // The reports appear, and are audited, once: in the transaction that finishes the job while this runner holds it.
    return jobs::Outcome{bj::serialize(result), [issued, actor, audit_after, job_id, now](db::Connection& w) -> Status {
                           for (const auto& r : issued) SZ_TRY(store::insert_report(w, r));
                           return audit::record(w, now, actor, "report.issue", "job", std::to_string(job_id), "", audit_after);
                         }};
  };
}

Result<std::vector<store::Report>> Service::list(const auth::Principal& p, store::Filter f, int64_t limit, int64_t offset,
                                                 int64_t* total) {
  SZ_ASSIGN(auto scope, readable_scope(p));
  if (scope) f.scope = scope;
  SZ_ASSIGN(auto* c, db_->local());
  return store::reports(*c, f, limit, offset, total);
}

Result<store::Report> Service::get(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto scope, readable_scope(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto r, store::report(*c, id));
  if (!r || (scope && r->scope != *scope)) return err::not_found("通报不存在");
  return *r;
}

Result<Service::Rerendered> internal::rerender(db::Connection& c, int64_t id, const std::string& dir, const std::string& out_dir) {
  SZ_ASSIGN(auto r, store::report(c, id));
  if (!r) return err::not_found("通报不存在");
  if (crypto::sm3_hex(r->snapshot) != r->snapshot_sm3) return err::conflict("snapshot", "数据快照的 SM3 与发布时不符");
  const bj::value snap = bj::parse(r->snapshot);
  SZ_ASSIGN(auto files, render_both(snap.as_object(), r->snapshot_sm3, out_dir.empty() ? dir : out_dir));
  std::string where = out_dir.empty() ? dir : out_dir;
  return Service::Rerendered{(fs::path(where) / files.pdf_file).string(), files.pdf_sm3, (fs::path(where) / files.xlsx_file).string(),
                    files.xlsx_sm3, files.pdf_sm3 == r->pdf_sm3, files.xlsx_sm3 == r->xlsx_sm3};
}

Result<ReportFile> Service::file(const auth::Principal& p, int64_t id, const std::string& format) {
  if (format != "pdf" && format != "xlsx") return err::not_found("没有这种格式");
  SZ_ASSIGN(auto r, get(p, id));
  const bool is_pdf = format == "pdf";
  fs::path path = fs::path(dir_) / (is_pdf ? r.pdf_file : r.xlsx_file);
  if (!fs::exists(path)) {
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(auto again, internal::rerender(*c, id, dir_, ""));
    if (!(is_pdf ? again.pdf_same : again.xlsx_same))
      return err::conflict("file", "文件已丢失，按快照重新生成的结果与发布时不一致（字体或渲染库已变化）");
  }
  std::string name = "通报-" + r.period + "-" + r.scope_name + (is_pdf ? ".pdf" : ".xlsx");
  return ReportFile{path.string(), name,
                    is_pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
}

Result<QualityFindings> Service::quality(const auth::Principal& p) {
  SZ_ASSIGN(auto scope, readable_scope(p));
  SZ_ASSIGN(auto* c, db_->local());
  int64_t now = clock_.now();
  SZ_ASSIGN(auto checks, quality_.check(*c, p, scope.value_or(""), now));
  return QualityFindings{now, std::move(checks)};
}

jobs::Handler Service::quality_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto& c = ctx.reader();
    SZ_ASSIGN(auto owner, auth::internal::job_owner(c, ctx.job().owner_user_id));
    SZ_ASSIGN(auto checks, quality_.check(c, owner, "", clock_.now(), true));
    bj::array found;
    bj::object summaries{{"count", 0}, {"first", bj::array{}}};
    int64_t problems = 0;
    for (const auto& q : checks) {
      found.push_back(bj::object{{"code", q.code}, {"name", q.name}, {"severity", q.severity}, {"count", q.count}});
      if (q.severity != "info") problems += q.count;
      if (q.code != "summaries") continue;
      bj::array first;
      for (const auto& x : q.samples) first.push_back(bj::value(x.name));
      summaries = bj::object{{"count", q.count}, {"first", std::move(first)}};
    }
    ctx.progress(1, 1);
    return jobs::Outcome{bj::serialize(bj::object{{"problems", problems}, {"checks", std::move(found)},
                                                  {"summaries", std::move(summaries)}}),
                         nullptr};
  };
}

Result<EvaluationSheet> Service::evaluation(const auth::Principal& p, int64_t stage) {
  if (!admin(p)) return err::forbidden("绩效评价由市级管理员查看和导出");
  return evaluation_.sheet(stage, clock_.now());
}

Result<ReportFile> Service::evaluation_file(const auth::Principal& p, int64_t stage, const std::string& format) {
  if (format != "pdf" && format != "xlsx") return err::not_found("没有这种格式");
  SZ_ASSIGN(auto sheet, evaluation(p, stage));
  fs::path dir = fs::path(dir_) / "evaluations";
  std::error_code ec;
  fs::create_directories(dir, ec);
  // Made on request: the sheets of earlier requests are cleared away once they are a while old.
  for (const auto& f : fs::directory_iterator(dir, ec))
    if (fs::last_write_time(f, ec) < fs::file_time_type::clock::now() - std::chrono::minutes(10)) fs::remove(f, ec);
  std::string name = "evaluation-" + std::to_string(stage) + "-" + std::to_string(clock_.now()) + "-" +
                     std::to_string(crypto::random_u64() % 100000) + "." + format;
  std::string path = (dir / name).string();
  if (format == "pdf") {
    SZ_TRY(render_evaluation_pdf(sheet, path));
  } else {
    SZ_TRY(render_evaluation_xlsx(sheet, path));
  }
  return ReportFile{path, std::to_string(stage) + "年度绩效评价." + format,
                    format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
}

Result<bj::object> Service::forecast(const auth::Principal& p) {
  SZ_ASSIGN(auto scope, readable_scope(p));
  SZ_ASSIGN(auto* c, db_->local());
  Scope s{scope.value_or(""), ""};
  if (scope) {
    SZ_ASSIGN(auto districts, registry::internal::districts_in(*c));
    for (const auto& d : districts)
      if (d.code == *scope) s.name = d.name;
  }
  // Kept per scope while the store (as of its latest audited change) and the day are the same: the dashboard is every
  // official's home page. The data-quality page is not kept: it is opened to look for exactly what slipped in.
  SZ_ASSIGN(auto head, audit::store::head(*c));
  int64_t now = clock_.now();
  return forecasts_.get(s.code, Stamp{shanghai_date(now), head.seq}, now, [&]() -> Result<bj::object> {
    Period period = *parse_period(shanghai_date(now).substr(0, 7));
    SZ_ASSIGN(auto snap, collector_.collect(*c, p, period, s, nullptr, now));
    return bj::object{{"as_of", iso_utc(now)}, {"scope", snap.at("meta").at("scope")}, {"forecast", snap.at("forecast")}};
  });
}

}  // namespace sz::reports
