#include "app/demo/demo_events.h"

#include "app/demo/portable_random.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace rollcall::app {
namespace {

using org::AssignmentRole;
using org::EmployeeId;
using org::EmployeeStatus;
using org::OrgSnapshot;
using org::UnitKind;
using pmp::ComplaintSource;
using pmp::EventKind;
using pmp::ForceType;
using pmp::IndicatorEvent;
using pmp::Preventability;

using demo_random::pick;
using demo_random::Rng;
using demo_random::uniform;
using demo_random::uniform01;

// True with probability per_mille/1000.
bool chance(Rng& rng, int per_mille) { return demo_random::chance(rng, per_mille, 1000); }

constexpr int kYears = 3;
// Events in the whole window, before the cast's guaranteed ones.
constexpr double kTargetEvents = 9000.0;
// Spread of per-employee rates: the lognormal's sigma. Heavier than
// event_generator's 1.1 because most of these employees are in the data with
// no event at all (a department's own view, not an export of uses of force).
constexpr double kSigma = 2.4;
// No employee has more than this chance of an event on any one day: the
// busiest officers have about two events a month, not one a day.
constexpr double kMaxDailyChance = 0.1;

// Where someone works on a day, as a multiplier of their own rate: patrol
// members meet the public most; commanders hardly at all.
double exposure(const OrgSnapshot& org, const org::Assignment& a,
                const std::unordered_map<org::UnitId, bool>& patrol) {
  const org::Unit* u = org.unit(a.unit);
  if (u == nullptr) return 0.0;
  const bool in_patrol = patrol.at(a.unit);
  if (a.role == AssignmentRole::kMember) return in_patrol ? 1.0 : 0.35;
  if (a.acting) return 0.0;  // the acting holder's member assignment counts
  switch (org::level_of(u->kind)) {
    case 4:
      return in_patrol ? 0.5 : 0.25;
    case 3:
      return 0.2;
    case 2:
      return 0.08;
    default:
      return 0.03;
  }
}

// The kind mix of event_generator.h: A with probability a_per_100k / 100000,
// the rest in the proportions B 45 : C 8 : D 25 : E 4 : F 15.
EventKind draw_kind(Rng& rng, std::int64_t a_per_100k) {
  if (uniform(rng, 0, 99999) < a_per_100k) return EventKind::kSupervisoryRecommendation;
  const auto x = uniform(rng, 0, 969);
  if (x < 450) return EventKind::kUseOfForce;        // B
  if (x < 530) return EventKind::kVehicleCollision;  // C
  if (x < 780) return EventKind::kComplaint;         // D
  if (x < 820) return EventKind::kClaim;             // E
  return EventKind::kPursuit;                        // F
}

// Supervisors recommend a review (A) mostly for the officers whose work
// worries them, who are also the ones with the most events: A is 3% of all
// events; 0.5% of the events of all but the busiest quarter of employees (by
// rate), and as much of the busiest quarter's as makes up the 3%.
constexpr std::int64_t kAShare = 3000;  // per 100,000 events
constexpr std::int64_t kAShareOthers = 500;

constexpr std::array<std::string_view, 10> kRecommendationTexts{
    "Escalated a routine traffic stop; recommend de-escalation coaching.",
    "Several late and incomplete reports this quarter; recommend report-writing review.",
    "Demeanor toward community members at calls has drawn repeated concern.",
    "Tactics at a high-risk vehicle stop put a partner at risk; recommend review.",
    "Missed two court appearances; recommend a mentoring conversation.",
    "Pattern of sick leave around days off; check on wellbeing and support.",
    "Body-worn video muted during contacts on several occasions.",
    "Frequent use of force at arrests for minor offences; recommend review.",
    "Struggling after a critical incident; recommend peer support and review.",
    "Disregarded a supervisor's direction to disengage from a pursuit."};

constexpr std::array<std::string_view, 5> kClosedDispositions{
    "not sustained", "unfounded", "lawful and proper", "sustained", "training referral"};

// Ranks as they precede a name in a report.
std::string name_with_rank(const org::Employee& e) {
  std::string title;
  if (e.rank == "sergeant") title = "Sgt. ";
  if (e.rank == "lieutenant") title = "Lt. ";
  if (e.rank == "captain") title = "Capt. ";
  if (e.rank == "assistant chief") title = "A/Chief ";
  if (e.rank == "chief of police") title = "Chief ";
  return title + e.first_name + " " + e.last_name;
}

Instant at_morning(Date d) {
  // 08:00 UTC: the start of the agency's day on the west coast.
  return Instant(std::chrono::sys_seconds(d.sys_days()) + std::chrono::hours(8));
}

class EventBuilder {
 public:
  EventBuilder(const org::OrgData& stored, Date today, std::uint64_t seed)
      : org_(stored),
        today_(today),
        start_(today.minus_months(12 * kYears).plus_days(1)),
        days_(days_between(start_, today) + 1),
        rng_(seed ^ 0x5eed'e7e2'70d3'11c5ULL) {
    for (const org::Unit& u : org_.data().units) patrol_[u.id] = in_patrol(u);
  }

  std::vector<IndicatorEvent> build() {
    const std::vector<Exposure> exposures = exposures_by_employee();
    // Lognormal weights, one per employee in order, by Box-Muller.
    std::vector<double> weights(exposures.size());
    for (std::size_t i = 0; i < exposures.size(); ++i) {
      const double u1 = 1.0 - uniform01(rng_);  // (0, 1]
      const double u2 = uniform01(rng_);
      constexpr double kTwoPi = 6.283185307179586;
      weights[i] = std::exp(kSigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2));
    }
    const double base = base_rate(exposures, weights);
    std::vector<double> sorted = weights;
    std::sort(sorted.begin(), sorted.end());
    const double busy = sorted.empty() ? 0.0 : sorted[sorted.size() * 3 / 4];
    const double all = expected_events(exposures, weights, base, 0.0);
    const double of_busy = expected_events(exposures, weights, base, busy);
    const std::int64_t a_busy =
        of_busy > 0 ? std::clamp(static_cast<std::int64_t>(
                                     (kAShare * all - kAShareOthers * (all - of_busy)) / of_busy),
                                 kAShareOthers, std::int64_t{20000})
                    : kAShare;
    for (std::size_t i = 0; i < exposures.size(); ++i) {
      const Exposure& x = exposures[i];
      for (std::int64_t day = 0; day < days_; ++day) {
        const double m = x.daily[static_cast<std::size_t>(day)];
        if (m <= 0.0) continue;
        const double p = std::min(kMaxDailyChance, base * weights[i] * m);
        if (uniform01(rng_) < p) {
          const std::int64_t a = weights[i] >= busy ? a_busy : kAShareOthers;
          add_event(x.employee, start_.plus_days(day), draw_kind(rng_, a));
        }
      }
    }
    if (auto cast = choose_demo_cast(org_, today_)) guarantee_cast_story(*cast, exposures);
    number_incidents();
    return std::move(events_);
  }

 private:
  struct Exposure {
    EmployeeId employee = 0;
    std::vector<double> daily;        // by day from start_: 0 when not working
    std::map<double, int> day_count;  // how many days at each exposure > 0
  };

  // The expected number of events of employees whose weight is at least
  // `min_weight`, each day's chance capped at kMaxDailyChance.
  static double expected_events(const std::vector<Exposure>& exposures,
                                const std::vector<double>& weights, double base,
                                double min_weight) {
    double sum = 0.0;
    for (std::size_t i = 0; i < exposures.size(); ++i) {
      if (weights[i] < min_weight) continue;
      for (const auto& [m, n] : exposures[i].day_count) {
        sum += n * std::min(kMaxDailyChance, base * weights[i] * m);
      }
    }
    return sum;
  }

  // The daily chance at exposure 1 and weight 1 for which the expected number
  // of events is kTargetEvents: found by bisection, the expectation being
  // increasing in the rate.
  static double base_rate(const std::vector<Exposure>& exposures,
                          const std::vector<double>& weights) {
    auto expected = [&](double base) { return expected_events(exposures, weights, base, 0.0); };
    double lo = 0.0;
    double hi = 1.0;
    if (expected(hi) <= kTargetEvents) return hi;
    for (int i = 0; i < 60; ++i) {
      const double mid = (lo + hi) / 2;
      (expected(mid) < kTargetEvents ? lo : hi) = mid;
    }
    return hi;
  }

  bool in_patrol(const org::Unit& unit) const {
    for (const org::Unit* u = &unit; u != nullptr;
         u = u->parent ? org_.unit(*u->parent) : nullptr) {
      if (u->kind == UnitKind::kPrecinct) return true;
    }
    return false;
  }

  std::int64_t day_index(Date d) const { return days_between(start_, d); }

  // Exposure of every sworn employee over the window: the best of their
  // assignments each day, none on days separated or on an extended absence.
  std::vector<Exposure> exposures_by_employee() const {
    std::unordered_map<EmployeeId, std::size_t> index;
    std::vector<Exposure> out;
    for (const org::Employee& e : org_.data().employees) {
      if (e.category != org::Category::kSworn) continue;
      index[e.id] = out.size();
      out.push_back(Exposure{e.id, std::vector<double>(static_cast<std::size_t>(days_), 0.0)});
    }
    auto clip = [&](const DateSpan& span, auto&& f) {
      const std::int64_t from = std::max<std::int64_t>(0, day_index(span.start));
      const std::int64_t to = span.end_exclusive
                                  ? std::min<std::int64_t>(days_, day_index(*span.end_exclusive))
                                  : days_;
      for (std::int64_t d = from; d < to; ++d) f(static_cast<std::size_t>(d));
    };
    for (const org::Assignment& a : org_.data().assignments) {
      auto it = index.find(a.employee);
      if (it == index.end()) continue;
      const double m = exposure(org_, a, patrol_);
      auto& daily = out[it->second].daily;
      clip(a.span, [&](std::size_t d) { daily[d] = std::max(daily[d], m); });
    }
    for (const org::StatusPeriod& s : org_.data().statuses) {
      auto it = index.find(s.employee);
      if (it == index.end() || s.status == EmployeeStatus::kActive) continue;
      auto& daily = out[it->second].daily;
      clip(s.span, [&](std::size_t d) { daily[d] = 0.0; });
    }
    for (const org::Employee& e : org_.data().employees) {  // nothing before hire
      auto it = index.find(e.id);
      if (it == index.end()) continue;
      clip(DateSpan{start_, e.hire_date}, [&](std::size_t d) { out[it->second].daily[d] = 0.0; });
    }
    for (Exposure& x : out) {
      for (double m : x.daily) {
        if (m > 0.0) ++x.day_count[m];
      }
    }
    return out;
  }

  // The supervisor who would write employee's recommendation on d: their
  // sergeant, else the nearest filled position above them.
  std::string author_for(EmployeeId employee, Date d) const {
    auto chain = org_.chain_of(employee, d);
    if (chain) {
      std::optional<org::PositionHolder> h;
      if (auto sgt = chain->sergeant(); sgt && sgt->holder && sgt->holder->employee != employee) {
        h = sgt->holder;
      } else {
        h = chain->immediate_supervisor();
      }
      if (h) {
        if (const org::Employee* e = org_.employee(h->employee)) return name_with_rank(*e);
      }
    }
    return "Sgt. (unknown)";
  }

  IndicatorEvent& add_event(EmployeeId employee, Date d, EventKind kind) {
    IndicatorEvent e;
    e.employee = employee;
    e.kind = kind;
    e.date = d;
    e.source_system = "demo";
    e.recorded_by = "demo";
    Date recorded = d.plus_days(uniform(rng_, 0, 5));
    switch (kind) {
      case EventKind::kSupervisoryRecommendation:
        e.author = author_for(employee, d);
        e.text = std::string(pick(rng_, kRecommendationTexts));
        break;
      case EventKind::kUseOfForce: {
        const auto x = uniform(rng_, 0, 999);
        e.force_type = x < 800 ? ForceType::kI : x < 970 ? ForceType::kII : ForceType::kIII;
        if (uniform(rng_, 0, 9999) < 40) {  // 0.4%: every discharge is investigated as Type III
          e.firearm_discharge = true;
          e.force_type = ForceType::kIII;
        }
        e.investigation_status = *e.force_type == ForceType::kI    ? "supervisor reviewed"
                                 : *e.force_type == ForceType::kII ? "chain of command review"
                                                                   : "Force Investigation Team";
        break;
      }
      case EventKind::kVehicleCollision: {
        const auto x = uniform(rng_, 0, 999);
        const Date ruled = d.plus_days(uniform(rng_, 14, 120));
        if (x < 850 && ruled <= today_) {
          e.preventability =
              x < 500 ? Preventability::kPreventable : Preventability::kNotPreventable;
          e.ruled_on = ruled;
          recorded = ruled;
        } else {
          e.preventability = Preventability::kPending;
        }
        break;
      }
      case EventKind::kComplaint: {
        e.complaint_source = chance(rng_, 800) ? ComplaintSource::kOpa : ComplaintSource::kEeo;
        const bool recent = days_between(d, today_) < 180;
        e.complaint_open = chance(rng_, recent ? 700 : 40);
        if (!e.complaint_open) {
          e.disposition = std::string(pick(rng_, kClosedDispositions));
          e.opa_interview_given = *e.complaint_source == ComplaintSource::kOpa && chance(rng_, 800);
        }
        break;
      }
      default:
        break;
    }
    e.recorded_at = at_morning(std::min(recorded, today_));
    events_.push_back(std::move(e));
    return events_.back();
  }

  // The demo officer has at least two events; someone else in the demo
  // sergeant's squad (the officer if alone) has a supervisory recommendation,
  // written by that sergeant, within the last year.
  void guarantee_cast_story(const DemoCast& cast, const std::vector<Exposure>& exposures) {
    auto working_days = [&](EmployeeId e, Date from, Date to) {
      std::vector<Date> out;
      for (const Exposure& x : exposures) {
        if (x.employee != e) continue;
        for (Date d = std::max(from, start_); d <= to && d <= today_; d = d.plus_days(1)) {
          if (x.daily[static_cast<std::size_t>(day_index(d))] > 0.0) out.push_back(d);
        }
      }
      return out;
    };
    const auto officer_events =
        std::count_if(events_.begin(), events_.end(),
                      [&](const IndicatorEvent& e) { return e.employee == cast.officer; });
    const Date year_ago = today_.minus_months(12).plus_days(1);
    for (auto n = officer_events; n < 2; ++n) {
      const auto days = working_days(cast.officer, year_ago, today_.plus_days(-1));
      if (days.empty()) break;
      const Date d = days[static_cast<std::size_t>(
          uniform(rng_, 0, static_cast<std::int64_t>(days.size()) - 1))];
      IndicatorEvent& e = add_event(cast.officer, d, EventKind::kUseOfForce);
      e.force_type = ForceType::kI;
      e.firearm_discharge = false;
      e.investigation_status = "supervisor reviewed";
    }
    EmployeeId member = cast.officer;
    for (EmployeeId m : org_.squad_of(cast.sergeant, today_)) {
      if (m == cast.officer) continue;
      const auto status = org_.status_on(m, today_);
      if (status && *status == EmployeeStatus::kActive) {
        member = m;
        break;
      }
    }
    // A day within the last year when the member was in this sergeant's squad.
    std::vector<Date> days;
    for (Date d : working_days(member, year_ago, today_.plus_days(-14))) {
      auto chain = org_.chain_of(member, d);
      if (!chain) continue;
      auto sgt = chain->sergeant();
      if (sgt && sgt->holder && sgt->holder->employee == cast.sergeant) days.push_back(d);
    }
    if (days.empty()) days = working_days(member, year_ago, today_);
    if (days.empty()) return;
    const Date d = days[static_cast<std::size_t>(
        uniform(rng_, 0, static_cast<std::int64_t>(days.size()) - 1))];
    add_event(member, d, EventKind::kSupervisoryRecommendation);
  }

  // Sorts by (date, employee, kind) and numbers incidents through each year.
  void number_incidents() {
    std::stable_sort(
        events_.begin(), events_.end(), [](const IndicatorEvent& a, const IndicatorEvent& b) {
          return std::tie(a.date, a.employee, a.kind) < std::tie(b.date, b.employee, b.kind);
        });
    std::map<int, std::int64_t> next;  // year -> next number
    for (IndicatorEvent& e : events_) {
      const int year = static_cast<int>(std::chrono::year_month_day(e.date.sys_days()).year());
      auto [it, fresh] = next.try_emplace(year, 0);
      if (fresh) it->second = 100000 + uniform(rng_, 0, 999);
      it->second += uniform(rng_, 1, 30);
      e.incident_number = std::to_string(year) + "-" + std::to_string(it->second);
    }
  }

  OrgSnapshot org_;
  Date today_;
  Date start_;
  std::int64_t days_;
  Rng rng_;
  std::unordered_map<org::UnitId, bool> patrol_;
  std::vector<IndicatorEvent> events_;
};

bool active_on(const OrgSnapshot& org, EmployeeId e, Date d) {
  const auto status = org.status_on(e, d);
  return status && *status == EmployeeStatus::kActive;
}

}  // namespace

std::optional<DemoCast> choose_demo_cast(const OrgSnapshot& org, Date today) {
  auto under_precinct = [&](const org::Unit& unit) {
    for (const org::Unit* u = &unit; u != nullptr; u = u->parent ? org.unit(*u->parent) : nullptr) {
      if (u->kind == UnitKind::kPrecinct) return true;
    }
    return false;
  };
  const Date year_ago = today.plus_days(-365);
  for (const org::Unit& squad : org.data().units) {
    if (squad.kind != UnitKind::kSquad || !under_precinct(squad)) continue;
    const auto holder = org.holder_on(squad.id, today);
    if (!holder || holder->acting || !active_on(org, holder->employee, today)) continue;
    const auto members = org.members_of(squad.id, today, false);
    if (members.size() < 2) continue;
    for (EmployeeId m : members) {
      const org::Employee* e = org.employee(m);
      if (e == nullptr || e->rank != "officer" || !active_on(org, m, today)) continue;
      if (!org.units_led_on(m, today).empty()) continue;
      const auto a = org.member_assignment_on(m, today);
      if (!a || a->unit != squad.id || a->span.start > year_ago) continue;
      auto chain = org.chain_of(m, today);
      if (!chain) continue;
      auto holder_of = [](const std::optional<org::ChainLink>& l) -> EmployeeId {
        return l && l->holder ? l->holder->employee : 0;
      };
      DemoCast cast;
      cast.officer = m;
      cast.sergeant = holder_of(chain->sergeant());
      cast.lieutenant = holder_of(chain->lieutenant());
      cast.captain = holder_of(chain->captain());
      cast.bureau_chief = holder_of(chain->bureau_chief());
      if (!chain->links.empty() && chain->links.back().kind == UnitKind::kDepartment) {
        cast.chief = holder_of(chain->links.back());
      }
      if (cast.sergeant != holder->employee || cast.lieutenant == 0 || cast.captain == 0 ||
          cast.bureau_chief == 0 || cast.chief == 0) {
        continue;
      }
      return cast;
    }
  }
  return std::nullopt;
}

std::vector<IndicatorEvent> generate_demo_events(const org::OrgData& stored, Date today,
                                                 std::uint64_t seed) {
  return EventBuilder(stored, today, seed).build();
}

std::string demo_event_key(const IndicatorEvent& e, const std::string& serial) {
  return "demo|" + e.incident_number + "|" + serial + "|" + std::string(pmp::to_string(e.kind));
}

Result<int> store_demo_events(storage::Database& db, const std::vector<IndicatorEvent>& events,
                              const std::string& actor) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(org::OrgData org, tx->load_org());
  std::unordered_map<EmployeeId, std::string> serials;
  for (const org::Employee& e : org.employees) serials[e.id] = e.serial;
  int stored = 0;
  for (const IndicatorEvent& e : events) {
    auto it = serials.find(e.employee);
    if (it == serials.end()) {
      return invalid_argument("demo event " + e.incident_number + ": unknown employee " +
                              std::to_string(e.employee));
    }
    RC_ASSIGN_OR_RETURN(std::int64_t id, tx->insert_event(e, demo_event_key(e, it->second)));
    (void)id;
    ++stored;
  }
  RC_RETURN_IF_ERROR(tx->commit());
  return stored;
}

}  // namespace rollcall::app
