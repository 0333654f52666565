#include "app/pmp/demo/demo_reviews.h"

#include <algorithm>
#include <array>
#include <set>

#include "app/pmp/plan/plan_service.h"
#include "app/pmp/replay.h"
#include "app/pmp/review/review_service.h"
#include "domain/access/access.h"

namespace rollcall::app {
namespace {

namespace rv = pmp::review;
namespace pl = pmp::plan;

// 17:00 UTC: mid-morning in Seattle, so the agency date is the UTC date.
Instant at_on(Date d) { return Instant(d.sys_days()) + std::chrono::hours(17); }

std::optional<org::EmployeeId> holder(const std::optional<org::ChainLink>& link) {
  if (!link || !link->holder) return std::nullopt;
  return link->holder->employee;
}

std::string actor_name(const org::OrgSnapshot& org, org::EmployeeId e) {
  const org::Employee* emp = org.employee(e);
  return "demo:" + (emp ? emp->serial : std::to_string(e));
}

}  // namespace

Result<DemoReviewCounts> store_demo_reviews(storage::Database& db, Date today, int max_reviews) {
  RC_ASSIGN_OR_RETURN(org::OrgData data, db.load_org());
  const org::OrgSnapshot org(std::move(data));
  std::optional<org::EmployeeId> coordinator;
  for (const org::RoleGrant& g : org.data().roles) {
    if (g.role == org::SpecialRole::kPerformanceMentoringCoordinator && g.span.contains(today)) {
      coordinator = g.employee;
      break;
    }
  }
  if (!coordinator) return failed_precondition("the demo has no Performance Mentoring Coordinator");
  std::set<org::EmployeeId> with_accounts;
  RC_ASSIGN_OR_RETURN(auto accounts, db.accounts());
  for (const auto& a : accounts) with_accounts.insert(a.employee);

  ReplayInput input;
  RC_ASSIGN_OR_RETURN(input.versions, db.event_versions(std::nullopt));
  RC_ASSIGN_OR_RETURN(input.threshold_sets, db.threshold_sets());
  input.through = today;
  const pmp::Evaluator evaluator = replay(input);
  std::vector<pmp::Trigger> recent;
  for (const pmp::Trigger& t : evaluator.triggers()) {
    if (t.outcome != pmp::TriggerOutcome::kNewReview) continue;
    if (t.date < today.plus_days(-150) || t.date > today.plus_days(-2)) continue;
    if (with_accounts.count(t.employee) != 0U || t.employee == *coordinator) continue;
    recent.push_back(t);
  }
  // Spread over the window, oldest first: older reviews have had time to go
  // further, so the demo shows every stage.
  std::sort(recent.begin(), recent.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.employee < b.employee;
  });
  if (recent.size() > static_cast<std::size_t>(max_reviews) * 2) {
    std::vector<pmp::Trigger> spread;
    const double step = static_cast<double>(recent.size()) / (max_reviews * 2);
    for (int i = 0; i < max_reviews * 2; ++i) {
      spread.push_back(recent[static_cast<std::size_t>(i * step)]);
    }
    recent = std::move(spread);
  }

  DemoReviewCounts counts;
  std::set<org::EmployeeId> done;
  for (const pmp::Trigger& t : recent) {
    if (counts.reviews >= max_reviews) break;
    if (!done.insert(t.employee).second) continue;
    auto chain = org.chain_of(t.employee, t.date);
    if (!chain) continue;
    const auto sergeant = holder(chain->sergeant());
    const auto lieutenant = holder(chain->lieutenant());
    const auto captain = holder(chain->captain());
    const auto chief = holder(chain->bureau_chief());
    if (!sergeant || !lieutenant || !captain || !chief) continue;
    // How many steps each review has had, cycling through every stage (99:
    // to the bureau chief's concurrence); two in three lead to a plan.
    static constexpr std::array<std::size_t, 14> kStops{99, 2, 4, 6, 8, 10, 12,
                                                        99, 3, 5, 7, 9, 11, 13};
    const int index = counts.reviews;
    const bool plan = index % 3 != 1;
    const std::size_t stop = kStops[static_cast<std::size_t>(index) % kStops.size()];

    Date on = std::min(t.date.plus_days(1), today);
    auto acting = [&](org::EmployeeId who) {
      return review::ActingAs{who, actor_name(org, who), at_on(on), on};
    };
    rv::ReviewTrigger trigger{t.indicator, t.date, t.event_ids};
    auto opened = review::open_review(db, org, acting(*coordinator), t.employee, trigger);
    if (!opened) continue;  // e.g. an employee who left; the demo moves on
    ++counts.reviews;
    const std::int64_t id = opened.value().review.id;
    int version = opened.value().version;
    using K = rv::ActionKind;
    struct Planned {
      K kind;
      org::EmployeeId who;
      std::optional<org::EmployeeId> assignee;
    };
    std::vector<Planned> steps{
        {K::kNotifyCaptain, *coordinator, captain},
        {K::kAssignLieutenant, *captain, lieutenant},
        {K::kReviewCircumstances, *lieutenant, std::nullopt},
        {K::kAssignSergeant, *lieutenant, sergeant},
        {K::kReviewIncidents, *sergeant, std::nullopt},
        {K::kRecommend, *sergeant, std::nullopt},
    };
    if (plan) steps.push_back({K::kDevelopPlan, *sergeant, std::nullopt});
    for (auto s : {Planned{K::kSubmit, *sergeant, std::nullopt},
                   Planned{K::kLieutenantRecommend, *lieutenant, std::nullopt},
                   Planned{K::kDesignate, *captain, std::nullopt},
                   Planned{K::kForwardToCoordinator, *captain, std::nullopt},
                   Planned{K::kReceive, *coordinator, std::nullopt},
                   Planned{K::kForwardToBureauChief, *coordinator, chief},
                   Planned{K::kConcur, *chief, std::nullopt}}) {
      steps.push_back(s);
    }
    bool concurred = false;
    for (std::size_t i = 0; i < steps.size() && i < stop; ++i) {
      on = on.plus_days(1 + static_cast<int>((index + i) % 3));
      if (on > today) break;
      review::StepRequest req;
      req.kind = steps[i].kind;
      req.expected_version = version;
      req.assignee = steps[i].assignee;
      const auto rec = plan ? rv::Recommendation::kMentoringPlan : rv::Recommendation::kNoAction;
      switch (req.kind) {
        case K::kReviewCircumstances:
          req.comments = "Reviewed the incidents behind the trigger with the sergeant.";
          break;
        case K::kAssignSergeant:
          req.items = {"conversations", "ride-alongs", "after-action-debriefs"};
          break;
        case K::kRecommend:
        case K::kLieutenantRecommend:
          req.recommendation = rec;
          break;
        case K::kDevelopPlan:
          req.items = {"weekly conversations", "two ride-alongs a week", "de-escalation refresher"};
          break;
        case K::kDesignate:
          req.designation = plan ? rv::Designation{true, rv::ReviewPeriod::k60Days, 0}
                                 : rv::Designation{false, rv::ReviewPeriod::kNoReviewNecessary, 0};
          break;
        default:
          break;
      }
      auto next = review::take_step(db, org, acting(steps[i].who), id, req);
      if (!next) break;
      version = next.value().version;
      concurred = steps[i].kind == K::kConcur;
    }
    if (!concurred) continue;
    ++counts.final;
    if (!plan) continue;
    // PRO-2.1–2.4: the plan opened, reviewed with the employee, first coaching.
    on = std::min(on.plus_days(1), today);
    auto p = plan::open_plan(db, org, acting(*coordinator), id);
    if (!p) continue;
    ++counts.plans;
    plan::PlanStepRequest review_with;
    review_with.kind = pl::ActionKind::kReviewWithEmployee;
    review_with.expected_version = p.value().version;
    review_with.comments = "Went over the plan with the officer and the sergeant.";
    on = std::min(on.plus_days(2), today);
    auto reviewed =
        plan::take_plan_step(db, org, acting(*lieutenant), p.value().plan.id, review_with);
    if (!reviewed) continue;
    plan::PlanStepRequest ride;
    ride.kind = pl::ActionKind::kLogCoaching;
    ride.expected_version = reviewed.value().version;
    pl::CoachingEntry entry;
    entry.kind = pl::CoachingKind::kRideAlong;
    entry.date = on;
    entry.minutes = 120;
    entry.notes = "Ride-along on second watch; talked through two traffic stops.";
    ride.entry = entry;
    (void)plan::take_plan_step(db, org, acting(*sergeant), p.value().plan.id, ride);
  }
  return counts;
}

}  // namespace rollcall::app
