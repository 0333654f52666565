// The agency's time zone. The only header of ours whose implementation
// includes <date/tz.h>; everything else speaks Date and Instant.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "time/civil_date.h"

namespace rollcall {

inline constexpr std::string_view kDefaultAgencyZone = "America/Los_Angeles";

// OK if `zone` names an IANA zone in the tz database; NOT_FOUND otherwise.
Status check_zone(std::string_view zone);

// The civil date of instant `t` in IANA zone `zone`. NOT_FOUND for an unknown zone.
Result<Date> local_date(Instant t, std::string_view zone);

// The UTC instant of wall-clock time `since_midnight` after local midnight of
// `d` in `zone` (it may exceed 24h: 30h is 06:00 the next day). Clock times
// that do not exist (the spring-forward gap, 02:30 on the day DST starts) are
// read with the offset before the gap, i.e. moved forward by its length
// (02:30 -> 03:30 PDT); clock times that occur twice (fall back) take the
// earlier instant — both as java.time and most schedulers do. NOT_FOUND for an
// unknown zone; INVALID_ARGUMENT if since_midnight is negative.
Result<Instant> local_instant(Date d, std::chrono::minutes since_midnight, std::string_view zone);

// Minutes actually elapsed between two wall-clock times counted from local
// midnight of `d` in `zone`: a shift from 22:00 (from=22h) for a nominal 8
// hours (to=30h) lasts 420 minutes the night DST starts and 540 the night it
// ends. Errors as local_instant; INVALID_ARGUMENT if to < from.
Result<std::int64_t> elapsed_local_minutes(Date d, std::chrono::minutes from,
                                           std::chrono::minutes to, std::string_view zone);

// Parses a local date or date-time `text` with a strftime-style `format`
// (e.g. "%m/%d/%Y %I:%M:%S %p") and returns its calendar date; no zone
// conversion (department exports give local times). INVALID_ARGUMENT if the
// text does not match the format or names an impossible date.
Result<Date> parse_date_with_format(std::string_view text, const std::string& format);

}  // namespace rollcall
