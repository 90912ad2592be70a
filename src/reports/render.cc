#include "reports/render.h"

#include <boost/json.hpp>

#include <map>
#include <optional>

#include "funding/service.h"
#include "infra/clock.h"
#include "infra/pdf.h"
#include "infra/text.h"
#include "infra/xlsx.h"
#include "reports/rules.h"
#include "stats/service.h"

namespace sz::reports {

namespace bj = boost::json;

namespace {

std::string str(const bj::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }
int64_t num(const bj::value& v) { return v.is_int64() ? v.as_int64() : 0; }
// A figure held in hundredths ("—" when there is none).
std::string figure(const bj::value& v) { return v.is_int64() ? stats::format_hundredths(v.as_int64()) : "—"; }
std::string rate(const bj::value& actual, const bj::value& target) {
  return actual.is_int64() && target.is_int64() ? percent(actual.as_int64(), target.as_int64()) : "—";
}
const char* risk_name(const bj::value& v) {
  std::string r = str(v);
  return r == "behind" ? "落后" : r == "at_risk" ? "有风险" : r == "on_track" ? "正常" : r == "unknown" ? "数据不足" : "—";
}

// Every table of the report, as rows of text: the PDF and the workbook show the same figures.
struct Table {
  std::string title;
  std::vector<pdf::Column> columns;
  std::vector<std::vector<std::string>> rows;
};

Table indicators_table(const bj::object& s) {
  Table t{"目标任务完成情况", {{"序号", 0.6}, {"指标", 4}, {"单位", 0.7}, {"目标", 1, true}, {"实际", 1, true}, {"完成率", 1.1, true}}, {}};
  for (const auto& v : s.at("indicators").as_array()) {
    const auto& o = v.as_object();
    t.rows.push_back({std::to_string(num(o.at("no"))), str(o.at("name")), str(o.at("unit")), figure(o.at("target")),
                      figure(o.at("actual")), rate(o.at("actual"), o.at("target"))});
  }
  return t;
}

Table districts_table(const bj::object& s) {
  const auto& list = s.at("districts").as_array();
  // Snapshots frozen before the annex's yearly reading (no accepted_2024) keep the layout they were issued with.
  if (!list.empty() && !list.at(0).as_object().contains("accepted_2024")) {
    Table t{"区县进展与排名",
            {{"区县", 1.6}, {"任务", 0.8, true}, {"2024年", 0.8, true}, {"纳入试点", 0.9, true}, {"已评测", 0.9, true},
             {"二级及以上", 1, true}, {"验收通过", 0.9, true}, {"完成率", 1, true}, {"排名", 0.6, true}},
            {}};
    for (const auto& v : list) {
      const auto& o = v.as_object();
      t.rows.push_back({str(o.at("name")), std::to_string(num(o.at("target"))), std::to_string(num(o.at("y2024"))),
                        std::to_string(num(o.at("pilot"))), std::to_string(num(o.at("assessed"))),
                        std::to_string(num(o.at("level2"))), std::to_string(num(o.at("accepted"))),
                        percent(num(o.at("accepted")), num(o.at("target"))), std::to_string(num(o.at("rank")))});
    }
    return t;
  }
  // The annex read one way (docs/counting-rules.md): each year's figure counts that year's acceptances, the total all
  // counted at the end of 2025.
  Table t{"区县进展与排名（对照附件考核目标）",
          {{"区县", 1.5}, {"2024年目标", 0.9, true}, {"2024年内完成", 0.9, true}, {"2025年目标", 0.9, true},
           {"2025年内完成", 0.9, true}, {"任务总数", 0.8, true}, {"截至2025年底", 0.9, true}, {"完成率", 0.9, true},
           {"排名", 0.6, true}, {"当前完成", 0.8, true}},
          {}};
  for (const auto& v : list) {
    const auto& o = v.as_object();
    t.rows.push_back({str(o.at("name")), std::to_string(num(o.at("y2024"))), std::to_string(num(o.at("accepted_2024"))),
                      std::to_string(num(o.at("y2025"))), std::to_string(num(o.at("accepted_2025"))),
                      std::to_string(num(o.at("target"))), std::to_string(num(o.at("accepted"))),
                      percent(num(o.at("accepted")), num(o.at("target"))), std::to_string(num(o.at("rank"))),
                      std::to_string(num(o.at("accepted_now")))});
  }
  return t;
}

Table funnel_table(const bj::object& s) {
  Table t{"推进漏斗", {{"环节", 3}, {"企业数", 1, true}, {"占纳入试点", 1, true}}, {}};
  int64_t base = num(s.at("funnel").as_array().at(0).at("count"));
  for (const auto& v : s.at("funnel").as_array())
    t.rows.push_back({str(v.at("name")), std::to_string(num(v.at("count"))), percent(num(v.at("count")), base)});
  return t;
}

std::vector<Table> forecast_tables(const bj::object& s) {
  std::vector<Table> out;
  for (const auto& y : s.at("forecast").at("years").as_array()) {
    for (const char* part : {"districts", "industries"}) {
      const auto& rows = y.at(part).as_array();
      if (rows.empty()) continue;
      Table t{"达标预测（" + str(y.at("label")) + "，" + (std::string(part) == "districts" ? "分区县" : "分行业") + "）",
              {{std::string(part) == "districts" ? "区县" : "行业", 1.6}, {"目标", 0.8, true}, {"已验收", 0.9, true},
               {"预测区间（10%–90%）", 1.8, true}, {"中位数", 0.9, true}, {"判断", 0.9}},
              {}};
      for (const auto& v : rows) {
        const auto& o = v.as_object();
        t.rows.push_back({str(o.at("name")), o.at("target").is_int64() ? std::to_string(num(o.at("target"))) : "—",
                          std::to_string(num(o.at("accepted"))),
                          std::to_string(num(o.at("p10"))) + "–" + std::to_string(num(o.at("p90"))),
                          std::to_string(num(o.at("p50"))), risk_name(o.at("risk"))});
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

Table forecast_cells_table(const bj::object& s) {
  Table t{"达标预测（区县×行业）", {{"年份", 1}, {"区县", 1.4}, {"行业", 1}, {"已验收", 0.8, true}, {"10%", 0.6, true},
                                   {"中位数", 0.7, true}, {"90%", 0.6, true}}, {}};
  std::map<std::string, std::string> names;
  for (const auto& i : s.at("industries").as_array()) names[str(i.at("code"))] = str(i.at("short_name"));
  for (const auto& y : s.at("forecast").at("years").as_array())
    if (const auto* cells = y.as_object().if_contains("cells"))
      for (const auto& v : cells->as_array())
        t.rows.push_back({str(y.at("label")), str(v.at("district_name")), names[str(v.at("industry"))],
                          std::to_string(num(v.at("accepted"))), std::to_string(num(v.at("p10"))),
                          std::to_string(num(v.at("p50"))), std::to_string(num(v.at("p90")))});
  return t;
}

Table quality_table(const bj::object& s) {
  Table t{"数据质量", {{"检查项", 4}, {"数量", 1, true}, {"性质", 1}}, {}};
  if (const auto* checks = s.if_contains("data_quality"))
    for (const auto& v : checks->as_array()) {
      std::string sev = str(v.at("severity"));
      t.rows.push_back({str(v.at("name")), std::to_string(num(v.at("count"))),
                        num(v.at("count")) == 0 ? "正常" : sev == "error" ? "数字不一致" : sev == "warning" ? "缺失" : "说明"});
    }
  return t;
}

// Snapshots issued before the records section existed have none: the table is then absent, not empty.
std::optional<Table> records_table(const bj::object& s) {
  const auto* r = s.if_contains("records");
  if (!r) return std::nullopt;
  Table t{"成果记录（截至 " + str(r->at("last_day")) + "）", {{"记录", 2.6}, {"累计", 0.8, true}, {"本期新增", 4.6}}, {}};
  for (const auto& v : r->at("rows").as_array()) {
    std::string added;
    for (const auto& a : v.at("added").as_array()) added += (added.empty() ? "" : "；") + str(a);
    t.rows.push_back({str(v.at("kind")), std::to_string(num(v.at("count"))), added.empty() ? "—" : added});
  }
  return t;
}

Table late_table(const bj::object& s) {
  Table t{"逾期里程碑", {{"项目", 2.2}, {"企业", 2.2}, {"区县", 1}, {"里程碑", 2}, {"应完成", 1.1}, {"逾期天数", 0.9, true}}, {}};
  for (const auto& v : s.at("late_milestones").at("items").as_array())
    t.rows.push_back({str(v.at("project")), str(v.at("enterprise")), str(v.at("district")), str(v.at("milestone")),
                      str(v.at("due_on")), std::to_string(num(v.at("days_late")))});
  return t;
}

Table funds_table(const bj::object& s) {
  Table t{"补助资金（元）", {{"年度", 0.7}, {"来源", 1.4}, {"预算", 1.3, true}, {"已承诺", 1.3, true}, {"已拨付", 1.3, true}, {"结余", 1.3, true}}, {}};
  if (auto* funds = s.if_contains("funds"))
    for (const auto& v : funds->as_array())
      t.rows.push_back({std::to_string(num(v.at("year"))), str(v.at("source")), funding::yuan_text(num(v.at("budget_fen"))),
                        funding::yuan_text(num(v.at("committed_fen"))), funding::yuan_text(num(v.at("paid_fen"))), funding::yuan_text(num(v.at("remaining_fen")))});
  return t;
}

Table providers_table(const bj::object& s) {
  Table t{"服务商评价（前15名）", {{"服务商", 3}, {"星级", 0.7, true}, {"得分", 0.9, true}, {"项目", 0.7, true}, {"验收通过", 0.9, true}}, {}};
  if (auto* list = s.if_contains("providers"))
    for (const auto& v : list->as_array())
      t.rows.push_back({str(v.at("name")), std::to_string(num(v.at("stars"))),
                        v.at("score_milli").is_int64() ? stats::format_hundredths(num(v.at("score_milli")) / 10) : "—",
                        std::to_string(num(v.at("projects"))), std::to_string(num(v.at("accepted")))});
  return t;
}

Table changes_table(const bj::object& s) {
  Table t{"与上期相比", {{"项目", 4}, {"上期", 1, true}, {"本期", 1, true}, {"变化", 1, true}}, {}};
  for (const auto& v : s.at("changes").at("items").as_array()) {
    int64_t before = num(v.at("before")), after = num(v.at("after"));
    t.rows.push_back({str(v.at("item")), stats::format_hundredths(before), stats::format_hundredths(after),
                      (after >= before ? "+" : "-") + stats::format_hundredths(std::abs(after - before))});
  }
  return t;
}

std::string subtitle(const bj::object& meta) {
  return str(meta.at("period_label")) + " · " + str(meta.at("scope").at("name")) + " · " + str(meta.at("issuer")) +
         " · 数据截至 " + shanghai_time(num(meta.at("issued_at"))).substr(0, 16);
}

}  // namespace

Status render_pdf(const bj::object& s, const std::string& snapshot_sm3, const std::string& path) {
  const auto& meta = s.at("meta").as_object();
  const bool city = str(meta.at("scope").at("code")).empty();
  pdf::Meta m{str(meta.at("title")) + "（" + str(meta.at("period_label")) + "）", str(meta.at("issuer")),
              str(meta.at("scope").at("name")), num(meta.at("issued_at")), str(meta.at("issuer"))};
  SZ_ASSIGN(auto doc, pdf::Document::create(path, m));
  auto& d = *doc;
  d.title(str(meta.at("title")), subtitle(meta));
  auto put = [&](const Table& t) {
    d.heading(t.title);
    if (t.rows.empty()) d.paragraph("（本期无）");
    else d.table(t.columns, t.rows);
  };

  const auto& funnel = s.at("funnel").as_array();
  int64_t registered = num(funnel.at(0).at("count")), accepted = num(funnel.back().at("count"));
  d.heading("一、总体进展");
  d.paragraph("截至" + shanghai_time(num(meta.at("issued_at"))).substr(0, 10) + "，" + str(meta.at("scope").at("name")) +
              "纳入试点企业 " + std::to_string(registered) + " 家，验收通过且数字化水平达到二级及以上 " +
              std::to_string(accepted) + " 家；逾期未完成的里程碑 " +
              std::to_string(num(s.at("late_milestones").at("total"))) + " 个。");
  std::vector<pdf::Bar> bars;
  for (const auto& v : funnel)
    bars.push_back({str(v.at("name")), static_cast<double>(num(v.at("count"))), 0, std::to_string(num(v.at("count"))) + " 家"});
  d.bars("推进漏斗（企业数）", bars);
  put(funnel_table(s));

  d.heading("二、目标任务完成情况");
  d.table(indicators_table(s).columns, indicators_table(s).rows);
  if (city) {
    std::vector<pdf::Bar> by_industry;
    const auto& first = s.at("indicators").as_array().at(0).as_object();
    const auto& names = s.at("industries").as_array();
    for (size_t i = 0; i < names.size(); ++i) {
      const auto& cell = first.at("by_industry").as_array().at(i);
      double actual = static_cast<double>(num(cell.at("actual"))) / 100, target = static_cast<double>(num(cell.at("target"))) / 100;
      by_industry.push_back({str(names[i].at("short_name")), actual, target, figure(cell.at("actual")) + " / " + figure(cell.at("target"))});
    }
    d.bars("分行业改造完成企业数（红线为目标）", by_industry);
  }

  d.heading("三、区县进展与排名");
  d.table(districts_table(s).columns, districts_table(s).rows);

  d.heading("四、达标预测");
  d.paragraph(str(s.at("forecast").at("method")) + "。“落后”：乐观估计（90%分位）仍低于目标；“有风险”：中位数低于目标。");
  for (const auto& t : forecast_tables(s)) put(t);

  d.heading("五、逾期事项");
  const auto& late = s.at("late_milestones").as_object();
  d.paragraph("逾期未完成的里程碑共 " + std::to_string(num(late.at("total"))) + " 个，涉及 " +
              std::to_string(late.contains("projects") ? num(late.at("projects")) : 0) + " 个项目；按应完成日期列出前30个。");
  d.table(late_table(s).columns, late_table(s).rows);

  if (auto records = records_table(s)) put(*records);
  if (city) {
    put(funds_table(s));
    put(providers_table(s));
  }
  if (s.contains("data_quality")) put(quality_table(s));
  const auto& prev = s.at("changes").at("previous");
  d.heading("与上期相比");
  if (prev.is_null()) d.paragraph("本期为该范围的首期通报。");
  else {
    d.paragraph("上期：" + str(prev) + "。");
    Table t = changes_table(s);
    if (t.rows.empty()) d.paragraph("各项数字与上期相同。");
    else d.table(t.columns, t.rows);
  }
  d.heading("数据说明");
  d.paragraph("本通报依据发布时冻结的数据快照生成。快照 SM3：" + snapshot_sm3 + "；审计链头：第 " +
              std::to_string(num(s.at("audit").at("seq"))) + " 条，" + str(s.at("audit").at("hash")) + "。");
  return d.close();
}

Status render_xlsx(const bj::object& s, const std::string& snapshot_sm3, const std::string& path) {
  const auto& meta = s.at("meta").as_object();
  std::vector<Table> tables = {indicators_table(s), districts_table(s), funnel_table(s)};
  for (auto& t : forecast_tables(s)) tables.push_back(std::move(t));
  tables.push_back(forecast_cells_table(s));
  tables.push_back(late_table(s));
  if (auto records = records_table(s)) tables.push_back(std::move(*records));
  if (s.contains("data_quality")) tables.push_back(quality_table(s));
  if (str(meta.at("scope").at("code")).empty()) {
    tables.push_back(funds_table(s));
    tables.push_back(providers_table(s));
  }
  tables.push_back(changes_table(s));
  std::unique_ptr<xlsx::Writer> book;
  int n = 0;
  for (const auto& t : tables) {
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.title);
    // Sheet names: unique, at most 31 characters (whole characters, never half of one).
    std::string name = std::to_string(++n) + ".";
    auto chars = text::code_points(t.title);
    for (size_t i = 0; i < chars.size() && i < 24; ++i) name += chars[i];
    if (!book) {
      SZ_ASSIGN(book, xlsx::Writer::create(path, name, headers,
                                           {num(meta.at("issued_at")), str(meta.at("title")) + "（" + str(meta.at("period_label")) + "）"}));
    } else {
      SZ_TRY(book->add_sheet(name, headers));
    }
    for (const auto& r : t.rows) SZ_TRY(book->add_row(r));
  }
  SZ_TRY(book->add_sheet("说明", {"项目", "内容"}));
  SZ_TRY(book->add_row({"通报", str(meta.at("title"))}));
  SZ_TRY(book->add_row({"期次", str(meta.at("period_label"))}));
  SZ_TRY(book->add_row({"范围", str(meta.at("scope").at("name"))}));
  SZ_TRY(book->add_row({"发布单位", str(meta.at("issuer"))}));
  SZ_TRY(book->add_row({"数据截至", shanghai_time(num(meta.at("issued_at")))}));
  SZ_TRY(book->add_row({"数据快照 SM3", snapshot_sm3}));
  SZ_TRY(book->add_row({"审计链头", std::to_string(num(s.at("audit").at("seq"))) + " " + str(s.at("audit").at("hash"))}));
  return book->close();
}

}  // namespace sz::reports
