#include "domain/pmp/plan/weekly_compliance.h"

#include <algorithm>

namespace rollcall::pmp::plan {
namespace {

Date week_start_of(Date d, std::chrono::weekday first) {
  const std::chrono::weekday wd(d.sys_days());
  return d.plus_days(-static_cast<std::int64_t>((wd - first).count()));
}

int required(int per_week, int days, PartialWeek partial) {
  if (days >= 7) return per_week;
  switch (partial) {
    case PartialWeek::kProrate:
      return (per_week * days + 6) / 7;
    case PartialWeek::kExempt:
      return 0;
    case PartialWeek::kFull:
      return per_week;
  }
  return per_week;
}

bool debriefed(const Plan& p, std::int64_t event_id, Date from, Date to) {
  return std::any_of(p.coaching.begin(), p.coaching.end(), [&](const CoachingEntry& e) {
    return e.kind == CoachingKind::kDebrief && e.subject == DebriefSubject::kIndicatorEvent &&
           e.event_id == event_id && from <= e.date && e.date <= to;
  });
}

}  // namespace

std::string_view to_string(PartialWeek p) {
  switch (p) {
    case PartialWeek::kProrate:
      return "prorate";
    case PartialWeek::kExempt:
      return "exempt";
    case PartialWeek::kFull:
      return "full";
  }
  return "?";
}

std::optional<PartialWeek> parse_partial_week(std::string_view s) {
  for (PartialWeek p : {PartialWeek::kProrate, PartialWeek::kExempt, PartialWeek::kFull}) {
    if (to_string(p) == s) return p;
  }
  return std::nullopt;
}

std::vector<WeekCompliance> weekly_compliance(const Plan& plan,
                                              const std::vector<EventForDebrief>& events,
                                              Date through, const WeeklyRules& rules) {
  std::vector<WeekCompliance> out;
  Date end = through;
  if (plan.period_end) end = std::min(end, *plan.period_end);
  if (plan.closed_on) end = std::min(end, *plan.closed_on);

  std::vector<const EventForDebrief*> mine;
  for (const EventForDebrief& e : events) {
    if (e.event.employee == plan.employee) mine.push_back(&e);
  }
  std::sort(mine.begin(), mine.end(), [](const EventForDebrief* a, const EventForDebrief* b) {
    return std::pair(a->event.date, a->event.id) < std::pair(b->event.date, b->event.id);
  });

  for (Date ws = week_start_of(plan.start, rules.week_starts); ws <= end; ws = ws.plus_days(7)) {
    WeekCompliance w;
    w.week_start = ws;
    w.first = std::max(ws, plan.start);
    w.last = std::min(ws.plus_days(6), end);
    Date natural_last = ws.plus_days(6);
    if (plan.period_end) natural_last = std::min(natural_last, *plan.period_end);
    if (plan.closed_on) natural_last = std::min(natural_last, *plan.closed_on);
    if (natural_last > through) break;  // still under way on `through`
    const int days = static_cast<int>(days_between(w.first, w.last)) + 1;
    w.ride_alongs_required = required(rules.ride_alongs, days, rules.partial);
    w.accompaniments_required = required(rules.accompaniments, days, rules.partial);
    for (const CoachingEntry& e : plan.coaching) {
      if (e.date < w.first || e.date > w.last) continue;
      if (e.kind == CoachingKind::kRideAlong && e.minutes > rules.ride_along_longer_than_minutes) {
        ++w.ride_alongs_done;
      }
      if (e.kind == CoachingKind::kAccompaniment) ++w.accompaniments_done;
    }
    if (w.ride_alongs_done < w.ride_alongs_required) {
      w.missing.push_back("ride-alongs over " +
                          std::to_string(rules.ride_along_longer_than_minutes) +
                          " minutes: " + std::to_string(w.ride_alongs_done) + " of " +
                          std::to_string(w.ride_alongs_required));
    }
    if (w.accompaniments_done < w.accompaniments_required) {
      w.missing.push_back("accompaniments: " + std::to_string(w.accompaniments_done) + " of " +
                          std::to_string(w.accompaniments_required));
    }
    for (const EventForDebrief* e : mine) {
      if (e->event.date < w.first || e->event.date > w.last) continue;
      const Date window_end = e->event.date.plus_days(rules.debrief_within_days);
      if (!debriefable(debrief_view(e->event, e->opa_interview, window_end))) continue;
      w.debriefs_required.push_back(e->event.id);
      if (debriefed(plan, e->event.id, e->event.date, window_end)) continue;
      if (window_end < through) {
        w.debriefs_missing.push_back(e->event.id);
        w.missing.push_back("debrief of indicator event " + std::to_string(e->event.id));
      } else {
        w.debriefs_pending.push_back(e->event.id);
      }
    }
    w.compliant = w.missing.empty();
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace rollcall::pmp::plan
