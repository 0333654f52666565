// The databases storage and integration tests run against: a fresh SQLite file
// always, and PostgreSQL when ROLLCALL_TEST_PG_URL names a server (the test
// command starts one on loopback and sets it). With ROLLCALL_REQUIRE_PG=1 a
// missing server fails the PostgreSQL tests instead of skipping them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "storage/database.h"

namespace rollcall::testing {

// Both engines, always, so the list of tests does not depend on the
// environment; PostgreSQL tests skip (or fail, if required) without a server.
std::vector<std::string> test_engines();

// A fresh, empty database of `engine`, with a URL the CLI can use too. For
// PostgreSQL each call creates a new database on the server; for SQLite a new
// file in a temporary folder. Skipped-or-failed handling is the caller's.
struct TestDatabase {
  std::string engine;
  std::string url;
  // Opens a Database on url with `clock`; asserts success.
  std::unique_ptr<storage::Database> open(const Clock& clock) const;
};
TestDatabase make_test_database(const std::string& engine, const std::string& name_hint);

// Runs raw SQL against `url` outside the Database API (to tamper, or to count
// rows), returning the first column of the first row as text ("" if none).
std::string raw_sql(const std::string& url, const std::string& statement);

}  // namespace rollcall::testing
