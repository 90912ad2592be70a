#include "catalog/rules.h"

#include <algorithm>
#include <set>

#include "infra/clock.h"
#include "infra/text.h"

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


bool on_catalogue(std::optional<int64_t> listed_at, std::optional<int64_t> delisted_at, int64_t t) {
  if (!listed_at || *listed_at >= t) return false;
  bool left_since = delisted_at && *delisted_at >= *listed_at;
  return !left_since || *delisted_at >= t;
}

std::vector<std::string> unmet_criteria(const SampleCriteria& c, const std::map<std::string, bool>& met) {
  std::vector<std::string> out;
  for (const auto& x : c.criteria) {
    auto it = met.find(x.code);
    if (it == met.end() || !it->second) out.push_back(x.name);
  }
  return out;
}

std::optional<std::string> demand_list_problem(const Catalog& c, const std::vector<DemandItem>& items) {
  std::set<std::string> names;
  bool has_common = false;
  for (const auto& i : items) {
    if (i.kind != "N" && i.kind != "X") return "场景类型应为 N（共性）或 X（个性）：" + i.name;
    if (i.name.empty()) return std::string("场景名称不能为空");
    if (!c.category(i.category)) return "未知的场景分类：" + i.category;
    if (!names.insert(i.name).second) return "清单中场景重复：" + i.name;
    if (i.kind == "X" && i.samples.empty()) return "个性场景须注明来自哪家样本企业：" + i.name;
    has_common = has_common || i.kind == "N";
  }
  if (!has_common) return std::string("清单至少应有一个共性（N）场景");
  return std::nullopt;
}

DemandDiff diff_demand_lists(const std::vector<DemandItem>& before, const std::vector<DemandItem>& after) {
  DemandDiff d;
  std::map<std::string, const DemandItem*> old;
  for (const auto& i : before) old[i.name] = &i;
  for (const auto& i : after) {
    auto it = old.find(i.name);
    if (it == old.end()) {
      d.added.push_back(i.name);
      continue;
    }
    const auto& o = *it->second;
    if (o.kind != i.kind || o.category != i.category || o.description != i.description || o.samples != i.samples)
      d.changed.push_back(i.name);
    old.erase(it);
  }
  for (const auto& [name, _] : old) d.removed.push_back(name);
  return d;
}

std::optional<std::pair<std::string, std::string>> panel_problem(const Panel& p) {
  if (!day_number(p.held_on)) return std::pair<std::string, std::string>{"held_on", "审议日期应为 YYYY-MM-DD"};
  if (p.experts.size() < 3) return std::pair<std::string, std::string>{"experts", "专家审议应有至少3位专家"};
  for (const auto& x : p.experts)
    if (text::trim(x).empty() || text::utf8_length(x) > 40)
      return std::pair<std::string, std::string>{"experts", "专家姓名应为1–40个字符"};
  if (text::trim(p.minutes).empty() || text::utf8_length(p.minutes) > 8000)
    return std::pair<std::string, std::string>{"minutes", "请填写审议纪要（不超过8000个字符）"};
  return std::nullopt;
}

}  // namespace sz::catalog
