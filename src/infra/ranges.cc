#include "infra/ranges.h"

#include <boost/json.hpp>
#include <atomic>
#include <memory>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace sz::ranges {

namespace bj = boost::json;

namespace {
// The names the code checks against: the document must define each.
constexpr std::string_view kNames[] = {
    "revenue_fen",   "rd_spending_fen", "employees",      "invention_patents", "project_fen",
    "diagnosis_cost_fen", "price_fen",  "need_budget_fen", "fund_budget_fen",  "payment_fen",
    "award_fen",     "subsidy_fen",     "quote_base_fen",  "loan_principal_fen", "loan_term_months", "interest_paid_fen",
    "pool_amount_fen", "cloud_stars",   "delivery_days",  "capacity",          "park_enterprises",
    "training_people", "lpr_bp",        "chain_members"};

// A sum over this many enterprises must stay inside int64 for every money range.
constexpr int64_t kEnterprisesSummed = 1'000'000;

using Table = std::map<std::string, Range, std::less<>>;
// Installed once at start-up (tests may install again): every table installed is kept until exit, so a Range
// reference stays valid while readers go on without a lock.
std::atomic<const Table*> current{nullptr};
std::mutex installing;
std::vector<std::unique_ptr<const Table>> installed;

Error bad(const std::string& what) { return err::internal("input-ranges.json: " + what); }

// 50000000000 分 → "5亿元"; 123 分 → "1.23元": whole 亿 or 万 where the number allows it.
std::string yuan_words(int64_t fen) {
  constexpr int64_t kYi = 100'000'000 * 100LL, kWan = 10'000 * 100LL;
  if (fen != 0 && fen % kYi == 0) return std::to_string(fen / kYi) + "亿元";
  if (fen != 0 && fen % kWan == 0) return std::to_string(fen / kWan) + "万元";
  std::string s = std::to_string(fen / 100);
  int64_t cents = fen % 100;
  if (cents) s += std::string(".") + (cents < 10 ? "0" : "") + std::to_string(cents);
  return s + "元";
}
}  // namespace

Status install(std::string_view json) {
  boost::system::error_code ec;
  auto doc = bj::parse(json, ec);
  if (ec || !doc.is_object()) return bad("not a JSON object");
  const auto* list = doc.as_object().if_contains("ranges");
  if (!list || !list->is_object()) return bad("no \"ranges\" object");
  auto table = std::make_unique<Table>();
  for (const auto& kv : list->as_object()) {
    const auto* o = kv.value().if_object();
    if (!o) return bad(std::string(kv.key()) + " is not an object");
    Range r;
    r.name = kv.key();
    for (auto [key, slot] : {std::pair{"label", &r.label}, std::pair{"unit", &r.unit}, std::pair{"reason", &r.reason}}) {
      const auto* v = o->if_contains(key);
      if (!v || !v->is_string() || v->as_string().empty()) return bad(r.name + "." + key + " must be a non-empty string");
      *slot = v->as_string();
    }
    for (auto [key, slot] : {std::pair{"min", &r.min}, std::pair{"max", &r.max}}) {
      const auto* v = o->if_contains(key);
      if (!v || !v->is_int64()) return bad(r.name + "." + key + " must be an integer");
      *slot = v->as_int64();
    }
    if (r.min > r.max) return bad(r.name + ": min above max");
    if (r.unit == "fen" && r.max > INT64_MAX / kEnterprisesSummed) return bad(r.name + ": a sum over a million overflows");
    (*table)[r.name] = std::move(r);
  }
  for (auto name : kNames)
    if (!table->count(name)) return bad(std::string("missing range ") + std::string(name));
  std::lock_guard lock(installing);
  installed.push_back(std::move(table));
  current.store(installed.back().get());
  return ok();
}

const Range& get(std::string_view name) {
  const Table* table = current.load();
  if (!table) throw std::logic_error("input ranges are not installed");
  auto it = table->find(name);
  if (it == table->end()) throw std::logic_error("unknown input range " + std::string(name));
  return it->second;
}

std::string bounds_text(const Range& r) {
  if (r.unit == "fen") return yuan_words(r.min) + " 至 " + yuan_words(r.max);
  return std::to_string(r.min) + " 至 " + std::to_string(r.max) + " " + r.unit;
}

Status check(std::string_view name, int64_t value, std::string_view field, std::string_view label) {
  const Range& r = get(name);
  if (value >= r.min && value <= r.max) return ok();
  std::string what = label.empty() ? r.label : std::string(label);
  std::string msg = what + "应在 " + bounds_text(r) + " 之间";
  if (r.unit == "fen") msg += "（以分计：" + std::to_string(r.min) + "–" + std::to_string(r.max) + "）";
  msg += "；" + r.reason;
  return err::invalid(std::string(field), msg);
}

}  // namespace sz::ranges
