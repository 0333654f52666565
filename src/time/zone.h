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

}  // namespace rollcall
