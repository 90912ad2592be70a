#include "infra/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace sz::config {

namespace {
Settings sample() {
  return Settings({{"db", "sqlite:x.db", "数据库", any_text(), true},
                   {"server.port", "8080", "端口", integer_between(0, 65535)},
                   {"server.secure_cookies", "false", "Secure", boolean()},
                   {"server.trusted_proxies", "", "代理", ip_list()}});
}
std::string write_file(const std::string& text) {
  std::string path = "/tmp/sz_config_test_" + std::to_string(getpid()) + ".conf";
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST(Config, LayersFileEnvironmentFlag) {
  auto s = sample();
  auto path = write_file("# comment\ndb = \"postgresql://u:secret@h/db\"\n[server]\nport = 9000\n");
  ASSERT_TRUE(s.load_file(path).ok());
  EXPECT_EQ(s.get_int("server.port"), 9000);
  EXPECT_EQ(s.source("server.port"), "文件");
  ASSERT_TRUE(s.load_env([](const char* n) -> const char* {
                 return std::string(n) == "SHUZHUAN_SERVER_PORT" ? "9100" : nullptr;
               }).ok());
  EXPECT_EQ(s.get_int("server.port"), 9100);
  ASSERT_TRUE(s.set("server.port", "9200", "命令行").ok());
  EXPECT_EQ(s.get_int("server.port"), 9200);
  EXPECT_EQ(s.source("server.port"), "命令行");
  auto dump = s.dump();
  EXPECT_EQ(dump.find("secret"), std::string::npos);
  EXPECT_NE(dump.find("postgresql://u:***@h/db"), std::string::npos);
  unlink(path.c_str());
}

TEST(Config, RefusesUnknownKeysAndBadValuesNamingTheKey) {
  auto s = sample();
  auto unknown = s.load_file(write_file("[server]\nprot = 1\n"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "server.prot");
  EXPECT_NE(unknown.error().message.find("第 2 行"), std::string::npos);
  auto bad = s.set("server.port", "http", "命令行");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("server.port"), std::string::npos);
  EXPECT_FALSE(s.set("server.port", "70000", "命令行").ok());
  EXPECT_FALSE(s.set("server.secure_cookies", "yes", "命令行").ok());
  EXPECT_FALSE(s.set("server.trusted_proxies", "10.0.0.1,not-an-ip", "命令行").ok());
  EXPECT_TRUE(s.set("server.trusted_proxies", "10.0.0.1, ::1", "命令行").ok());
  EXPECT_EQ(s.get_list("server.trusted_proxies").size(), 2u);
}

TEST(Config, EnvironmentNames) { EXPECT_EQ(env_name("auth.lockout_minutes"), "SHUZHUAN_AUTH_LOCKOUT_MINUTES"); }

}  // namespace sz::config
