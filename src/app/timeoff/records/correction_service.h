// Use cases of timekeeping corrections (4.010-POL-8): the supervisor's
// request within the 45-day window (extended absence: 45 days after the
// return; beyond: an exception through the chain to the bureau chief), the
// chain's forwarding, the bureau chief's decision, and Payroll's decision and
// application as a new timesheet version (one transaction with the
// timesheet's new version).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"

namespace rollcall::app::records {

using StoredCorrection = Stored<tr::Correction>;

struct CorrectionRequest {
  Date day;
  std::vector<tr::TimesheetLine> lines;
  std::string reason;
};

// Requests a correction of timesheet `timesheet`, on `acting.on`. The window
// (tr::CorrectionWindow) and the employee's extended absence (org status)
// decide whether it goes to Payroll or, as an exception, up the chain to the
// bureau chief. NOT_FOUND for an unknown timesheet; FAILED_PRECONDITION if a
// late request finds no bureau chief; errors of tr::request_correction.
Result<StoredCorrection> request_correction(storage::Database& db, const org::OrgSnapshot& org,
                                            const ActingAs& acting, std::int64_t timesheet,
                                            const CorrectionRequest& request,
                                            const tr::CorrectionWindow& window = {});

enum class CorrectionAction { kForward, kGrant, kRefuseException, kApprove, kRefuse, kApply };
std::string_view to_string(CorrectionAction a);
std::optional<CorrectionAction> parse_correction_action(std::string_view s);

// One step: "forward" (a link of the chain), "grant" / "refuse-exception" (the
// bureau chief), "approve" / "refuse" / "apply" (Payroll). "apply" stores the
// timesheet's new version in the same transaction and, when the timesheet was
// approved, re-posts its comp time (settle_comp_time). Errors of the domain
// functions; FAILED_PRECONDITION for a stale version.
Result<StoredCorrection> correction_step(storage::Database& db, const org::OrgSnapshot& org,
                                         const TimeoffContext& cal, const ActingAs& acting,
                                         std::int64_t id, CorrectionAction action,
                                         std::string comments, std::optional<int> expected);

}  // namespace rollcall::app::records
