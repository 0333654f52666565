// One sign-in per role for the demo department (`rollcall demo`), so the web
// app can be explored, and browser-tested, as each of the people 3.070 and
// 4.010 name. Every account has the password kDemoPassword.
//
//   username      who                                            role on `today`
//   officer       a patrol officer in the sergeant's squad        employee
//   sergeant      leads that squad                               supervisor
//   lieutenant    leads the watch above it                       lieutenant
//   captain       leads the precinct above it                    captain
//   bureau-chief  leads the Patrol Operations Bureau             bureau-chief
//   chief         the Chief of Police (leads the department)     chief-of-police
//   coordinator   holds the pm-coordinator grant                 pm-coordinator
//   committee     holds a pmp-committee grant                    pmp-committee
//   payroll       holds a payroll grant                          payroll
//   hr            holds the hr-director grant                    hr-director
//   admin         holds an administrator grant                   administrator
//
// The positional people are choose_demo_cast() (demo_events.h); each grant
// holder is the first employee (by id) holding the grant on `today` who has
// no other demo account. Where nobody holds a grant, one is added (from
// `today`, open-ended), audited, in one transaction, to an active civilian.
#pragma once

#include <string>
#include <vector>

#include "app/auth/auth_policy.h"
#include "common/clock.h"
#include "common/status.h"
#include "storage/database.h"
#include "time/civil_date.h"

namespace rollcall::app {

inline constexpr const char* kDemoPassword = "demo-pass-2026";

struct DemoSignIn {
  std::string role_label;  // "officer", "sergeant", … (as in the table above)
  std::string username;
  std::string serial;
  std::string name;  // "First Last"
  std::string unit;  // code of the unit they work in or lead on `today`
};

// Creates the eleven accounts above with `policy`'s password cost, in the
// order of the table. FAILED_PRECONDITION if the stored org has no patrol squad
// to build the cast from; ALREADY_EXISTS if a username or employee already has
// an account (run the demo on a new database).
Result<std::vector<DemoSignIn>> create_demo_accounts(storage::Database& db,
                                                     const AuthPolicy& policy, Date today,
                                                     Instant now, const std::string& actor);

}  // namespace rollcall::app
