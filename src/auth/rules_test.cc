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

TEST(PasswordPolicy, RefusesWeakPasswordsWithAReason) {
  EXPECT_EQ(password_problem("gongyi", "Demo@2024"), std::nullopt);
  EXPECT_TRUE(password_problem("gongyi", "short1A"));
  EXPECT_TRUE(password_problem("gongyi", "alllowercase1"));
  EXPECT_TRUE(password_problem("gongyi", "Gongyi@2024"));
  EXPECT_TRUE(password_problem("x", std::string(129, 'A')));
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
