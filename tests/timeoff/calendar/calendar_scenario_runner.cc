// Runs every tests/timeoff/calendar/*.scenario file against the 4.010
// calendars: FLSA 7(k) limits and work periods, pay periods, the timesheet
// deadline, work schedules and paid holidays. Files are named after the clause
// they prove (4.010-POL-1-flsa-hours-table.scenario). One statement per line,
// # comments. Durations are written 10h, 90m or 7h30m.
//
// Settings (each replaces the previous one of its kind):
//   zone IANA_ZONE                              agency zone (default America/Los_Angeles)
//   pay-periods ANCHOR DAYS                     PayPeriodConfig
//   work-periods GROUP ANCHOR DAYS              FlsaWorkPeriodConfig (expect-invalid if refused)
//   schedule KIND ANCHOR [start=HH:MM] [length=DUR] [on=N] [off=N]
//            [weekdays=mon,tue,…] [eight-hour-day=N] [day-off=N] [short=DUR]
//            [split=DUR]                        default_schedule_spec(KIND) plus overrides
//                                               (expect-invalid if refused)
//   holidays seattle                            the City of Seattle rules
//
// Expectations:
//   expect-invalid                              the last setting was refused (INVALID_ARGUMENT)
//   expect-flsa-limit DAYS HOURS|invalid        29 CFR 553.230 table
//   expect-comp-ceiling HOURS                   29 U.S.C. 207(o) public safety
//   expect-work-period DATE START END HOURS     the work period containing DATE
//   expect-work-periods FIRST LAST N            work periods overlapping the range
//   expect-pay-period DATE START END YEAR/NUMBER
//   expect-pay-period-number YEAR/NUMBER START END
//   expect-pay-periods-in-year YEAR N
//   expect-last-full-december YEAR START END
//   expect-deadline PERIOD_END UTC              4.010-POL-3, in the zone
//   expect-day DATE off|DUR                     scheduled minutes on DATE (DST-aware)
//   expect-shift DATE START_UTC END_UTC
//   expect-range FIRST LAST DAYS DUR            scheduled days and minutes
//   expect-work-period-load DATE DUR within|over  scheduled minutes in the work
//                                               period containing DATE against its limit
//   expect-split DATE BEFORE_DUR AFTER_DUR      9-80 FLSA week split
//   expect-holiday YEAR NAME ACTUAL OBSERVED
//   expect-no-holiday YEAR NAME
//   expect-holiday-count YEAR N
//   expect-observed-in FIRST LAST NAME,NAME,…|none   by observed date, in order
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "domain/timeoff/calendar/holidays.h"
#include "domain/timeoff/calendar/work_schedule.h"
#include "support/scenario_file.h"
#include "time/flsa.h"
#include "time/instant.h"
#include "time/pay_period.h"
#include "time/timesheet_deadline.h"
#include "time/zone.h"

namespace rollcall::timeoff {
namespace {

namespace fs = std::filesystem;
using std::chrono::minutes;

fs::path dir() { return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "timeoff" / "calendar"; }

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

  void finish() const {
    EXPECT_TRUE(refused_.is_ok()) << "a setting was refused and not expected: "
                                  << refused_.to_string();
  }

 private:
  // "10h", "90m", "7h30m" -> minutes; records a failure otherwise.
  std::int64_t duration(const std::string& s) const {
    std::int64_t total = 0, n = 0;
    bool digits = false, any = false;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        n = n * 10 + (c - '0');
        digits = true;
      } else if ((c == 'h' || c == 'm') && digits) {
        total += c == 'h' ? n * 60 : n;
        n = 0;
        digits = false;
        any = true;
      } else {
        any = false;
        break;
      }
    }
    EXPECT_TRUE(any && !digits) << where() << ": not a duration (10h, 90m, 7h30m): " << s;
    return total;
  }

  // "HH:MM" -> minutes after midnight.
  minutes clock_time(const std::string& s) const {
    const bool shape = s.size() == 5 && s[2] == ':';
    EXPECT_TRUE(shape) << where() << ": not HH:MM: " << s;
    if (!shape) return minutes(0);
    return minutes(std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2)));
  }

  std::optional<std::chrono::weekday> weekday(const std::string& s) const {
    static const std::map<std::string, unsigned> kDays = {
        {"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}};
    auto it = kDays.find(s);
    EXPECT_NE(it, kDays.end()) << where() << ": not a weekday (mon..sun): " << s;
    if (it == kDays.end()) return std::nullopt;
    return std::chrono::weekday(it->second);
  }

  Instant instant(const std::string& s) const {
    auto t = parse_utc(s);
    EXPECT_TRUE(t.is_ok()) << where() << ": " << t.status().message();
    return t.is_ok() ? *t : Instant();
  }

  // "2026/14" -> {2026, 14}
  std::pair<int, int> year_number(const std::string& s) const {
    const auto slash = s.find('/');
    EXPECT_NE(slash, std::string::npos) << where() << ": YEAR/NUMBER, not " << s;
    if (slash == std::string::npos) return {0, 0};
    return {std::stoi(s.substr(0, slash)), std::stoi(s.substr(slash + 1))};
  }

  void refuse(const Status& s) {
    EXPECT_TRUE(refused_.is_ok()) << where() << ": an earlier refusal was not expected: "
                                  << refused_.to_string();
    refused_ = s;
  }

  void statement(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "zone") {
      ASSERT_EQ(w.size(), 2u) << where();
      zone_ = w[1];
    } else if (kw == "pay-periods") {
      ASSERT_EQ(w.size(), 3u) << where();
      auto c = PayPeriodCalendar::create({date(w[1]), std::stoi(w[2])});
      if (c.is_ok()) {
        pay_ = *c;
      } else {
        refuse(c.status());
      }
    } else if (kw == "work-periods") {
      ASSERT_EQ(w.size(), 4u) << where();
      auto p = FlsaWorkPeriods::create({w[1], date(w[2]), std::stoi(w[3])});
      if (p.is_ok()) {
        work_.emplace(*p);
      } else {
        refuse(p.status());
      }
    } else if (kw == "schedule") {
      schedule_statement(w);
    } else if (kw == "holidays") {
      ASSERT_EQ(w.size(), 2u) << where();
      ASSERT_EQ(w[1], "seattle") << where();
      holidays_ = seattle_paid_holidays();
    } else {
      ADD_FAILURE() << where() << ": unknown statement " << kw;
    }
  }

  void schedule_statement(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 3u) << where();
    const auto kind = parse_schedule_kind(w[1]);
    ASSERT_TRUE(kind.has_value()) << where() << ": no schedule kind " << w[1];
    WorkScheduleSpec spec = default_schedule_spec(*kind, date(w[2]));
    spec.zone = zone_;
    for (std::size_t i = 3; i < w.size(); ++i) {
      const auto eq = w[i].find('=');
      ASSERT_NE(eq, std::string::npos) << where() << ": NAME=VALUE, not " << w[i];
      const std::string key = w[i].substr(0, eq), value = w[i].substr(eq + 1);
      if (key == "start") {
        spec.shift_start = clock_time(value);
      } else if (key == "length") {
        spec.shift_length = minutes(duration(value));
      } else if (key == "on") {
        spec.days_on = std::stoi(value);
      } else if (key == "off") {
        spec.days_off = std::stoi(value);
      } else if (key == "weekdays") {
        spec.weekdays.clear();
        for (const auto& d : split_commas(value)) {
          if (auto wd = weekday(d)) spec.weekdays.push_back(*wd);
        }
      } else if (key == "eight-hour-day") {
        spec.nine_eighty.eight_hour_day = std::stoi(value);
      } else if (key == "day-off") {
        spec.nine_eighty.regular_day_off = std::stoi(value);
      } else if (key == "short") {
        spec.nine_eighty.short_day_length = minutes(duration(value));
      } else if (key == "split") {
        spec.nine_eighty.split_after = minutes(duration(value));
      } else {
        ADD_FAILURE() << where() << ": unknown schedule setting " << key;
      }
    }
    auto s = WorkSchedule::create(std::move(spec));
    if (s.is_ok()) {
      schedule_.emplace(*s);
    } else {
      schedule_.reset();
      refuse(s.status());
    }
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "expect-invalid") {
      EXPECT_EQ(refused_.code(), StatusCode::kInvalidArgument)
          << where() << ": expected a refusal, got " << refused_.to_string();
      refused_ = Status::ok();
      return;
    }
    ASSERT_TRUE(refused_.is_ok()) << where() << ": a setting was refused: " << refused_.to_string();
    if (kw == "expect-flsa-limit") {
      ASSERT_EQ(w.size(), 3u) << where();
      const auto got = flsa_law_enforcement_max_hours(std::stoi(w[1]));
      if (w[2] == "invalid") {
        EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument) << where();
      } else {
        ASSERT_TRUE(got.is_ok()) << where() << ": " << got.status().to_string();
        EXPECT_EQ(*got, std::stoi(w[2])) << where() << ": " << w[1] << " days";
      }
    } else if (kw == "expect-comp-ceiling") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(kPublicSafetyCompTimeCeilingHours, std::stoi(w[1])) << where();
    } else if (kw == "expect-work-period" || kw == "expect-work-periods") {
      ASSERT_TRUE(work_.has_value()) << where() << ": no work-periods";
      if (kw == "expect-work-period") {
        ASSERT_EQ(w.size(), 5u) << where();
        const FlsaWorkPeriod p = work_->containing(date(w[1]));
        EXPECT_EQ(p.start, date(w[2])) << where();
        EXPECT_EQ(p.end, date(w[3])) << where();
        EXPECT_EQ(p.max_hours, std::stoi(w[4])) << where();
      } else {
        ASSERT_EQ(w.size(), 4u) << where();
        EXPECT_EQ(work_->in_range(date(w[1]), date(w[2])).size(), std::stoul(w[3])) << where();
      }
    } else if (kw == "expect-pay-period") {
      ASSERT_EQ(w.size(), 5u) << where();
      const PayPeriod p = pay_.containing(date(w[1]));
      EXPECT_EQ(p.start, date(w[2])) << where();
      EXPECT_EQ(p.end, date(w[3])) << where();
      const auto [y, n] = year_number(w[4]);
      EXPECT_EQ(p.year, y) << where();
      EXPECT_EQ(p.number, n) << where();
    } else if (kw == "expect-pay-period-number") {
      ASSERT_EQ(w.size(), 4u) << where();
      const auto [y, n] = year_number(w[1]);
      const auto p = pay_.numbered(y, n);
      ASSERT_TRUE(p.is_ok()) << where() << ": " << p.status().to_string();
      EXPECT_EQ(p->start, date(w[2])) << where();
      EXPECT_EQ(p->end, date(w[3])) << where();
    } else if (kw == "expect-pay-periods-in-year") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(pay_.in_year(std::stoi(w[1])).size(), std::stoul(w[2])) << where();
    } else if (kw == "expect-last-full-december") {
      ASSERT_EQ(w.size(), 4u) << where();
      const auto p = pay_.last_full_in_december(std::stoi(w[1]));
      ASSERT_TRUE(p.is_ok()) << where() << ": " << p.status().to_string();
      EXPECT_EQ(p->start, date(w[2])) << where();
      EXPECT_EQ(p->end, date(w[3])) << where();
    } else if (kw == "expect-deadline") {
      ASSERT_EQ(w.size(), 3u) << where();
      const auto t = timesheet_deadline(date(w[1]), zone_);
      ASSERT_TRUE(t.is_ok()) << where() << ": " << t.status().to_string();
      EXPECT_EQ(format_utc(*t), w[2]) << where();
    } else if (kw == "expect-holiday" || kw == "expect-no-holiday" ||
               kw == "expect-holiday-count") {
      holiday_expectation(w);
    } else if (kw == "expect-observed-in") {
      ASSERT_EQ(w.size(), 4u) << where();
      const auto got = holidays_observed_in(holidays_, date(w[1]), date(w[2]));
      ASSERT_TRUE(got.is_ok()) << where() << ": " << got.status().to_string();
      std::vector<std::string> names;
      for (const Holiday& h : *got) names.push_back(h.name);
      EXPECT_EQ(names, w[3] == "none" ? std::vector<std::string>{} : split_commas(w[3])) << where();
    } else {
      schedule_expectation(w);
    }
  }

  void holiday_expectation(const std::vector<std::string>& w) {
    const std::string& kw = w[0];
    ASSERT_GE(w.size(), 3u) << where();
    const auto got = holidays_in_year(holidays_, std::stoi(w[1]));
    ASSERT_TRUE(got.is_ok()) << where() << ": " << got.status().to_string();
    if (kw == "expect-holiday-count") {
      EXPECT_EQ(got->size(), std::stoul(w[2])) << where();
      return;
    }
    const Holiday* found = nullptr;
    for (const Holiday& h : *got) {
      if (h.name == w[2]) found = &h;
    }
    if (kw == "expect-no-holiday") {
      EXPECT_EQ(found, nullptr) << where() << ": " << w[2] << " in " << w[1];
      return;
    }
    ASSERT_EQ(w.size(), 5u) << where();
    ASSERT_NE(found, nullptr) << where() << ": no " << w[2] << " in " << w[1];
    EXPECT_EQ(found->actual, date(w[3])) << where() << ": actual date of " << w[2];
    EXPECT_EQ(found->observed, date(w[4])) << where() << ": observed date of " << w[2];
  }

  void schedule_expectation(const std::vector<std::string>& w) {
    const std::string& kw = w[0];
    ASSERT_TRUE(schedule_.has_value()) << where() << ": no schedule for " << kw;
    const WorkSchedule& s = *schedule_;
    if (kw == "expect-day") {
      ASSERT_EQ(w.size(), 3u) << where();
      const Date d = date(w[1]);
      if (w[2] == "off") {
        EXPECT_FALSE(s.is_scheduled(d)) << where() << ": " << w[1] << " is scheduled";
        EXPECT_EQ(s.scheduled_minutes(d), 0) << where();
      } else {
        EXPECT_TRUE(s.is_scheduled(d)) << where() << ": " << w[1] << " is not scheduled";
        EXPECT_EQ(s.scheduled_minutes(d), duration(w[2])) << where() << ": minutes on " << w[1];
      }
    } else if (kw == "expect-shift") {
      ASSERT_EQ(w.size(), 4u) << where();
      const auto shift = s.shift_on(date(w[1]));
      ASSERT_TRUE(shift.has_value()) << where() << ": no shift on " << w[1];
      EXPECT_EQ(format_utc(shift->start), w[2]) << where();
      EXPECT_EQ(format_utc(shift->end), w[3]) << where();
    } else if (kw == "expect-range") {
      ASSERT_EQ(w.size(), 5u) << where();
      const Date first = date(w[1]), last = date(w[2]);
      EXPECT_EQ(s.scheduled_days(first, last), std::stoi(w[3])) << where();
      EXPECT_EQ(static_cast<int>(s.scheduled_dates(first, last).size()), std::stoi(w[3]))
          << where();
      EXPECT_EQ(s.scheduled_minutes(first, last), duration(w[4])) << where();
    } else if (kw == "expect-work-period-load") {
      ASSERT_EQ(w.size(), 4u) << where();
      ASSERT_TRUE(work_.has_value()) << where() << ": no work-periods";
      const FlsaWorkPeriod p = work_->containing(date(w[1]));
      const std::int64_t load = s.scheduled_minutes(p.start, p.end);
      EXPECT_EQ(load, duration(w[2]))
          << where() << ": scheduled in " << p.start.to_string() << ".." << p.end.to_string();
      EXPECT_EQ(load <= p.max_minutes() ? "within" : "over", w[3])
          << where() << ": " << load << " minutes against " << p.max_minutes();
    } else if (kw == "expect-split") {
      ASSERT_EQ(w.size(), 4u) << where();
      const auto split = s.split_at_week_boundary(date(w[1]));
      EXPECT_EQ(split.before, duration(w[2])) << where();
      EXPECT_EQ(split.after, duration(w[3])) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  std::string zone_{kDefaultAgencyZone};
  PayPeriodCalendar pay_;
  std::optional<FlsaWorkPeriods> work_;
  std::optional<WorkSchedule> schedule_;
  std::vector<HolidayRule> holidays_ = seattle_paid_holidays();
  Status refused_;  // the last refused setting, until expect-invalid accounts for it
};

class CalendarScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(CalendarScenario, Holds) {
  Scenario s(GetParam());
  s.run();
  s.finish();
}

INSTANTIATE_TEST_SUITE_P(Files, CalendarScenario,
                         ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::timeoff
