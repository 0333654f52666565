#include "time/zone.h"

#include <date/tz.h>

#include <sstream>

namespace rollcall {

Result<Date> local_date(Instant t, std::string_view zone) {
  try {
    const date::time_zone* tz = date::locate_zone(zone);
    const auto local = tz->to_local(t);
    return Date(
        std::chrono::sys_days(std::chrono::floor<std::chrono::days>(local).time_since_epoch()));
  } catch (const std::exception& e) {
    return not_found("time zone '" + std::string(zone) + "': " + e.what());
  }
}

Result<Date> parse_date_with_format(std::string_view text, const std::string& format) {
  std::istringstream in{std::string(text)};
  date::local_seconds t{};
  in >> date::parse(format, t);
  if (in.fail()) {
    return invalid_argument("'" + std::string(text) + "' does not match the date format " + format);
  }
  in >> std::ws;
  if (!in.eof()) {
    return invalid_argument("'" + std::string(text) + "' has text after the date format " + format);
  }
  const auto days = std::chrono::floor<std::chrono::days>(t.time_since_epoch());
  return Date(std::chrono::sys_days(days));
}

}  // namespace rollcall
