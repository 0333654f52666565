#include "time/civil_date.h"

#include <cstdio>

namespace rollcall {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::chrono::year_month_day clamp_to_month_end(std::chrono::year_month ym, std::chrono::day d) {
  const auto last =
      std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()));
  return d > last.day() ? std::chrono::year_month_day(last)
                        : std::chrono::year_month_day(ym.year(), ym.month(), d);
}

}  // namespace

Result<Date> Date::parse(std::string_view text) {
  auto bad = [&](std::string_view why) -> Status {
    return invalid_argument("'" + std::string(text) + "' is not a date: " + std::string(why));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return bad("expected YYYY-MM-DD");
  }
  const auto ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return bad("expected YYYY-MM-DD");
  const std::chrono::year_month_day ymd{std::chrono::year(to_int(ys)),
                                        std::chrono::month(static_cast<unsigned>(to_int(ms))),
                                        std::chrono::day(static_cast<unsigned>(to_int(ds)))};
  if (!ymd.month().ok()) return bad("month out of range");
  if (!ymd.ok()) return bad("no such day in that month");
  return Date(std::chrono::sys_days(ymd));
}

std::string Date::to_string() const {
  const auto v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(v.year()),
                static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day()));
  return buf;
}

Date Date::minus_months(int n) const { return plus_months(-n); }

Date Date::plus_months(int n) const {
  const auto v = ymd();
  const auto ym = std::chrono::year_month(v.year(), v.month()) + std::chrono::months(n);
  return Date(std::chrono::sys_days(clamp_to_month_end(ym, v.day())));
}

}  // namespace rollcall
