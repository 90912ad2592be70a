// One mechanism for every workflow of the platform (projects, providers, products, articles, payments, coaching …):
// its states, the parties who may act on a record, the moves with where they start from, where they lead, who may
// take them and the named guards they wait on — all data (a file under data/). The same code decides a move and lists
// the moves open to a caller (`actions` in every answer about a record), so the pages offer exactly what the server
// will accept. An area resolves the caller's parties in one record (e.g. "the project's enterprise") and runs its
// guards; everything else is here.
#pragma once
#include <boost/json/fwd.hpp>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "infra/result.h"

namespace sz::workflow {

struct State {
  std::string code, name;
  std::string waiting;  // what a record in this state waits for ("" at an end)
};
struct Party {
  std::string code, name;  // name as a refusal says it: 「验收申请」只能由区县专班执行
};
struct Guard {
  std::string code;
  std::string message;  // why a move waits while the guard does not hold ("" when the area's check says it)
};
// A message a move sends (站内消息) to one of the record's parties; {name} placeholders are the area's to fill.
struct Notice {
  std::string to, title;
};
struct Move {
  std::string action, name;
  std::vector<std::string> from;
  std::string to;
  std::vector<std::string> parties;
  std::vector<std::string> guards;
  bool needs_reason = false, needs_due = false;
  std::string input;              // what the move carries besides a reason, in the area's words ("" for nothing)
  std::vector<std::string> tags;  // the area's marks on a move (a provider's sanction)
  std::vector<Notice> notify;
  bool tagged(std::string_view tag) const;
  bool starts_from(std::string_view state) const;
};

struct Workflow {
  std::string version;
  std::string subject;  // what a record is called in refusals: 项目, 服务商, 产品
  std::vector<State> states;  // the first is where a new record starts
  std::vector<Party> parties;
  std::vector<Guard> guards;
  std::vector<Move> moves;

  const State* state(std::string_view code) const;
  std::string state_name(std::string_view code) const;  // the code itself when unknown
  const Party* party(std::string_view code) const;
  const Guard* guard(std::string_view code) const;
  const Move* move(std::string_view action) const;
};

// A workflow from its file's object ("subject", "states", "parties", "guards", "transitions"; other keys are the
// area's): every state, party and guard a move names must be declared, codes unique. `file` names it in the error.
Result<Workflow> parse(const boost::json::object& o, std::string_view file);
Result<Workflow> parse(std::string_view json, std::string_view file);
// The same, for an area whose guards are all its own: refused when a move names a guard not in `known`.
Result<Workflow> parse(std::string_view json, std::string_view file, const std::set<std::string>& known);

// Every guard the workflow's moves name is one of `known` (the checks its area can run): start-up refuses a file
// naming a check nobody implements.
Status only_guards(const Workflow& wf, const std::set<std::string>& known, std::string_view file);

// The caller's parts in one record, by party code.
using Parties = std::set<std::string>;
// The guards that hold for one record now, when the area knows them up front; nullptr when the area checks its
// guards itself after the decision (with a database at hand).
using Holding = std::set<std::string>;

enum class Refusal { unknown_action, wrong_state, not_party, guard };
struct Refused {
  Refusal why;
  std::string message;  // Chinese, naming the state, the move and who may take it
};
// 422 for an unknown action, 403 for a caller with no part that may take the move, 409 for a state or a guard.
Error error_of(const Refused& r);

// The move the caller asked for, or why not: the action exists, the record is in a state it starts from, the caller
// holds a party that takes it, and (when `holding` is given) its guards hold.
std::variant<const Move*, Refused> decide(const Workflow& wf, std::string_view state, std::string_view action,
                                          const Parties& parties, const Holding* holding = nullptr);
// The same decision as a Result: the move, or the refusal as an error.
Result<const Move*> decide_or_error(const Workflow& wf, std::string_view state, std::string_view action,
                                    const Parties& parties, const Holding* holding = nullptr);
// The moves `decide` would allow now, in the file's order: what the page offers.
std::vector<const Move*> open_moves(const Workflow& wf, std::string_view state, const Parties& parties,
                                    const Holding* holding = nullptr);

// A notice's title with its {name} placeholders replaced by `vars`; an unknown one stays as it is.
std::string fill(std::string_view title, const std::vector<std::pair<std::string, std::string>>& vars);

// The workflow as reference data for the pages: states (with what each waits for), parties and moves.
boost::json::object reference_json(const Workflow& wf);

// The workflows of all modules, by name ("projects"), for GET /api/v1/workflows. Modules add theirs when they are
// installed; the workflows live as long as the services that own them.
class Library {
 public:
  void add(std::string name, std::string title, const Workflow& wf);
  boost::json::array json() const;

 private:
  struct Entry {
    std::string name, title;
    const Workflow* workflow;
  };
  std::vector<Entry> entries_;
};

}  // namespace sz::workflow
