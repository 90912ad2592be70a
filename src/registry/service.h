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
