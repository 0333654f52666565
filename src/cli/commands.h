// Registration of each command group on the root `rollcall` command.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "cli/cli_context.h"

namespace rollcall::cli {

void add_db_commands(CLI::App& app, CliContext& ctx);        // init, migrate
void add_org_commands(CLI::App& app, CliContext& ctx);       // org import|show|chain|squad
void add_audit_commands(CLI::App& app, CliContext& ctx);     // audit verify|head
void add_demo_command(CLI::App& app, CliContext& ctx);       // demo
void add_crossings_command(CLI::App& app, CliContext& ctx);  // crossings
void add_gen_command(CLI::App& app, CliContext& ctx);        // gen
void add_pmp_commands(CLI::App& app, CliContext& ctx);    // events, evaluate, triggers, thresholds
void add_serve_command(CLI::App& app, CliContext& ctx);   // serve
void add_leave_commands(CLI::App& app, CliContext& ctx);  // leave accrue|year-end (4.010)

// What `serve` and `demo` (which serves unless --no-serve) share.
struct ServeOptions {
  std::string db;
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string web;
  unsigned workers = 4;
  unsigned io_threads = 1;
  std::string access_log = "stdout";
  bool secure_cookies = false;
};
void add_serve_options(CLI::App* cmd, ServeOptions& o);
// Serves until SIGINT or SIGTERM; `ready` (optional) gets the URL once listening.
int serve(CliContext& ctx, const ServeOptions& o,
          const std::function<void(const std::string&)>& ready);

}  // namespace rollcall::cli
