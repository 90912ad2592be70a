#include "stats/store.h"

namespace sz::stats::store {

Status save_plan(db::Connection& c, const std::vector<Group>& groups, const Plan& p) {
  for (const char* t : {"target_values", "target_indicators", "target_groups", "district_targets", "plan_statements",
                        "plan_notes", "plan_totals"})
    SZ_TRY(c.execute(std::string("DELETE FROM ") + t));
  int64_t order = 0;
  for (const auto& g : groups)
    SZ_TRY(c.execute("INSERT INTO target_groups (no, name, sort_order) VALUES ($1,$2,$3)", {g.no, g.name, ++order}));
  for (const auto& ind : p.indicators) {
    SZ_TRY(c.execute("INSERT INTO target_indicators (no, group_no, name, unit, kind, total) VALUES ($1,$2,$3,$4,$5,$6)",
                     {ind.no, ind.group, ind.name, ind.unit, ind.kind, format_hundredths(ind.total)}));
    for (const auto& [code, v] : ind.values)
      SZ_TRY(c.execute("INSERT INTO target_values (indicator_no, industry_code, value) VALUES ($1,$2,$3)",
                       {ind.no, code, format_hundredths(v)}));
  }
  order = 0;
  for (const auto& d : p.districts)
    SZ_TRY(c.execute("INSERT INTO district_targets (district_code, total, y2024, y2025, sort_order) "
                     "VALUES ($1,$2,$3,$4,$5)",
                     {d.district, d.total, d.y2024, d.y2025, ++order}));
  order = 0;
  for (const auto& s : p.statements)
    SZ_TRY(c.execute("INSERT INTO plan_statements (id, indicator_no, quote, value, relation) VALUES ($1,$2,$3,$4,$5)",
                     {++order, s.indicator, s.quote, format_hundredths(s.value), s.relation}));
  for (const auto& n : p.notes)
    SZ_TRY(c.execute("INSERT INTO plan_notes (code, message) VALUES ($1,$2)", {n.code, n.message}));
  SZ_TRY(c.execute("INSERT INTO plan_totals (id, annex_total, annex_y2024, annex_y2025) VALUES (1,$1,$2,$3)",
                   {p.annex.total, p.annex.y2024, p.annex.y2025}));
  return ok();
}

Result<Plan> load_plan(db::Connection& c) {
  Plan p;  // the industries' and districts' names come from the registry (stats::Service names the plan)
  SZ_ASSIGN(auto rows, c.query("SELECT no, group_no, name, unit, kind, total FROM target_indicators ORDER BY no"));
  SZ_ASSIGN(auto vals, c.query("SELECT indicator_no, industry_code, value FROM target_values"));
  for (const auto& r : rows) {
    Indicator ind{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), {}, parse_hundredths(r.text(5)).value_or(0)};
    for (const auto& v : vals)
      if (v.i64(0) == ind.no) ind.values[v.text(1)] = parse_hundredths(v.text(2)).value_or(0);
    p.indicators.push_back(std::move(ind));
  }
  SZ_ASSIGN(auto ds, c.query("SELECT district_code, total, y2024, y2025 FROM district_targets ORDER BY sort_order"));
  for (const auto& r : ds) p.districts.push_back({r.text(0), "", r.i64(1), r.i64(2), r.i64(3)});
  SZ_ASSIGN(auto tot, c.query_one("SELECT annex_total, annex_y2024, annex_y2025 FROM plan_totals WHERE id = 1"));
  if (tot) p.annex = {tot->i64(0), tot->i64(1), tot->i64(2)};
  SZ_ASSIGN(auto sts, c.query("SELECT indicator_no, quote, value, relation FROM plan_statements ORDER BY id"));
  for (const auto& r : sts)
    p.statements.push_back({r.i64(0), r.text(1), parse_hundredths(r.text(2)).value_or(0), r.text(3)});
  SZ_ASSIGN(auto notes, c.query("SELECT code, message FROM plan_notes ORDER BY code"));
  for (const auto& r : notes) p.notes.push_back({r.text(0), r.text(1)});
  return p;
}

Result<std::vector<Group>> groups(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT no, name FROM target_groups ORDER BY sort_order"));
  std::vector<Group> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1)});
  return out;
}

}  // namespace sz::stats::store
