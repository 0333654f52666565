#include "app/timeoff/records/comp_time_service.h"

namespace rollcall::app::records {

Result<std::int64_t> comp_available(storage::WorkflowReader& wf, storage::LedgerReader& ledger,
                                    org::EmployeeId employee, Date on) {
  RC_ASSIGN_OR_RETURN(auto entries, ledger.ledger_entries(employee));
  std::int64_t available = lv::balance(entries, lv::LeaveType::kCompTime, on) -
                           lv::committed_after(entries, lv::LeaveType::kCompTime, on);
  RC_ASSIGN_OR_RETURN(auto cash_outs, load_all<tr::CashOut>(wf, employee));
  for (const auto& c : cash_outs) {
    if (c.record.state == tr::CashOutState::kRequested) available -= c.record.minutes;
  }
  return available;
}

Result<StoredCashOut> request_cash_out(storage::Database& db, const org::OrgSnapshot& org,
                                       const ActingAs& acting, org::EmployeeId employee,
                                       std::int64_t minutes) {
  return create_record<tr::CashOut>(
      db, acting, [&](storage::Transaction& tx) -> Result<tr::CashOut> {
        RC_ASSIGN_OR_RETURN(std::int64_t available, comp_available(tx, tx, employee, acting.on));
        return tr::request_cash_out(0, employee, minutes, available,
                                    actor_on(org, acting.employee, employee, acting.on), acting.at);
      });
}

Result<StoredCashOut> decide_cash_out(storage::Database& db, const org::OrgSnapshot& org,
                                      const ActingAs& acting, std::int64_t id, bool pay,
                                      std::string comments, std::optional<int> expected) {
  return step_record<tr::CashOut>(
      db, acting, id, expected,
      [&](const tr::CashOut& c, storage::Transaction& tx) -> Result<tr::CashOut> {
        const tr::Actor actor = actor_on(org, acting.employee, c.employee, acting.on);
        if (!pay) return tr::refuse_cash_out(c, actor, acting.at, comments);
        RC_ASSIGN_OR_RETURN(auto entries, tx.ledger_entries(c.employee));
        const std::int64_t now = lv::balance(entries, lv::LeaveType::kCompTime, acting.on);
        RC_ASSIGN_OR_RETURN(tr::CashOut paid, tr::pay_cash_out(c, now, actor, acting.at));
        std::vector<lv::LedgerEntry> post{lv::LedgerEntry{
            0, c.employee, lv::LeaveType::kCompTime, lv::LeaveType::kCompTime, acting.on,
            -c.minutes, lv::EntryKind::kCashOut, "comp-cash-out " + std::to_string(c.id),
            "comp time paid out by Payroll (4.010-POL-10)"}};
        RC_RETURN_IF_ERROR(tx.insert_ledger_entries(post));
        return paid;
      });
}

}  // namespace rollcall::app::records
