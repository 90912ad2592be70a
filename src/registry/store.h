// SQL of the reference lists (industries, districts) and the enterprise registry.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/rules.h"
#include "infra/db/db.h"

namespace sz::registry::store {

struct Industry {
  std::string code, name, short_name;
  int64_t sort_order = 0;
  std::vector<std::string> key_districts;
};
struct District {
  std::string code, name, division_code, kind;
  int64_t sort_order = 0;
};

Status upsert_industry(db::Connection& c, const Industry& i);
Status upsert_district(db::Connection& c, const District& d);
Result<std::vector<Industry>> industries(db::Connection& c);
Result<std::vector<District>> districts(db::Connection& c);
Result<bool> district_exists(db::Connection& c, const std::string& code);
Result<bool> industry_exists(db::Connection& c, const std::string& code);

struct Enterprise {
  int64_t id = 0;
  std::string name, credit_code, industry_code, industry_name, district_code, district_name;
  int64_t batch = 2024;
  std::string status = "active";
  std::string address, legal_rep, contact_name, contact_phone;
  int64_t created_at = 0, updated_at = 0;
  int level = 0;
  std::string level_source;
  std::optional<int64_t> assessed_at;
};

struct Filter {
  std::string industry, district, q;  // q: an exact credit code or a piece of the name
};

Result<int64_t> insert_enterprise(db::Connection& c, const Enterprise& e, int64_t now);
Result<std::optional<Enterprise>> enterprise_by_id(db::Connection& c, int64_t id);
Result<bool> enterprise_exists(db::Connection& c, int64_t id);
Status set_level(db::Connection& c, int64_t id, int level, const std::string& source, int64_t at);
Result<std::vector<Enterprise>> list_enterprises(db::Connection& c, const auth::EnterpriseScope& scope,
                                                 const Filter& f, int64_t limit, int64_t offset);
Result<int64_t> count_enterprises(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f);

}  // namespace sz::registry::store
