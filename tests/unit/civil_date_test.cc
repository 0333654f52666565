#include "time/civil_date.h"

#include <gtest/gtest.h>

#include "time/instant.h"
#include "time/zone.h"

namespace rollcall {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

TEST(CivilDate, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(d("2024-02-29").to_string(), "2024-02-29");
  EXPECT_EQ(d("0999-01-05").year(), 999);
}

TEST(CivilDate, RejectsMalformedAndImpossibleDates) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                          "2024/01/01", "2024-1-01", "01/02/2024", "", "2024-01-0x"}) {
    auto r = Date::parse(bad);
    EXPECT_FALSE(r.is_ok()) << bad;
    if (!r.is_ok()) EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(CivilDate, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(d("2026-08-31").minus_months(6), d("2026-02-28"));
  EXPECT_EQ(d("2024-08-31").minus_months(6), d("2024-02-29"));  // leap year
  EXPECT_EQ(d("2024-02-29").minus_months(12), d("2023-02-28"));
  EXPECT_EQ(d("2026-03-31").minus_months(1), d("2026-02-28"));
  EXPECT_EQ(d("2026-01-15").minus_months(36), d("2023-01-15"));
  EXPECT_EQ(d("2025-12-31").plus_months(2), d("2026-02-28"));
}

TEST(CivilDate, SpansAreClosedOpen) {
  const DateSpan s{d("2026-01-01"), d("2026-02-01")};
  EXPECT_TRUE(s.contains(d("2026-01-01")));
  EXPECT_TRUE(s.contains(d("2026-01-31")));
  EXPECT_FALSE(s.contains(d("2026-02-01")));
  EXPECT_FALSE(s.contains(d("2025-12-31")));
  const DateSpan open{d("2026-02-01"), std::nullopt};
  EXPECT_TRUE(open.contains(d("2099-01-01")));
  EXPECT_FALSE(s.overlaps(open));  // back-to-back spans do not overlap
  EXPECT_TRUE(open.overlaps(DateSpan{d("2030-01-01"), d("2030-01-02")}));
}

TEST(Instant, FormatsAndParsesUtc) {
  auto t = parse_utc("2026-03-08T10:30:05Z");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(format_utc(*t), "2026-03-08T10:30:05Z");
  EXPECT_FALSE(parse_utc("2026-03-08 10:30:05").is_ok());
  EXPECT_FALSE(parse_utc("2026-03-08T24:00:00Z").is_ok());
}

TEST(Zone, LocalDateUsesTheAgencyZoneNotUtc) {
  // 06:59 UTC on 1 Jan is still 31 Dec in Seattle (UTC-8).
  EXPECT_EQ(local_date(parse_utc("2026-01-01T06:59:00Z").value(), kDefaultAgencyZone).value(),
            d("2025-12-31"));
  EXPECT_EQ(local_date(parse_utc("2026-01-01T08:00:00Z").value(), kDefaultAgencyZone).value(),
            d("2026-01-01"));
  // Summer time: UTC-7.
  EXPECT_EQ(local_date(parse_utc("2026-07-01T06:59:00Z").value(), kDefaultAgencyZone).value(),
            d("2026-06-30"));
  EXPECT_EQ(local_date(parse_utc("2026-07-01T07:00:00Z").value(), kDefaultAgencyZone).value(),
            d("2026-07-01"));
  EXPECT_EQ(local_date(Instant{}, "Mars/Olympus").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace rollcall
