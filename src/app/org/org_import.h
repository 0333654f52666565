// `rollcall org import`: reads the department's organisation exports (CSV) and
// applies them to the database in one transaction, or not at all.
//
// Files and columns (header row required; extra columns are ignored):
//   units.csv        code,name,kind,parent
//   employees.csv    serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date
//   assignments.csv  serial,unit,role,acting,start,end
//   statuses.csv     serial,status,start,end
//   roles.csv        serial,role,start,end
// Dates are YYYY-MM-DD; `end` is exclusive and may be empty (open-ended);
// `acting` is true/false (empty = false); `parent` is empty for the root.
//
// Re-importing is safe: a unit or assignment identical to a stored one is
// skipped; an employee whose fields differ from the stored record is corrected
// by a new version; a stored open assignment that the file shows ended (same
// employee, unit, role, acting and start) is ended.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/org/org_store.h"
#include "storage/database.h"

namespace rollcall::app {

struct OrgImportFiles {
  std::optional<std::filesystem::path> units, employees, assignments, statuses, roles;
};

// One problem with one input row: "assignments.csv:14:unit: no unit with code 'X'".
struct ImportError {
  std::string file;
  std::size_t line = 0;
  std::string field;
  std::string message;
  std::string to_string() const;
};

struct OrgImportOutcome {
  std::vector<ImportError> errors;  // non-empty: nothing was written
  OrgWriteCounts counts;            // what was (or, for a dry run, would be) written
};

// Parses every file, validates the stored organisation together with the
// changes, and, when there is no error and !dry_run, writes the changes and
// their audit records in one transaction. Every bad row is reported, not just
// the first. A non-OK Status means the files could not be read or the database
// failed (nothing written either way).
Result<OrgImportOutcome> import_org(storage::Database& db, const OrgImportFiles& files,
                                    const std::string& actor, bool dry_run);

}  // namespace rollcall::app
