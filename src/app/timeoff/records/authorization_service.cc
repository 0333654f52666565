#include "app/timeoff/records/authorization_service.h"

namespace rollcall::app::records {

Result<StoredSpecialDuty> request_special_duty(storage::Database& db, const org::OrgSnapshot& org,
                                               const ActingAs& acting, org::EmployeeId employee,
                                               const tr::SpecialDutyInput& input) {
  return create_record<tr::SpecialDutyRequest>(
      db, acting, [&](storage::Transaction&) -> Result<tr::SpecialDutyRequest> {
        return tr::request_special_duty(
            0, employee, input, actor_on(org, acting.employee, employee, acting.on), acting.at);
      });
}

Result<StoredSpecialDuty> decide_special_duty(storage::Database& db, const org::OrgSnapshot& org,
                                              const ActingAs& acting, std::int64_t id, bool approve,
                                              std::string comments, std::optional<int> expected) {
  return step_record<tr::SpecialDutyRequest>(
      db, acting, id, expected,
      [&](const tr::SpecialDutyRequest& r,
          storage::Transaction&) -> Result<tr::SpecialDutyRequest> {
        return tr::decide_special_duty(
            r, approve, actor_on(org, acting.employee, r.employee, acting.on), acting.at, comments);
      });
}

Result<StoredGuildDay> request_guild_day(storage::Database& db, const org::OrgSnapshot& org,
                                         const ActingAs& acting, org::EmployeeId employee,
                                         const tr::GuildDayInput& input,
                                         const tr::GuildRules& rules) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  return create_record<tr::GuildDayRequest>(
      db, acting, [&](storage::Transaction&) -> Result<tr::GuildDayRequest> {
        return tr::request_guild_day(
            0, *e, input, actor_on(org, acting.employee, employee, acting.on), acting.at, rules);
      });
}

Result<StoredGuildDay> decide_guild_day(storage::Database& db, const org::OrgSnapshot& org,
                                        const ActingAs& acting, std::int64_t id, bool approve,
                                        std::string comments, std::optional<int> expected,
                                        const tr::GuildRules& rules) {
  return step_record<tr::GuildDayRequest>(
      db, acting, id, expected,
      [&](const tr::GuildDayRequest& r, storage::Transaction&) -> Result<tr::GuildDayRequest> {
        return tr::decide_guild_day(r, approve,
                                    actor_on(org, acting.employee, r.employee, acting.on),
                                    acting.at, comments, rules);
      });
}

}  // namespace rollcall::app::records
