#include "domain/pmp/evaluator.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace rollcall::pmp {

std::string_view to_string(TriggerOutcome o) {
  return o == TriggerOutcome::kNewReview ? "new-review" : "attached";
}

ThresholdHistory::ThresholdHistory(std::vector<ThresholdSet> sets) : sets_(std::move(sets)) {
  std::stable_sort(sets_.begin(), sets_.end(), [](const ThresholdSet& a, const ThresholdSet& b) {
    return a.effective_from < b.effective_from;
  });
}

const ThresholdSet* ThresholdHistory::in_force(Date d) const {
  const ThresholdSet* current = nullptr;
  for (const ThresholdSet& s : sets_) {
    if (s.effective_from > d) break;
    current = &s;
  }
  return current;
}

Evaluator::Evaluator(ThresholdHistory thresholds, EvaluatorOptions options)
    : thresholds_(std::move(thresholds)), options_(options) {}

void Evaluator::insert_sorted(std::vector<Counted>& v, Counted c) {
  auto less = [](const Counted& a, const Counted& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  };
  if (v.empty() || less(v.back(), c)) {
    v.push_back(c);  // the in-order fast path
  } else {
    v.insert(std::upper_bound(v.begin(), v.end(), c, less), c);
  }
}

std::optional<Date> Evaluator::cutoff(const EmployeeState& s, Date d) const {
  std::optional<Date> cut;
  for (const Review& r : s.reviews) {
    if (r.initiated > d) break;  // reviews are kept in initiation order
    Date reviewed = r.initiated;
    for (Date a : r.absorbed) {
      if (a <= d && a > reviewed) reviewed = a;
    }
    if (!cut || reviewed > *cut) cut = reviewed;
  }
  return cut;
}

namespace {

// Index of the first event dated after `d`.
template <typename V>
std::size_t after(const V& v, Date d) {
  return static_cast<std::size_t>(
      std::upper_bound(v.begin(), v.end(), d, [](Date x, const auto& c) { return x < c.date; }) -
      v.begin());
}

// The exclusive lower bound of the counting window: the later of the window
// start and the cutoff (events on or before the latest PMR's initiation).
Date window_floor(Date d, int months, std::optional<Date> cut) {
  const Date start = d.minus_months(months);
  return cut && *cut > start ? *cut : start;
}

}  // namespace

int Evaluator::count(const std::vector<Counted>& v, Date d, int months,
                     std::optional<Date> cut) const {
  return static_cast<int>(after(v, d) - after(v, window_floor(d, months, cut)));
}

std::vector<std::int64_t> Evaluator::counted_ids(const std::vector<Counted>& v, Date d, int months,
                                                 std::optional<Date> cut) const {
  std::vector<std::int64_t> ids;
  for (std::size_t i = after(v, window_floor(d, months, cut)); i < after(v, d); ++i) {
    ids.push_back(v[i].id);
  }
  return ids;
}

bool Evaluator::recent_table(const EmployeeState& s, const ThresholdSet& set, Date d) const {
  const Date since = d.minus_months(set.recent_review_months);
  return std::any_of(s.reviews.begin(), s.reviews.end(),
                     [&](const Review& r) { return r.initiated > since && r.initiated <= d; });
}

bool Evaluator::reached_day_before(const EmployeeState& s, Indicator ind, Date d) const {
  // Judged by the rules in force that day, so a new threshold set does not
  // hide a crossing: reached today under today's rule, not yesterday under
  // yesterday's.
  const Date y = d.plus_days(-1);
  const ThresholdSet* set = thresholds_.in_force(y);
  if (set == nullptr) return false;
  const ThresholdTable& table = recent_table(s, *set, y) ? set->recent_review : set->initial;
  auto rule = table.find(ind);
  auto v = s.by_indicator.find(ind);
  if (rule == table.end() || v == s.by_indicator.end()) return false;
  return count(v->second, y, rule->second.months, cutoff(s, y)) >= rule->second.count;
}

std::vector<Trigger> Evaluator::evaluate_arrival(EmployeeState& s, org::EmployeeId e, Indicator i,
                                                 Date d) {
  std::vector<Trigger> out;
  const ThresholdSet* set = thresholds_.in_force(d);
  if (set == nullptr) return out;
  // Decided on the state before this arrival's own triggers, so an event that
  // crosses both its indicator and G opens one review, and the second attaches.
  const std::optional<Date> cut = cutoff(s, d);
  const bool recent = recent_table(s, *set, d);
  const ThresholdTable& table = recent ? set->recent_review : set->initial;
  const bool included = !cut || d > *cut;  // this event is not already reviewed
  for (Indicator ind : {i, Indicator::kG}) {
    auto rule = table.find(ind);
    if (rule == table.end()) continue;
    const auto& v = s.by_indicator[ind];
    const int now = count(v, d, rule->second.months, cut);
    const bool already_triggered_today =
        std::any_of(s.triggers.rbegin(), s.triggers.rend(),
                    [&](const Trigger& t) { return t.date == d && t.indicator == ind; });
    if (!included || now < rule->second.count || already_triggered_today ||
        reached_day_before(s, ind, d)) {
      continue;
    }
    Trigger t{e,
              ind,
              d,
              now,
              rule->second,
              recent,
              set->id,
              counted_ids(v, d, rule->second.months, cut),
              TriggerOutcome::kNewReview,
              0};
    auto open = std::find_if(s.reviews.rbegin(), s.reviews.rend(),
                             [&](const Review& r) { return r.open_on(d); });
    if (open != s.reviews.rend()) {
      t.outcome = TriggerOutcome::kAttachedToOpenReview;
      t.review_id = open->id;
      open->absorbed.push_back(d);
    } else if (options_.start_reviews) {
      Review r{next_review_id_++, e, d, d.plus_days(options_.assumed_review_days), {}};
      s.reviews.push_back(r);
      t.review_id = r.id;
    }
    s.triggers.push_back(t);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Trigger> Evaluator::add(const IndicatorEvent& e) {
  const Indicator ind = indicator_of(e.kind);
  const bool counts = qualifies(e);
  auto known = known_.find(e.id);
  if (known != known_.end()) {
    if (e.version <= known->second.version) return {};  // stale or repeated version
    const Known prev = known->second;
    known->second = Known{e.employee, e.version, counts, ind, e.date};
    if (prev.counted) {
      auto& ps = state_[prev.employee];
      for (Indicator x : {prev.indicator, Indicator::kG}) {
        auto& v = ps.by_indicator[x];
        v.erase(std::remove_if(v.begin(), v.end(), [&](const Counted& c) { return c.id == e.id; }),
                v.end());
      }
    }
    if (counts) {
      auto& s = state_[e.employee];
      insert_sorted(s.by_indicator[ind], {e.date, e.id});
      insert_sorted(s.by_indicator[Indicator::kG], {e.date, e.id});
    }
    std::vector<Trigger> out = rebuild(prev.employee);
    if (e.employee != prev.employee) {
      auto more = rebuild(e.employee);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  known_.emplace(e.id, Known{e.employee, e.version, counts, ind, e.date});
  if (!counts) return {};
  EmployeeState& s = state_[e.employee];
  insert_sorted(s.by_indicator[ind], {e.date, e.id});
  insert_sorted(s.by_indicator[Indicator::kG], {e.date, e.id});
  if (s.any && e.date < s.latest) return rebuild(e.employee);  // late data
  s.latest = e.date;
  s.any = true;
  return evaluate_arrival(s, e.employee, ind, e.date);
}

std::vector<Trigger> Evaluator::rebuild(org::EmployeeId e) {
  EmployeeState& s = state_[e];
  struct Item {
    Date date;
    std::int64_t id;
    Indicator indicator;
  };
  std::vector<Item> items;
  for (const auto& [ind, v] : s.by_indicator) {
    if (ind == Indicator::kG) continue;
    for (const Counted& c : v) items.push_back({c.date, c.id, ind});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  const std::vector<Trigger> old = std::move(s.triggers);
  s = EmployeeState{};
  std::vector<Trigger> fresh;
  for (const Item& it : items) {
    s.by_indicator[it.indicator].push_back({it.date, it.id});
    s.by_indicator[Indicator::kG].push_back({it.date, it.id});
    s.latest = it.date;
    s.any = true;
    auto t = evaluate_arrival(s, e, it.indicator, it.date);
    fresh.insert(fresh.end(), t.begin(), t.end());
  }
  std::set<std::tuple<Indicator, Date>> before;
  for (const Trigger& t : old) before.emplace(t.indicator, t.date);
  std::vector<Trigger> out;
  for (const Trigger& t : fresh) {
    if (!before.count({t.indicator, t.date})) out.push_back(t);
  }
  return out;
}

std::vector<Trigger> Evaluator::triggers() const {
  std::vector<Trigger> out;
  for (org::EmployeeId e : employees()) {
    const auto& t = state_.at(e).triggers;
    out.insert(out.end(), t.begin(), t.end());
  }
  return out;
}

std::vector<Trigger> Evaluator::triggers_of(org::EmployeeId e) const {
  auto it = state_.find(e);
  return it == state_.end() ? std::vector<Trigger>{} : it->second.triggers;
}

std::vector<Review> Evaluator::reviews() const {
  std::vector<Review> out;
  for (org::EmployeeId e : employees()) {
    const auto& r = state_.at(e).reviews;
    out.insert(out.end(), r.begin(), r.end());
  }
  return out;
}

std::vector<org::EmployeeId> Evaluator::employees() const {
  std::vector<org::EmployeeId> out;
  out.reserve(state_.size());
  for (const auto& [e, _] : state_) out.push_back(e);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Standing> Evaluator::standing(org::EmployeeId e, Date d) const {
  std::vector<Standing> out;
  const ThresholdSet* set = thresholds_.in_force(d);
  auto it = state_.find(e);
  if (set == nullptr || it == state_.end()) return out;
  const EmployeeState& s = it->second;
  const std::optional<Date> cut = cutoff(s, d);
  const bool recent = recent_table(s, *set, d);
  for (const auto& [ind, rule] : recent ? set->recent_review : set->initial) {
    auto v = s.by_indicator.find(ind);
    if (v == s.by_indicator.end()) continue;
    Standing st{e,    ind,    count(v->second, d, rule.months, cut),
                rule, recent, counted_ids(v->second, d, rule.months, cut)};
    if (st.count > 0) out.push_back(std::move(st));
  }
  return out;
}

}  // namespace rollcall::pmp
