// The SQLite engine against a real temporary database file.
#include "infra/db/db.h"
#include "infra/jobs/schedule.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace sz::db {

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("sz_db_test_" + std::to_string(getpid()) + ".db");
    auto db = Database::open("sqlite:" + path_.string());
    ASSERT_TRUE(db.ok());
    db_ = *db;
    auto c = db_->connect();
    ASSERT_TRUE(c.ok());
    c_ = std::move(c).value();
    ASSERT_TRUE(c_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n BIGINT)").ok());
  }
  void TearDown() override {
    c_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  std::filesystem::path path_;
  std::shared_ptr<Database> db_;
  std::unique_ptr<Connection> c_;
};

TEST_F(SqliteTest, PlaceholdersValuesAndNulls) {
  ASSERT_TRUE(c_->execute("INSERT INTO t (name, n) VALUES ($1, $2)", {std::string("甲'$1"), int64_t{42}}).ok());
  ASSERT_TRUE(c_->execute("INSERT INTO t (name, n) VALUES ($2, $1)", {null(), std::string("乙")}).ok());
  auto rows = c_->query("SELECT name, n FROM t WHERE name <> '$1' ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].text(0), "甲'$1");
  EXPECT_EQ((*rows)[0].i64(1), 42);
  EXPECT_TRUE((*rows)[1].is_null(1));
}

TEST_F(SqliteTest, DuplicateIsA409AndRollbackLeavesNothing) {
  {
    auto tx = Transaction::begin(*c_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(c_->execute("INSERT INTO t (name) VALUES ('a')").ok());
    auto dup = c_->execute("INSERT INTO t (name) VALUES ('a')");
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().status, 409);
  }  // not committed
  auto n = c_->query_one("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ((*n)->i64(0), 0);
}

TEST_F(SqliteTest, StreamStopsEarly) {
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(c_->execute("INSERT INTO t (name) VALUES ($1)", {std::to_string(i)}).ok());
  int seen = 0;
  ASSERT_TRUE(c_->stream("SELECT id FROM t ORDER BY id", {}, [&](const Row&) { return ++seen < 3; }).ok());
  EXPECT_EQ(seen, 3);
}

// The durability setting reaches every connection the store opens (PRAGMA synchronous: 1 NORMAL, 2 FULL).
TEST_F(SqliteTest, SynchronousFollowsTheOption) {
  for (auto [sync, pragma] : {std::pair{SqliteSync::normal, 1}, std::pair{SqliteSync::full, 2}}) {
    auto db = Database::open("sqlite:" + path_.string(), OpenOptions{sync});
    ASSERT_TRUE(db.ok());
    auto c = (*db)->connect();
    ASSERT_TRUE(c.ok());
    auto row = (*c)->query_one("PRAGMA synchronous");
    ASSERT_TRUE(row.ok());
    EXPECT_EQ((*row)->i64(0), pragma);
  }
}

// A timer fires once per interval, whoever asks: the second claim within the interval loses.
TEST_F(SqliteTest, TimerFiresOncePerInterval) {
  ASSERT_TRUE(c_->exec_script("CREATE TABLE timers (name TEXT PRIMARY KEY, last_at BIGINT NOT NULL)").ok());
  auto claim = [&](int64_t now) {
    auto tx = Transaction::begin(*c_);
    EXPECT_TRUE(tx.ok());
    auto r = jobs::claim_timer(*c_, "t", 60, now);
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE((*tx)->commit().ok());
    return *r;
  };
  EXPECT_TRUE(*jobs::timer_due(*c_, "t", 60, 1000));
  EXPECT_TRUE(claim(1000));   // never fired: due at once
  EXPECT_FALSE(*jobs::timer_due(*c_, "t", 60, 1059));
  EXPECT_FALSE(claim(1059));
  EXPECT_TRUE(claim(1060));
  EXPECT_FALSE(claim(1060));  // another node, the same second
}

TEST(Database, RefusesUnknownUrls) {
  auto db = Database::open("mysql://x");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().status, 422);
}

}  // namespace sz::db
