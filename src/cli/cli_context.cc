#include "cli/cli_context.h"

#include <cstdlib>

#include "storage/sql/sql_database.h"
#include "time/zone.h"

namespace rollcall::cli {

void CliContext::add_db_option(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db,
                  "SQLite file path or PostgreSQL URL (postgresql://user@host:port/name)")
      ->default_val("rollcall.db")
      ->envname("ROLLCALL_DB");
}

std::string CliContext::default_actor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

std::unique_ptr<storage::Database> CliContext::open(const std::string& db, bool check_schema) {
  auto opened = storage::sql::open_database(db, clock);
  if (!opened) {
    fail(opened.status());
    return nullptr;
  }
  if (check_schema) {
    if (Status s = (*opened)->check_schema(); !s.is_ok()) {
      fail(s);
      return nullptr;
    }
  }
  return std::move(opened).value();
}

std::optional<Date> CliContext::date_option(const std::string& text, const char* name,
                                            bool default_today) {
  if (text.empty()) {
    if (!default_today) return std::nullopt;
    auto today = local_date(clock.now(), kDefaultAgencyZone);
    if (!today) {
      fail(today.status());
      return std::nullopt;
    }
    return *today;
  }
  auto d = Date::parse(text);
  if (!d) {
    fail(std::string(name) + ": " + d.status().message());
    return std::nullopt;
  }
  return *d;
}

void CliContext::fail(const Status& status) { fail(status.to_string()); }

void CliContext::fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  exit_code = kExitFailure;
}

void print_import_errors(const std::vector<app::ImportError>& errors, std::size_t max) {
  for (std::size_t i = 0; i < errors.size() && i < max; ++i) {
    std::cerr << errors[i].to_string() << "\n";
  }
  if (errors.size() > max) {
    std::cerr << "... and " << errors.size() - max
              << " more problem(s); raise --max-errors to list them\n";
  }
}

void add_max_errors_option(CLI::App* cmd, std::size_t& max) {
  cmd->add_option("--max-errors", max, "Problems to list before summarising")->default_val(100);
}

}  // namespace rollcall::cli
