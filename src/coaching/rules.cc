#include "coaching/rules.h"

#include <algorithm>

#include "infra/clock.h"
#include "infra/text.h"

namespace sz::coaching {

namespace {
struct InputInfo {
  Input input;
  const char* code;
};
constexpr InputInfo kInputs[] = {{Input::none, ""},           {Input::expert, "expert"},   {Input::reason, "reason"},
                                 {Input::session, "session"}, {Input::summary, "summary"}, {Input::rating, "rating"}};

template <class T>
const T* by_code(const std::vector<T>& list, const std::string& code) {
  for (const auto& x : list)
    if (x.code == code) return &x;
  return nullptr;
}

// Text of 1–max characters (the JSON layer has refused control characters and blank-only text already).
Status need_text(const std::string& s, const char* field, const char* label, size_t max) {
  if (text::trim(s).empty()) return err::invalid(field, std::string("请填写") + label);
  if (text::utf8_length(s) > max)
    return err::invalid(field, std::string(label) + "不能超过" + std::to_string(max) + "个字符");
  return ok();
}
}  // namespace

std::optional<Input> parse_input(std::string_view code) {
  for (const auto& i : kInputs)
    if (code == i.code) return i.input;
  return std::nullopt;
}

const CodeName* Rules::topic(const std::string& code) const { return by_code(topics, code); }
const CodeName* Rules::mode(const std::string& code) const { return by_code(modes, code); }
Input Rules::input_of(const workflow::Move& m) const { return parse_input(m.input).value_or(Input::none); }

std::optional<std::string> rules_problem(const Rules& r) {
  if (r.version.empty()) return "no version";
  if (r.topics.empty() || r.modes.empty()) return "topics and modes are required";
  if (r.session_min_minutes < 1 || r.session_min_minutes > r.session_max_minutes) return "session_minutes is not a range";
  auto unique = [](const auto& list) {
    std::set<std::string> seen;
    for (const auto& x : list)
      if (x.code.empty() || !seen.insert(x.code).second) return false;
    return true;
  };
  if (!unique(r.topics) || !unique(r.modes)) return "codes are empty or not unique";
  for (const auto& m : r.workflow.moves) {
    auto input = parse_input(m.input);
    if (!input) return "move " + m.action + ": unknown input " + m.input;
    if (m.needs_reason && *input != Input::reason) return "move " + m.action + ": a reason needs input \"reason\"";
    for (const auto& n : m.notify)
      if (n.to != "enterprise" && n.to != "expert") return "move " + m.action + ": a notice goes to the enterprise or the expert";
  }
  return std::nullopt;
}

Status check_request(const Rules& r, const RequestFacts& f) {
  if (!r.topic(f.topic)) return err::invalid("topic", "辅导主题不在可选范围内：" + f.topic);
  if (!r.mode(f.mode)) return err::invalid("mode", "辅导方式应为现场或线上：" + f.mode);
  return need_text(f.needs, "needs", "辅导需求", 2000);
}

Status check_session(const Rules& r, const SessionFacts& s, const std::string& requested_on, const std::string& today) {
  if (!day_number(s.held_on)) return err::invalid("session.held_on", "辅导日期应为有效日期 YYYY-MM-DD");
  if (s.held_on > today) return err::invalid("session.held_on", "辅导日期不能晚于今天");
  if (s.held_on < requested_on) return err::invalid("session.held_on", "辅导日期不能早于申请日期 " + requested_on);
  if (s.minutes < r.session_min_minutes || s.minutes > r.session_max_minutes)
    return err::invalid("session.minutes", "辅导时长应在 " + std::to_string(r.session_min_minutes) + "–" +
                                               std::to_string(r.session_max_minutes) + " 分钟之间");
  if (!r.mode(s.mode)) return err::invalid("session.mode", "辅导方式应为现场或线上：" + s.mode);
  SZ_TRY(need_text(s.content, "session.content", "辅导内容", 2000));
  return need_text(s.advice, "session.advice", "专家建议", 2000);
}

Status check_summary(const std::string& summary) { return need_text(summary, "summary", "辅导总结", 2000); }

Status check_rating(int64_t score, const std::string& comment) {
  if (score < 1 || score > 5) return err::invalid("rating", "评分应为 1–5 的整数");
  return need_text(comment, "comment", "评价意见", 500);
}

Status check_reason(const workflow::Move& m, const std::string& reason) {
  if (m.needs_reason) return need_text(reason, "reason", ("「" + m.name + "」的原因").c_str(), 500);
  if (text::utf8_length(reason) > 500) return err::invalid("reason", "原因不能超过500个字符");
  return ok();
}

}  // namespace sz::coaching
