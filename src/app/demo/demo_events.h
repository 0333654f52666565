// Indicator events (3.070 §1, A–F) for the demo department, so that the web
// app opens on a department with a realistic PMP history: most officers with
// few or no events, a few with many; under the shipped default thresholds
// about one officer in eight crosses one within the three years (one in eleven
// within the last twelve months), with triggers in every precinct. Supervisory
// recommendations (A) go mostly to the busiest quarter of officers.
//
// Realism (the same mix as app/pmp/event_generator.h):
//  - events for sworn employees only, over the three years before `today`,
//    each dated on a day its employee was employed, assigned and not on an
//    extended absence;
//  - each employee's rate is lognormal, scaled by where they work that day:
//    patrol members most, other sworn members less, supervisors less again,
//    commanders hardly at all;
//  - kinds: A supervisory recommendations 3%, B uses of force 45%, C vehicle
//    collisions 8%, D complaints 25%, E claims 4%, F pursuits 15%;
//  - B: Type I 80%, II 17%, III 3%, a firearm discharged in 0.4% of uses;
//  - C: preventable 50%, not preventable 35%, pending 15% (ruled ones carry
//    the ruling date, never after `today`);
//  - D: OPA 80%, EEO 20%, recent ones mostly still open;
//  - A: written by the employee's sergeant that day (by name), short text.
// Incident numbers look like "2025-123456" (year of the event, increasing
// through the year).
//
// The demo sign-ins (demo_accounts.h) are the cast chosen by
// choose_demo_cast(); the generator makes sure their story works in the
// browser: the demo officer has at least two events and someone in the demo
// sergeant's squad has a supervisory recommendation (a trigger) within the
// last twelve months.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/pmp/indicator_event.h"
#include "storage/database.h"
#include "time/civil_date.h"

namespace rollcall::app {

// The people behind the demo's positional sign-ins, all employed on `today`:
// a patrol officer, the sergeant leading the officer's squad, and the
// lieutenant, captain, bureau chief and chief above them.
struct DemoCast {
  org::EmployeeId officer = 0;
  org::EmployeeId sergeant = 0;
  org::EmployeeId lieutenant = 0;
  org::EmployeeId captain = 0;
  org::EmployeeId bureau_chief = 0;
  org::EmployeeId chief = 0;
};

// Deterministic for the org: the first patrol squad (in unit order) whose
// permanent sergeant is active on `today` and has an active officer who has
// worked in that squad for at least a year, with every position above filled.
// nullopt if the org has no such squad.
std::optional<DemoCast> choose_demo_cast(const org::OrgSnapshot& org, Date today);

// Events for `stored` (an org as loaded from the database: real ids), sorted by
// (date, employee). Deterministic: the same org, today and seed give the same
// events. Ids are 0 (the database assigns them); version 1; source_system
// "demo"; recorded_at the day the record would have been made (never after
// `today`), recorded_by "demo".
std::vector<pmp::IndicatorEvent> generate_demo_events(const org::OrgData& stored, Date today,
                                                      std::uint64_t seed);

// The source key an event is stored under: "demo|<incident>|<serial>|<kind>".
std::string demo_event_key(const pmp::IndicatorEvent& e, const std::string& serial);

// Stores the events, audited, in one transaction; returns how many were
// stored. INVALID_ARGUMENT if an event names an unknown employee; ALREADY_EXISTS
// if a key is already taken (the demo never mixes with real data).
Result<int> store_demo_events(storage::Database& db, const std::vector<pmp::IndicatorEvent>& events,
                              const std::string& actor);

}  // namespace rollcall::app
