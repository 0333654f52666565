#include "domain/timeoff/calendar/holidays.h"

#include <algorithm>
#include <map>
#include <optional>

namespace rollcall::timeoff {
namespace {

using namespace std::chrono;  // NOLINT(google-build-using-namespace): calendar types

HolidayRule fixed(std::string name, unsigned m, unsigned d, int first_year = 0) {
  HolidayRule r;
  r.name = std::move(name);
  r.kind = HolidayRuleKind::kFixedDate;
  r.month = m;
  r.day = d;
  r.weekend_observance = true;
  r.first_year = first_year;
  return r;
}

HolidayRule nth(std::string name, unsigned m, weekday wd, unsigned n) {
  HolidayRule r;
  r.name = std::move(name);
  r.kind = HolidayRuleKind::kNthWeekday;
  r.month = m;
  r.weekday = wd;
  r.nth = n;
  return r;
}

HolidayRule last(std::string name, unsigned m, weekday wd) {
  HolidayRule r;
  r.name = std::move(name);
  r.kind = HolidayRuleKind::kLastWeekday;
  r.month = m;
  r.weekday = wd;
  return r;
}

HolidayRule days_after(std::string name, std::string other, int days) {
  HolidayRule r;
  r.name = std::move(name);
  r.kind = HolidayRuleKind::kDaysAfter;
  r.after = std::move(other);
  r.days_after = days;
  return r;
}

Date observed_date(const HolidayRule& r, Date actual) {
  if (!r.weekend_observance) return actual;
  const weekday wd{actual.sys_days()};
  if (wd == Saturday) return actual.plus_days(-1);
  if (wd == Sunday) return actual.plus_days(1);
  return actual;
}

// The actual date of a (validated) non-relative rule in `year`; nullopt when
// the month lacks the date that year (a fifth Monday).
std::optional<Date> actual_date(const HolidayRule& r, int y) {
  const year_month ym{year(y), month(r.month)};
  switch (r.kind) {
    case HolidayRuleKind::kFixedDate: {
      const year_month_day ymd{ym.year(), ym.month(), day(r.day)};
      if (!ymd.ok()) return std::nullopt;  // Feb 29 in a common year
      return Date(sys_days(ymd));
    }
    case HolidayRuleKind::kNthWeekday: {
      const year_month_weekday ymw{ym.year(), ym.month(), weekday_indexed(r.weekday, r.nth)};
      if (!ymw.ok()) return std::nullopt;
      return Date(sys_days(ymw));
    }
    case HolidayRuleKind::kLastWeekday:
      return Date(
          sys_days(year_month_weekday_last{ym.year(), ym.month(), weekday_last(r.weekday)}));
    case HolidayRuleKind::kDaysAfter:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(HolidayRuleKind k) {
  switch (k) {
    case HolidayRuleKind::kFixedDate:
      return "fixed-date";
    case HolidayRuleKind::kNthWeekday:
      return "nth-weekday";
    case HolidayRuleKind::kLastWeekday:
      return "last-weekday";
    case HolidayRuleKind::kDaysAfter:
      return "days-after";
  }
  return "?";
}

std::optional<HolidayRuleKind> parse_holiday_rule_kind(std::string_view s) {
  for (auto k : {HolidayRuleKind::kFixedDate, HolidayRuleKind::kNthWeekday,
                 HolidayRuleKind::kLastWeekday, HolidayRuleKind::kDaysAfter}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::vector<HolidayRule> seattle_paid_holidays() {
  return {
      fixed("new-years-day", 1, 1),         nth("mlk-day", 1, Monday, 3),
      nth("presidents-day", 2, Monday, 3),  last("memorial-day", 5, Monday),
      fixed("juneteenth", 6, 19, 2021),     fixed("independence-day", 7, 4),
      nth("labor-day", 9, Monday, 1),       fixed("veterans-day", 11, 11),
      nth("thanksgiving", 11, Thursday, 4), days_after("day-after-thanksgiving", "thanksgiving", 1),
      fixed("christmas", 12, 25),
  };
}

Status validate(const std::vector<HolidayRule>& rules) {
  std::map<std::string, const HolidayRule*> seen;
  for (const HolidayRule& r : rules) {
    const std::string who = "holiday rule '" + r.name + "': ";
    if (r.name.empty()) return invalid_argument("a holiday rule has no name");
    if (seen.count(r.name)) return invalid_argument(who + "the name is used twice");
    if (r.kind == HolidayRuleKind::kDaysAfter) {
      if (!seen.count(r.after)) {
        return invalid_argument(who + "must follow the rule it is relative to ('" + r.after + "')");
      }
    } else {
      if (r.month < 1 || r.month > 12) return invalid_argument(who + "month is 1..12");
      if (r.kind == HolidayRuleKind::kFixedDate && !month_day{month(r.month), day(r.day)}.ok()) {
        return invalid_argument(who + "no such day in the month");
      }
      if (r.kind == HolidayRuleKind::kNthWeekday && (r.nth < 1 || r.nth > 5)) {
        return invalid_argument(who + "nth weekday is 1..5");
      }
      if (r.kind != HolidayRuleKind::kFixedDate && !r.weekday.ok()) {
        return invalid_argument(who + "not a weekday");
      }
    }
    seen[r.name] = &r;
  }
  return Status::ok();
}

Result<std::vector<Holiday>> holidays_in_year(const std::vector<HolidayRule>& rules, int y) {
  RC_RETURN_IF_ERROR(validate(rules));
  std::map<std::string, Date> actual;
  std::vector<Holiday> out;
  for (const HolidayRule& r : rules) {
    if (r.first_year != 0 && y < r.first_year) continue;
    std::optional<Date> a;
    if (r.kind == HolidayRuleKind::kDaysAfter) {
      auto it = actual.find(r.after);
      if (it != actual.end()) a = it->second.plus_days(r.days_after);
    } else {
      a = actual_date(r, y);
    }
    if (!a) continue;
    actual[r.name] = *a;
    out.push_back(Holiday{r.name, *a, observed_date(r, *a)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& x, const Holiday& z) { return x.actual < z.actual; });
  return out;
}

Result<std::vector<Holiday>> holidays_observed_in(const std::vector<HolidayRule>& rules, Date first,
                                                  Date last) {
  RC_RETURN_IF_ERROR(validate(rules));
  std::vector<Holiday> out;
  if (last < first) return out;
  // Observance moves a date by at most a day, so neighbouring years can contribute.
  for (int y = first.year() - 1; y <= last.year() + 1; ++y) {
    RC_ASSIGN_OR_RETURN(auto year_holidays, holidays_in_year(rules, y));
    for (Holiday& h : year_holidays) {
      if (first <= h.observed && h.observed <= last) out.push_back(std::move(h));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& x, const Holiday& z) { return x.observed < z.observed; });
  return out;
}

}  // namespace rollcall::timeoff
