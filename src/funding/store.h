// SQL of the funding area: the LPR table and its change history.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "funding/rules.h"
#include "infra/db/db.h"

namespace sz::funding::store {

Result<std::vector<LprRate>> lpr_table(db::Connection& c);
Result<std::optional<LprRate>> lpr_row(db::Connection& c, const std::string& announced_on);
Status upsert_lpr(db::Connection& c, const LprRate& r, int64_t now);
Status delete_lpr(db::Connection& c, const std::string& announced_on);

struct LprChange {
  int64_t id = 0;
  std::string announced_on, action, reason, actor;
  std::optional<int64_t> one_year_bp, five_year_bp, before_one_year_bp, before_five_year_bp;
  int64_t changed_at = 0;
};
Status insert_lpr_change(db::Connection& c, const LprChange& ch);
Result<std::vector<LprChange>> lpr_changes(db::Connection& c, int64_t limit);

}  // namespace sz::funding::store
