#include "catalog/rules.h"

namespace sz::catalog {

const Code* Catalog::category(const std::string& code) const {
  for (const auto& c : categories)
    if (c.code == code) return &c;
  return nullptr;
}

const Code* Catalog::deployment(const std::string& code) const {
  for (const auto& c : deployments)
    if (c.code == code) return &c;
  return nullptr;
}

namespace {
const ProductMove kMoves[] = {
    {"submit", {"draft"}, "in_review", "提交入库评审", false, false},
    {"list", {"in_review"}, "listed", "评审通过上架", true, false},
    {"reject", {"in_review"}, "rejected", "评审未通过", true, true},
    {"delist", {"listed"}, "delisted", "下架", true, true},
    {"revise", {"rejected", "delisted"}, "draft", "修改后重新申报", false, false},
};
}  // namespace

const ProductMove* product_move(const std::string& action) {
  for (const auto& m : kMoves)
    if (action == m.action) return &m;
  return nullptr;
}

const char* product_status_name(const std::string& s) {
  return s == "draft" ? "填报中" : s == "in_review" ? "评审中" : s == "listed" ? "已上架" : s == "rejected" ? "未通过" : s == "delisted" ? "已下架" : "";
}

bool replicable(const Catalog& c, int64_t accepted_enterprises) { return accepted_enterprises >= c.replicable_enterprises; }

}  // namespace sz::catalog
