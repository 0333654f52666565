// rollcall audit verify | head
#include "cli/commands.h"

namespace rollcall::cli {

void add_audit_commands(CLI::App& app, CliContext& ctx) {
  auto* audit = app.add_subcommand("audit", "Check the tamper-evident audit log");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>();

  auto* verify = audit->add_subcommand(
      "verify", "Check the hash chain; print OK or the first altered, removed or inserted record");
  CliContext::add_db_option(verify, *db);
  verify->callback([&ctx, db] {
    auto database = ctx.open(*db);
    if (!database) return;
    auto records = database->audit_records();
    if (!records) return ctx.fail(records.status());
    auto head = database->audit_head();
    if (!head) return ctx.fail(head.status());
    const auto verdict = storage::verify_chain(*records, *head);
    if (verdict.ok) {
      std::cout << "OK: " << verdict.records_checked << " audit records, chain intact, head "
                << head->hash.substr(0, 16) << "\n";
      return;
    }
    std::cout << "TAMPERED: first bad record " << *verdict.first_bad_seq << ": " << verdict.reason
              << "\n";
    ctx.exit_code = kExitFailure;
  });

  auto* head = audit->add_subcommand(
      "head", "Print the newest record's number and hash, to keep outside the database");
  CliContext::add_db_option(head, *db);
  head->callback([&ctx, db] {
    auto database = ctx.open(*db);
    if (!database) return;
    auto h = database->audit_head();
    if (!h) return ctx.fail(h.status());
    std::cout << h->seq << " " << h->hash << "\n";
  });
}

}  // namespace rollcall::cli
