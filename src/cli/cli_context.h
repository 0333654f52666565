// What every `rollcall` command shares: the --db option, the clock, the actor
// named in audit records, and the exit code the command leaves.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "app/org/org_import.h"
#include "common/clock.h"
#include "storage/database.h"
#include "time/civil_date.h"

namespace rollcall::cli {

// Exit codes: 0 success; 1 the command failed (bad input, failed check, a
// database error); CLI11 uses its own codes for unparseable command lines.
inline constexpr int kExitFailure = 1;

struct CliContext {
  SystemClock clock;
  int exit_code = 0;

  // Adds --db to `cmd`, bound to a string the command reads.
  static void add_db_option(CLI::App* cmd, std::string& db);
  // The audit actor: --actor if given, else "cli:$USER".
  static std::string default_actor();

  // Opens the database and checks its schema is current. On failure prints the
  // reason, sets exit_code and returns null.
  std::unique_ptr<storage::Database> open(const std::string& db, bool check_schema = true);
  // A date option: `text` parsed as YYYY-MM-DD, or today in the agency's zone
  // when empty and `default_today` (else nullopt). On a bad date prints
  // "<name>: why", sets exit_code and returns nullopt: check exit_code.
  std::optional<Date> date_option(const std::string& text, const char* name, bool default_today);
  // Prints "error: <status>" to stderr and sets a failing exit code.
  void fail(const Status& status);
  void fail(const std::string& message);
};

// Prints import problems to stderr, at most `max` of them, then how many more.
void print_import_errors(const std::vector<app::ImportError>& errors, std::size_t max);
// Adds --max-errors (default 100) to an import command.
void add_max_errors_option(CLI::App* cmd, std::size_t& max);

}  // namespace rollcall::cli
