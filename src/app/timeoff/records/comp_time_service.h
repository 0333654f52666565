// Use cases of comp-time cash-outs (4.010-POL-10): the employee asks the
// Payroll supervisor to pay accumulated comp time; Payroll pays (a cash-out
// entry in the leave ledger, same transaction) or refuses. Earning comp time
// happens when a timesheet with elected overtime is approved
// (timesheet_service.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"
#include "domain/timeoff/leave/ledger.h"

namespace rollcall::app::records {

using StoredCashOut = Stored<tr::CashOut>;

// The comp minutes `employee` may still ask for on `on`: the comp-time
// balance, less what is committed after `on` and less cash-outs still
// requested.
Result<std::int64_t> comp_available(storage::WorkflowReader& wf, storage::LedgerReader& ledger,
                                    org::EmployeeId employee, Date on);

// The employee's request. Errors of tr::request_cash_out (PERMISSION_DENIED
// unless the employee themself; INVALID_ARGUMENT for minutes not positive or
// beyond comp_available()).
Result<StoredCashOut> request_cash_out(storage::Database& db, const org::OrgSnapshot& org,
                                       const ActingAs& acting, org::EmployeeId employee,
                                       std::int64_t minutes);

// Payroll pays (posting a cash-out entry of -minutes to the comp-time bank,
// dated `acting.on`) or refuses (comments required). Errors of
// tr::pay_cash_out / tr::refuse_cash_out.
Result<StoredCashOut> decide_cash_out(storage::Database& db, const org::OrgSnapshot& org,
                                      const ActingAs& acting, std::int64_t id, bool pay,
                                      std::string comments, std::optional<int> expected);

}  // namespace rollcall::app::records
