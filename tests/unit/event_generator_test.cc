// The synthetic event generator (app/pmp/event_generator.h): determinism,
// heavy tail, the mix, and that its output is valid crossings input.
#include "app/pmp/event_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <sstream>
#include <vector>

namespace rollcall {
namespace {

std::vector<std::vector<std::string>> parse(const std::string& csv) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t a = 0;
    for (;;) {
      const std::size_t b = line.find(',', a);
      f.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
      if (b == std::string::npos) break;
      a = b + 1;
    }
    out.push_back(std::move(f));
  }
  return out;
}

app::EventGeneratorOptions options(std::uint64_t employees, std::uint64_t events,
                                   std::uint64_t seed, unsigned threads = 2) {
  app::EventGeneratorOptions o;
  o.employees = employees;
  o.events = events;
  o.seed = seed;
  o.threads = threads;
  return o;
}

TEST(EventGenerator, DeterministicForASeedWhateverTheThreads) {
  auto a = app::generate_events_csv(options(500, 600000, 11, 1));
  auto b = app::generate_events_csv(options(500, 600000, 11, 3));
  auto c = app::generate_events_csv(options(500, 600000, 12, 2));
  ASSERT_TRUE(a.is_ok() && b.is_ok() && c.is_ok());
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
}

TEST(EventGenerator, HeavyTailedPerEmployeeCounts) {
  auto csv = app::generate_events_csv(options(2000, 200000, 3));
  ASSERT_TRUE(csv.is_ok());
  const auto rows = parse(*csv);
  ASSERT_EQ(rows.size(), 200001u);
  std::map<std::string, std::size_t> per;
  for (std::size_t i = 1; i < rows.size(); ++i) ++per[rows[i][0]];
  std::vector<std::size_t> counts;
  for (const auto& [id, n] : per) counts.push_back(n);
  std::sort(counts.rbegin(), counts.rend());
  const std::size_t top = 2000 / 10;
  const std::size_t top_sum = std::accumulate(counts.begin(), counts.begin() + top, std::size_t{0});
  const double share = static_cast<double>(top_sum) / 200000.0;
  EXPECT_GT(share, 0.40) << "top 10% of employees hold " << share;
  EXPECT_LT(share, 0.60) << "but not nearly everything: " << share;
  EXPECT_GT(counts.front(), 10 * counts[counts.size() / 2]) << "the busiest far above the median";
}

TEST(EventGenerator, RealisticMixAndValidRows) {
  auto o = options(300, 100000, 5);
  o.start = Date::from_ymd(2020, 1, 1);
  o.end = Date::from_ymd(2020, 12, 31);
  auto csv = app::generate_events_csv(o);
  ASSERT_TRUE(csv.is_ok());
  const auto rows = parse(*csv);
  ASSERT_EQ(rows[0],
            (std::vector<std::string>{"employee_id", "indicator", "date", "use_of_force_type",
                                      "firearm_discharge", "preventable"}));
  std::map<std::string, std::size_t> by_indicator, b_type, c_prev;
  std::size_t discharges = 0;
  std::string last_date;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ASSERT_EQ(r.size(), 6u) << i;
    ++by_indicator[r[1]];
    ASSERT_TRUE(Date::parse(r[2]).is_ok()) << r[2];
    ASSERT_GE(r[2], "2020-01-01");
    ASSERT_LE(r[2], "2020-12-31");
    ASSERT_GE(r[2], last_date) << "rows in date order";
    last_date = r[2];
    const int id = std::stoi(r[0]);
    ASSERT_TRUE(id >= 1 && id <= 300) << r[0];
    if (r[1] == "B") {
      ++b_type[r[3]];
      ASSERT_TRUE(r[4] == "true" || r[4] == "false");
      discharges += r[4] == "true";
    } else {
      ASSERT_EQ(r[3], "");
      ASSERT_EQ(r[4], "");
    }
    if (r[1] == "C") {
      ++c_prev[r[5]];
    } else {
      ASSERT_EQ(r[5], "");
    }
  }
  EXPECT_EQ(last_date, "2020-12-31");
  auto share = [](std::size_t n, std::size_t of) { return static_cast<double>(n) / of; };
  EXPECT_NEAR(share(by_indicator["B"], 100000), 0.45, 0.02);
  EXPECT_NEAR(share(by_indicator["D"], 100000), 0.25, 0.02);
  EXPECT_NEAR(share(by_indicator["A"], 100000), 0.03, 0.01);
  EXPECT_NEAR(share(b_type["I"], by_indicator["B"]), 0.80, 0.02);
  EXPECT_GT(b_type["III"], 0u);
  EXPECT_GT(discharges, 0u);
  EXPECT_LT(share(discharges, by_indicator["B"]), 0.02);
  EXPECT_NEAR(share(c_prev["true"], by_indicator["C"]), 0.50, 0.04);
  EXPECT_GT(c_prev["pending"], 0u);
}

TEST(EventGenerator, RejectsBadOptions) {
  EXPECT_FALSE(app::generate_events_csv(options(0, 10, 1)).is_ok());
  auto o = options(10, 10, 1);
  o.end = Date::from_ymd(2010, 1, 1);
  EXPECT_FALSE(app::generate_events_csv(o).is_ok());
}

}  // namespace
}  // namespace rollcall
