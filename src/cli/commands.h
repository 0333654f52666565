// Registration of each command group on the root `rollcall` command.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace rollcall::cli {

void add_db_commands(CLI::App& app, CliContext& ctx);        // init, migrate
void add_org_commands(CLI::App& app, CliContext& ctx);       // org import|show|chain|squad
void add_audit_commands(CLI::App& app, CliContext& ctx);     // audit verify|head
void add_demo_command(CLI::App& app, CliContext& ctx);       // demo
void add_crossings_command(CLI::App& app, CliContext& ctx);  // crossings
void add_gen_command(CLI::App& app, CliContext& ctx);        // gen
void add_pmp_commands(CLI::App& app, CliContext& ctx);  // events, evaluate, triggers, thresholds

}  // namespace rollcall::cli
