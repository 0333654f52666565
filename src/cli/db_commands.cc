// rollcall init | migrate
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
  init->callback([run] { run("initialised"); });
  migrate->callback([run] { run("migrated"); });
}

}  // namespace rollcall::cli
