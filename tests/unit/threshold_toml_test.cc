// Threshold sets as TOML (app/pmp/threshold_toml.h): round trip, the shipped
// default, the crossings task's bare form, and each validation error.
#include "app/pmp/threshold_toml.h"

#include <gtest/gtest.h>

namespace rollcall {
namespace {

using pmp::Indicator;

Date d(const char* text) { return Date::parse(text).value(); }

void expect_equal(const pmp::ThresholdSet& a, const pmp::ThresholdSet& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.effective_from, b.effective_from);
  EXPECT_EQ(a.starting_point, b.starting_point);
  EXPECT_EQ(a.recent_review_months, b.recent_review_months);
  EXPECT_EQ(a.committee_recommendation, b.committee_recommendation);
  EXPECT_EQ(a.committee_recommended_on, b.committee_recommended_on);
  EXPECT_EQ(a.chief_approved_by, b.chief_approved_by);
  EXPECT_EQ(a.chief_approved_on, b.chief_approved_on);
  EXPECT_EQ(a.initial, b.initial);
  EXPECT_EQ(a.recent_review, b.recent_review);
}

TEST(ThresholdToml, RoundTripsEveryField) {
  pmp::ThresholdSet s;
  s.name = "Committee \"spring\" review\\2026\n(second line)";
  s.effective_from = d("2026-07-01");
  s.starting_point = false;
  s.recent_review_months = 9;
  s.committee_recommendation = "Lower B to 2 in 6 months\tafter review";
  s.committee_recommended_on = d("2026-05-20");
  s.chief_approved_by = "Chief Ana Díaz";
  s.chief_approved_on = d("2026-06-02");
  s.initial = {{Indicator::kA, {1, 1}}, {Indicator::kB, {2, 6}}, {Indicator::kG, {5, 12}}};
  s.recent_review = {{Indicator::kC, {1, 6}}};
  const std::string text = app::to_toml(s);
  auto back = app::parse_threshold_toml(text, "roundtrip.toml");
  ASSERT_TRUE(back.is_ok()) << back.status().to_string() << "\n" << text;
  expect_equal(*back, s);
  EXPECT_EQ(app::to_toml(*back), text);

  pmp::ThresholdSet minimal;  // no dates of approval, empty tables
  minimal.name = "x";
  minimal.effective_from = d("2026-01-01");
  auto m = app::parse_threshold_toml(app::to_toml(minimal), "m.toml");
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  expect_equal(*m, minimal);
}

TEST(ThresholdToml, ShippedDefaultIsAStartingPointWithThePolicyWindows) {
  auto s = app::read_threshold_file(std::string(ROLLCALL_SOURCE_DIR) +
                                    "/config/thresholds/default.toml");
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_TRUE(s->starting_point);
  EXPECT_TRUE(s->chief_approved_by.empty());
  EXPECT_FALSE(s->chief_approved_on.has_value());
  EXPECT_EQ(s->recent_review_months, 12);
  const std::map<Indicator, int> initial_months{{Indicator::kB, 6},  {Indicator::kC, 12},
                                                {Indicator::kD, 12}, {Indicator::kE, 36},
                                                {Indicator::kF, 6},  {Indicator::kG, 12}};
  for (const auto& [ind, months] : initial_months) {
    ASSERT_TRUE(s->initial.count(ind)) << pmp::to_string(ind);
    EXPECT_EQ(s->initial.at(ind).months, months) << pmp::to_string(ind);
  }
  EXPECT_EQ(s->initial.at(Indicator::kA).count, 1);  // each will be reviewed
  EXPECT_EQ(s->recent_review.at(Indicator::kA).count, 1);
  EXPECT_EQ(s->recent_review.at(Indicator::kB).months, 6);
  EXPECT_EQ(s->recent_review.at(Indicator::kC).months, 6);
  EXPECT_EQ(s->recent_review.at(Indicator::kD).months, 12);
}

TEST(ThresholdToml, InitialTableFromASetOrFromBareIndicatorTables) {
  auto bare = app::parse_initial_table_toml(
      "[B]\ncount = 3\nmonths = 6\n[G]\ncount = 5\nmonths = 12\n", "bare.toml");
  ASSERT_TRUE(bare.is_ok()) << bare.status().to_string();
  EXPECT_EQ(*bare, (pmp::ThresholdTable{{Indicator::kB, {3, 6}}, {Indicator::kG, {5, 12}}}));
  auto from_set = app::parse_initial_table_toml(
      "name = \"n\"\neffective_from = 2026-01-01\n[initial.D]\ncount = 2\nmonths = 12\n"
      "[recent_review.D]\ncount = 1\nmonths = 12\n",
      "set.toml");
  ASSERT_TRUE(from_set.is_ok()) << from_set.status().to_string();
  EXPECT_EQ(*from_set, (pmp::ThresholdTable{{Indicator::kD, {2, 12}}}));
  auto bad_bare = app::parse_initial_table_toml("[B]\ncount = 0\nmonths = 6\n", "bare.toml");
  EXPECT_FALSE(bad_bare.is_ok());
}

TEST(ThresholdToml, EachValidationErrorIsReportedWithItsPlace) {
  const std::string head = "name = \"n\"\neffective_from = 2026-01-01\n";
  auto expect_error = [](const std::string& text, const std::string& want) {
    auto r = app::parse_threshold_toml(text, "t.toml");
    ASSERT_FALSE(r.is_ok()) << "accepted:\n" << text;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(want), std::string::npos) << r.status().message();
  };
  expect_error(head + "[initial.B]\ncount = 0\nmonths = 6\n",
               "t.toml:4:9: initial.B.count: must be at least 1, not 0");
  expect_error(head + "[initial.B]\ncount = 2\nmonths = 0\n",
               "initial.B.months: must be from 1 to 120, not 0");
  expect_error(head + "[initial.B]\ncount = 2\nmonths = 121\n",
               "initial.B.months: must be from 1 to 120, not 121");
  expect_error(head + "[initial.H]\ncount = 2\nmonths = 6\n", "initial.H: unknown indicator");
  expect_error(head + "[initial.B]\ncount = 2\nmonths = 6\nwindow = 3\n",
               "initial.B.window: unknown key");
  expect_error(head + "[initial.B]\ncount = 2\n", "initial.B: months is required");
  expect_error(head + "[initial.B]\ncount = \"two\"\nmonths = 6\n",
               "initial.B.count: expected an integer");
  expect_error(head + "colour = \"blue\"\n[initial]\n", "colour: unknown key");
  expect_error(head + "[approval]\nsigned = true\n[initial]\n", "approval.signed: unknown key");
  expect_error("effective_from = 2026-01-01\n[initial]\n", "name: is required");
  expect_error("name = \"n\"\n[initial]\n", "effective_from: is required");
  expect_error(head, "initial: is required");
  expect_error("name = \"n\"\neffective_from = \"2026-01-01\"\n[initial]\n",
               "effective_from: expected a TOML date");
  expect_error(head + "recent_review_months = 0\n[initial]\n",
               "recent_review_months: must be from 1 to 120");
  expect_error(head + "starting_point = \"yes\"\n[initial]\n",
               "starting_point: expected true or false");
  expect_error(head + "[initial\n", "TOML syntax");
  expect_error("name = \"\"\neffective_from = 2026-01-01\n[initial]\n", "name: must not be empty");
  // Several problems are all listed.
  auto many = app::parse_threshold_toml(
      head + "[initial.B]\ncount = 0\nmonths = 6\n[initial.Z]\ncount = 1\nmonths = 1\n", "t.toml");
  ASSERT_FALSE(many.is_ok());
  EXPECT_NE(many.status().message().find("initial.B.count"), std::string::npos);
  EXPECT_NE(many.status().message().find("initial.Z"), std::string::npos);
}

TEST(ThresholdToml, MissingFileIsNotFound) {
  auto r = app::read_threshold_file("/nonexistent/thresholds.toml");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace rollcall
