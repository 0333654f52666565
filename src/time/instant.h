// Instants (UTC) as text: the storage and audit format "YYYY-MM-DDTHH:MM:SSZ".
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace rollcall {

std::string format_utc(Instant t);
// Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; INVALID_ARGUMENT otherwise.
Result<Instant> parse_utc(std::string_view text);

}  // namespace rollcall
