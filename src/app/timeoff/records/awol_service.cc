#include "app/timeoff/records/awol_service.h"

#include "app/timeoff/records/timesheet_service.h"

namespace rollcall::app::records {

Result<StoredAwol> record_awol(storage::Database& db, const org::OrgSnapshot& org,
                               const TimeoffContext& cal, const ActingAs& acting,
                               org::EmployeeId employee, const AwolRequest& request) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  const tr::Actor actor = actor_on(org, acting.employee, employee, acting.on);
  // Permission first: nobody else learns whether HR or the chain is staffed.
  if (!tr::supervises(actor, employee)) {
    return tr::denied(actor, "only the employee's sergeant/supervisor records AWOL (4.010-POL-9)");
  }
  RC_ASSIGN_OR_RETURN(to::WorkSchedule schedule, cal.schedule_of(*e));
  RC_ASSIGN_OR_RETURN(org::EmployeeId hr, holder_of(org, access::Role::kHrDirector, acting.on));
  RC_ASSIGN_OR_RETURN(auto chain, chain_to_bureau_chief(org, employee, acting.employee, acting.on));
  RC_ASSIGN_OR_RETURN(tr::PayPeriodRef period, pay_period_ref(cal, request.date));
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(acting.name));
  // The period's timesheet, opened (prefilled) if the employee has none yet.
  RC_ASSIGN_OR_RETURN(auto sheets, load_all<tr::Timesheet>(*tx, employee));
  std::optional<Stored<tr::Timesheet>> ts;
  std::vector<tr::Timesheet> existing;
  for (auto& s : sheets) {
    if (s.record.period.first == period.first) ts = s;
    existing.push_back(s.record);
  }
  if (!ts) {
    RC_ASSIGN_OR_RETURN(tr::Timesheet opened,
                        tr::open_timesheet(0, employee, period, existing, acting.at));
    RC_ASSIGN_OR_RETURN(auto ledger, tx->ledger_entries(employee));
    opened.draft = prefill_lines(schedule, period, ledger);
    // The absent day's prefilled regular time was not worked.
    std::erase_if(opened.draft, [&](const tr::TimesheetLine& l) {
      return l.date == request.date && l.code == tr::TimeCode::kRegular;
    });
    RC_ASSIGN_OR_RETURN(ts, insert_record(*tx, std::move(opened)));
  } else {
    // The regular time prefilled for that day gives way to the absence.
    tr::Timesheet next = ts->record;
    std::erase_if(next.draft, [&](const tr::TimesheetLine& l) {
      return l.date == request.date && l.code == tr::TimeCode::kRegular;
    });
    ts->record = std::move(next);
  }
  tr::AwolInput input{request.date,
                      request.minutes,
                      schedule.scheduled_minutes(request.date),
                      request.circumstances,
                      hr,
                      std::move(chain)};
  RC_ASSIGN_OR_RETURN(tr::AwolRecorded done,
                      tr::record_awol(0, ts->record, input, actor, acting.at));
  // Store the timesheet's new draft as the version after the one loaded.
  RC_RETURN_IF_ERROR(update_record(*tx, *ts, std::move(done.timesheet)).status());
  done.record.timesheet = ts->record.id;
  RC_ASSIGN_OR_RETURN(StoredAwol stored, insert_record(*tx, std::move(done.record)));
  RC_RETURN_IF_ERROR(tx->commit());
  return stored;
}

Result<StoredAwol> forward_awol_copy(storage::Database& db, const org::OrgSnapshot& org,
                                     const ActingAs& acting, std::int64_t id,
                                     std::optional<int> expected) {
  return step_record<tr::AwolRecord>(
      db, acting, id, expected,
      [&](const tr::AwolRecord& r, storage::Transaction&) -> Result<tr::AwolRecord> {
        return tr::forward_awol_copy(r, actor_on(org, acting.employee, r.employee, acting.on),
                                     acting.at);
      });
}

}  // namespace rollcall::app::records
