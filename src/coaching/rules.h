// Rules of 一对一辅导 (方案三(六)): the workflow as data (data/coaching.json, read by the platform's one workflow
// mechanism, infra/workflow.h: states and what each waits for, the moves, who may take each, the guards a move waits
// on, the notices it sends) — and what each move carries, the lists of topics and modes, and the checks on what a
// request, a session, a summary and a rating carry. Pure: no I/O, no SQL, no JSON (the service parses the file).
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "infra/result.h"
#include "infra/workflow.h"

namespace sz::coaching {

// The parties of the workflow: "city_admin", "district_officer" (reads its district's requests, takes no move),
// "enterprise" (the requesting enterprise's accounts) and "expert" (the assigned expert). A notice goes to the
// enterprise or the expert.

// What a move carries besides its action (a move's "input" in the file).
enum class Input { none, expert, reason, session, summary, rating };
std::optional<Input> parse_input(std::string_view code);

struct CodeName {
  std::string code, name;
};

struct Rules {
  std::string version;
  std::vector<CodeName> topics, modes;
  int64_t session_min_minutes = 15, session_max_minutes = 480;
  workflow::Workflow workflow;

  const CodeName* topic(const std::string& code) const;
  const CodeName* mode(const std::string& code) const;
  // What the move carries (its input is checked when the file is read).
  Input input_of(const workflow::Move& m) const;
};
// What the workflow mechanism does not check: topics, modes and the minutes make lists and a range, every move's
// input is known (a move that needs a reason carries one), notices go to the enterprise or the expert. The first
// problem, or nothing.
std::optional<std::string> rules_problem(const Rules& r);

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
Status check_reason(const workflow::Move& m, const std::string& reason);

}  // namespace sz::coaching
