// rollcall init | migrate
#include "app/pmp/thresholds.h"
#include "cli/commands.h"

namespace rollcall::cli {

void add_db_commands(CLI::App& app, CliContext& ctx) {
  auto db = std::make_shared<std::string>();

  auto* init =
      app.add_subcommand("init", "Create the database if needed and bring its schema up to date");
  CliContext::add_db_option(init, *db);
  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations in order");
  CliContext::add_db_option(migrate, *db);

  auto run = [&ctx, db](const char* verb) {
    auto database = ctx.open(*db, /*check_schema=*/false);
    if (!database) return;
    auto report = database->migrate();
    if (!report) return ctx.fail(report.status());
    std::cout << verb << " " << database->engine() << " database " << *db << ": applied "
              << report->applied << " migration(s), schema version " << report->current_version
              << "\n";
  };
  init->callback([&ctx, db, run] {
    run("initialised");
    if (ctx.exit_code != 0) return;
    auto database = ctx.open(*db);
    if (!database) return;
    auto installed = app::install_default_thresholds(*database, CliContext::default_actor());
    if (!installed) return ctx.fail(installed.status());
    if (*installed) {
      std::cout << "stored the default threshold set (a starting point for the PMP Committee; "
                   "see `rollcall thresholds list`)\n";
    }
  });
  migrate->callback([run] { run("migrated"); });
}

}  // namespace rollcall::cli
