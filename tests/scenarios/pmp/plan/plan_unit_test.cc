// Unit tests of the plan's parts not better read as scenarios: the report
// schedule's calendar arithmetic (3.070-PRO-2.1, 2.7), coaching-entry rules
// (PRO-2.4–2.5), the §6 debrief restriction's corner cases, opening a plan
// (PRO-2.1) and the readable names of every enumeration.
#include <gtest/gtest.h>

#include "domain/pmp/plan/plan_workflow.h"
#include "domain/pmp/plan/weekly_compliance.h"

namespace rollcall::pmp::plan {
namespace {

Date d(const char* s) { return Date::parse(s).value(); }

std::vector<Date> dues(const std::vector<ReportSlot>& slots) {
  std::vector<Date> out;
  for (const auto& s : slots) out.push_back(s.due);
  return out;
}

TEST(ReportSchedule, HalfMonthsClampToFebruaryAndSkipATooEarlyFirstCutOff) {
  // Opened 2028-02-10 (leap year) for 30 days: ends 03-10. 02-15 is 5 days
  // after the start, fewer than 7: skipped; 02-29 is the month's last day.
  const auto slots = report_slots(d("2028-02-10"), d("2028-03-10"), {});
  EXPECT_EQ(dues(slots), (std::vector<Date>{d("2028-02-29")}));
  EXPECT_EQ(slots[0].issued, d("2028-02-10"));
  // A 90-day plan from 2026-01-01 ends 03-31: six reports, each form issued
  // on the previous due date.
  const auto q = report_slots(d("2026-01-01"), d("2026-03-31"), {});
  EXPECT_EQ(dues(q), (std::vector<Date>{d("2026-01-15"), d("2026-01-31"), d("2026-02-15"),
                                        d("2026-02-28"), d("2026-03-15"), d("2026-03-31")}));
  EXPECT_EQ(q[3].issued, d("2026-02-15"));
  // Across a year end.
  EXPECT_EQ(dues(report_slots(d("2026-12-20"), d("2027-01-20"), {})),
            (std::vector<Date>{d("2026-12-31"), d("2027-01-15")}));
}

TEST(ReportSchedule, MidMonthDayAndIntervalAreConfigurable) {
  ReportSchedule s;
  s.mid_month_day = 31;  // clamps to the month end: once a month
  EXPECT_EQ(dues(report_slots(d("2026-04-01"), d("2026-05-31"), s)),
            (std::vector<Date>{d("2026-04-30"), d("2026-05-31")}));
  s = {};
  s.style = ScheduleStyle::kInterval;
  s.interval_days = 14;
  EXPECT_EQ(dues(report_slots(d("2026-04-01"), d("2026-04-30"), s)),
            (std::vector<Date>{d("2026-04-15"), d("2026-04-29")}));
  s.interval_days = 0;
  EXPECT_TRUE(report_slots(d("2026-04-01"), d("2026-04-30"), s).empty());
  EXPECT_TRUE(report_slots(d("2026-04-01"), d("2026-04-01"), {}).empty());
}

TEST(CoachingEntry, EachKindNeedsItsFields) {
  CoachingEntry e;
  e.kind = CoachingKind::kRideAlong;
  EXPECT_EQ(entry_problems(e).size(), 2u);  // notes, minutes
  e.notes = "patrol";
  e.minutes = 90;
  EXPECT_TRUE(entry_problems(e).empty());
  e.kind = CoachingKind::kConversation;
  EXPECT_EQ(entry_problems(e).size(), 1u);  // minutes on a conversation
  e.minutes = 0;
  e.kind = CoachingKind::kAccompaniment;
  EXPECT_EQ(entry_problems(e).size(), 1u);
  e.contact = ContactKind::kTrafficStop;
  EXPECT_TRUE(entry_problems(e).empty());
  e.contact.reset();
  e.kind = CoachingKind::kDebrief;
  EXPECT_EQ(entry_problems(e).size(), 1u);  // subject
  e.subject = DebriefSubject::kIndicatorEvent;
  EXPECT_EQ(entry_problems(e).size(), 1u);  // event id
  e.event_id = 5;
  EXPECT_TRUE(entry_problems(e).empty());
  e.subject = DebriefSubject::kArrest;
  EXPECT_EQ(entry_problems(e).size(), 1u);  // an arrest names no indicator event
}

TEST(DebriefRestriction, CornerCases) {
  IndicatorEvent e;
  e.id = 3;
  e.kind = EventKind::kComplaint;
  e.date = d("2026-04-01");
  // Unknown source: treated as OPA; open and no interview: existence only.
  EXPECT_EQ(debrief_view(e, std::nullopt, d("2026-04-02")).detail, DebriefDetail::kExistenceOnly);
  // The recorded flag counts when no date is known.
  e.opa_interview_given = true;
  EXPECT_EQ(debrief_view(e, std::nullopt, d("2026-04-02")).detail,
            DebriefDetail::kGeneralIssuesOnly);
  // A known date after the debrief does not.
  EXPECT_EQ(debrief_view(e, d("2026-04-10"), d("2026-04-02")).detail,
            DebriefDetail::kExistenceOnly);
  e.complaint_source = ComplaintSource::kEeo;
  EXPECT_EQ(debrief_view(e, std::nullopt, d("2026-04-02")).detail, DebriefDetail::kFull);
  e.withdrawn = true;
  const auto v = debrief_view(e, std::nullopt, d("2026-04-02"));
  EXPECT_EQ(v.detail, DebriefDetail::kExistenceOnly);
  EXPECT_FALSE(debriefable(v));
  EXPECT_EQ(v.clause, "3.070-POL-6");
}

review::Review designated() {
  review::Review r;
  r.id = 9;
  r.employee = 100;
  r.captain = 300;
  r.lieutenant = 400;
  r.sergeant = 500;
  r.bureau_chief = 600;
  r.state = review::ReviewState::kPlanDesignated;
  r.plan_items = {"ride-alongs"};
  r.designation = review::Designation{true, review::ReviewPeriod::kOther, 45};
  return r;
}

const ActorContext kCoordinator{900, {access::Role::kEmployee, access::Role::kCoordinator}, false};

TEST(OpenPlan, CopiesTheReviewAndSetsThePeriod) {
  auto p = open_plan(1, designated(), kCoordinator, Instant{}, d("2026-04-01"));
  ASSERT_TRUE(p.is_ok()) << p.status().to_string();
  EXPECT_EQ(p->state, PlanState::kFormSent);
  EXPECT_EQ(p->review_id, 9);
  EXPECT_EQ(p->sergeant, 500);
  EXPECT_EQ(p->bureau_chief, 600);
  EXPECT_EQ(p->period_end, d("2026-05-15"));  // 45 days: April 1 … May 15
  ASSERT_EQ(p->versions.size(), 1u);
  EXPECT_EQ(p->versions[0].items, std::vector<std::string>{"ride-alongs"});
  EXPECT_EQ(p->history.at(0).step, "3.070-PRO-2.1");
}

TEST(OpenPlan, RefusesWhatIsNotAConcurredPlan) {
  const ActorContext captain{300, {access::Role::kCaptain}, true};
  EXPECT_EQ(open_plan(1, designated(), captain, Instant{}, d("2026-04-01")).status().code(),
            StatusCode::kPermissionDenied);
  const ActorContext self{100, {access::Role::kCoordinator}, false};
  EXPECT_EQ(open_plan(1, designated(), self, Instant{}, d("2026-04-01")).status().code(),
            StatusCode::kPermissionDenied);
  auto r = designated();
  r.state = review::ReviewState::kBureauChiefReview;
  EXPECT_EQ(open_plan(1, r, kCoordinator, Instant{}, d("2026-04-01")).status().code(),
            StatusCode::kFailedPrecondition);
  r = designated();
  r.sergeant = 0;
  EXPECT_EQ(open_plan(1, r, kCoordinator, Instant{}, d("2026-04-01")).status().code(),
            StatusCode::kInvalidArgument);
  r = designated();
  r.designation = review::Designation{};
  EXPECT_EQ(open_plan(1, r, kCoordinator, Instant{}, d("2026-04-01")).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(PlanWorkflow, ApplyLeavesItsInputAlone) {
  const Plan p = open_plan(1, designated(), kCoordinator, Instant{}, d("2026-04-01")).value();
  Action a;
  a.kind = ActionKind::kReviewWithEmployee;
  a.on = d("2026-04-02");
  a.comments = "met with both";
  auto next = apply(p, a, {400, {access::Role::kLieutenant}, true});
  ASSERT_TRUE(next.is_ok()) << next.status().to_string();
  EXPECT_EQ(next->state, PlanState::kImplementing);
  EXPECT_EQ(p.state, PlanState::kFormSent);
  EXPECT_EQ(p.history.size(), 1u);
  EXPECT_EQ(next->history.size(), 2u);
}

TEST(Names, EveryEnumerationRoundTrips) {
  for (int i = 0; i <= static_cast<int>(PlanState::kCompleted); ++i) {
    const auto s = static_cast<PlanState>(i);
    EXPECT_EQ(parse_plan_state(to_string(s)), s) << to_string(s);
  }
  for (int i = 0; i <= static_cast<int>(CoachingKind::kOther); ++i) {
    const auto k = static_cast<CoachingKind>(i);
    EXPECT_EQ(parse_coaching_kind(to_string(k)), k);
  }
  for (int i = 0; i <= static_cast<int>(ContactKind::kCitizenContact); ++i) {
    EXPECT_EQ(parse_contact_kind(to_string(static_cast<ContactKind>(i))),
              static_cast<ContactKind>(i));
  }
  for (int i = 0; i <= static_cast<int>(DebriefSubject::kIndicatorEvent); ++i) {
    EXPECT_EQ(parse_debrief_subject(to_string(static_cast<DebriefSubject>(i))),
              static_cast<DebriefSubject>(i));
  }
  for (int i = 0; i <= static_cast<int>(DebriefDetail::kExistenceOnly); ++i) {
    EXPECT_EQ(parse_debrief_detail(to_string(static_cast<DebriefDetail>(i))),
              static_cast<DebriefDetail>(i));
  }
  for (int i = 0; i <= static_cast<int>(PartialWeek::kFull); ++i) {
    EXPECT_EQ(parse_partial_week(to_string(static_cast<PartialWeek>(i))),
              static_cast<PartialWeek>(i));
  }
  EXPECT_EQ(parse_schedule_style(to_string(ScheduleStyle::kInterval)), ScheduleStyle::kInterval);
  EXPECT_EQ(step_of(ActionKind::kReceive), "3.070-PRO-2.15");
  EXPECT_EQ(step_of(ActionKind::kDirectAdditionalActions), "3.070-PRO-2.18");
  EXPECT_EQ(to_string(ActionKind::kSubmitReport), "submit-report");
  EXPECT_FALSE(parse_plan_state("nope"));
  EXPECT_FALSE(parse_coaching_kind(""));
}

}  // namespace
}  // namespace rollcall::pmp::plan
