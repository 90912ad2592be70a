#include "infra/workflow.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace sz::workflow {

namespace {
const char* kReview = R"({
  "version": "t-1", "subject": "产品",
  "states": [{"code": "draft", "name": "填报中", "waiting": "等待服务商提交"},
             {"code": "in_review", "name": "评审中", "waiting": "等待评审"},
             {"code": "listed", "name": "已上架"}],
  "parties": [{"code": "owner", "name": "服务商本身"}, {"code": "city_admin", "name": "市级管理员"}],
  "guards": [{"code": "reviewed", "message": "请先完成专家评审"}, {"code": "checked_by_area"}],
  "transitions": [
    {"action": "submit", "name": "提交", "from": ["draft"], "to": "in_review", "parties": ["owner", "city_admin"]},
    {"action": "list", "name": "上架", "from": ["in_review"], "to": "listed", "parties": ["city_admin"], "guards": ["reviewed"],
     "notify": [{"to": "owner", "title": "「{product}」已上架"}]},
    {"action": "reject", "name": "退回", "from": ["in_review"], "to": "draft", "parties": ["city_admin"], "reason": true,
     "tags": ["sanction"], "input": "reason"}
  ]})";

Workflow review() {
  auto wf = parse(kReview, "review.json");
  EXPECT_TRUE(wf) << wf.error().detail;
  return *wf;
}

std::vector<std::string> actions(const std::vector<const Move*>& moves) {
  std::vector<std::string> out;
  for (const auto* m : moves) out.push_back(m->action);
  return out;
}
}  // namespace

TEST(Workflow, ParsesStatesPartiesGuardsAndMoves) {
  Workflow wf = review();
  EXPECT_EQ(wf.subject, "产品");
  EXPECT_EQ(wf.state("draft")->waiting, "等待服务商提交");
  EXPECT_EQ(wf.state_name("listed"), "已上架");
  EXPECT_EQ(wf.state_name("gone"), "gone");
  const Move* reject = wf.move("reject");
  ASSERT_NE(reject, nullptr);
  EXPECT_TRUE(reject->needs_reason);
  EXPECT_TRUE(reject->tagged("sanction"));
  EXPECT_FALSE(wf.move("list")->tagged("sanction"));
  EXPECT_EQ(reject->input, "reason");
  EXPECT_EQ(wf.move("list")->notify.at(0).to, "owner");
}

TEST(Workflow, RefusesAFileThatContradictsItself) {
  std::string good = kReview;
  auto broken = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
    return parse(s, "review.json");
  };
  EXPECT_FALSE(broken(R"("to": "listed")", R"("to": "sold")"));                         // unknown state
  EXPECT_FALSE(broken(R"("parties": ["city_admin"], "guards")", R"("parties": ["bank"], "guards")"));  // unknown party
  EXPECT_FALSE(broken(R"("guards": ["reviewed"])", R"("guards": ["paid"])"));           // undeclared guard
  EXPECT_FALSE(broken(R"("action": "reject")", R"("action": "list")"));                 // an action twice
  EXPECT_FALSE(broken(R"({"to": "owner")", R"({"to": "bank")"));                         // a notice to no party
  EXPECT_FALSE(broken(R"("subject": "产品",)", ""));                                    // no subject
  EXPECT_FALSE(broken(R"("from": ["draft"])", R"("from": "draft")"));                   // from not a list
  EXPECT_FALSE(parse("[1]", "review.json"));
  EXPECT_TRUE(parse(good, "review.json"));
}

TEST(Workflow, EveryGuardNeedsACheck) {
  Workflow wf = review();
  EXPECT_TRUE(only_guards(wf, {"reviewed"}, "review.json"));
  auto missing = only_guards(wf, {"paid"}, "review.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().detail, "review.json: no check implements guard reviewed of list");
}

TEST(Workflow, DecidesByStateThenPartyThenGuard) {
  Workflow wf = review();
  Parties admin{"city_admin"}, owner{"owner"};
  auto refused = [&](std::string_view state, std::string_view action, const Parties& p, const Holding* h = nullptr) {
    auto d = decide(wf, state, action, p, h);
    return std::holds_alternative<Refused>(d) ? std::get<Refused>(d) : Refused{Refusal::unknown_action, "(allowed)"};
  };
  EXPECT_EQ(refused("draft", "sell", admin).why, Refusal::unknown_action);
  EXPECT_EQ(error_of(refused("draft", "sell", admin)).status, 422);

  Refused wrong = refused("draft", "list", admin);
  EXPECT_EQ(wrong.why, Refusal::wrong_state);
  EXPECT_EQ(wrong.message, "产品当前处于「填报中」状态，不能执行「上架」");
  EXPECT_EQ(error_of(wrong).status, 409);

  Refused not_party = refused("in_review", "list", owner);
  EXPECT_EQ(not_party.message, "「上架」只能由市级管理员执行（您的身份：服务商本身）");
  EXPECT_EQ(error_of(not_party).status, 403);
  EXPECT_EQ(refused("in_review", "list", {}).message, "「上架」只能由市级管理员执行");

  // Without `holding` the area checks the guards itself; with it, a guard that does not hold refuses.
  EXPECT_TRUE(std::holds_alternative<const Move*>(decide(wf, "in_review", "list", admin)));
  Holding none;
  Refused guard = refused("in_review", "list", admin, &none);
  EXPECT_EQ(guard.why, Refusal::guard);
  EXPECT_EQ(guard.message, "请先完成专家评审");
  EXPECT_EQ(error_of(guard).status, 409);
  Holding reviewed{"reviewed"};
  EXPECT_TRUE(decide_or_error(wf, "in_review", "list", admin, &reviewed));
  EXPECT_EQ(decide_or_error(wf, "listed", "list", admin).error().status, 409);
}

TEST(Workflow, OpenMovesAreWhatDecideAllows) {
  Workflow wf = review();
  EXPECT_EQ(actions(open_moves(wf, "draft", {"owner"})), std::vector<std::string>{"submit"});
  EXPECT_EQ(actions(open_moves(wf, "in_review", {"owner"})), std::vector<std::string>{});
  EXPECT_EQ(actions(open_moves(wf, "in_review", {"city_admin"})), (std::vector<std::string>{"list", "reject"}));
  Holding none;
  EXPECT_EQ(actions(open_moves(wf, "in_review", {"city_admin"}, &none)), std::vector<std::string>{"reject"});
  EXPECT_EQ(actions(open_moves(wf, "listed", {"city_admin", "owner"})), std::vector<std::string>{});
}

TEST(Workflow, FillsANoticesPlaceholders) {
  EXPECT_EQ(fill("「{product}」已上架", {{"product", "设备上云"}}), "「设备上云」已上架");
  EXPECT_EQ(fill("{a}{b}{a}", {{"a", "1"}, {"b", "2"}}), "121");
  EXPECT_EQ(fill("{unknown} {a", {{"a", "1"}}), "{unknown} {a");
}

// The platform's workflow files as shipped: each reads, and each state can be reached from the first or is the first.
TEST(Workflow, EveryShippedFileIsConsistent) {
  for (const char* file : {"project-lifecycle", "provider-rules", "product-review", "article-review", "payment-workflow",
                           "need-matching", "sample-selection", "demand-list", "coaching"}) {
    std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/" + file + ".json");
    std::stringstream text;
    text << in.rdbuf();
    auto wf = parse(text.str(), file);
    ASSERT_TRUE(wf) << file << ": " << wf.error().detail;
    std::set<std::string> reached{wf->states.front().code};
    for (size_t round = 0; round < wf->states.size(); ++round)
      for (const auto& m : wf->moves)
        for (const auto& f : m.from)
          if (reached.count(f)) reached.insert(m.to);
    EXPECT_EQ(reached.size(), wf->states.size()) << file << ": a state no move leads to";
  }
}

// Payments (data/payment-workflow.json): 已安排 → 审批 → 拨付, then 退回; 取消 before it is paid — for the city admin.
TEST(Workflow, PaymentsAsShipped) {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/payment-workflow.json");
  std::stringstream text;
  text << in.rdbuf();
  auto wf = parse(text.str(), "payment-workflow.json");
  ASSERT_TRUE(wf);
  const Parties admin{"city_admin"};
  EXPECT_EQ(actions(open_moves(*wf, "scheduled", admin)), (std::vector<std::string>{"approve", "cancel"}));
  EXPECT_EQ(actions(open_moves(*wf, "approved", admin)), (std::vector<std::string>{"pay", "cancel"}));
  EXPECT_EQ(actions(open_moves(*wf, "paid", admin)), std::vector<std::string>{"return"});
  EXPECT_TRUE(wf->move("return")->needs_reason);
  EXPECT_TRUE(open_moves(*wf, "cancelled", admin).empty());
  EXPECT_TRUE(open_moves(*wf, "scheduled", {}).empty());
}

TEST(Workflow, LibraryListsEveryWorkflowWithItsStates) {
  Workflow wf = review();
  Library lib;
  lib.add("products", "产品入库", wf);
  auto all = lib.json();
  ASSERT_EQ(all.size(), 1u);
  const auto& o = all[0].as_object();
  EXPECT_EQ(o.at("name").as_string(), "products");
  EXPECT_EQ(o.at("states").as_array().size(), 3u);
  EXPECT_EQ(o.at("states").as_array()[0].as_object().at("waiting").as_string(), "等待服务商提交");
  EXPECT_EQ(o.at("moves").as_array()[2].as_object().at("needs_reason").as_bool(), true);
}

}  // namespace sz::workflow
