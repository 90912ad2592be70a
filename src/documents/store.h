// SQL of documents.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::documents::store {

struct Document {
  int64_t id = 0;
  std::string entity_type, entity_id, name;
  int64_t version = 0;
  std::string content_type, type_label;
  int64_t size = 0;
  std::string sha256, sm3, note;
  int64_t uploaded_by = 0, uploaded_at = 0;
  std::string uploaded_by_name;
};

Result<int64_t> insert(db::Connection& c, const Document& d);
Result<int64_t> next_version(db::Connection& c, const std::string& type, const std::string& id, const std::string& name);
Result<std::optional<Document>> find(db::Connection& c, int64_t id);
Result<std::vector<Document>> for_entity(db::Connection& c, const std::string& type, const std::string& id);

}  // namespace sz::documents::store
