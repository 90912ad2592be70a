// Use cases of the registry: reference lists, and enterprises read and written within the caller's scope.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "audit/rules.h"
#include "auth/rules.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "registry/store.h"

namespace sz::registry {

struct EnterprisePage {
  std::vector<store::Enterprise> items;
  int64_t total = 0;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

  Result<std::vector<store::Industry>> industries();
  Result<std::vector<store::District>> districts();

  Result<EnterprisePage> list_enterprises(const auth::Principal& p, const store::Filter& f, int64_t limit,
                                          int64_t offset);
  Result<store::Enterprise> get_enterprise(const auth::Principal& p, int64_t id);

  // Adds enterprises in one transaction with an audit entry each: all or nothing.
  Result<std::vector<int64_t>> create_enterprises_as(const audit::Actor& actor,
                                                     const std::vector<store::Enterprise>& list,
                                                     const std::function<void(int64_t, int64_t)>& progress = {});

  // For other areas that authorise their own callers (e.g. an expert assigned to grade an enterprise):
  // the record without a scope check, inside their transaction.
  static Result<std::optional<store::Enterprise>> find(db::Connection& c, int64_t id);
  // The current digital level, kept on the enterprise when an assessment is submitted (summary kept on write).
  static Status set_level(db::Connection& c, const audit::Actor& actor, int64_t id, int level,
                          const std::string& source, int64_t at);

  // For other areas: whether a district / enterprise exists, inside their transaction.
  static Result<bool> district_exists(db::Connection& c, const std::string& code);
  static Result<bool> enterprise_exists(db::Connection& c, int64_t id);

  // Loads data/industries.json and data/districts.json (idempotent: upsert by code).
  static Status load_reference(db::Connection& c, std::string_view industries_json, std::string_view districts_json,
                               int64_t now);

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
};

}  // namespace sz::registry
