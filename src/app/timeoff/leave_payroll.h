// The Payroll Unit's 4.010 leave runs: the accrual run (accruals per pay
// period, holiday credits, furlough grants), year-end extensions
// (4.010-POL-7: employee -> bureau chief -> Payroll) and the year-end
// settlement with its dry run. Used by the API and by `rollcall leave`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/timeoff/leave_service.h"
#include "domain/timeoff/leave/accrual.h"
#include "domain/timeoff/leave/year_end.h"
#include "domain/timeoff/leave/year_end_extension.h"

namespace rollcall::app::timeoff {

// --- accruals --------------------------------------------------------------------

struct AccrualReport {
  Date through;
  int employees = 0;        // employees examined
  int accrual_entries = 0;  // per pay period, per accruing bank
  int holiday_credits = 0;
  int furlough_grants = 0;
  lv::Minutes minutes_posted = 0;    // all entries together
  int reduced_by_cap = 0;            // postings the cap reduced
  std::vector<std::string> skipped;  // "serial: why" (no rules for the unit, …)
};

// Posts, for every employee hired on or before `through`, what is due through
// that date and not yet posted: vacation/sick accruals for each pay period
// ending by `through` (leave::generate_accruals), holiday credits
// (TimeoffContext::credit_date) and furlough grants. The ledger starts at the
// employee's earliest entry (their opening balance) or, without one, on the
// later of their hire date and January 1 of `through`'s year (earlier years
// come in as an opening balance, as Kronos and Odoo import them): nothing
// before it is posted. Idempotent: a re-run posts nothing
// twice (entries carry "pay-period DATE", "holiday DATE", "furlough-grant DATE").
// One transaction; with dry_run nothing is written. Employees whose bargaining
// unit has no rules are skipped and listed. `only`: that employee alone (a new
// hire, a correction); NOT_FOUND if unknown.
Result<AccrualReport> run_accruals(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, const std::string& actor,
                                   Date through, bool dry_run = false,
                                   std::optional<org::EmployeeId> only = std::nullopt);

// --- schedule anchors ---------------------------------------------------------------------

// Payroll places an employee's rotation on the calendar (TimeoffContext's
// anchor rule 1): stores {"anchor": DATE, "set_by": actor} as a new version of
// the employee's kScheduleAnchorKind record (one per employee; the earlier
// anchors stay as versions), with its audit record, in one transaction.
// Returns the record's version. Storage errors as returned.
Result<int> set_schedule_anchor(storage::Database& db, const std::string& actor,
                                org::EmployeeId employee, Date anchor);

// --- extensions (4.010-POL-7) ------------------------------------------------------------

inline constexpr std::string_view kExtensionKind = "leave-extension";

struct StoredExtension {
  lv::ExtensionRequest extension;
  int version = 0;
};

Result<std::vector<StoredExtension>> load_extensions(storage::WorkflowReader& db,
                                                     std::optional<org::EmployeeId> employee);
// NOT_FOUND for an unknown id.
Result<StoredExtension> load_extension(storage::WorkflowReader& db, std::int64_t id);

// The employee asks (errors of leave::request_extension).
Result<StoredExtension> request_extension(storage::Database& db, const TimeoffContext& ctx,
                                          const org::OrgSnapshot& org, const ActingAs& actor,
                                          int year, std::vector<lv::LeaveType> banks, Date until,
                                          std::string reason);

enum class ExtensionStep { kGrant, kRefuse, kSendToPayroll, kForward };
// "grant", "refuse", "send-to-payroll"; nullopt otherwise.
std::optional<ExtensionStep> parse_extension_step(std::string_view s);

// The bureau chief decides or sends to Payroll. NOT_FOUND for an unknown id;
// errors of decide_extension / send_to_payroll; FAILED_PRECONDITION if the
// record moved past expected_version.
Result<StoredExtension> extension_step(storage::Database& db, const org::OrgSnapshot& org,
                                       const ActingAs& actor, std::int64_t id, ExtensionStep step,
                                       int expected_version, std::string comments);

// The steps `person` may take on `x` today ("forward", "grant", "refuse",
// "send-to-payroll"); the server still checks each when taken.
std::vector<std::string> extension_actions(const lv::ExtensionRequest& x,
                                           const org::OrgSnapshot& org, org::EmployeeId person,
                                           Date today);

// Extensions awaiting `person`: the link of the chain holding one on its way
// up (to forward it), else a bureau chief in the employee's chain.
std::vector<const StoredExtension*> extension_inbox(const std::vector<StoredExtension>& all,
                                                    const org::OrgSnapshot& org,
                                                    org::EmployeeId person, Date today);

// --- year end (4.010-POL-7) ----------------------------------------------------------------

struct YearEndReport {
  lv::YearEndPlan plan;
  bool applied = false;
  int entries_posted = 0;
};

// Plans the settlement of `year` for every employee with ledger entries
// (leave::plan_year_end, furlough deadline from the pay-period calendar;
// extensions honoured once sent to Payroll). With apply, posts its entries in
// one transaction: ALREADY_EXISTS if year `year` was already settled (an entry
// with source "year-end YEAR" exists); FAILED_PRECONDITION if `today` is not
// after December 31 of `year` (settling early would forfeit holidays still
// usable). A dry run writes nothing and may run any time.
Result<YearEndReport> run_year_end(storage::Database& db, const TimeoffContext& ctx,
                                   const std::string& actor, int year, bool apply, Date today);

}  // namespace rollcall::app::timeoff
