// Writes an organisation as the five CSV files `rollcall org import` reads
// (see org_import.h for the columns), so exports round-trip through import.
#pragma once

#include <filesystem>

#include "common/status.h"
#include "domain/org/org_types.h"

namespace rollcall::app {

// Creates `dir` if needed and writes units.csv, employees.csv, assignments.csv,
// statuses.csv and roles.csv, overwriting them. INTERNAL if a file cannot be written.
Status export_org_csv(const org::OrgData& data, const std::filesystem::path& dir);

// RFC 4180 quoting: the field as is, or quoted with "" escapes when it holds a
// comma, quote or line break.
std::string csv_field(const std::string& value);

}  // namespace rollcall::app
