#include "auth/rules.h"

#include <gtest/gtest.h>

namespace sz::auth {

TEST(Roles, RoundTripAndChineseNames) {
  for (Role r : all_roles()) EXPECT_EQ(parse_role(role_code(r)), r);
  EXPECT_EQ(parse_role("root"), std::nullopt);
  EXPECT_STREQ(role_name_zh(Role::district_officer), "区县专班");
}

TEST(Scope, UnionOfRolesAndFailClosed) {
  Principal p;
  p.roles = {Role::expert, Role::bank};
  EXPECT_TRUE(enterprise_scope(p).empty());
  p.roles = {Role::district_officer};  // no district bound: grants nothing
  EXPECT_TRUE(enterprise_scope(p).empty());
  p.district = "410181";
  p.roles = {Role::district_officer, Role::enterprise};
  p.enterprise_id = 7;
  auto s = enterprise_scope(p);
  EXPECT_TRUE(s.covers("410181", 1));
  EXPECT_TRUE(s.covers("410183", 7));
  EXPECT_FALSE(s.covers("410183", 8));
  p.roles = {Role::city_admin};
  EXPECT_TRUE(enterprise_scope(p).covers("zhengdong", 99));
}

WeakPasswords weak() {
  return {"test", {"woaini1314", "p@ssw0rd"}, {"woaini", "zhangsan", "qwerty", "password"}, {"shuzhuan", "数转", "zhengzhou"}};
}

TEST(PasswordPolicy, RefusesWeakPasswordsWithAReason) {
  const PasswordOwner gongyi{"gongyi", "巩义专班"};
  EXPECT_EQ(password_problem("Demo@2024", gongyi, weak()), std::nullopt);
  EXPECT_TRUE(password_problem("short1A", gongyi, weak()));
  EXPECT_TRUE(password_problem("alllowercase1", gongyi, weak()));
  EXPECT_TRUE(password_problem("Gongyi@2024", gongyi, weak()));
  EXPECT_TRUE(password_problem(std::string(129, 'A'), {"x", ""}, weak()));
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  const PasswordOwner who{"someone", "某人"};
  // 中中1A is 8 bytes but 4 characters.
  EXPECT_EQ(password_problem("中中1A", who, weak()), "密码长度至少8个字符");
  EXPECT_EQ(password_problem("中文密码很长1A", who, weak()), std::nullopt);
  EXPECT_EQ(password_problem(std::string("Aa1") + std::string(125, 'x'), who, weak()), std::nullopt);
  std::string long_zh;
  for (int i = 0; i < 43; ++i) long_zh += "中";  // 43 characters, 129 bytes
  EXPECT_EQ(password_problem(long_zh + "Aa1", who, weak()), std::nullopt);
  EXPECT_TRUE(password_problem("Ab1\xff\xfe\xfdxyz", who, weak()));  // not UTF-8
}

TEST(PasswordPolicy, RefusesCommonWordsWithDigitsAndSymbolsAdded) {
  const PasswordOwner who{"someone", "某人"};
  for (const char* pw : {"Woaini@1314", "Zhangsan@123", "Qwerty123", "Password1", "P@ssw0rd!2024", "WoAiNi#1314"}) {
    auto why = password_problem(pw, who, weak());
    ASSERT_TRUE(why) << pw;
    EXPECT_NE(why->find("常见"), std::string::npos) << pw << ": " << *why;
  }
  // A listed word inside other letters is not the whole password.
  EXPECT_EQ(password_problem("Zhangsanfeng#77", who, weak()), std::nullopt);
}

TEST(PasswordPolicy, RefusesThePlatformsAndTheOwnersNames) {
  const PasswordOwner liming{"liming", "李明"};
  for (const char* pw : {"Zhengzhou2024", "MyShuZhuan#1", "数转Abc#2024"})
    EXPECT_EQ(password_problem(pw, liming, weak()), "密码不能包含平台名称或地名（如 shuzhuan、数转、郑州）") << pw;
  EXPECT_EQ(password_problem("李明Abc#2024", liming, weak()), "密码不能包含本人姓名");
  EXPECT_EQ(password_problem("LiMing#2024x", liming, weak()), "密码不能包含用户名");
  // A one-character name would refuse too much.
  EXPECT_EQ(password_problem("明Abc#2024x", {"liming", "明"}, weak()), std::nullopt);
}

TEST(Lockout, TheSameMessageForEveryNameInWholeMinutes) {
  EXPECT_EQ(locked_message(900), locked_message(900));
  EXPECT_NE(locked_message(900).find("15 分钟"), std::string::npos);
  EXPECT_NE(locked_message(1).find("1 分钟"), std::string::npos);
}

TEST(Bucket, TakesUpToCapacityThenRefillsAtItsPace) {
  const BucketRate rate{3, 0.5};  // 3 at once, then one every 2 s
  Bucket b = full_bucket(rate, 100);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(take_token(b, rate, 100), std::nullopt);
  EXPECT_EQ(take_token(b, rate, 100), 2);
  EXPECT_EQ(take_token(b, rate, 101), 1);
  EXPECT_EQ(take_token(b, rate, 102), std::nullopt);
  EXPECT_FALSE(bucket_full(b, rate, 102));
  EXPECT_TRUE(bucket_full(b, rate, 108));
  give_back_token(b, rate);
  EXPECT_EQ(take_token(b, rate, 102), std::nullopt);
  // Time that goes backwards (another thread's older reading) adds nothing.
  EXPECT_EQ(take_token(b, rate, 90), 2);
}

TEST(Binding, EachRoleNeedsItsOwnBinding) {
  EXPECT_TRUE(binding_problem({Role::district_officer}, std::nullopt, std::nullopt, std::nullopt));
  EXPECT_FALSE(binding_problem({Role::district_officer}, std::string("410181"), std::nullopt, std::nullopt));
  EXPECT_TRUE(binding_problem({Role::expert}, std::string("410181"), std::nullopt, std::nullopt));
  EXPECT_TRUE(binding_problem({}, std::nullopt, std::nullopt, std::nullopt));
}

TEST(Binding, SeparatedDutiesAreHeldAlone) {
  for (Role r : {Role::system_admin, Role::security_admin, Role::audit_admin}) {
    EXPECT_FALSE(binding_problem({r}, std::nullopt, std::nullopt, std::nullopt));
    EXPECT_TRUE(binding_problem({r, Role::city_admin}, std::nullopt, std::nullopt, std::nullopt));
    EXPECT_TRUE(binding_problem({r, Role::expert}, std::nullopt, std::nullopt, std::nullopt));
  }
  EXPECT_TRUE(binding_problem({Role::security_admin, Role::audit_admin}, std::nullopt, std::nullopt, std::nullopt));
  EXPECT_FALSE(binding_problem({Role::city_admin, Role::expert}, std::nullopt, std::nullopt, std::nullopt));
}

TEST(Roles, AdministratorsNeedASecondFactor) {
  for (Role r : {Role::city_admin, Role::system_admin, Role::security_admin, Role::audit_admin})
    EXPECT_TRUE(is_administrator({r}));
  for (Role r : {Role::district_officer, Role::enterprise, Role::provider, Role::expert, Role::bank})
    EXPECT_FALSE(is_administrator({r}));
  EXPECT_TRUE(is_administrator({Role::expert, Role::city_admin}));
  EXPECT_STREQ(role_name_zh(Role::audit_admin), "审计管理员");
}

TEST(Username, Shape) {
  EXPECT_TRUE(valid_username("gongyi"));
  EXPECT_FALSE(valid_username("1abc"));
  EXPECT_FALSE(valid_username("ab"));
  EXPECT_FALSE(valid_username("巩义"));
}

}  // namespace sz::auth
