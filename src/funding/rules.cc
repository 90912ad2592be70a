#include "funding/rules.h"

#include <algorithm>
#include <cstdio>

#include "infra/clock.h"

namespace sz::funding {

const Scheme* RuleSet::scheme(const std::string& code) const {
  for (const auto& s : schemes)
    if (s.code == code) return &s;
  return nullptr;
}

std::optional<LprRate> lpr_in_force(const std::vector<LprRate>& table, const std::string& date) {
  std::optional<LprRate> found;
  for (const auto& r : table)
    if (r.announced_on <= date && (!found || r.announced_on > found->announced_on)) found = r;
  return found;
}

int64_t share_fen(int64_t base_fen, int64_t rate_bp) {
  return static_cast<int64_t>(static_cast<__int128>(base_fen) * rate_bp / 10000);
}

int64_t simple_interest_fen(int64_t principal_fen, int64_t rate_bp, int months) {
  // rate_bp is hundredths of a percent: interest = principal × bp / 10000 × months / 12.
  return static_cast<int64_t>(static_cast<__int128>(principal_fen) * rate_bp * months / (10000 * 12));
}

std::string yuan_text(int64_t fen) {
  bool negative = fen < 0;
  uint64_t v = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string whole = std::to_string(v / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  uint64_t cents = v % 100;
  return (negative ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::string percent_text(int64_t bp) {
  std::string s = std::to_string(bp / 100);
  int64_t frac = bp % 100;
  if (frac) s += std::string(".") + (frac < 10 ? "0" : "") + std::to_string(frac);
  if (s.find('.') != std::string::npos && s.back() == '0') s.pop_back();
  return s;
}

bool valid_date(const std::string& d) { return day_number(d).has_value(); }

int subsidised_months(const Scheme& s, int term_months) { return std::min(term_months, s.max_months); }

namespace {
// The date `months` calendar months after y-m-d, on the same day or the month's last day.
std::string add_months(const std::string& ymd, int months) {
  int y = std::stoi(ymd.substr(0, 4)), m = std::stoi(ymd.substr(5, 2)), d = std::stoi(ymd.substr(8, 2));
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  char buf[32];  // room for any int the format could print (no truncation warning)
  for (int day = d; day >= 28; --day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
    if (valid_date(buf)) return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}
}  // namespace

int months_elapsed(const std::string& loan_date, const std::string& today) {
  int n = 0;
  while (add_months(loan_date, n + 1) <= today) ++n;
  return n;
}

std::string month_start(const std::string& loan_date, int n) { return add_months(loan_date, n - 1); }

int64_t plausible_interest_fen(const Scheme& s, int64_t principal_fen, int months) {
  return simple_interest_fen(principal_fen, s.plausible_rate_bp, months);
}

namespace {
const char* level_name(int level) {
  static const char* kNames[] = {"未达一级", "一级", "二级", "三级", "四级"};
  return level >= 0 && level <= 4 ? kNames[level] : "未知";
}

Quote refuse(Quote q, const Scheme& s, std::string reason) {
  q.eligible = false;
  q.amount_fen = 0;
  q.reason = std::move(reason);
  q.explanation = s.name + "（" + s.clause + "）不予补助：" + q.reason;
  return q;
}

// The proposal before caps: the scheme's share of its base, its fixed maximum, or the loan's interest.
void propose(const Scheme& s, const QuoteInput& in, const std::vector<LprRate>& lpr, Quote& q, std::string& text) {
  if (s.kind == "share") {
    q.proposed_fen = share_fen(in.base_fen, s.rate_bp);
    q.steps.push_back({s.base_label, in.base_fen});
    q.steps.push_back({"按 " + percent_text(s.rate_bp) + "% 计算", q.proposed_fen});
    text = s.base_label + " " + yuan_text(in.base_fen) + " 元 × " + percent_text(s.rate_bp) + "% = " +
           yuan_text(q.proposed_fen) + " 元";
  } else if (s.kind == "fixed") {
    int64_t top = 0;
    for (const auto& c : s.caps) top = top ? std::min(top, c.amount_fen) : c.amount_fen;
    q.proposed_fen = top;
    q.steps.push_back({"政策上限", top});
    text = "按政策上限 " + yuan_text(top) + " 元核定";
  } else {
    auto row = lpr_in_force(lpr, in.loan_date);
    q.lpr = row;
    bool long_loan = in.term_months > s.long_loan_months;
    q.rate_bp = row ? (long_loan ? row->five_year_bp : row->one_year_bp) : 0;
    q.months = in.confirmed_months ? in.confirmed_months : subsidised_months(s, in.term_months);
    q.proposed_fen = simple_interest_fen(in.base_fen, q.rate_bp, q.months);
    q.steps.push_back({s.base_label, in.base_fen});
    q.steps.push_back({"贴息（" + std::to_string(q.months) + " 个月）", q.proposed_fen});
    text = "贷款本金 " + yuan_text(in.base_fen) + " 元 × " + (long_loan ? "5年期以上" : "1年期") + " LPR " +
           percent_text(q.rate_bp) + "%（" + (row ? row->announced_on : std::string("—")) + " 公布，贷款日 " +
           in.loan_date + " 执行）× " + std::to_string(q.months) + "/12 年 = " + yuan_text(q.proposed_fen) + " 元";
    if (in.term_months > s.max_months)
      text += "（贷款期限 " + std::to_string(in.term_months) + " 个月，最多贴息 " + std::to_string(s.max_months) + " 个月）";
    if (in.confirmed_months && in.confirmed_months < subsidised_months(s, in.term_months))
      text += "（银行已确认贴息期内前 " + std::to_string(in.confirmed_months) + " 个月的利息，其余月份确认后补足）";
  }
}
}  // namespace

Quote quote(const Scheme& s, const QuoteInput& in, const std::vector<LprRate>& lpr) {
  Quote q;
  for (const auto& c : s.conditions) {
    auto it = in.facts.find(c.field);
    if (it != in.facts.end() && it->second) continue;
    auto why = in.details.find(c.field);
    return refuse(std::move(q), s, c.unmet + (why == in.details.end() ? "" : "（" + why->second + "）"));
  }
  if (s.min_level > 0 && (!in.level || *in.level < s.min_level))
    return refuse(std::move(q), s,
                  std::string("数字化水平为") + level_name(in.level.value_or(0)) + "，须达到" + level_name(s.min_level) +
                      "及以上");

  std::string text;
  propose(s, in, lpr, q, text);
  q.eligible = true;
  q.amount_fen = q.proposed_fen;
  if (in.interest_paid_fen && *in.interest_paid_fen < q.amount_fen) {
    q.amount_fen = *in.interest_paid_fen;
    q.cap_applied = "interest_paid";
    q.cap_label = "不超过实际支付利息";
    q.steps.push_back({"实际支付利息", *in.interest_paid_fen});
    text += "；不超过银行确认的同期实际支付利息 " + yuan_text(*in.interest_paid_fen) + " 元";
  }
  if (in.subject_approved_fen > 0) {
    q.amount_fen = std::max<int64_t>(0, q.amount_fen - in.subject_approved_fen);
    q.steps.push_back({"此前已核定（同一对象）", in.subject_approved_fen});
    q.steps.push_back({"本次补足", q.amount_fen});
    text += "；此前已核定 " + yuan_text(in.subject_approved_fen) + " 元，本次补足 " + yuan_text(q.amount_fen) + " 元";
  }
  for (const auto& c : s.caps) {
    auto it = in.paid_by_cap.find(c.id);
    int64_t before = it == in.paid_by_cap.end() ? in.paid_before_fen : it->second;
    int64_t room = std::max<int64_t>(0, c.amount_fen - before);
    if (s.kind != "fixed" || before > 0) {
      q.steps.push_back({c.label + "，已补助 " + yuan_text(before) + " 元，尚余", room});
      text += "；" + c.label + "，此前已补助 " + yuan_text(before) + " 元，尚余 " + yuan_text(room) + " 元";
    }
    if (room < q.amount_fen || s.kind == "fixed") {
      q.amount_fen = std::min(q.amount_fen, room);
      q.cap_applied = c.id;
      q.cap_label = c.label;
    }
  }
  q.steps.push_back({"核定补助", q.amount_fen});
  text += "。核定 " + yuan_text(q.amount_fen) + " 元";
  if (!q.cap_applied.empty()) text += "（受「" + q.cap_label + "」限制）";
  q.explanation = s.name + "（" + s.clause + "）：" + text + "。";
  return q;
}

}  // namespace sz::funding
