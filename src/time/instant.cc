#include "time/instant.h"

#include <cstdio>
#include <tuple>

#include "time/civil_date.h"

namespace rollcall {

std::string format_utc(Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms(t - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", Date(day).to_string().c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

Result<Instant> parse_utc(std::string_view text) {
  auto bad = [&] {
    return invalid_argument("'" + std::string(text) +
                            "' is not a UTC instant YYYY-MM-DDTHH:MM:SSZ");
  };
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return bad();
  }
  auto date = Date::parse(text.substr(0, 10));
  if (!date) return bad();
  int h = 0, m = 0, s = 0;
  for (auto [pos, out, max] : {std::tuple{11, &h, 23}, {14, &m, 59}, {17, &s, 59}}) {
    const char a = text[pos], b = text[pos + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return bad();
    *out = (a - '0') * 10 + (b - '0');
    if (*out > max) return bad();
  }
  return Instant(date->sys_days()) + std::chrono::hours(h) + std::chrono::minutes(m) +
         std::chrono::seconds(s);
}

}  // namespace rollcall
