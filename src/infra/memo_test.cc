#include "infra/memo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sz {
namespace {

TEST(Memo, KeptWhileTheStoreIsUnchangedAndYoung) {
  Memo<int> memo(0, 3600);
  int runs = 0;
  auto compute = [&]() -> Result<int> { return ++runs; };
  EXPECT_EQ(*memo.get("city", "7", 1000, compute), 1);
  EXPECT_EQ(*memo.get("city", "7", 1500, compute), 1);   // nothing changed
  EXPECT_EQ(*memo.get("410181", "7", 1500, compute), 2);  // another scope is its own
  EXPECT_EQ(*memo.get("city", "8", 1501, compute), 3);   // the store changed
  EXPECT_EQ(*memo.get("city", "8", 1501 + 3600, compute), 4);  // an hour on: the days it counts have moved
  EXPECT_EQ(*memo.get("city", "8", 1000, compute), 5);          // the clock went back
}

TEST(Memo, MinimumIntervalServesAKeptValueThroughChanges) {
  Memo<int> memo(60, 3600);
  int runs = 0;
  auto compute = [&]() -> Result<int> { return ++runs; };
  EXPECT_EQ(*memo.get("city", "1", 0, compute), 1);
  EXPECT_EQ(*memo.get("city", "2", 59, compute), 1);
  EXPECT_EQ(*memo.get("city", "2", 60, compute), 2);
}

TEST(Memo, FailuresAreNotKept) {
  Memo<int> memo;
  int runs = 0;
  auto failing = [&]() -> Result<int> {
    ++runs;
    return err::unavailable("数据库忙");
  };
  EXPECT_FALSE(memo.get("city", "1", 0, failing));
  EXPECT_FALSE(memo.get("city", "1", 0, failing));
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
    callers.emplace_back([&] {
      auto v = memo.get("city", "1", 0, slow);
      if (!v || *v != 1) ++wrong;
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace sz
