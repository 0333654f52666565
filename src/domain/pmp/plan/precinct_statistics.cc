#include "domain/pmp/plan/precinct_statistics.h"

#include <set>
#include <utility>

namespace rollcall::pmp::plan {
namespace {

struct SergeantTally {
  std::set<org::EmployeeId> officers;
  int reviews = 0;
};

struct PrecinctTally {
  PrecinctStatistics stats;
  std::set<org::EmployeeId> reviewed;
  std::map<org::EmployeeId, SergeantTally> sergeants;
};

}  // namespace

std::optional<Placement> placement_on(const org::OrgSnapshot& org, org::EmployeeId employee,
                                      Date on) {
  auto chain = org.chain_of(employee, on);
  if (!chain) return std::nullopt;
  const auto captain = chain->captain();
  if (!captain) return std::nullopt;
  Placement p;
  p.precinct = captain->unit;
  if (const auto sergeant = chain->sergeant(); sergeant && sergeant->holder) {
    p.sergeant = sergeant->holder->employee;
  }
  return p;
}

Result<PrecinctReport> precinct_statistics(Date from, Date to,
                                           const std::vector<IndicatorEvent>& events,
                                           const std::vector<ReviewOpened>& reviews,
                                           const std::vector<org::EmployeeId>& officers,
                                           const PlacementOn& placement,
                                           const FrequencyRules& rules) {
  if (to < from) {
    return invalid_argument("3.070-POL-5: the period ends (" + to.to_string() +
                            ") before it starts (" + from.to_string() + ")");
  }
  if (!(rules.flag_multiple > 0)) {
    return invalid_argument("3.070-POL-5: the flag multiple must be greater than 0");
  }
  PrecinctReport report;
  report.from = from;
  report.to = to;
  std::map<org::UnitId, PrecinctTally> tallies;
  auto tally = [&](org::UnitId u) -> PrecinctTally& {
    PrecinctTally& t = tallies[u];
    t.stats.precinct = u;
    return t;
  };

  for (const IndicatorEvent& e : events) {
    if (e.withdrawn || e.date < from || to < e.date) continue;
    const bool force = e.kind == EventKind::kUseOfForce;
    const bool opa = e.kind == EventKind::kComplaint &&
                     e.complaint_source.value_or(ComplaintSource::kOpa) == ComplaintSource::kOpa;
    if (!force && !opa) continue;
    const auto where = placement(e.employee, e.date);
    if (!where) {
      ++report.unplaced;
      continue;
    }
    PrecinctStatistics& s = tally(where->precinct).stats;
    if (force) {
      ++s.uses_of_force;
      ++s.uses_of_force_by_type[e.force_type ? std::string(to_string(*e.force_type))
                                             : "undesignated"];
      if (e.firearm_discharge) ++s.firearm_discharges;
    } else {
      ++s.opa_complaints;
      ++s.opa_dispositions[e.complaint_open        ? "open"
                           : e.disposition.empty() ? "closed"
                                                   : e.disposition];
    }
  }

  // Who was assigned to whom: every officer, every day of the period.
  for (org::EmployeeId officer : officers) {
    for (Date d = from; d <= to; d = d.plus_days(1)) {
      const auto where = placement(officer, d);
      if (where && where->sergeant && *where->sergeant != officer) {
        tally(where->precinct).sergeants[*where->sergeant].officers.insert(officer);
      }
    }
  }

  for (const ReviewOpened& r : reviews) {
    if (r.opened < from || to < r.opened) continue;
    const auto where = placement(r.employee, r.opened);
    if (!where) {
      ++report.unplaced;
      continue;
    }
    PrecinctTally& t = tally(where->precinct);
    ++t.stats.reviews;
    t.reviewed.insert(r.employee);
    if (where->sergeant) {
      SergeantTally& st = t.sergeants[*where->sergeant];
      st.officers.insert(r.employee);  // reviewed while assigned: assigned that day
      ++st.reviews;
    }
  }

  int all_officers = 0;
  int all_reviews = 0;
  for (const auto& [unit, t] : tallies) {
    for (const auto& [sergeant, st] : t.sergeants) {
      all_officers += static_cast<int>(st.officers.size());
      all_reviews += st.reviews;
    }
  }
  report.department_rate = all_officers > 0 ? static_cast<double>(all_reviews) / all_officers : 0;

  for (auto& [unit, t] : tallies) {
    t.stats.officers_with_reviews = static_cast<int>(t.reviewed.size());
    for (const auto& [sergeant, st] : t.sergeants) {
      SupervisorFrequency f;
      f.sergeant = sergeant;
      f.officers = static_cast<int>(st.officers.size());
      f.reviews = st.reviews;
      f.rate = f.officers > 0 ? static_cast<double>(f.reviews) / f.officers : 0;
      f.flagged = f.reviews >= rules.min_reviews_to_flag &&
                  f.rate > rules.flag_multiple * report.department_rate;
      t.stats.supervisors.push_back(f);
    }
    report.precincts.push_back(std::move(t.stats));
  }
  return report;
}

}  // namespace rollcall::pmp::plan
