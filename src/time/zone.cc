#include "time/zone.h"

#include <date/tz.h>

#include <sstream>

namespace rollcall {

Status check_zone(std::string_view zone) {
  try {
    (void)date::locate_zone(zone);
    return Status::ok();
  } catch (const std::exception& e) {
    return not_found("time zone '" + std::string(zone) + "': " + e.what());
  }
}

Result<Instant> local_instant(Date d, std::chrono::minutes since_midnight, std::string_view zone) {
  if (since_midnight < std::chrono::minutes(0)) {
    return invalid_argument("a local time of day cannot be negative");
  }
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone);
  } catch (const std::exception& e) {
    return not_found("time zone '" + std::string(zone) + "': " + e.what());
  }
  const date::local_seconds local{d.sys_days().time_since_epoch() + since_midnight};
  const date::local_info info = tz->get_info(local);
  // unique and ambiguous: `first` is the (earlier) offset in force; nonexistent:
  // `first` is the offset before the gap, which moves the time forward past it.
  return Instant(local.time_since_epoch() - info.first.offset);
}

Result<std::int64_t> elapsed_local_minutes(Date d, std::chrono::minutes from,
                                           std::chrono::minutes to, std::string_view zone) {
  if (to < from) return invalid_argument("a span of local time cannot end before it starts");
  RC_ASSIGN_OR_RETURN(const Instant start, local_instant(d, from, zone));
  RC_ASSIGN_OR_RETURN(const Instant end, local_instant(d, to, zone));
  return std::chrono::duration_cast<std::chrono::minutes>(end - start).count();
}

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
