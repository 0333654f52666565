// Column mappings: how a department's export is read as indicator events
// (`rollcall events import --mapping`). A mapping is a TOML file:
//
//   format = "csv"                      # csv | jsonl
//   source_system = "seattle-uof"       # names the system the rows come from
//   kind = "use-of-force"               # fixed kind (or map a column to `kind`)
//   date_format = "%m/%d/%Y %I:%M:%S %p" # strftime-style; default "%Y-%m-%d"
//   collapse = true                     # rows of one incident, employee and kind
//                                       # are one event at the highest force type
//   [columns]                           # event field = column in the file
//   employee = "Officer_ID"
//   date = "Occured_date_time"
//   incident_number = "Incident_Num"
//   force_type = "Incident_Type"
//   # "@line" as a column name reads the record's line number (for files with
//   # no incident number of their own, such as `rollcall gen` output)
//   [defaults]                          # field value when the file gives none
//   complaint_source = "OPA"
//   [values.force_type]                 # file value -> field value; "*" = any other
//   "Level 1 - Use of Force" = "I"
//
// Event fields: employee (serial), kind, date, incident_number, source_system,
// author, text, force_type, firearm_discharge, investigation_status,
// preventability, ruled_on, complaint_source, complaint_open, disposition,
// opa_interview_given, withdrawn, note. Without a mapping, a file's columns
// (or JSON keys) are these field names.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace rollcall::app {

struct EventMapping {
  std::string name;
  std::string format = "csv";
  std::string source_system;
  std::optional<std::string> fixed_kind;
  std::string date_format = "%Y-%m-%d";
  bool collapse = false;
  std::map<std::string, std::string> columns;                        // field -> column
  std::map<std::string, std::map<std::string, std::string>> values;  // field -> (in -> out)
  std::map<std::string, std::string> defaults;  // field -> value when empty or unmapped
  // Native files may leave out optional columns; a mapping must name real ones.
  bool columns_optional = false;
};

// Every event field a mapping may fill.
const std::vector<std::string>& event_fields();

// Parses a mapping; INVALID_ARGUMENT naming the source and key on an unknown
// field, format or key.
Result<EventMapping> parse_event_mapping(std::string_view toml_text, const std::string& source);
// A built-in mapping by name ("seattle-uof"), or NOT_FOUND.
Result<EventMapping> builtin_event_mapping(const std::string& name);
// The identity mapping: columns named as the fields.
EventMapping native_event_mapping(const std::string& format);

}  // namespace rollcall::app
