#include "infra/workflow.h"

#include <algorithm>
#include <boost/json.hpp>

#include "infra/json.h"

namespace sz::workflow {

namespace bj = boost::json;

namespace {
template <class T>
const T* by_code(const std::vector<T>& list, std::string_view code) {
  for (const auto& x : list)
    if (x.code == code) return &x;
  return nullptr;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The names of `codes` joined by 、.
std::string names_of(const Workflow& wf, const auto& codes) {
  std::string out;
  for (const auto& code : codes) {
    const Party* p = wf.party(code);
    out += (out.empty() ? "" : "、") + (p ? p->name : std::string(code));
  }
  return out;
}

// A file's list of strings; anything but an array of strings is the file's error.
Result<std::vector<std::string>> strings(const bj::object& o, std::string_view key, std::string_view where) {
  std::vector<std::string> out;
  const bj::value* v = o.if_contains(key);
  if (!v) return out;
  if (!v->is_array()) return err::internal(std::string(where) + ": " + std::string(key) + " is not a list");
  for (const auto& x : v->as_array()) {
    if (!x.is_string()) return err::internal(std::string(where) + ": " + std::string(key) + " holds a non-string");
    out.emplace_back(x.as_string());
  }
  return out;
}

bool flag(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

const bj::array* list_of(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_array() ? &v->as_array() : nullptr;
}

Result<Move> parse_move(const bj::object& t, std::string_view file) {
  Move m;
  m.action = json::text_of(t, "action");
  m.name = json::text_of(t, "name");
  std::string where = std::string(file) + " move " + m.action;
  SZ_ASSIGN(m.from, strings(t, "from", where));
  m.to = json::text_of(t, "to");
  SZ_ASSIGN(m.parties, strings(t, "parties", where));
  SZ_ASSIGN(m.guards, strings(t, "guards", where));
  SZ_ASSIGN(m.tags, strings(t, "tags", where));
  m.needs_reason = flag(t, "reason");
  m.needs_due = flag(t, "due");
  m.input = json::text_of(t, "input");
  if (const auto* notify = list_of(t, "notify"))
    for (const auto& n : *notify) {
      if (!n.is_object()) return err::internal(where + ": a notice is not an object");
      m.notify.push_back({json::text_of(n.as_object(), "to"), json::text_of(n.as_object(), "title")});
    }
  return m;
}

// The file's own consistency: the first problem, or nothing.
std::optional<std::string> problem(const Workflow& wf) {
  if (wf.version.empty() || wf.subject.empty()) return "version and subject are required";
  if (wf.states.empty() || wf.parties.empty() || wf.moves.empty()) return "states, parties and transitions are required";
  auto unique = [](const auto& list) {
    std::set<std::string> seen;
    for (const auto& x : list)
      if (x.code.empty() || x.name.empty() || !seen.insert(x.code).second) return false;
    return true;
  };
  if (!unique(wf.states) || !unique(wf.parties)) return "state and party codes must be unique, each with a name";
  std::set<std::string> guards, actions;
  for (const auto& g : wf.guards)
    if (g.code.empty() || !guards.insert(g.code).second) return "guard codes must be unique";
  for (const auto& m : wf.moves) {
    std::string where = "move " + m.action + ": ";
    if (m.action.empty() || m.name.empty() || !actions.insert(m.action).second) return where + "no name, or twice";
    if (m.from.empty() || m.parties.empty()) return where + "no from or parties";
    for (const auto& f : m.from)
      if (!wf.state(f)) return where + "unknown state " + f;
    if (!wf.state(m.to)) return where + "unknown state " + m.to;
    for (const auto& p : m.parties)
      if (!wf.party(p)) return where + "unknown party " + p;
    for (const auto& g : m.guards)
      if (!wf.guard(g)) return where + "undeclared guard " + g;
    for (const auto& n : m.notify)
      if (!wf.party(n.to) || n.title.empty()) return where + "a notice goes to a party, with a title";
  }
  return std::nullopt;
}
}  // namespace

bool Move::tagged(std::string_view tag) const { return contains(tags, tag); }
bool Move::starts_from(std::string_view state) const { return contains(from, state); }

const State* Workflow::state(std::string_view code) const { return by_code(states, code); }
std::string Workflow::state_name(std::string_view code) const {
  const State* s = state(code);
  return s ? s->name : std::string(code);
}
const Party* Workflow::party(std::string_view code) const { return by_code(parties, code); }
const Guard* Workflow::guard(std::string_view code) const { return by_code(guards, code); }
const Move* Workflow::move(std::string_view action) const {
  for (const auto& m : moves)
    if (m.action == action) return &m;
  return nullptr;
}

Result<Workflow> parse(const bj::object& o, std::string_view file) {
  Workflow wf;
  wf.version = json::text_of(o, "version");
  wf.subject = json::text_of(o, "subject");
  for (const auto* key : {"states", "parties", "guards", "transitions"}) {
    const bj::value* v = o.if_contains(key);
    if (v && (!v->is_array() || std::any_of(v->as_array().begin(), v->as_array().end(), [](const bj::value& x) { return !x.is_object(); })))
      return err::internal(std::string(file) + ": " + key + " is not a list of objects");
  }
  if (const auto* states = list_of(o, "states"))
    for (const auto& s : *states)
      wf.states.push_back({json::text_of(s.as_object(), "code"), json::text_of(s.as_object(), "name"),
                           json::text_of(s.as_object(), "waiting")});
  if (const auto* parties = list_of(o, "parties"))
    for (const auto& p : *parties) wf.parties.push_back({json::text_of(p.as_object(), "code"), json::text_of(p.as_object(), "name")});
  if (const auto* guards = list_of(o, "guards"))
    for (const auto& g : *guards) wf.guards.push_back({json::text_of(g.as_object(), "code"), json::text_of(g.as_object(), "message")});
  if (const auto* moves = list_of(o, "transitions"))
    for (const auto& t : *moves) {
      SZ_ASSIGN(auto m, parse_move(t.as_object(), file));
      wf.moves.push_back(std::move(m));
    }
  if (auto why = problem(wf)) return err::internal(std::string(file) + ": " + *why);
  return wf;
}

Result<Workflow> parse(std::string_view json, std::string_view file) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal(std::string(file) + " is not a JSON object");
  return parse(v.as_object(), file);
}

Result<Workflow> parse(std::string_view json, std::string_view file, const std::set<std::string>& known) {
  SZ_ASSIGN(auto wf, parse(json, file));
  SZ_TRY(only_guards(wf, known, file));
  return wf;
}

Status only_guards(const Workflow& wf, const std::set<std::string>& known, std::string_view file) {
  for (const auto& m : wf.moves)
    for (const auto& g : m.guards)
      if (!known.count(g)) return err::internal(std::string(file) + ": no check implements guard " + g + " of " + m.action);
  return ok();
}

Error error_of(const Refused& r) {
  switch (r.why) {
    case Refusal::unknown_action: return err::invalid("action", r.message);
    case Refusal::not_party: return err::forbidden(r.message);
    case Refusal::wrong_state:
    case Refusal::guard: break;
  }
  return err::conflict("action", r.message);
}

std::variant<const Move*, Refused> decide(const Workflow& wf, std::string_view state, std::string_view action,
                                          const Parties& parties, const Holding* holding) {
  const Move* m = wf.move(action);
  if (!m) return Refused{Refusal::unknown_action, "未知的操作：" + std::string(action)};
  if (!m->starts_from(state))
    return Refused{Refusal::wrong_state,
                   wf.subject + "当前处于「" + wf.state_name(state) + "」状态，不能执行「" + m->name + "」"};
  if (std::none_of(m->parties.begin(), m->parties.end(), [&](const std::string& p) { return parties.count(p) > 0; })) {
    std::string yours = parties.empty() ? "" : "（您的身份：" + names_of(wf, parties) + "）";
    return Refused{Refusal::not_party, "「" + m->name + "」只能由" + names_of(wf, m->parties) + "执行" + yours};
  }
  if (holding)
    for (const auto& g : m->guards)
      if (!holding->count(g)) {
        const Guard* guard = wf.guard(g);
        std::string why = guard && !guard->message.empty() ? guard->message : "「" + m->name + "」的前提条件尚未满足";
        return Refused{Refusal::guard, why};
      }
  return m;
}

Result<const Move*> decide_or_error(const Workflow& wf, std::string_view state, std::string_view action,
                                    const Parties& parties, const Holding* holding) {
  auto decided = decide(wf, state, action, parties, holding);
  if (auto* refused = std::get_if<Refused>(&decided)) return error_of(*refused);
  return std::get<const Move*>(decided);
}

std::vector<const Move*> open_moves(const Workflow& wf, std::string_view state, const Parties& parties,
                                    const Holding* holding) {
  std::vector<const Move*> out;
  for (const auto& m : wf.moves)
    if (std::holds_alternative<const Move*>(decide(wf, state, m.action, parties, holding))) out.push_back(&m);
  return out;
}

std::string fill(std::string_view title, const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out;
  for (size_t i = 0; i < title.size();) {
    auto close = title[i] == '{' ? title.find('}', i) : std::string_view::npos;
    auto var = close == std::string_view::npos ? vars.end()
                                               : std::find_if(vars.begin(), vars.end(), [&](const auto& kv) {
                                                   return title.substr(i + 1, close - i - 1) == kv.first;
                                                 });
    if (var == vars.end()) {
      out += title[i++];
      continue;
    }
    out += var->second;
    i = close + 1;
  }
  return out;
}

bj::object reference_json(const Workflow& wf) {
  bj::array states, parties, moves;
  for (const auto& s : wf.states) states.push_back(bj::object{{"code", s.code}, {"name", s.name}, {"waiting", s.waiting}});
  for (const auto& p : wf.parties) parties.push_back(bj::object{{"code", p.code}, {"name", p.name}});
  for (const auto& m : wf.moves) {
    bj::array from(m.from.begin(), m.from.end()), by(m.parties.begin(), m.parties.end()), tags(m.tags.begin(), m.tags.end());
    moves.push_back(bj::object{{"action", m.action}, {"name", m.name}, {"from", std::move(from)}, {"to", m.to},
                               {"parties", std::move(by)}, {"needs_reason", m.needs_reason}, {"needs_due", m.needs_due},
                               {"tags", std::move(tags)}});
  }
  return bj::object{{"version", wf.version}, {"subject", wf.subject}, {"states", std::move(states)},
                    {"parties", std::move(parties)}, {"moves", std::move(moves)}};
}

void Library::add(std::string name, std::string title, const Workflow& wf) {
  entries_.push_back({std::move(name), std::move(title), &wf});
}

bj::array Library::json() const {
  bj::array out;
  for (const auto& e : entries_) {
    bj::object o = reference_json(*e.workflow);
    o["name"] = e.name;
    o["title"] = e.title;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace sz::workflow
