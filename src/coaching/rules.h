// Rules of 一对一辅导 (方案三(六)): the workflow as data (data/coaching.json) — states and what each waits for, the
// moves, who may take each, the guards a move waits on — and the checks on what a request, a session, a summary and
// a rating carry. Pure: no I/O, no SQL, no JSON (the service parses the file into these types).
//
// The mechanism is the one projects (data/project-lifecycle.json) and the provider directory use — states, moves
// with from/to, parties and named guards, the same code deciding a move and listing the open ones — kept here rather
// than shared because those name their subject (项目, 服务商) and their parties in their messages; the file has the
// same shape, so one shared mechanism (issue 14) can take all three.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "infra/result.h"

namespace sz::coaching {

// The caller's part in one request, resolved by the service. A district officer reads its district's requests and
// takes no move.
enum class Party { city_admin, district_officer, enterprise, expert };
std::optional<Party> parse_party(std::string_view code);
const char* party_name(Party p);

// What a move carries besides its action.
enum class Input { none, expert, reason, session, summary, rating };
std::optional<Input> parse_input(std::string_view code);
const char* input_code(Input i);

struct CodeName {
  std::string code, name;
};
struct State {
  std::string code, name, waiting;  // waiting: what the request waits for in this state ("" at an end)
};
struct Guard {
  std::string code, message;  // message: why the move is refused while the guard does not hold
};
// A notification a move sends (站内消息): to the request's enterprise (its accounts) or its expert, with a title in
// which {enterprise}, {topic}, {expert} and {reason} stand for the request's.
struct Notice {
  Party to = Party::enterprise;
  std::string title;
};
struct Move {
  std::string action, name;
  std::vector<std::string> from;
  std::string to;
  std::vector<Party> parties;
  std::vector<std::string> guards;
  Input input = Input::none;
  bool needs_reason = false;
  std::vector<Notice> notify;
};

// The first of `states` is where a new request starts.
struct Rules {
  std::string version;
  std::vector<CodeName> topics, modes;
  int64_t session_min_minutes = 15, session_max_minutes = 480;
  std::vector<State> states;
  std::vector<Guard> guards;
  std::vector<Move> moves;

  const State* state(const std::string& code) const;
  std::string state_name(const std::string& code) const;
  const Move* move(const std::string& action) const;
  const Guard* guard(const std::string& code) const;
  const CodeName* topic(const std::string& code) const;
  const CodeName* mode(const std::string& code) const;
};
// The file's own consistency: every state, party and guard a move names exists, codes are unique, the minutes make
// a range. The first problem, or nothing.
std::optional<std::string> rules_problem(const Rules& r);

// Why a move is refused: the action is unknown, the request is not in a state it starts from, the caller has no
// part that may take it, or a guard does not hold.
enum class Refusal { unknown_action, wrong_state, not_party, guard };
struct Refused {
  Refusal why;
  std::string message;  // in Chinese, naming the state, the move and who may take it
};

// The move the caller asked for, or why not. `holding` are the guards that hold for this request now.
std::variant<const Move*, Refused> decide(const Rules& r, const std::string& state, const std::string& action,
                                          const std::set<Party>& parties, const std::set<std::string>& holding);
// The moves the caller may take now (guards included), in the file's order: what the front end offers.
std::vector<const Move*> open_moves(const Rules& r, const std::string& state, const std::set<Party>& parties,
                                    const std::set<std::string>& holding);

// A notice's title with its placeholders ({name}) replaced by the values of `vars`; an unknown one stays as it is.
std::string fill(const std::string& title, const std::vector<std::pair<std::string, std::string>>& vars);

// What an enterprise asks for: a topic and a mode of the lists, what it needs in 1–2000 characters.
struct RequestFacts {
  std::string topic, needs, mode;
};
Status check_request(const Rules& r, const RequestFacts& f);

// One coaching session as the expert records it: a real day neither in the future nor before the request was made,
// minutes within the rules' range, a mode of the list, what was done and the advice (each 1–2000 characters).
struct SessionFacts {
  std::string held_on;
  int64_t minutes = 0;
  std::string mode, content, advice;
};
Status check_session(const Rules& r, const SessionFacts& s, const std::string& requested_on, const std::string& today);

// The expert's summary closing the coaching (1–2000 characters); the enterprise's rating (1–5) and its comment
// (1–500 characters); a reason (1–500 characters when the move needs one, at most 500 otherwise).
Status check_summary(const std::string& summary);
Status check_rating(int64_t score, const std::string& comment);
Status check_reason(const Move& m, const std::string& reason);

}  // namespace sz::coaching
