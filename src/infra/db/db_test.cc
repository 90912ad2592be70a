// The SQLite engine against a real temporary database file.
#include "infra/db/db.h"

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

TEST(Database, RefusesUnknownUrls) {
  auto db = Database::open("mysql://x");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().status, 422);
}

}  // namespace sz::db
