// The threshold engine of 3.070 §1, with the stateful rules of
// ARCHITECTURE.md ("Two threshold tables"):
//   - As of date d, count an indicator's qualifying events dated in
//     (d − N months, d] (month-end clamped).
//   - If a PMR was initiated within `recent_review_months` before d, the
//     threshold set's recent-review table applies, else the initial table.
//   - Events dated on or before the initiation of the employee's latest PMR
//     (as of d) do not count: they were reviewed. Nor do events dated on or
//     before a crossing that an open PMR absorbed (docs/adr/0006).
//   - A trigger is a crossing: count(d − 1) < threshold ≤ count(d), each side
//     judged by the threshold set (and table) in force on its own day.
//   - While a PMR is open, a crossing attaches to it instead of opening one.
//   - A (each supervisory recommendation is reviewed) is simply a rule with
//     count 1; G counts every event that qualifies under A–F.
// Triggers name the indicator, the count, the rule, the table, the threshold
// set and the events behind them.
//
// Events are fed one at a time (incremental evaluation). In date order per
// employee each costs O(log n). An event dated before others already seen for
// that employee (late data), a correction, or a withdrawal re-evaluates that
// employee's history and returns only triggers that did not exist before.
#pragma once

#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/pmp/indicator.h"
#include "domain/pmp/indicator_event.h"

namespace rollcall::pmp {

// Threshold sets in force over time: each applies from its effective date
// until the next set's.
class ThresholdHistory {
 public:
  explicit ThresholdHistory(std::vector<ThresholdSet> sets);
  // The set in force on d, or nullptr before the first set takes effect.
  const ThresholdSet* in_force(Date d) const;
  const std::vector<ThresholdSet>& sets() const { return sets_; }

 private:
  std::vector<ThresholdSet> sets_;  // by effective_from
};

// A Performance Mentoring Review: when it was initiated and, once closed, the
// first day it was no longer open.
struct Review {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  Date initiated;
  std::optional<Date> closed;
  // Dates of crossings absorbed while open: their events are reviewed too.
  std::vector<Date> absorbed;
  bool open_on(Date d) const { return initiated <= d && (!closed || d < *closed); }
};

enum class TriggerOutcome { kNewReview, kAttachedToOpenReview };
std::string_view to_string(TriggerOutcome o);  // "new-review" | "attached"

struct Trigger {
  org::EmployeeId employee = 0;
  Indicator indicator = Indicator::kA;
  Date date;           // the crossing date
  int count = 0;       // count(date)
  ThresholdRule rule;  // the threshold crossed
  bool recent_review_table = false;
  std::int64_t threshold_set_id = 0;
  std::vector<std::int64_t> event_ids;  // the events counted, by date
  TriggerOutcome outcome = TriggerOutcome::kNewReview;
  std::int64_t review_id = 0;
};

// Where an employee stands on one indicator as of a date.
struct Standing {
  org::EmployeeId employee = 0;
  Indicator indicator = Indicator::kA;
  int count = 0;
  ThresholdRule rule;
  bool recent_review_table = false;
  std::vector<std::int64_t> event_ids;
  bool reached() const { return count >= rule.count; }
};

struct EvaluatorOptions {
  // A trigger with no open review starts one (initiated on the crossing date).
  // Until the review workflow records its real closing, it is assumed to stay
  // open this many days, absorbing further crossings.
  int assumed_review_days = 60;
  // False: crossings are reported but start no review, so nothing is excluded
  // as reviewed — the view from recorded reviews only (none until the review
  // workflow stores them).
  bool start_reviews = true;
};

class Evaluator {
 public:
  Evaluator(ThresholdHistory thresholds, EvaluatorOptions options = {});

  // Adds an event version (a later version of a known id replaces it).
  // Returns the triggers this causes, in date order.
  std::vector<Trigger> add(const IndicatorEvent& e);

  // Every trigger so far, and the reviews they started, by employee then date.
  std::vector<Trigger> triggers() const;
  std::vector<Review> reviews() const;
  std::vector<Trigger> triggers_of(org::EmployeeId e) const;

  // Where employee e stands on each indicator of the set in force on d,
  // given the reviews derived so far (feed events dated up to d first).
  std::vector<Standing> standing(org::EmployeeId e, Date d) const;
  std::vector<org::EmployeeId> employees() const;

 private:
  struct Counted {  // a qualifying event, as the engine needs it
    Date date;
    std::int64_t id = 0;
  };
  struct EmployeeState {
    std::map<Indicator, std::vector<Counted>> by_indicator;  // sorted by (date, id); G included
    std::vector<Review> reviews;                             // by initiated
    std::vector<Trigger> triggers;
    Date latest;  // latest event date seen
    bool any = false;
  };
  struct Known {
    org::EmployeeId employee;
    int version;
    bool counted;
    Indicator indicator;
    Date date;
  };

  std::vector<Trigger> evaluate_arrival(EmployeeState& s, org::EmployeeId e, Indicator i, Date d);
  std::vector<Trigger> rebuild(org::EmployeeId e);
  bool reached_day_before(const EmployeeState& s, Indicator ind, Date d) const;
  std::optional<Date> cutoff(const EmployeeState& s, Date d) const;
  int count(const std::vector<Counted>& v, Date d, int months, std::optional<Date> cut) const;
  std::vector<std::int64_t> counted_ids(const std::vector<Counted>& v, Date d, int months,
                                        std::optional<Date> cut) const;
  bool recent_table(const EmployeeState& s, const ThresholdSet& set, Date d) const;
  static void insert_sorted(std::vector<Counted>& v, Counted c);

  ThresholdHistory thresholds_;
  EvaluatorOptions options_;
  std::unordered_map<org::EmployeeId, EmployeeState> state_;
  std::unordered_map<std::int64_t, Known> known_;  // event id -> latest version seen
  std::int64_t next_review_id_ = 1;
};

}  // namespace rollcall::pmp
