#include "infra/http/client_ip.h"

#include <gtest/gtest.h>

namespace sz::http {

TEST(ClientIp, OnlyTrustedProxiesAreBelieved) {
  std::vector<std::string> trusted = {"10.0.0.1", "10.0.0.2"};
  EXPECT_EQ(client_ip("203.0.113.9", "1.2.3.4", trusted), "203.0.113.9");       // not a proxy: header ignored
  EXPECT_EQ(client_ip("10.0.0.1", "1.2.3.4", trusted), "1.2.3.4");
  EXPECT_EQ(client_ip("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", trusted), "1.2.3.4");  // spoofed left part ignored
  EXPECT_EQ(client_ip("10.0.0.1", "", trusted), "10.0.0.1");
  EXPECT_EQ(client_ip("10.0.0.1", "10.0.0.2", trusted), "10.0.0.1");
}

}  // namespace sz::http
