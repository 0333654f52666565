// JSON bodies of the 4.010 time records stored as workflow records
// (storage/workflow_record.h): every field of the domain struct, enums as
// their readable text, dates "YYYY-MM-DD", instants "YYYY-MM-DDTHH:MM:SSZ".
// The record id is not in the body: it is the workflow record's id, set on
// reading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/timeoff/records/awol.h"
#include "domain/timeoff/records/circle_furlough.h"
#include "domain/timeoff/records/comp_time.h"
#include "domain/timeoff/records/correction.h"
#include "domain/timeoff/records/guild_day.h"
#include "domain/timeoff/records/release_time.h"
#include "domain/timeoff/records/special_duty.h"
#include "domain/timeoff/records/timesheet.h"

namespace rollcall::app::records {

namespace tr = rollcall::timeoff::records;

std::string to_body(const tr::Timesheet& r);
std::string to_body(const tr::Correction& r);
std::string to_body(const tr::AwolRecord& r);
std::string to_body(const tr::CashOut& r);
std::string to_body(const tr::ReleaseTime& r);
std::string to_body(const tr::FurloughWork& r);
std::string to_body(const tr::SpecialDutyRequest& r);
std::string to_body(const tr::GuildDayRequest& r);

// Reads a body written by to_body, with `id` as the record's id. DATA_LOSS
// (naming the record) if the text is not such a body. Instantiated for the
// eight types above only.
template <typename T>
Result<T> from_body(std::string_view body, std::int64_t id);

}  // namespace rollcall::app::records
