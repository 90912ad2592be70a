#include "stats/service.h"

#include <boost/json.hpp>

#include <filesystem>

#include "audit/service.h"
#include "infra/db/ref_versions.h"
#include "infra/xlsx.h"

namespace sz::stats {

namespace bj = boost::json;

namespace {
// Names the plan's columns and rows from the registry's reference lists: the four pilot industries (districts'
// sub-sectors count under them) and the districts.
Status name_plan(db::Connection& c, Plan& p) {
  SZ_ASSIGN(auto industries, registry::internal::industries_in(c));
  for (const auto& i : industries) {
    if (!i.parent.empty()) continue;
    p.industries.push_back(i.code);
    p.industry_names[i.code] = i.name;
    p.industry_short_names[i.code] = i.short_name;
  }
  SZ_ASSIGN(auto districts, registry::internal::districts_in(c));
  for (auto& d : p.districts)
    for (const auto& x : districts)
      if (x.code == d.district) d.name = x.name;
  return ok();
}
}  // namespace

Result<Targets> Service::targets() {
  SZ_ASSIGN(auto* c, db_->local());
  Targets t;
  SZ_ASSIGN(t.version, db::ref_version(*c, "plan"));
  SZ_ASSIGN(t.groups, store::groups(*c));
  SZ_ASSIGN(t.plan, store::load_plan(*c));
  SZ_TRY(name_plan(*c, t.plan));
  t.findings = check_plan(t.plan);
  return t;
}

namespace {
Error bad_plan(const std::string& what) { return err::internal("plan document: " + what); }

Result<int64_t> hundredths_of(const bj::value& v, const std::string& where) {
  if (!v.is_string()) return bad_plan(where + " must be a decimal string");
  auto h = parse_hundredths(std::string(v.as_string()));
  if (!h) return bad_plan(where + " is not a decimal with at most two places");
  return *h;
}

const bj::value& at(const bj::object& o, const char* key) {
  static const bj::value null;
  auto* p = o.if_contains(key);
  return p ? *p : null;
}
std::string text(const bj::object& o, const char* key) {
  const auto& v = at(o, key);
  return v.is_string() ? std::string(v.as_string()) : std::string();
}
int64_t integer(const bj::object& o, const char* key) {
  const auto& v = at(o, key);
  return v.is_int64() ? v.as_int64() : 0;
}
}  // namespace

Result<std::vector<Finding>> internal::load_plan(db::Connection& c, std::string_view plan_json, int64_t now) {
  boost::system::error_code ec;
  auto doc = bj::parse(plan_json, ec);
  if (ec || !doc.is_object()) return bad_plan("not a JSON object");
  const auto& o = doc.as_object();
  std::vector<store::Group> groups;
  Plan p;
  for (const auto& g : at(o, "groups").as_array()) groups.push_back({text(g.as_object(), "no"), text(g.as_object(), "name")});
  for (const auto& v : at(o, "indicators").as_array()) {
    const auto& io = v.as_object();
    Indicator ind{integer(io, "no"), text(io, "group"), text(io, "name"), text(io, "unit"), text(io, "kind"), {}, 0};
    std::string where = "indicator " + std::to_string(ind.no);
    SZ_ASSIGN(ind.total, hundredths_of(at(io, "total"), where + " total"));
    for (const auto& kv : at(io, "values").as_object()) {
      SZ_ASSIGN(int64_t value, hundredths_of(kv.value(), where + " " + std::string(kv.key())));
      ind.values[std::string(kv.key())] = value;
    }
    p.indicators.push_back(std::move(ind));
  }
  for (const auto& v : at(o, "district_targets").as_array()) {
    const auto& d = v.as_object();
    p.districts.push_back({text(d, "district"), text(d, "name"), integer(d, "total"), integer(d, "y2024"),
                           integer(d, "y2025")});
  }
  const auto& tot = at(o, "district_targets_total").as_object();
  p.annex = {integer(tot, "total"), integer(tot, "y2024"), integer(tot, "y2025")};
  for (const auto& v : at(o, "text_statements").as_array()) {
    const auto& s = v.as_object();
    TextStatement st{integer(s, "indicator"), text(s, "quote"), 0, text(s, "relation")};
    SZ_ASSIGN(st.value, hundredths_of(at(s, "value"), "statement " + st.quote));
    p.statements.push_back(std::move(st));
  }
  for (const auto& v : at(o, "notes").as_array()) p.notes.push_back({text(v.as_object(), "code"), text(v.as_object(), "message")});
  SZ_TRY(store::save_plan(c, groups, p));
  SZ_TRY(db::record_ref_version(c, "plan", text(o, "version"), std::string(plan_json), now));
  // Names come from the stored reference lists, so check what was stored.
  SZ_ASSIGN(auto stored, store::load_plan(c));
  SZ_TRY(name_plan(c, stored));
  return check_plan(stored);
}

}  // namespace sz::stats

namespace sz::stats {

Result<std::vector<MetricDef>> Service::parse_metric_defs(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("indicator-metrics.json is not a JSON object");
  std::vector<MetricDef> out;
  for (const auto& kv : v.at("indicators").as_object()) {
    const auto& o = kv.value().as_object();
    MetricDef d;
    d.indicator = std::stoll(std::string(kv.key()));
    d.metric = o.at("metric").is_string() ? std::string(o.at("metric").as_string()) : "";
    d.kind = std::string(o.at("kind").as_string());
    d.note = std::string(o.at("note").as_string());
    if (auto* drill = o.if_contains("drill")) d.drill = std::string(drill->as_string());
    if (auto* records = o.if_contains("records")) d.records = std::string(records->as_string());
    out.push_back(std::move(d));
  }
  return out;
}

namespace {
Status require_officials(const auth::Principal& p) {
  if (p.has(auth::Role::city_admin) || (p.has(auth::Role::district_officer) && p.district)) return ok();
  return err::forbidden("数据驾驶舱仅对市级管理员和区县专班开放");
}
}  // namespace

Result<ProgressView> Service::progress(const auth::Principal& p, int64_t stage) {
  SZ_TRY(require_officials(p));
  return progress_of(p.has(auth::Role::city_admin) ? "" : *p.district, stage);
}

namespace {
std::vector<GroupCounts> now_groups(const std::vector<registry::store::CountRow>& rows) {
  std::vector<GroupCounts> out;
  for (const auto& r : rows) {
    const auto& n = r.counts;
    out.push_back({r.key.district, r.key.industry, r.key.batch, 0,
                   {{"pilot", n.pilot}, {"assessed", n.assessed}, {"level2", n.level2},
                    {"scale_above_level2", n.scale_above_level2}, {"innovative_level2", n.innovative_level2},
                    {"specialized", n.specialized}, {"cloud", n.cloud}, {"accepted", n.stage.accepted},
                    {"scale_above_accepted", n.stage.scale_above_accepted},
                    {"innovative_accepted", n.stage.innovative_accepted}, {"cloud_accepted", n.stage.cloud_accepted},
                    {"cloud_undated", n.cloud_undated}, {"non_sme", n.non_sme}, {"non_sme_accepted", n.non_sme_accepted},
                    {"sme_unknown", n.sme_unknown}}});
  }
  return out;
}

std::vector<GroupCounts> stage_groups(const std::vector<registry::store::StageRow>& rows) {
  std::vector<GroupCounts> out;
  for (const auto& r : rows) {
    const auto& s = r.counts;
    out.push_back({r.key.district, r.key.industry, r.key.batch, r.cohort,
                   {{"accepted", s.accepted}, {"scale_above_accepted", s.scale_above_accepted},
                    {"innovative_accepted", s.innovative_accepted}, {"cloud_accepted", s.cloud_accepted}}});
  }
  return out;
}
}  // namespace

Result<ProgressView> Service::progress_of(const std::string& district, int64_t stage) {
  ProgressView v;
  v.city_wide = district.empty();
  SZ_ASSIGN(v.targets, targets());
  const std::string day = today();
  const int64_t this_year = std::stoll(day.substr(0, 4));
  if (stage && (stage < 2024 || stage > this_year)) return err::invalid("year", "阶段年度应在 2024–" + std::to_string(this_year) + " 之间");
  v.stage = stage;
  v.as_of = stage ? std::min(std::to_string(stage) + "-12-31", day) : day;
  ProgressInput in;
  SZ_ASSIGN(auto counts, registry_.counts(district));
  in.now = now_groups(counts);
  if (stage) {
    SZ_ASSIGN(auto rows, registry_.stage_counts(v.as_of, district));
    in.stage = stage_groups(rows);
  }
  SZ_ASSIGN(auto end_2024, registry_.stage_counts("2024-12-31", district));
  SZ_ASSIGN(auto end_2025, registry_.stage_counts("2025-12-31", district));
  in.at_2024_end = stage_groups(end_2024);
  in.at_2025_end = stage_groups(end_2025);
  SZ_ASSIGN(auto sums, registry_.year_sums(district));
  int64_t latest = 0;
  for (const auto& r : sums) {
    in.years.push_back({r.key.district, r.key.industry, r.year, r.sums.revenue, r.sums.rd_spending, r.sums.invention_patents});
    if (r.sums.revenue > 0) latest = std::max(latest, r.year);
  }
  v.rd_year = in.rd_year = stage ? stage : latest;
  v.patents_to = in.patents_to = stage ? stage : this_year;
  in.city_targets = v.city_wide;
  SZ_ASSIGN(auto* c, db_->local());
  for (const auto& s : sources_) {
    if (!v.city_wide && !s.by_district) continue;
    SZ_ASSIGN(auto list, s.items(*c, stage ? v.as_of : ""));
    int64_t undated = 0;
    in.tallies[s.metric] = tally_items(items_by_day(list, v.as_of, &undated), district);
    v.undated_items[s.metric] = undated;
  }
  v.progress = stats::progress(v.targets.plan, defs_, in);
  return v;
}

std::string drawn_from(const ProgressView& v, const MetricDef& d) {
  std::string text = d.records;
  if (registry::accepted_metric(d.metric)) {
    text += v.stage ? "，计至 " + v.as_of : "，当前";
    if (d.metric == "cloud_accepted" && v.progress.cloud_undated)
      text += v.stage ? "；另有 " + std::to_string(v.progress.cloud_undated) + " 家改造企业上云但无上云日期记录，未计入阶段数"
                      : "；其中 " + std::to_string(v.progress.cloud_undated) + " 家无上云日期记录，只计入当前数";
  } else if (d.drill == "items") {
    text += v.stage ? "，按记录日期计至 " + v.as_of : "，当前";
    auto it = v.undated_items.find(d.metric);
    if (it != v.undated_items.end() && it->second)
      text += "；其中 " + std::to_string(it->second) + " 项记录无日期，按当前状态计";
  } else if (d.metric == "rd") {
    text += v.rd_year ? "，" + std::to_string(v.rd_year) + " 年度" : "，尚无年度数据";
  } else if (d.metric == "patents") {
    text += "，2024 年至 " + std::to_string(v.patents_to) + " 年";
  }
  return text;
}

Result<std::vector<std::pair<registry::store::Enterprise, std::string>>> Service::drill(
    const auth::Principal& p, const registry::store::MetricFilter& f, int64_t limit, int64_t offset, int64_t* total) {
  SZ_TRY(require_officials(p));
  // Only the transformed counts keep their days; the other figures have no history to go back to.
  if ((f.as_of || f.cohort) && !registry::accepted_metric(f.metric))
    return err::invalid("as_of", "只有改造企业（验收通过）的口径可以按日期列出");
  return registry_.by_metric(p, f, limit, offset, total);
}

Result<ItemTally> Service::items_by(const std::string& metric, const std::string& day, int64_t* undated) {
  for (const auto& s : sources_) {
    if (s.metric != metric) continue;
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(auto list, s.items(*c, day));
    return tally_items(items_by_day(list, day, undated), "");
  }
  return err::invalid("metric", "未知的统计事项：" + metric);
}

Result<std::vector<CountedItem>> Service::items_at(const std::string& metric, const std::string& day) {
  for (const auto& s : sources_) {
    if (s.metric != metric) continue;
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(auto list, s.items(*c, day));
    int64_t undated = 0;
    return items_by_day(list, day, &undated);
  }
  return err::invalid("metric", "未知的统计事项：" + metric);
}

Result<std::vector<CountedItem>> Service::items(const auth::Principal& p, const std::string& metric,
                                                const std::string& industry, std::string district,
                                                const std::string& as_of, std::string* label) {
  SZ_TRY(require_officials(p));
  for (const auto& s : sources_) {
    if (s.metric != metric) continue;
    if (!p.has(auth::Role::city_admin)) {
      if (!s.by_district) return err::forbidden("该指标按全市统计，区县不单列");
      district = *p.district;
    }
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(auto list, s.items(*c, as_of));
    *label = s.label;
    int64_t undated = 0;
    list = items_by_day(list, as_of.empty() ? today() : as_of, &undated);
    return items_behind(list, industry, district);
  }
  return err::invalid("metric", "未知的统计事项：" + metric);
}

Result<jobs::Job> Service::request_export(const auth::Principal& p, const auth::Origin& from, int64_t year) {
  SZ_TRY(require_officials(p));
  SZ_ASSIGN(auto* c, db_->local());
  std::string params = bj::serialize(bj::object{{"year", year}});
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "stats.progress_export", p.user_id, params, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "stats.export", "job", std::to_string(id), "", params));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto job, jobs::find(*c, id));
  return *job;
}

namespace {
std::string cell_text(const std::optional<int64_t>& v) { return v ? format_hundredths(*v) : "—"; }
std::string rate_text(const ProgressCell& c) {
  if (!c.actual || !c.target || *c.target == 0) return "—";
  int64_t basis = *c.actual * 10000 / *c.target;  // hundredths of a percent
  return format_hundredths(basis) + "%";
}
}  // namespace

jobs::Handler Service::export_handler(std::string jobs_dir) {
  return [this, jobs_dir](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto params = bj::parse(ctx.job().params_json).as_object();
    auto& c = ctx.reader();
    SZ_ASSIGN(auto owner, auth::internal::job_owner(c, ctx.job().owner_user_id));
    SZ_ASSIGN(auto v, progress(owner, params.at("year").as_int64()));
    std::error_code ec;
    std::filesystem::create_directories(jobs_dir, ec);
    std::string file = "progress-" + std::to_string(ctx.job().id) + "-" + std::to_string(ctx.job().attempts) + ".xlsx";
    std::string path = (std::filesystem::path(jobs_dir) / file).string();
    std::vector<std::string> headers = {"序号", "指标", "单位"};
    for (const auto& code : v.targets.plan.industries) {
      headers.push_back(v.targets.plan.industry_short_names[code] + " 实际");
      headers.push_back(v.targets.plan.industry_short_names[code] + " 目标");
    }
    for (const char* h : {"合计 实际", "合计 目标", "完成率", "计数口径"}) headers.push_back(h);
    SZ_ASSIGN(auto book, xlsx::Writer::create(path, "目标完成情况", headers));
    for (const auto& ip : v.progress.indicators) {
      std::vector<std::string> row = {std::to_string(ip.indicator->no), ip.indicator->name, ip.indicator->unit};
      for (const auto& code : v.targets.plan.industries) {
        const auto& cell = ip.by_industry.at(code);
        row.push_back(cell_text(cell.actual));
        row.push_back(cell_text(cell.target));
      }
      row.push_back(cell_text(ip.total.actual));
      row.push_back(cell_text(ip.total.target));
      row.push_back(rate_text(ip.total));
      row.push_back(ip.def ? ip.def->note : "");
      SZ_TRY(book->add_row(row));
    }
    SZ_TRY(book->add_sheet("区县进度", {"所属县区", "任务总数", "2024年考核目标", "2024年内验收通过", "2025年考核目标",
                                        "2025年内验收通过", "截至2025年底改造完成", "完成率", "排名", "当前改造完成",
                                        "试点企业", "按批次：2024批", "按批次：2025批", "已评测", "评测二级及以上"}));
    for (const auto& d : v.progress.districts) {
      ProgressCell cell{d.target->total * 100, d.accepted_total * 100};
      SZ_TRY(book->add_row({d.target->name, std::to_string(d.target->total), std::to_string(d.target->y2024),
                            std::to_string(d.accepted_2024), std::to_string(d.target->y2025),
                            std::to_string(d.accepted_2025), std::to_string(d.accepted_total), rate_text(cell),
                            std::to_string(d.rank), std::to_string(d.accepted_now), std::to_string(d.pilot),
                            std::to_string(d.pilot_2024), std::to_string(d.pilot_2025), std::to_string(d.assessed),
                            std::to_string(d.level2)}));
    }
    SZ_TRY(book->close());
    ctx.progress(1, 1);
    bj::object result{{"file", file},
                      {"name", "数据驾驶舱-" + shanghai_time(clock_.now()).substr(0, 10) + ".xlsx"},
                      {"rows", static_cast<int64_t>(v.progress.indicators.size() + v.progress.districts.size())},
                      {"size", static_cast<int64_t>(std::filesystem::file_size(path, ec))}};
    return jobs::Outcome{bj::serialize(result), nullptr};
  };
}

}  // namespace sz::stats
