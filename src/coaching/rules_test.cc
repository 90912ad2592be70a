#include "coaching/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "coaching/service.h"

namespace sz::coaching {
namespace {

// The rules as shipped (data/coaching.json), parsed as the module parses them.
const Rules& shipped() {
  static const Rules rules = [] {
    std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/coaching.json");
    std::stringstream text;
    text << in.rdbuf();
    auto r = Service::parse_rules(text.str());
    if (!r) throw std::runtime_error(r.error().detail);
    return *r;
  }();
  return rules;
}

const workflow::Holding kNoGuards;
const workflow::Holding kSessionRecorded{"session_recorded"};

std::vector<std::string> actions(const std::vector<const workflow::Move*>& moves) {
  std::vector<std::string> out;
  for (const auto* m : moves) out.push_back(m->action);
  return out;
}

std::vector<std::string> open(const std::string& state, const workflow::Parties& parties, const workflow::Holding& holding) {
  return actions(workflow::open_moves(shipped().workflow, state, parties, &holding));
}

using Decision = std::variant<const workflow::Move*, workflow::Refused>;
Decision decide(const std::string& state, const std::string& action, const workflow::Parties& parties,
                const workflow::Holding& holding) {
  return workflow::decide(shipped().workflow, state, action, parties, &holding);
}

workflow::Refused refused(const Decision& d) {
  EXPECT_TRUE(std::holds_alternative<workflow::Refused>(d));
  return std::holds_alternative<workflow::Refused>(d) ? std::get<workflow::Refused>(d)
                                                       : workflow::Refused{workflow::Refusal::unknown_action, ""};
}

using workflow::Refusal;
using Actions = std::vector<std::string>;

TEST(CoachingRules, TheShippedFileIsConsistent) {
  const Rules& r = shipped();
  EXPECT_FALSE(rules_problem(r).has_value());
  EXPECT_EQ(r.workflow.states.front().code, "requested");
  EXPECT_EQ(r.workflow.state_name("assigned"), "已指派专家");
  EXPECT_EQ(r.workflow.subject, "辅导申请");
  ASSERT_NE(r.topic("diagnosis"), nullptr);
  EXPECT_EQ(r.topic("diagnosis")->name, "数字化诊断");
  EXPECT_EQ(r.topics.size(), 6u);
  EXPECT_EQ(r.mode("online")->name, "线上");
  EXPECT_EQ(r.session_min_minutes, 15);
  EXPECT_EQ(r.session_max_minutes, 480);
}

TEST(CoachingRules, EachPartyIsOfferedItsOwnMovesOnly) {
  EXPECT_EQ(open("requested", {"city_admin"}, kNoGuards), (Actions{"assign", "decline"}));
  EXPECT_EQ(open("requested", {"enterprise"}, kNoGuards), (Actions{"withdraw"}));
  EXPECT_TRUE(open("requested", {"district_officer"}, kNoGuards).empty());
  EXPECT_TRUE(open("requested", {"expert"}, kNoGuards).empty());
  // The assigned expert records sessions; closing waits for the first one.
  EXPECT_EQ(open("assigned", {"expert"}, kNoGuards), (Actions{"record_session"}));
  EXPECT_EQ(open("assigned", {"expert"}, kSessionRecorded), (Actions{"record_session", "close"}));
  EXPECT_TRUE(open("assigned", {"city_admin", "enterprise"}, kSessionRecorded).empty());
  EXPECT_EQ(open("closed", {"enterprise"}, kSessionRecorded), (Actions{"rate"}));
  for (const char* end : {"rated", "declined", "withdrawn"})
    EXPECT_TRUE(open(end, {"city_admin", "enterprise", "expert"}, kSessionRecorded).empty()) << end;
}

TEST(CoachingRules, ARefusalSaysWhy) {
  auto unknown = refused(decide("requested", "approve", {"city_admin"}, kNoGuards));
  EXPECT_EQ(unknown.why, Refusal::unknown_action);
  auto late = refused(decide("assigned", "withdraw", {"enterprise"}, kNoGuards));
  EXPECT_EQ(late.why, Refusal::wrong_state);
  EXPECT_EQ(late.message, "辅导申请当前处于「已指派专家」状态，不能执行「撤回申请」");
  auto wrong = refused(decide("requested", "assign", {"district_officer"}, kNoGuards));
  EXPECT_EQ(wrong.why, Refusal::not_party);
  EXPECT_EQ(wrong.message, "「指派专家」只能由市级管理员执行（您的身份：区县专班）");
  auto early = refused(decide("assigned", "close", {"expert"}, kNoGuards));
  EXPECT_EQ(early.why, Refusal::guard);
  EXPECT_EQ(early.message, "请先登记至少一次辅导记录，再结束辅导");
  auto twice = refused(decide("rated", "rate", {"enterprise"}, kSessionRecorded));
  EXPECT_EQ(twice.why, Refusal::wrong_state);
  auto m = decide("assigned", "close", {"expert"}, kSessionRecorded);
  ASSERT_TRUE(std::holds_alternative<const workflow::Move*>(m));
  EXPECT_EQ(std::get<const workflow::Move*>(m)->to, "closed");
  EXPECT_EQ(shipped().input_of(*std::get<const workflow::Move*>(m)), Input::summary);
}

TEST(CoachingRules, AFileThatContradictsItselfIsRefused) {
  Rules r = shipped();
  r.workflow.moves[0].input = "photo";
  EXPECT_EQ(rules_problem(r).value_or(""), "move assign: unknown input photo");
  r = shipped();
  r.workflow.moves[0].needs_reason = true;  // assign carries an expert, not a reason
  EXPECT_TRUE(rules_problem(r).has_value());
  r = shipped();
  r.topics.push_back(r.topics.front());
  EXPECT_TRUE(rules_problem(r).has_value());
  r = shipped();
  r.session_min_minutes = 500;
  EXPECT_TRUE(rules_problem(r).has_value());
  r = shipped();
  r.workflow.moves[0].notify.push_back({"city_admin", "x"});
  EXPECT_TRUE(rules_problem(r).has_value());
}

TEST(CoachingRules, TheFileNamesOnlyGuardsThePlatformChecks) {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/coaching.json");
  std::stringstream text;
  text << in.rdbuf();
  std::string file = text.str();
  ASSERT_TRUE(Service::parse_rules(file).ok());
  auto at = file.find("\"code\": \"session_recorded\"");
  ASSERT_NE(at, std::string::npos);
  file.insert(at, "\"code\": \"budget_left\", \"message\": \"x\"}, {");
  auto r = Service::parse_rules(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().detail, "coaching.json: guard budget_left is not one the platform can check");
  EXPECT_FALSE(Service::parse_rules("[]").ok());
}

TEST(CoachingRules, ARequestNamesATopicAModeAndWhatItNeeds) {
  const Rules& r = shipped();
  EXPECT_TRUE(check_request(r, {"data_governance", "设备数据采集不全，需要梳理数据标准", "onsite"}).ok());
  EXPECT_EQ(check_request(r, {"blockchain", "x", "onsite"}).error().field, "topic");
  EXPECT_EQ(check_request(r, {"other", "x", "phone"}).error().field, "mode");
  EXPECT_EQ(check_request(r, {"other", " \u3000", "online"}).error().field, "needs");
  std::string long_text;
  for (int i = 0; i < 2001; ++i) long_text += "字";
  EXPECT_EQ(check_request(r, {"other", long_text, "online"}).error().message, "辅导需求不能超过2000个字符");
}

TEST(CoachingRules, ASessionHasHappenedAndLastsAPlausibleTime) {
  const Rules& r = shipped();
  SessionFacts s{"2026-12-01", 90, "onsite", "梳理设备点位", "先建数据字典"};
  EXPECT_TRUE(check_session(r, s, "2026-11-20", "2026-12-01").ok());
  auto future = check_session(r, s, "2026-11-20", "2026-11-30");
  EXPECT_EQ(future.error().field, "session.held_on");
  EXPECT_EQ(future.error().message, "辅导日期不能晚于今天");
  EXPECT_EQ(check_session(r, s, "2026-12-02", "2026-12-05").error().message, "辅导日期不能早于申请日期 2026-12-02");
  s.held_on = "2026-02-30";
  EXPECT_EQ(check_session(r, s, "2026-01-01", "2026-12-05").error().field, "session.held_on");
  s.held_on = "2026-12-01";
  for (int64_t minutes : {14, 481, 0, -30}) {
    s.minutes = minutes;
    EXPECT_EQ(check_session(r, s, "2026-11-20", "2026-12-01").error().message, "辅导时长应在 15–480 分钟之间") << minutes;
  }
  for (int64_t minutes : {15, 480}) {
    s.minutes = minutes;
    EXPECT_TRUE(check_session(r, s, "2026-11-20", "2026-12-01").ok()) << minutes;
  }
  s.mode = "phone";
  EXPECT_EQ(check_session(r, s, "2026-11-20", "2026-12-01").error().field, "session.mode");
  s.mode = "online";
  s.advice = "";
  EXPECT_EQ(check_session(r, s, "2026-11-20", "2026-12-01").error().field, "session.advice");
}

TEST(CoachingRules, ARatingIsOneToFiveWithAComment) {
  EXPECT_TRUE(check_rating(1, "有帮助").ok());
  EXPECT_TRUE(check_rating(5, "有帮助").ok());
  EXPECT_EQ(check_rating(0, "有帮助").error().field, "rating");
  EXPECT_EQ(check_rating(6, "有帮助").error().field, "rating");
  EXPECT_EQ(check_rating(4, "").error().field, "comment");
  EXPECT_EQ(check_summary("").error().field, "summary");
  const Rules& r = shipped();
  EXPECT_EQ(check_reason(*r.workflow.move("decline"), "").error().message, "请填写「不予受理」的原因");
  EXPECT_TRUE(check_reason(*r.workflow.move("withdraw"), "").ok());
  EXPECT_EQ(check_reason(*r.workflow.move("withdraw"), std::string(501, 'x')).error().field, "reason");
}

}  // namespace
}  // namespace sz::coaching
