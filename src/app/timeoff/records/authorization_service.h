// Use cases of the two authorizations of 4.010: special duty days (form 15.8,
// 4.010-POL-13; a captain in the employee's chain decides) and guild days
// (form 2.23.1, 4.010-POL-14; the Guild president decides).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"

namespace rollcall::app::records {

using StoredSpecialDuty = Stored<tr::SpecialDutyRequest>;
using StoredGuildDay = Stored<tr::GuildDayRequest>;

// Errors of tr::request_special_duty (PERMISSION_DENIED unless the employee).
Result<StoredSpecialDuty> request_special_duty(storage::Database& db, const org::OrgSnapshot& org,
                                               const ActingAs& acting, org::EmployeeId employee,
                                               const tr::SpecialDutyInput& input);
// Errors of tr::decide_special_duty.
Result<StoredSpecialDuty> decide_special_duty(storage::Database& db, const org::OrgSnapshot& org,
                                              const ActingAs& acting, std::int64_t id, bool approve,
                                              std::string comments, std::optional<int> expected);

// NOT_FOUND for an unknown employee; errors of tr::request_guild_day
// (INVALID_ARGUMENT for someone not guild_eligible).
Result<StoredGuildDay> request_guild_day(storage::Database& db, const org::OrgSnapshot& org,
                                         const ActingAs& acting, org::EmployeeId employee,
                                         const tr::GuildDayInput& input,
                                         const tr::GuildRules& rules = {});
// Errors of tr::decide_guild_day.
Result<StoredGuildDay> decide_guild_day(storage::Database& db, const org::OrgSnapshot& org,
                                        const ActingAs& acting, std::int64_t id, bool approve,
                                        std::string comments, std::optional<int> expected,
                                        const tr::GuildRules& rules = {});

}  // namespace rollcall::app::records
