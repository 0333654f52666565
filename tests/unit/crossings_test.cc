// The crossings engine (domain/pmp/crossings.h) and its CSV reader/writer
// (app/pmp/crossings_io.h): window edges, qualification, G, ordering, errors.
#include "domain/pmp/crossings.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "app/pmp/crossings_io.h"

namespace rollcall {
namespace {

namespace cx = pmp::crossings;
using pmp::Indicator;
using pmp::ThresholdRule;
using pmp::ThresholdTable;

Date d(const char* text) { return Date::parse(text).value(); }

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("rollcall-crossings-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return path_ / name;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr const char* kHeader =
    "employee_id,indicator,date,use_of_force_type,firearm_discharge,preventable\n";
constexpr const char* kOutHeader = "employee_id,indicator,date,count\n";

// Runs the whole task in-process: CSV text in, CSV text out.
std::string crossings(const std::string& csv, const ThresholdTable& table, unsigned threads = 2) {
  TempDir dir;
  auto events = app::read_crossings_csv(dir.write("events.csv", csv), {threads, 20});
  EXPECT_TRUE(events.is_ok()) << events.status().to_string();
  if (!events) return "";
  auto result = cx::find_crossings(std::move(events->input), table, threads);
  const auto out = dir.path() / "out.csv";
  EXPECT_TRUE(app::write_crossings_csv(result, events->ids, out.string(), threads).is_ok());
  return slurp(out);
}

Status read_error(const std::string& csv) {
  TempDir dir;
  auto events = app::read_crossings_csv(dir.write("bad.csv", csv));
  return events.status();
}

std::string rows(std::initializer_list<const char*> lines) {
  std::string s = kHeader;
  for (const char* l : lines) s += std::string(l) + "\n";
  return s;
}

TEST(Crossings, WindowIncludesItsLastDayAndExcludesItsStart) {
  // B: 2 in 6 months. Window of 2026-07-15 is (2026-01-15, 2026-07-15].
  const ThresholdTable t{{Indicator::kB, {2, 6}}};
  EXPECT_EQ(crossings(rows({"7,B,2026-01-16,II,,", "7,B,2026-07-15,II,,"}), t),
            std::string(kOutHeader) + "7,B,2026-07-15,2\n")
      << "first day inside the window counts";
  EXPECT_EQ(crossings(rows({"7,B,2026-01-15,II,,", "7,B,2026-07-15,II,,"}), t), kOutHeader)
      << "the day exactly N months before is outside";
}

TEST(Crossings, MonthEndClampingIncludingLeapDay) {
  const ThresholdTable t{{Indicator::kF, {2, 1}}};
  // Mar 31 and Mar 30 minus 1 month are both Feb 28 (2026): an event on Feb 28
  // is outside both windows, one on Mar 1 inside.
  EXPECT_EQ(crossings(rows({"1,F,2026-02-28,,,", "1,F,2026-03-31,,,"}), t), kOutHeader);
  EXPECT_EQ(crossings(rows({"1,F,2026-03-01,,,", "1,F,2026-03-31,,,"}), t),
            std::string(kOutHeader) + "1,F,2026-03-31,2\n");
  // 2024 is a leap year: Mar 31 − 1 month = Feb 29, so Feb 29 is outside and
  // Feb 28 too; Mar 30 − 1 month = Feb 29 as well.
  EXPECT_EQ(crossings(rows({"1,F,2024-02-29,,,", "1,F,2024-03-30,,,"}), t), kOutHeader);
  // Leap day itself as the end of a window: Feb 29 − 1 month = Jan 29.
  EXPECT_EQ(crossings(rows({"1,F,2024-01-30,,,", "1,F,2024-02-29,,,"}), t),
            std::string(kOutHeader) + "1,F,2024-02-29,2\n");
  EXPECT_EQ(crossings(rows({"1,F,2024-01-29,,,", "1,F,2024-02-29,,,"}), t), kOutHeader);
  // 12 months before 2025-02-28 is 2024-02-28 (not clamped): Feb 29 2024 inside.
  const ThresholdTable y{{Indicator::kD, {2, 12}}};
  EXPECT_EQ(crossings(rows({"1,D,2024-02-29,,,", "1,D,2025-02-28,,,"}), y),
            std::string(kOutHeader) + "1,D,2025-02-28,2\n");
}

TEST(Crossings, SeveralEventsOnOneDayAndThePreviousDayComparison) {
  const ThresholdTable t{{Indicator::kD, {3, 12}}};
  // Three on one day: one crossing with count 3; a fourth the next day is no
  // new crossing (count(d−1) = 3 already).
  EXPECT_EQ(crossings(rows({"5,D,2026-05-01,,,", "5,D,2026-05-01,,,", "5,D,2026-05-01,,,",
                            "5,D,2026-05-02,,,"}),
                      t),
            std::string(kOutHeader) + "5,D,2026-05-01,3\n");
  // Falling below and reaching again is a second crossing: on 2026-01-11 the
  // oldest event has left (count(d−1) = 2) and a new one makes 3.
  EXPECT_EQ(crossings(rows({"5,D,2025-01-10,,,", "5,D,2025-06-01,,,", "5,D,2025-07-01,,,",
                            "5,D,2026-01-11,,,"}),
                      t),
            std::string(kOutHeader) + "5,D,2025-07-01,3\n5,D,2026-01-11,3\n");
  // When one event leaves on the same day another arrives, the count does not
  // fall below on d−1: no crossing on 2026-01-10 (window (2025-01-10, 2026-01-10]).
  EXPECT_EQ(crossings(rows({"5,D,2025-01-10,,,", "5,D,2025-06-01,,,", "5,D,2025-07-01,,,",
                            "5,D,2026-01-10,,,"}),
                      t),
            std::string(kOutHeader) + "5,D,2025-07-01,3\n");
}

TEST(Crossings, QualificationRules) {
  const ThresholdTable one{{Indicator::kA, {1, 1}}, {Indicator::kB, {1, 1}},
                           {Indicator::kC, {1, 1}}, {Indicator::kD, {1, 1}},
                           {Indicator::kE, {1, 1}}, {Indicator::kF, {1, 1}}};
  EXPECT_EQ(crossings(rows({"1,B,2026-01-01,I,false,", "2,B,2026-01-01,I,,", "3,B,2026-01-01,II,,",
                            "4,B,2026-01-01,III,false,", "5,B,2026-01-01,I,true,",
                            "6,B,2026-01-01,,true,"}),
                      one),
            std::string(kOutHeader) +
                "3,B,2026-01-01,1\n4,B,2026-01-01,1\n5,B,2026-01-01,1\n6,B,2026-01-01,1\n");
  EXPECT_EQ(crossings(rows({"1,C,2026-01-01,,,true", "2,C,2026-01-01,,,false",
                            "3,C,2026-01-01,,,pending"}),
                      one),
            std::string(kOutHeader) + "1,C,2026-01-01,1\n");
  EXPECT_EQ(crossings(rows({"1,A,2026-01-01,,,", "1,D,2026-01-01,,,", "1,E,2026-01-01,,,",
                            "1,F,2026-01-01,,,"}),
                      one),
            std::string(kOutHeader) +
                "1,A,2026-01-01,1\n1,D,2026-01-01,1\n1,E,2026-01-01,1\n1,F,2026-01-01,1\n");
  static_assert(!cx::qualifies(Indicator::kB, cx::ForceType::kI, false, cx::Preventable::kNone));
  static_assert(cx::qualifies(Indicator::kB, cx::ForceType::kI, true, cx::Preventable::kNone));
  static_assert(
      !cx::qualifies(Indicator::kC, cx::ForceType::kNone, false, cx::Preventable::kPending));
}

TEST(Crossings, AggregateCountsEveryQualifyingEventAndOmittedIndicatorsAreNotEvaluated) {
  // Only G is evaluated: A, B(II), C(true), D count; B(I) and C(pending) do not.
  const ThresholdTable g{{Indicator::kG, {4, 12}}};
  const std::string csv =
      rows({"9,A,2026-01-01,,,", "9,B,2026-02-01,II,false,", "9,B,2026-02-02,I,false,",
            "9,C,2026-03-01,,,pending", "9,C,2026-03-02,,,true", "9,D,2026-04-01,,,"});
  EXPECT_EQ(crossings(csv, g), std::string(kOutHeader) + "9,G,2026-04-01,4\n");
  // G is not evaluated when the table leaves it out.
  EXPECT_EQ(crossings(csv, {{Indicator::kD, {1, 12}}}),
            std::string(kOutHeader) + "9,D,2026-04-01,1\n");
}

TEST(Crossings, IntegerIdsSortNumericallyOtherIdsBytewise) {
  const ThresholdTable t{{Indicator::kA, {1, 1}}, {Indicator::kF, {1, 1}}};
  EXPECT_EQ(crossings(rows({"10,F,2026-01-02,,,", "9,A,2026-01-01,,,", "100,A,2026-01-01,,,",
                            "20000000,A,2026-01-01,,,", "10,A,2026-01-03,,,"}),
                      t),
            std::string(kOutHeader) +
                "9,A,2026-01-01,1\n10,A,2026-01-03,1\n10,F,2026-01-02,1\n100,A,2026-01-01,1\n"
                "20000000,A,2026-01-01,1\n");
  // One non-integer id: every id sorts as text.
  EXPECT_EQ(crossings(rows({"10,A,2026-01-01,,,", "9,A,2026-01-01,,,", "x7,A,2026-01-01,,,",
                            "100,A,2026-01-01,,,"}),
                      t),
            std::string(kOutHeader) +
                "10,A,2026-01-01,1\n100,A,2026-01-01,1\n9,A,2026-01-01,1\nx7,A,2026-01-01,1\n");
  // Leading zeros are integers too: numeric order, ties by text.
  EXPECT_EQ(crossings(rows({"010,A,2026-01-01,,,", "9,A,2026-01-01,,,", "10,A,2026-01-01,,,"}), t),
            std::string(kOutHeader) + "9,A,2026-01-01,1\n010,A,2026-01-01,1\n10,A,2026-01-01,1\n");
}

TEST(Crossings, MinimalColumnsAnyOrderCrlfAndQuotes) {
  const ThresholdTable t{{Indicator::kD, {2, 12}}};
  EXPECT_EQ(crossings("date,extra,indicator,employee_id\r\n2026-01-01,x,D,3\r\n"
                      "2026-02-01,\"y, z\",D,\"3\"\r\n",
                      t),
            std::string(kOutHeader) + "3,D,2026-02-01,2\n");
}

// Reference: counts by brute force with Date::minus_months.
std::vector<cx::Crossing> brute_force(
    const std::map<std::pair<std::uint32_t, int>, std::vector<std::int32_t>>& events,
    const ThresholdTable& table) {
  std::vector<cx::Crossing> out;
  for (const auto& [key, days_in] : events) {
    const auto ind = static_cast<Indicator>(key.second);
    auto it = table.find(ind);
    if (it == table.end()) continue;
    std::vector<std::int32_t> days = days_in;
    std::sort(days.begin(), days.end());
    auto count = [&](std::int32_t x) {
      const auto start = Date().plus_days(x).minus_months(it->second.months).days_since_epoch();
      return std::count_if(days.begin(), days.end(),
                           [&](std::int32_t e) { return e > start && e <= x; });
    };
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (i > 0 && days[i] == days[i - 1]) continue;
      const auto c = count(days[i]);
      if (c >= it->second.count && count(days[i] - 1) < it->second.count) {
        out.push_back({key.first, ind, days[i], static_cast<std::uint32_t>(c)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const cx::Crossing& a, const cx::Crossing& b) {
    return std::tie(a.employee, a.indicator, a.day) < std::tie(b.employee, b.indicator, b.day);
  });
  return out;
}

TEST(Crossings, EngineMatchesBruteForceOnRandomEvents) {
  std::mt19937_64 rng(42);
  const ThresholdTable table{{Indicator::kA, {1, 1}},  {Indicator::kB, {3, 6}},
                             {Indicator::kC, {2, 12}}, {Indicator::kE, {2, 36}},
                             {Indicator::kF, {2, 1}},  {Indicator::kG, {5, 12}}};
  const std::int32_t base = static_cast<std::int32_t>(d("2023-12-20").days_since_epoch());
  for (unsigned threads : {1u, 2u, 3u}) {
    cx::CrossingInput input;
    input.employee_count = 40;
    std::map<std::pair<std::uint32_t, int>, std::vector<std::int32_t>> ref;
    for (int b = 0; b < 3; ++b) {
      cx::EventBlock block;
      for (int k = 0; k < 700; ++k) {
        const auto e = static_cast<std::uint32_t>(rng() % 40);
        const auto ind = static_cast<int>(rng() % 6);
        // Dates bunched around month ends of a leap year to exercise clamping.
        const auto day = base + static_cast<std::int32_t>(rng() % 500);
        block.events.push_back(cx::pack_event(e, day, static_cast<Indicator>(ind)));
        ref[{e, ind}].push_back(day);
        ref[{e, 6}].push_back(day);
      }
      input.blocks.push_back(std::move(block));
    }
    const auto got = cx::find_crossings(std::move(input), table, threads).flatten();
    const auto want = brute_force(ref, table);
    ASSERT_EQ(got.size(), want.size()) << threads << " threads";
    EXPECT_TRUE(got == want) << threads << " threads";
  }
}

TEST(Crossings, BadInputNamesFileLineAndField) {
  auto expect_error = [](const std::string& csv, const std::string& want) {
    const Status s = read_error(csv);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << want;
    EXPECT_NE(s.message().find(want), std::string::npos) << s.message();
  };
  expect_error(rows({"1,A,2026-01-01,,,", "1,X,2026-01-01,,,"}),
               "bad.csv:3:indicator: unknown indicator 'X'");
  expect_error(rows({"1,G,2026-01-01,,,"}), "bad.csv:2:indicator: G is the aggregate");
  expect_error(rows({"1,A,2026-02-30,,,"}), "bad.csv:2:date: '2026-02-30' is not a date");
  expect_error(rows({"1,A,26-02-01,,,"}), "bad.csv:2:date: '26-02-01' is not a date");
  expect_error(rows({"1,B,2026-01-01,IV,,"}), "bad.csv:2:use_of_force_type: 'IV'");
  expect_error(rows({"1,B,2026-01-01,I,yes,"}), "bad.csv:2:firearm_discharge: 'yes'");
  expect_error(rows({"1,C,2026-01-01,,,maybe"}), "bad.csv:2:preventable: 'maybe'");
  expect_error(rows({"1,C,2026-01-01,,,"}), "bad.csv:2:preventable: a C row needs");
  expect_error(rows({"1,B,2026-01-01,,false,"}), "bad.csv:2:use_of_force_type: a B row needs");
  expect_error(rows({",A,2026-01-01,,,"}), "bad.csv:2:employee_id: empty");
  expect_error(rows({"1,A,2026-01-01,,"}), "bad.csv:2: expected 6 fields");
  expect_error("employee_id,date\n1,2026-01-01\n", "bad.csv:1: missing column(s) indicator");
  expect_error("employee_id,indicator,date\n1,B,2026-01-01\n",
               "bad.csv:2:use_of_force_type: column missing");
  expect_error(std::string(kHeader) + "caf\xE9,A,2026-01-01,,,\n",
               "bad.csv:2:employee_id: not valid UTF-8");
  expect_error("employee_id,indicator,date\r1,A,2026-01-01\r", "bad.csv:1: bare CR");
  expect_error(rows({"1,A,2026-01-01,,,\r2,A,2026-01-01,,,"}), "bad.csv:2: bare CR");
  // Several errors are all listed, in file order.
  const Status s =
      read_error(rows({"1,A,2026-01-01,,,", "1,Q,2026-01-01,,,", "1,A,2026-13-01,,,"}));
  EXPECT_NE(s.message().find("bad.csv:3:indicator"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("bad.csv:4:date"), std::string::npos) << s.message();
}

TEST(Crossings, WriteFailureLeavesNoPartialFile) {
  cx::CrossingResult r;
  r.parts.push_back({cx::Crossing{0, Indicator::kA, 0, 1}});
  app::EmployeeIds ids;
  ids.add("1");
  const std::string target = "/nonexistent-dir-for-rollcall-test/out.csv";
  EXPECT_FALSE(app::write_crossings_csv(r, ids, target).is_ok());
  EXPECT_FALSE(std::filesystem::exists(target));
}

}  // namespace
}  // namespace rollcall
