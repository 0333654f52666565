#include "app/demo/build_demo.h"

#include "domain/org/org_validation.h"

namespace rollcall::app {

Result<DemoOutcome> store_demo_department(storage::Database& db, const DemoOptions& options,
                                          const std::string& actor) {
  RC_ASSIGN_OR_RETURN(org::OrgData stored, db.load_org());
  if (!stored.units.empty() || !stored.employees.empty()) {
    return failed_precondition("the database already holds an organisation (" +
                               std::to_string(stored.employees.size()) +
                               " employees); use a new --db for the demo");
  }
  DemoOutcome out;
  out.generated = build_demo_department(options);
  if (auto problems = org::validate(out.generated); !problems.empty()) {
    return internal_error("demo generator broke rule: " + problems.front().message);
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(out.counts, write_org_changes(*tx, as_new_records(out.generated)));
  RC_RETURN_IF_ERROR(tx->commit());
  return out;
}

}  // namespace rollcall::app
