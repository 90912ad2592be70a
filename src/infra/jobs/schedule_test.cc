#include "infra/jobs/schedule.h"

#include <gtest/gtest.h>

#include "infra/clock.h"

namespace sz::jobs {
namespace {

// Beijing time "YYYY-MM-DD HH" → epoch seconds.
int64_t at(const std::string& day, int hour) { return *day_number(day) * 86400 + hour * 3600 - 8 * 3600; }

TEST(Schedule, DailyFiresAtTheHourAfterNow) {
  EXPECT_EQ(next_run("daily", 0, 8, at("2026-11-27", 7)), at("2026-11-27", 8));
  EXPECT_EQ(next_run("daily", 0, 8, at("2026-11-27", 8)), at("2026-11-28", 8));  // strictly after
  EXPECT_EQ(next_run("daily", 0, 0, at("2026-12-31", 23)), at("2027-01-01", 0));
}

TEST(Schedule, WeeklyOnItsWeekday) {
  // 2026-11-27 is a Friday (5).
  EXPECT_EQ(next_run("weekly", 1, 9, at("2026-11-27", 10)), at("2026-11-30", 9));
  EXPECT_EQ(next_run("weekly", 5, 9, at("2026-11-27", 8)), at("2026-11-27", 9));
  EXPECT_EQ(next_run("weekly", 5, 9, at("2026-11-27", 9)), at("2026-12-04", 9));
}

TEST(Schedule, MonthlyOnItsDayAcrossTheYear) {
  EXPECT_EQ(next_run("monthly", 1, 9, at("2026-11-27", 10)), at("2026-12-01", 9));
  EXPECT_EQ(next_run("monthly", 1, 9, at("2026-12-01", 9)), at("2027-01-01", 9));
  EXPECT_EQ(next_run("monthly", 28, 0, at("2027-02-01", 0)), at("2027-02-28", 0));
}

TEST(Schedule, NonsenseIsNoSchedule) {
  EXPECT_FALSE(next_run("hourly", 1, 9, 0));
  EXPECT_FALSE(next_run("monthly", 29, 9, 0));
  EXPECT_FALSE(next_run("weekly", 0, 9, 0));
  EXPECT_FALSE(next_run("daily", 0, 24, 0));
}

}  // namespace
}  // namespace sz::jobs
