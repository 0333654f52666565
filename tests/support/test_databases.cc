#include "support/test_databases.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/sql/sql_database.h"

namespace rollcall::testing {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

bool is_pg(const std::string& url) { return url.rfind("postgres", 0) == 0; }

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  static const unsigned long long run = std::random_device{}();
  return std::to_string(run % 1000000) + "_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++);
}

}  // namespace

std::vector<std::string> test_engines() { return {"sqlite", "postgresql"}; }

TestDatabase make_test_database(const std::string& engine, const std::string& name_hint) {
  std::string hint;
  for (char c : name_hint)
    hint += std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  if (engine == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / ("rollcall-test-" + unique_suffix());
    std::filesystem::create_directories(dir);
    return {engine, (dir / (hint.substr(0, 40) + ".db")).string()};
  }
  const std::string admin = env("ROLLCALL_TEST_PG_URL");
  if (admin.empty()) {
    if (env("ROLLCALL_REQUIRE_PG") == "1") {
      ADD_FAILURE() << "ROLLCALL_REQUIRE_PG=1 but ROLLCALL_TEST_PG_URL is not set";
    }
    return {engine, ""};  // callers skip
  }
  const std::string db = "t_" + hint.substr(0, 30) + "_" + unique_suffix();
  {
    soci::session s(soci::postgresql, storage::sql::libpq_conninfo(admin).value());
    s << "CREATE DATABASE " + db;  // name built from [a-z0-9_] only
  }
  // Replace the path component of the admin URL with the new database.
  const auto slash = admin.find('/', admin.find("://") + 3);
  const auto query = admin.find('?');
  std::string url = admin.substr(0, slash) + "/" + db;
  if (query != std::string::npos) url += admin.substr(query);
  return {engine, url};
}

std::unique_ptr<storage::Database> TestDatabase::open(const Clock& clock) const {
  auto db = storage::sql::open_database(url, clock);
  EXPECT_TRUE(db.is_ok()) << db.status().to_string();
  return db.is_ok() ? std::move(db).value() : nullptr;
}

std::string raw_sql(const std::string& url, const std::string& statement) {
  soci::session s;
  if (is_pg(url)) {
    s.open(soci::postgresql, storage::sql::libpq_conninfo(url).value());
  } else {
    s.open(soci::sqlite3, "db=" + url);
  }
  std::string out;
  soci::indicator ind = soci::i_null;
  const bool is_query = statement.rfind("SELECT", 0) == 0;
  if (is_query) {
    s << statement, soci::into(out, ind);
    return ind == soci::i_ok ? out : "";
  }
  s << statement;
  return "";
}

}  // namespace rollcall::testing
