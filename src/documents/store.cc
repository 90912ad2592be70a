#include "documents/store.h"

namespace sz::documents::store {

namespace {
const char* kColumns =
    "d.id, d.entity_type, d.entity_id, d.name, d.version, d.content_type, d.type_label, d.size, d.sha256, d.sm3, "
    "d.note, d.uploaded_by, d.uploaded_at, COALESCE(u.display_name, '') FROM documents d "
    "LEFT JOIN users u ON u.id = d.uploaded_by ";

Document document_of(const db::Row& r) {
  return {r.i64(0),  r.text(1), r.text(2),  r.text(3),  r.i64(4),  r.text(5), r.text(6),
          r.i64(7),  r.text(8), r.text(9),  r.text(10), r.i64(11), r.i64(12), r.text(13)};
}
}  // namespace

Result<int64_t> insert(db::Connection& c, const Document& d) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO documents (entity_type, entity_id, name, version, content_type, type_label, "
                                  "size, sha256, sm3, note, uploaded_by, uploaded_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id",
                                  {d.entity_type, d.entity_id, d.name, d.version, d.content_type, d.type_label, d.size,
                                   d.sha256, d.sm3, d.note, d.uploaded_by, d.uploaded_at}));
  return row->i64(0);
}

Result<int64_t> next_version(db::Connection& c, const std::string& type, const std::string& id, const std::string& name) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(MAX(version), 0) + 1 FROM documents "
                                  "WHERE entity_type = $1 AND entity_id = $2 AND name = $3",
                                  {type, id, name}));
  return row->i64(0);
}

Result<std::optional<Document>> find(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + "WHERE d.id = $1", {id}));
  if (!row) return std::optional<Document>{};
  return std::optional<Document>(document_of(*row));
}

Result<std::vector<Document>> for_entity(db::Connection& c, const std::string& type, const std::string& id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kColumns +
                                   "WHERE d.entity_type = $1 AND d.entity_id = $2 ORDER BY d.name, d.version DESC",
                               {type, id}));
  std::vector<Document> out;
  for (const auto& r : rows) out.push_back(document_of(r));
  return out;
}

}  // namespace sz::documents::store
