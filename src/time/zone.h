// The agency's time zone. The only header of ours whose implementation
// includes <date/tz.h>; everything else speaks Date and Instant.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "time/civil_date.h"

namespace rollcall {

inline constexpr std::string_view kDefaultAgencyZone = "America/Los_Angeles";

// The civil date of instant `t` in IANA zone `zone`. NOT_FOUND for an unknown zone.
Result<Date> local_date(Instant t, std::string_view zone);

// Parses a local date or date-time `text` with a strftime-style `format`
// (e.g. "%m/%d/%Y %I:%M:%S %p") and returns its calendar date; no zone
// conversion (department exports give local times). INVALID_ARGUMENT if the
// text does not match the format or names an impossible date.
Result<Date> parse_date_with_format(std::string_view text, const std::string& format);

}  // namespace rollcall
