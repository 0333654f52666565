#include "time/zone.h"

#include <date/tz.h>

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

}  // namespace rollcall
