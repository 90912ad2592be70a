#include "funding/store.h"

namespace sz::funding::store {

namespace {
LprRate lpr_of(const db::Row& r) { return {r.text(0), r.i64(1), r.i64(2)}; }
}  // namespace

Result<std::vector<LprRate>> lpr_table(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT announced_on, one_year_bp, five_year_bp FROM lpr_rates ORDER BY announced_on"));
  std::vector<LprRate> out;
  for (const auto& r : rows) out.push_back(lpr_of(r));
  return out;
}

Result<std::optional<LprRate>> lpr_row(db::Connection& c, const std::string& announced_on) {
  SZ_ASSIGN(auto row, c.query_one("SELECT announced_on, one_year_bp, five_year_bp FROM lpr_rates WHERE announced_on = $1",
                                  {announced_on}));
  if (!row) return std::optional<LprRate>();
  return std::optional<LprRate>(lpr_of(*row));
}

Status upsert_lpr(db::Connection& c, const LprRate& r, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO lpr_rates (announced_on, one_year_bp, five_year_bp, updated_at) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (announced_on) DO UPDATE SET one_year_bp = excluded.one_year_bp, "
                   "five_year_bp = excluded.five_year_bp, updated_at = excluded.updated_at",
                   {r.announced_on, r.one_year_bp, r.five_year_bp, now}));
  return ok();
}

Status delete_lpr(db::Connection& c, const std::string& announced_on) {
  SZ_TRY(c.execute("DELETE FROM lpr_rates WHERE announced_on = $1", {announced_on}));
  return ok();
}

Status insert_lpr_change(db::Connection& c, const LprChange& ch) {
  SZ_TRY(c.execute("INSERT INTO lpr_changes (announced_on, action, one_year_bp, five_year_bp, before_one_year_bp, "
                   "before_five_year_bp, reason, actor, changed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                   {ch.announced_on, ch.action, db::opt(ch.one_year_bp), db::opt(ch.five_year_bp),
                    db::opt(ch.before_one_year_bp), db::opt(ch.before_five_year_bp), ch.reason, ch.actor,
                    ch.changed_at}));
  return ok();
}

Result<std::vector<LprChange>> lpr_changes(db::Connection& c, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, announced_on, action, reason, actor, one_year_bp, five_year_bp, "
                               "before_one_year_bp, before_five_year_bp, changed_at FROM lpr_changes "
                               "ORDER BY id DESC LIMIT $1",
                               {limit}));
  std::vector<LprChange> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.opt_i64(5), r.opt_i64(6), r.opt_i64(7),
                   r.opt_i64(8), r.i64(9)});
  return out;
}

}  // namespace sz::funding::store
