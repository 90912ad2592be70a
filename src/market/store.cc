#include "market/store.h"

#include <map>

#include "infra/clock.h"
#include "market/rules.h"

namespace sz::market::store {

Result<int64_t> insert_provider(db::Connection& c, const Provider& p, int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO providers (name, credit_code, kind, in_zhengzhou, created_at, status, "
                                  "status_changed_at) VALUES ($1,$2,$3,$4,$5,$6,$5) RETURNING id",
                                  {p.name, p.credit_code, p.kind, static_cast<int64_t>(p.in_zhengzhou), now, p.status}));
  return row->i64(0);
}

Result<bool> provider_exists(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM providers WHERE id = $1", {id}));
  return row.has_value();
}

Result<std::optional<Provider>> provider_by_id(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id, name, credit_code, kind, in_zhengzhou, status FROM providers WHERE id = $1", {id}));
  if (!row) return std::optional<Provider>();
  return std::optional<Provider>(Provider{row->i64(0), row->text(1), row->text(2), row->text(3), row->i64(4) != 0, row->text(5)});
}

namespace {
constexpr const char* kRecordColumns =
    "id, name, credit_code, kind, in_zhengzhou, status, industries, qualifications, cases, address, contact_name, "
    "contact_phone, notice_from, notice_to, rectify_due, created_at, status_changed_at";
ProviderRecord record_of(const db::Row& r) {
  ProviderRecord p;
  p.base = {r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4) != 0, r.text(5)};
  p.industries_json = r.text(6);
  p.qualifications = r.text(7);
  p.cases = r.text(8);
  p.address = r.text(9);
  p.contact_name = r.text(10);
  p.contact_phone = r.text(11);
  p.notice_from = r.opt_text(12);
  p.notice_to = r.opt_text(13);
  p.rectify_due = r.opt_text(14);
  p.created_at = r.i64(15);
  p.status_changed_at = r.i64(16);
  return p;
}
}  // namespace

Result<std::optional<ProviderRecord>> record(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kRecordColumns + " FROM providers WHERE id = $1", {id}));
  if (!row) return std::optional<ProviderRecord>();
  return std::optional<ProviderRecord>(record_of(*row));
}

Status update_record(db::Connection& c, const ProviderRecord& r) {
  SZ_TRY(c.execute("UPDATE providers SET name = $2, kind = $3, in_zhengzhou = $4, status = $5, industries = $6, "
                   "qualifications = $7, cases = $8, address = $9, contact_name = $10, contact_phone = $11, "
                   "notice_from = $12, notice_to = $13, rectify_due = $14, status_changed_at = $15 WHERE id = $1",
                   {r.base.id, r.base.name, r.base.kind, static_cast<int64_t>(r.base.in_zhengzhou), r.base.status,
                    r.industries_json, r.qualifications, r.cases, r.address, r.contact_name, r.contact_phone,
                    db::opt(r.notice_from), db::opt(r.notice_to), db::opt(r.rectify_due), r.status_changed_at}));
  return ok();
}

Result<std::vector<ProviderRecord>> records(db::Connection& c, const DirectoryFilter& f, int64_t limit) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (f.listed_only)
    where += f.with_notice ? " AND status IN ('admitted', 'warned', 'rectifying', 'notice')"
                           : " AND status IN ('admitted', 'warned', 'rectifying')";
  if (!f.status.empty()) where += " AND status = " + db::bind(p, f.status);
  if (!f.kind.empty()) where += " AND kind = " + db::bind(p, f.kind);
  // Industries are a short JSON list of codes; the directory holds hundreds of providers, not millions.
  if (!f.industry.empty()) where += " AND industries LIKE " + db::bind(p, "%\"" + f.industry + "\"%");
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kRecordColumns + " FROM providers" + where + " ORDER BY id LIMIT " +
                                   db::bind(p, limit),
                               p));
  std::vector<ProviderRecord> out;
  for (const auto& r : rows) out.push_back(record_of(r));
  return out;
}

Result<int64_t> insert_event(db::Connection& c, const Event& e) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO provider_events (provider_id, action, from_status, to_status, reason, due_on, "
                                  "actor, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                                  {e.provider_id, e.action, e.from_status, e.to_status, e.reason, db::opt(e.due_on), e.actor, e.at}));
  return row->i64(0);
}

Result<std::vector<Event>> events(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, provider_id, action, from_status, to_status, reason, due_on, actor, at "
                               "FROM provider_events WHERE provider_id = $1 ORDER BY id",
                               {provider_id}));
  std::vector<Event> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.opt_text(6), r.text(7), r.i64(8)});
  return out;
}

Result<std::map<int64_t, std::vector<StatusChange>>> status_changes(db::Connection& c) {
  std::map<int64_t, std::vector<StatusChange>> out;
  SZ_TRY(c.stream("SELECT provider_id, from_status, to_status, at FROM provider_events ORDER BY provider_id, at, id", {},
                  [&](const db::Row& r) {
                    out[r.i64(0)].push_back({r.text(1), r.text(2), r.i64(3)});
                    return true;
                  }));
  return out;
}

Result<std::vector<StatusChange>> status_changes_of(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT from_status, to_status, at FROM provider_events WHERE provider_id = $1 ORDER BY at, id",
                               {provider_id}));
  std::vector<StatusChange> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.i64(2)});
  return out;
}

Result<std::vector<std::tuple<std::string, int64_t, int64_t>>> flows_by_month(db::Connection& c) {
  // In: a move from outside the directory into it (admission, or an overturned removal); out: the reverse.
  std::map<std::string, std::pair<int64_t, int64_t>> months;
  SZ_TRY(c.stream("SELECT from_status, to_status, at FROM provider_events ORDER BY at, id", {}, [&](const db::Row& r) {
    bool was = listed(r.text(0)), is = listed(r.text(1));
    if (was != is) (is ? months[shanghai_date(r.i64(2)).substr(0, 7)].first : months[shanghai_date(r.i64(2)).substr(0, 7)].second) += 1;
    return true;
  }));
  std::vector<std::tuple<std::string, int64_t, int64_t>> out;
  for (const auto& [m, v] : months) out.emplace_back(m, v.first, v.second);
  return out;
}

Result<int64_t> insert_objection(db::Connection& c, const Objection& o) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO provider_objections (provider_id, objector, content, received_at) "
                                  "VALUES ($1,$2,$3,$4) RETURNING id",
                                  {o.provider_id, o.objector, o.content, o.received_at}));
  return row->i64(0);
}

Result<std::vector<Objection>> objections(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, provider_id, objector, content, received_at, resolution, resolved_at "
                               "FROM provider_objections WHERE provider_id = $1 ORDER BY id",
                               {provider_id}));
  std::vector<Objection> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.i64(4), r.opt_text(5), r.opt_i64(6)});
  return out;
}

Status resolve_objection(db::Connection& c, int64_t id, const std::string& resolution, int64_t at) {
  SZ_TRY(c.execute("UPDATE provider_objections SET resolution = $2, resolved_at = $3 WHERE id = $1", {id, resolution, at}));
  return ok();
}

Result<int64_t> insert_appeal(db::Connection& c, const Appeal& a) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO provider_appeals (provider_id, event_id, reason, status, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5) RETURNING id",
                                  {a.provider_id, a.event_id, a.reason, a.status, a.created_at}));
  return row->i64(0);
}

Result<std::vector<Appeal>> appeals(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, provider_id, event_id, reason, status, decision_note, created_at, decided_at "
                               "FROM provider_appeals WHERE provider_id = $1 ORDER BY id",
                               {provider_id}));
  std::vector<Appeal> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.opt_text(5), r.i64(6), r.opt_i64(7)});
  return out;
}

Status decide_appeal(db::Connection& c, int64_t id, const std::string& status, const std::string& note, int64_t at) {
  SZ_TRY(c.execute("UPDATE provider_appeals SET status = $2, decision_note = $3, decided_at = $4 WHERE id = $1",
                   {id, status, note, at}));
  return ok();
}

Status select_integrator(db::Connection& c, const std::string& industry, int64_t provider_id, const std::string& note,
                         int64_t at) {
  SZ_TRY(c.execute("INSERT INTO provider_selections (industry_code, provider_id, note, selected_at) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (industry_code, provider_id) DO NOTHING",
                   {industry, provider_id, note, at}));
  return ok();
}

Status deselect_integrator(db::Connection& c, const std::string& industry, int64_t provider_id) {
  SZ_TRY(c.execute("DELETE FROM provider_selections WHERE industry_code = $1 AND provider_id = $2", {industry, provider_id}));
  return ok();
}

Result<std::vector<std::pair<std::string, int64_t>>> selections(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT industry_code, provider_id FROM provider_selections ORDER BY industry_code, provider_id"));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.text(0), r.i64(1));
  return out;
}

Result<std::vector<Provider>> providers(db::Connection& c, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, credit_code, kind, in_zhengzhou, status FROM providers ORDER BY id LIMIT $1", {limit}));
  std::vector<Provider> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4) != 0, r.text(5)});
  return out;
}

}  // namespace sz::market::store
