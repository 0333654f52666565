#include "app/timeoff/records/furlough_service.h"

namespace rollcall::app::records {

Result<std::int64_t> flsa_worked_minutes(storage::WorkflowReader& db, org::EmployeeId employee,
                                         const tr::FlsaPeriodRef& period) {
  RC_ASSIGN_OR_RETURN(auto sheets, load_all<tr::Timesheet>(db, employee));
  std::int64_t worked = 0;
  for (const auto& s : sheets) {
    for (const tr::TimesheetLine& l : s.record.current_lines()) {
      if (period.contains(l.date) && tr::is_hours_worked(l.code)) worked += l.minutes;
    }
  }
  return worked;
}

Result<StoredFurloughWork> request_furlough_work(storage::Database& db, const org::OrgSnapshot& org,
                                                 const TimeoffContext& cal, const ActingAs& acting,
                                                 org::EmployeeId employee,
                                                 const FurloughWorkRequest& request) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  const tr::FurloughWorkInput input{app::timeoff::schedule_kind(e->schedule), request.furlough_day,
                                    request.minutes, request.approved_overtime,
                                    flsa_period_ref(cal, *e, request.furlough_day)};
  return create_record<tr::FurloughWork>(
      db, acting, [&](storage::Transaction&) -> Result<tr::FurloughWork> {
        return tr::request_furlough_work(
            0, employee, input, actor_on(org, acting.employee, employee, acting.on), acting.at);
      });
}

Result<StoredFurloughWork> decide_furlough_work(storage::Database& db, const org::OrgSnapshot& org,
                                                const ActingAs& acting, std::int64_t id,
                                                bool approve, std::string comments,
                                                std::optional<int> expected) {
  return step_record<tr::FurloughWork>(
      db, acting, id, expected,
      [&](const tr::FurloughWork& w, storage::Transaction& tx) -> Result<tr::FurloughWork> {
        const tr::Actor actor = actor_on(org, acting.employee, w.employee, acting.on);
        if (!approve) return tr::deny_furlough_work(w, actor, acting.at, comments);
        RC_ASSIGN_OR_RETURN(std::int64_t worked, flsa_worked_minutes(tx, w.employee, w.period));
        return tr::approve_furlough_work(w, worked, actor, acting.at);
      });
}

Result<StoredFurloughWork> record_furlough_day_off(storage::Database& db,
                                                   const org::OrgSnapshot& org,
                                                   const TimeoffContext& cal,
                                                   const ActingAs& acting, std::int64_t id,
                                                   Date day_off, std::optional<int> expected) {
  return step_record<tr::FurloughWork>(
      db, acting, id, expected,
      [&](const tr::FurloughWork& w, storage::Transaction&) -> Result<tr::FurloughWork> {
        const org::Employee* e = org.employee(w.employee);
        if (e == nullptr) return not_found("employee does not exist");
        RC_ASSIGN_OR_RETURN(to::WorkSchedule schedule, cal.schedule_of(*e));
        return tr::record_day_off(w, day_off, schedule.scheduled_minutes(day_off),
                                  actor_on(org, acting.employee, w.employee, acting.on), acting.at);
      });
}

}  // namespace rollcall::app::records
