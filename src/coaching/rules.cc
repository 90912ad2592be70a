#include "coaching/rules.h"

#include <algorithm>

#include "infra/clock.h"
#include "infra/text.h"

namespace sz::coaching {

namespace {
struct PartyInfo {
  Party party;
  const char* code;
  const char* name;
};
constexpr PartyInfo kParties[] = {
    {Party::city_admin, "city_admin", "市级管理员"},
    {Party::district_officer, "district_officer", "区县专班"},
    {Party::enterprise, "enterprise", "提出申请的企业"},
    {Party::expert, "expert", "被指派的专家"},
};

struct InputInfo {
  Input input;
  const char* code;
};
constexpr InputInfo kInputs[] = {{Input::none, "none"},       {Input::expert, "expert"},   {Input::reason, "reason"},
                                 {Input::session, "session"}, {Input::summary, "summary"}, {Input::rating, "rating"}};

template <class T>
const T* by_code(const std::vector<T>& list, const std::string& code) {
  for (const auto& x : list)
    if (x.code == code) return &x;
  return nullptr;
}

bool starts_from(const Move& m, const std::string& state) {
  return std::find(m.from.begin(), m.from.end(), state) != m.from.end();
}

bool taken_by(const Move& m, const std::set<Party>& parties) {
  return std::any_of(m.parties.begin(), m.parties.end(), [&](Party p) { return parties.count(p) > 0; });
}

std::string who(const std::vector<Party>& parties) {
  std::string s;
  for (Party p : parties) s += (s.empty() ? "" : "、") + std::string(party_name(p));
  return s;
}

// Text of 1–max characters (the JSON layer has refused control characters and blank-only text already).
Status need_text(const std::string& s, const char* field, const char* label, size_t max) {
  if (text::trim(s).empty()) return err::invalid(field, std::string("请填写") + label);
  if (text::utf8_length(s) > max)
    return err::invalid(field, std::string(label) + "不能超过" + std::to_string(max) + "个字符");
  return ok();
}
}  // namespace

std::optional<Party> parse_party(std::string_view code) {
  for (const auto& p : kParties)
    if (code == p.code) return p.party;
  return std::nullopt;
}

const char* party_name(Party p) {
  for (const auto& x : kParties)
    if (x.party == p) return x.name;
  return "";
}

std::optional<Input> parse_input(std::string_view code) {
  for (const auto& i : kInputs)
    if (code == i.code) return i.input;
  return std::nullopt;
}

const char* input_code(Input i) {
  for (const auto& x : kInputs)
    if (x.input == i) return x.code;
  return "";
}

const State* Rules::state(const std::string& code) const { return by_code(states, code); }
std::string Rules::state_name(const std::string& code) const {
  const State* s = state(code);
  return s ? s->name : code;
}
const Guard* Rules::guard(const std::string& code) const { return by_code(guards, code); }
const CodeName* Rules::topic(const std::string& code) const { return by_code(topics, code); }
const CodeName* Rules::mode(const std::string& code) const { return by_code(modes, code); }
const Move* Rules::move(const std::string& action) const {
  for (const auto& m : moves)
    if (m.action == action) return &m;
  return nullptr;
}

std::optional<std::string> rules_problem(const Rules& r) {
  if (r.version.empty()) return "no version";
  if (r.topics.empty() || r.modes.empty() || r.states.empty() || r.moves.empty()) return "topics, modes, states and moves are required";
  if (r.session_min_minutes < 1 || r.session_min_minutes > r.session_max_minutes) return "session_minutes is not a range";
  auto unique = [](const auto& list) {
    std::set<std::string> seen;
    for (const auto& x : list)
      if (x.code.empty() || !seen.insert(x.code).second) return false;
    return true;
  };
  if (!unique(r.topics) || !unique(r.modes) || !unique(r.states) || !unique(r.guards)) return "codes are empty or not unique";
  std::set<std::string> actions;
  for (const auto& m : r.moves) {
    if (m.action.empty() || m.name.empty() || !actions.insert(m.action).second) return "move " + m.action + ": no name, or twice";
    if (m.from.empty() || m.parties.empty()) return "move " + m.action + ": no from or parties";
    for (const auto& f : m.from)
      if (!r.state(f)) return "move " + m.action + ": unknown state " + f;
    if (!r.state(m.to)) return "move " + m.action + ": unknown state " + m.to;
    for (const auto& g : m.guards)
      if (!r.guard(g)) return "move " + m.action + ": unknown guard " + g;
    if (m.needs_reason && m.input != Input::reason) return "move " + m.action + ": a reason needs input \"reason\"";
    for (const auto& n : m.notify)
      if ((n.to != Party::enterprise && n.to != Party::expert) || n.title.empty())
        return "move " + m.action + ": a notice goes to the enterprise or the expert, with a title";
  }
  return std::nullopt;
}

std::variant<const Move*, Refused> decide(const Rules& r, const std::string& state, const std::string& action,
                                          const std::set<Party>& parties, const std::set<std::string>& holding) {
  const Move* m = r.move(action);
  if (!m) return Refused{Refusal::unknown_action, "未知的操作：" + action};
  if (!starts_from(*m, state))
    return Refused{Refusal::wrong_state, "辅导申请当前处于「" + r.state_name(state) + "」状态，不能执行「" + m->name + "」"};
  if (!taken_by(*m, parties))
    return Refused{Refusal::not_party, "「" + m->name + "」只能由" + who(m->parties) + "执行"};
  for (const auto& g : m->guards)
    if (!holding.count(g)) {
      const Guard* guard = r.guard(g);
      return Refused{Refusal::guard, guard ? guard->message : "「" + m->name + "」的前提条件尚未满足"};
    }
  return m;
}

std::vector<const Move*> open_moves(const Rules& r, const std::string& state, const std::set<Party>& parties,
                                    const std::set<std::string>& holding) {
  std::vector<const Move*> out;
  for (const auto& m : r.moves)
    if (std::holds_alternative<const Move*>(decide(r, state, m.action, parties, holding))) out.push_back(&m);
  return out;
}

std::string fill(const std::string& title, const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out;
  for (size_t i = 0; i < title.size();) {
    bool replaced = false;
    if (title[i] == '{')
      for (const auto& [name, value] : vars)
        if (title.compare(i + 1, name.size(), name) == 0 && i + 1 + name.size() < title.size() &&
            title[i + 1 + name.size()] == '}') {
          out += value;
          i += name.size() + 2;
          replaced = true;
          break;
        }
    if (!replaced) out += title[i++];
  }
  return out;
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

Status check_reason(const Move& m, const std::string& reason) {
  if (m.needs_reason) return need_text(reason, "reason", ("「" + m.name + "」的原因").c_str(), 500);
  if (text::utf8_length(reason) > 500) return err::invalid("reason", "原因不能超过500个字符");
  return ok();
}

}  // namespace sz::coaching
