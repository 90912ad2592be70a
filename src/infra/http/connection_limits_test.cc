#include "infra/http/connection_limits.h"

#include <gtest/gtest.h>

namespace sz::http {

TEST(ConnectionLimits, TotalCap) {
  ConnectionLimits l(2, 10);
  EXPECT_TRUE(l.open());
  EXPECT_TRUE(l.open());
  EXPECT_FALSE(l.open());
  EXPECT_EQ(l.open_now(), 2u);
  l.close();
  EXPECT_TRUE(l.open());
  l.open_in_place();  // taken while another is being closed
  EXPECT_EQ(l.open_now(), 3u);
  l.close();
  EXPECT_FALSE(l.open());  // back at the cap, not below it
}

TEST(ConnectionLimits, PerClientShareIsReturnedOnRelease) {
  ConnectionLimits l(100, 2);
  EXPECT_TRUE(l.hold("203.0.113.7"));
  EXPECT_TRUE(l.hold("203.0.113.7"));
  EXPECT_FALSE(l.hold("203.0.113.7"));
  EXPECT_TRUE(l.hold("203.0.113.8"));  // another client is not affected
  l.release("203.0.113.7");
  EXPECT_TRUE(l.hold("203.0.113.7"));
  l.release("198.51.100.1");  // never held: nothing happens
  EXPECT_FALSE(l.hold("203.0.113.7"));
}

}  // namespace sz::http
