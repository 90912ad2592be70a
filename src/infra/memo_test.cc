#include "infra/memo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sz {
namespace {

Stamp at(int64_t seq, const std::string& day = "2026-11-27") { return {day, seq}; }

TEST(Memo, KeptWhileTheStoreIsUnchangedAndYoung) {
  Memo<int> memo(0, 3600);
  int runs = 0;
  auto compute = [&]() -> Result<int> { return ++runs; };
  EXPECT_EQ(*memo.get("city", at(7), 1000, compute), 1);
  EXPECT_EQ(*memo.get("city", at(7), 1500, compute), 1);    // nothing changed
  EXPECT_EQ(*memo.get("410181", at(7), 1500, compute), 2);  // another scope is its own
  EXPECT_EQ(*memo.get("city", at(8), 1501, compute), 3);    // the store changed
  EXPECT_EQ(*memo.get("city", at(8, "2026-11-28"), 1502, compute), 4);  // a new day: what is overdue has moved
  EXPECT_EQ(*memo.get("city", at(8, "2026-11-28"), 1502 + 3600, compute), 5);  // an hour on
  EXPECT_EQ(*memo.get("city", at(8, "2026-11-28"), 1000, compute), 6);         // the clock went back an hour
}

TEST(Memo, ACallerServedByAComputationFromAtLeastWhatItSaw) {
  Memo<int> memo;
  int runs = 0;
  auto compute = [&]() -> Result<int> { return ++runs; };
  EXPECT_EQ(*memo.get("city", at(10), 100, compute), 1);
  // Arrived a second "earlier" (it read the clock before queueing), having seen no newer change: served.
  EXPECT_EQ(*memo.get("city", at(10), 99, compute), 1);
  EXPECT_EQ(*memo.get("city", at(9), 101, compute), 1);  // saw less than was computed
  EXPECT_EQ(*memo.get("city", at(11), 99, compute), 2);  // saw a change the kept value may not have
}

TEST(Memo, MinimumIntervalServesAKeptValueThroughChanges) {
  Memo<int> memo(60, 3600);
  int runs = 0;
  auto compute = [&]() -> Result<int> { return ++runs; };
  EXPECT_EQ(*memo.get("city", at(1), 0, compute), 1);
  EXPECT_EQ(*memo.get("city", at(2), 59, compute), 1);
  EXPECT_EQ(*memo.get("city", at(2), 60, compute), 2);
}

TEST(Memo, FailuresAreNotKept) {
  Memo<int> memo;
  int runs = 0;
  auto failing = [&]() -> Result<int> {
    ++runs;
    return err::unavailable("数据库忙");
  };
  EXPECT_FALSE(memo.get("city", at(1), 0, failing));
  EXPECT_FALSE(memo.get("city", at(1), 0, failing));
  EXPECT_EQ(runs, 2);
}

TEST(Memo, CallersAtTheSameTimeShareOneComputation) {
  Memo<int> memo;
  std::atomic<int> runs{0};
  auto slow = [&]() -> Result<int> {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return ++runs;
  };
  std::vector<std::thread> callers;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 8; ++i)
    callers.emplace_back([&, i] {
      auto v = memo.get("city", at(1), 1000 + i % 2, slow);  // arriving across a second's turn
      if (!v || *v != 1) ++wrong;
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace sz
