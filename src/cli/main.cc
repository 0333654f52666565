// The `rollcall` command: entry point that wires storage/sql to the app layer.
#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"rollcall: Performance Mentoring (SPM 3.070) and Employee Time Off (SPM 4.010)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rollcall 0.1.0");
  rollcall::cli::CliContext ctx;
  rollcall::cli::add_db_commands(app, ctx);
  rollcall::cli::add_org_commands(app, ctx);
  rollcall::cli::add_audit_commands(app, ctx);
  rollcall::cli::add_demo_command(app, ctx);
  rollcall::cli::add_crossings_command(app, ctx);
  rollcall::cli::add_gen_command(app, ctx);
  rollcall::cli::add_pmp_commands(app, ctx);
  rollcall::cli::add_serve_command(app, ctx);
  rollcall::cli::add_leave_commands(app, ctx);
  CLI11_PARSE(app, argc, argv);
  return ctx.exit_code;
}
