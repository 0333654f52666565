#include "app/timeoff/records/correction_service.h"

#include "app/timeoff/records/timesheet_service.h"

namespace rollcall::app::records {

Result<StoredCorrection> request_correction(storage::Database& db, const org::OrgSnapshot& org,
                                            const ActingAs& acting, std::int64_t timesheet,
                                            const CorrectionRequest& request,
                                            const tr::CorrectionWindow& window) {
  return create_record<tr::Correction>(
      db, acting, [&](storage::Transaction& tx) -> Result<tr::Correction> {
        RC_ASSIGN_OR_RETURN(Stored<tr::Timesheet> ts, load_one<tr::Timesheet>(tx, timesheet));
        const org::EmployeeId subject = ts.record.employee;
        const tr::Actor actor = actor_on(org, acting.employee, subject, acting.on);
        const auto absence = extended_absence_around(org, subject, request.day, window.days);
        tr::CorrectionInput input{request.day, request.lines, request.reason, {}};
        const auto deadline = tr::correction_deadline(request.day, absence, window);
        if (tr::supervises(actor, subject) && deadline && acting.on > *deadline) {
          RC_ASSIGN_OR_RETURN(input.chain_to_bureau_chief,
                              chain_to_bureau_chief(org, subject, acting.employee, acting.on));
        }
        return tr::request_correction(0, ts.record, input, actor, acting.at, acting.on, absence,
                                      window);
      });
}

std::string_view to_string(CorrectionAction a) {
  switch (a) {
    case CorrectionAction::kForward:
      return "forward";
    case CorrectionAction::kGrant:
      return "grant";
    case CorrectionAction::kRefuseException:
      return "refuse-exception";
    case CorrectionAction::kApprove:
      return "approve";
    case CorrectionAction::kRefuse:
      return "refuse";
    case CorrectionAction::kApply:
      return "apply";
  }
  return "?";
}

std::optional<CorrectionAction> parse_correction_action(std::string_view s) {
  for (auto a :
       {CorrectionAction::kForward, CorrectionAction::kGrant, CorrectionAction::kRefuseException,
        CorrectionAction::kApprove, CorrectionAction::kRefuse, CorrectionAction::kApply}) {
    if (to_string(a) == s) return a;
  }
  return std::nullopt;
}

Result<StoredCorrection> correction_step(storage::Database& db, const org::OrgSnapshot& org,
                                         const TimeoffContext& cal, const ActingAs& acting,
                                         std::int64_t id, CorrectionAction action,
                                         std::string comments, std::optional<int> expected) {
  return step_record<tr::Correction>(
      db, acting, id, expected,
      [&](const tr::Correction& c, storage::Transaction& tx) -> Result<tr::Correction> {
        const tr::Actor actor = actor_on(org, acting.employee, c.employee, acting.on);
        switch (action) {
          case CorrectionAction::kForward:
            return tr::forward_exception(c, actor, acting.at);
          case CorrectionAction::kGrant:
            return tr::decide_exception(c, actor, acting.at, true, comments);
          case CorrectionAction::kRefuseException:
            return tr::decide_exception(c, actor, acting.at, false, comments);
          case CorrectionAction::kApprove:
            return tr::payroll_decide(c, actor, acting.at, true, comments);
          case CorrectionAction::kRefuse:
            return tr::payroll_decide(c, actor, acting.at, false, comments);
          case CorrectionAction::kApply: {
            RC_ASSIGN_OR_RETURN(Stored<tr::Timesheet> ts, load_one<tr::Timesheet>(tx, c.timesheet));
            RC_ASSIGN_OR_RETURN(tr::AppliedCorrection done,
                                tr::apply_correction(c, ts.record, actor, acting.at));
            const bool approved = done.timesheet.state == tr::TimesheetState::kApproved;
            const tr::Timesheet corrected = done.timesheet;
            RC_RETURN_IF_ERROR(update_record(tx, ts, std::move(done.timesheet)).status());
            if (approved) {
              RC_RETURN_IF_ERROR(settle_comp_time(tx, org, cal, corrected, acting.on,
                                                  "correction " + std::to_string(c.id))
                                     .status());
            }
            return done.correction;
          }
        }
        return invalid_argument("unknown correction action");
      });
}

}  // namespace rollcall::app::records
