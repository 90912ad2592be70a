#include "reports/rules.h"

#include <map>

#include "infra/clock.h"

namespace sz::reports {

namespace {
const char* kQuarterNames[] = {"一", "二", "三", "四"};

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

std::string two(int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string month_end(int64_t year, int64_t month) {
  int64_t next_first = *day_number(month == 12 ? std::to_string(year + 1) + "-01-01" : std::to_string(year) + "-" + two(month + 1) + "-01");
  return day_text(next_first - 1);
}
}  // namespace

std::optional<Period> parse_period(const std::string& code) {
  if (code.size() == 7 && code[4] == '-' && digits(code.substr(0, 4))) {
    Period p;
    p.code = code;
    p.year = std::stoll(code.substr(0, 4));
    if (p.year < 2000 || p.year > 2100) return std::nullopt;
    if (code[5] == 'Q' && code[6] >= '1' && code[6] <= '4') {
      p.kind = "quarter";
      p.number = code[6] - '0';
      return p;
    }
    if (digits(code.substr(5, 2))) {
      p.kind = "month";
      p.number = std::stoll(code.substr(5, 2));
      if (p.number >= 1 && p.number <= 12) return p;
    }
  }
  return std::nullopt;
}

std::string Period::label() const {
  return kind == "month" ? std::to_string(year) + "年" + std::to_string(number) + "月"
                         : std::to_string(year) + "年第" + kQuarterNames[number - 1] + "季度";
}

std::string Period::first_day() const {
  int64_t month = kind == "month" ? number : (number - 1) * 3 + 1;
  return std::to_string(year) + "-" + two(month) + "-01";
}

std::string Period::last_day() const { return month_end(year, kind == "month" ? number : number * 3); }

Period previous_period(const std::string& kind, const std::string& day) {
  int64_t year = std::stoll(day.substr(0, 4)), month = std::stoll(day.substr(5, 2));
  if (kind == "quarter") {
    int64_t q = (month - 1) / 3 + 1;
    if (--q == 0) q = 4, --year;
    return *parse_period(std::to_string(year) + "-Q" + std::to_string(q));
  }
  if (--month == 0) month = 12, --year;
  return *parse_period(std::to_string(year) + "-" + two(month));
}

int stage_of(const std::string& state) {
  if (state == "terminated") return 0;  // abandoned: the enterprise stands where it would without it
  if (state == "declared" || state == "expert_review") return 1;
  if (state == "approved" || state == "implementing") return 2;
  if (state == "passed" || state == "subsidized") return 4;
  return 3;  // acceptance_applied, district_checked, onsite, failed
}

std::vector<Change> changes(const std::vector<Figure>& before, const std::vector<Figure>& after) {
  std::map<std::string, int64_t> old;
  for (const auto& f : before) old[f.item] = f.value;
  std::vector<Change> out;
  for (const auto& f : after) {
    auto it = old.find(f.item);
    int64_t then = it == old.end() ? 0 : it->second;
    if (then != f.value) out.push_back({f.item, then, f.value});
  }
  return out;
}

std::string percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "—";
  int64_t bp = part * 10000 / whole;
  std::string frac = std::to_string(bp % 100);
  return std::to_string(bp / 100) + "." + (frac.size() < 2 ? "0" : "") + frac + "%";
}

}  // namespace sz::reports
