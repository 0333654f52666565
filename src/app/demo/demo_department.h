// A synthetic police department the size of Seattle's, for demos, benchmarks
// and end-to-end tests. Everything is generated from a seed; nothing is real.
//
// Shape (as of options.today):
//   SPD (department, chief of police)
//   ├─ PATROL  Patrol Operations Bureau: five precincts (North, East, South, West,
//   │          Southwest), each with first/second/third watch of sergeant-led
//   │          squads (codes like "N-1W-A"), plus precinct operations, community
//   │          police and anti-crime teams; the Community Response Group section.
//   ├─ INV     Investigations Bureau: violent crimes (homicide, robbery, ...),
//   │          special victims, general investigations, criminal intelligence
//   │          (gang unit, narcotics, ...), forensic support, data-driven policing.
//   ├─ SPECOPS Special Operations Bureau: traffic, parking enforcement, tactical
//   │          (SWAT, K9, harbor, ...), homeland security, collaborative policing.
//   └─ ADMIN   Administration Bureau: 911 communications, records, human
//              resources (payroll, employee services, ...), fiscal, IT,
//              education & training, OPA, professional standards (FIT, ...).
//              OPA sits here (it is independent in reality) so that everyone
//              below the bureaus has a bureau chief in their chain.
// About 1,800 sworn and 700 civilian employees are employed on `today`.
//
// Assignment convention: a unit's leader holds ONLY a supervisor assignment for
// that unit (no member assignment); everyone else holds exactly one member
// assignment. An acting supervisor keeps their member assignment in their own
// squad and additionally holds an acting supervisor assignment of that squad
// while the permanent leader is away. OrgSnapshot::chain_of therefore places a
// leader at the unit they lead and a member at the unit they work in.
//
// History covers the last `years_of_history` years: separations (open-ended
// "separated" status, assignments end that day), new hires, promotions
// (officer → sergeant → lieutenant → ...), transfers (one member assignment ends
// the day the next begins), vacancies (a position without a holder between a
// leader leaving and the successor starting), acting supervisors and extended
// absences. Every vacancy and staffing shortfall is resolved no later than
// `today`: on `today` every position has a holder and every team is at its
// target strength (squads have 6..9 members). Acting assignments and absences
// that began before `today` may end after it.
//
// Special roles granted on `today` (open-ended): pm-coordinator (the employee
// services sergeant), the pmp-committee (patrol and investigations bureau
// chiefs, OPA director, a FIT sergeant, the employee services lieutenant and the
// coordinator), payroll (payroll supervisor and staff), hr-director,
// fml-coordinator, guild-president (a senior officer) and administrator (two
// IT systems staff).
#pragma once

#include <cstdint>

#include "domain/org/org_types.h"
#include "time/civil_date.h"

namespace rollcall::app {

struct DemoOptions {
  std::uint64_t seed = 1;
  Date today;                 // the "as of" date; history ends here
  int years_of_history = 10;  // clamped to 1..40
};

// Builds the demo department. Deterministic: the same options give identical
// data on every platform (randomness comes only from std::mt19937_64 words, with
// no std::*_distribution). Ids are 1..N within each collection, in creation
// order. The result passes org::validate() with no problems. Takes about 30 ms
// optimised (0.3 s unoptimised) for 10 years of history.
org::OrgData build_demo_department(const DemoOptions& options);

}  // namespace rollcall::app
