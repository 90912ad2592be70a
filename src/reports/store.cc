#include "reports/store.h"

namespace sz::reports::store {

namespace {
constexpr const char* kListColumns =
    "id, kind, period, scope, scope_name, '' AS snapshot, snapshot_sm3, audit_seq, audit_hash, renderer, pdf_file, "
    "pdf_sm3, pdf_size, xlsx_file, xlsx_sm3, xlsx_size, job_id, issued_by, issued_at";
constexpr const char* kColumns =
    "id, kind, period, scope, scope_name, snapshot, snapshot_sm3, audit_seq, audit_hash, renderer, pdf_file, pdf_sm3, "
    "pdf_size, xlsx_file, xlsx_sm3, xlsx_size, job_id, issued_by, issued_at";
Report report_of(const db::Row& r) {
  return {r.i64(0),  r.text(1),  r.text(2),  r.text(3),  r.text(4), r.text(5),  r.text(6),
          r.i64(7),  r.text(8),  r.text(9),  r.text(10), r.text(11), r.i64(12), r.text(13),
          r.text(14), r.i64(15), r.i64(16), r.text(17), r.i64(18)};
}
}  // namespace

Status insert_report(db::Connection& c, const Report& r) {
  SZ_TRY(c.execute("INSERT INTO reports (kind, period, scope, scope_name, snapshot, snapshot_sm3, audit_seq, audit_hash, "
                   "renderer, pdf_file, pdf_sm3, pdf_size, xlsx_file, xlsx_sm3, xlsx_size, job_id, issued_by, issued_at) "
                   "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)",
                   {r.kind, r.period, r.scope, r.scope_name, r.snapshot, r.snapshot_sm3, r.audit_seq, r.audit_hash,
                    r.renderer, r.pdf_file, r.pdf_sm3, r.pdf_size, r.xlsx_file, r.xlsx_sm3, r.xlsx_size, r.job_id,
                    r.issued_by, r.issued_at}));
  return ok();
}

Result<std::optional<Report>> report(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + " FROM reports WHERE id = $1", {id}));
  if (!row) return std::optional<Report>();
  return std::optional<Report>(report_of(*row));
}

Result<std::vector<Report>> reports(db::Connection& c, const Filter& f, int64_t limit, int64_t offset, int64_t* total) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (f.scope) where += " AND scope = " + db::bind(p, *f.scope);
  if (!f.kind.empty()) where += " AND kind = " + db::bind(p, f.kind);
  if (!f.period.empty()) where += " AND period = " + db::bind(p, f.period);
  if (f.job_id) where += " AND job_id = " + db::bind(p, *f.job_id);
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM reports" + where, p));
  *total = n->i64(0);
  std::string page = " LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kListColumns + " FROM reports" + where +
                                   " ORDER BY issued_at DESC, id" + page,
                               p));
  std::vector<Report> out;
  for (const auto& r : rows) out.push_back(report_of(r));
  return out;
}

Result<std::optional<Report>> latest(db::Connection& c, const std::string& scope, const std::string& kind) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns +
                                      " FROM reports WHERE scope = $1 AND kind = $2 ORDER BY issued_at DESC, id DESC LIMIT 1",
                                  {scope, kind}));
  if (!row) return std::optional<Report>();
  return std::optional<Report>(report_of(*row));
}

}  // namespace sz::reports::store
