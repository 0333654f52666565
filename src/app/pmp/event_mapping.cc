#include "app/pmp/event_mapping.h"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

namespace rollcall::app {
namespace {

// Seattle's use-of-force export (../shared/data/seattle/README.md): SPD's
// Level 1/2/3 are Type I/II/III; "Level 3 - OIS" is an officer-involved
// shooting, i.e. a firearms discharge; one incident can list an officer once
// per subject, counted once at its highest level.
constexpr const char* kSeattleUseOfForce = R"toml(
format = "csv"
source_system = "seattle-uof"
kind = "use-of-force"
date_format = "%m/%d/%Y %I:%M:%S %p"
collapse = true

[columns]
employee = "Officer_ID"
date = "Occured_date_time"
incident_number = "Incident_Num"
force_type = "Incident_Type"
firearm_discharge = "Incident_Type"

[values.force_type]
"Level 1 - Use of Force" = "I"
"Level 2 - Use of Force" = "II"
"Level 3 - Use of Force" = "III"
"Level 3 - OIS" = "III"

[values.firearm_discharge]
"Level 3 - OIS" = "true"
"*" = "false"
)toml";

}  // namespace

const std::vector<std::string>& event_fields() {
  static const std::vector<std::string> kFields{"employee",
                                                "kind",
                                                "date",
                                                "incident_number",
                                                "source_system",
                                                "author",
                                                "text",
                                                "force_type",
                                                "firearm_discharge",
                                                "investigation_status",
                                                "preventability",
                                                "ruled_on",
                                                "complaint_source",
                                                "complaint_open",
                                                "disposition",
                                                "opa_interview_given",
                                                "withdrawn",
                                                "note"};
  return kFields;
}

Result<EventMapping> parse_event_mapping(std::string_view toml_text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream why;
    why << source << ":" << e.source().begin.line << ": " << e.description();
    return invalid_argument(why.str());
  }
  auto bad = [&](const std::string& key, const std::string& why) {
    return invalid_argument(source + ": " + key + ": " + why);
  };
  auto is_field = [](const std::string& f) {
    const auto& all = event_fields();
    return std::find(all.begin(), all.end(), f) != all.end();
  };
  EventMapping m;
  m.name = source;
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "format" || key == "source_system" || key == "kind" || key == "date_format") {
      auto v = node.value<std::string>();
      if (!v) return bad(key, "must be a string");
      if (key == "format") {
        if (*v != "csv" && *v != "jsonl") return bad(key, "must be csv or jsonl");
        m.format = *v;
      } else if (key == "source_system") {
        m.source_system = *v;
      } else if (key == "kind") {
        m.fixed_kind = *v;
      } else {
        m.date_format = *v;
      }
    } else if (key == "collapse") {
      auto v = node.value<bool>();
      if (!v) return bad(key, "must be true or false");
      m.collapse = *v;
    } else if (key == "columns") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return bad(key, "must be a table");
      for (const auto& [f, col] : *t) {
        const std::string field(f.str());
        if (!is_field(field)) return bad("columns." + field, "is not an event field");
        auto c = col.value<std::string>();
        if (!c) return bad("columns." + field, "must be a column name");
        m.columns[field] = *c;
      }
    } else if (key == "defaults") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return bad(key, "must be a table");
      for (const auto& [f, value] : *t) {
        const std::string field(f.str());
        if (!is_field(field)) return bad("defaults." + field, "is not an event field");
        auto v = value.value<std::string>();
        if (!v) return bad("defaults." + field, "must be a string");
        m.defaults[field] = *v;
      }
    } else if (key == "values") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return bad(key, "must be a table");
      for (const auto& [f, table] : *t) {
        const std::string field(f.str());
        if (!is_field(field)) return bad("values." + field, "is not an event field");
        const toml::table* vt = table.as_table();
        if (vt == nullptr) return bad("values." + field, "must be a table");
        for (const auto& [from, to] : *vt) {
          auto out = to.value<std::string>();
          if (!out)
            return bad("values." + field + "." + std::string(from.str()), "must be a string");
          m.values[field][std::string(from.str())] = *out;
        }
      }
    } else {
      return bad(key, "unknown key");
    }
  }
  if (!m.columns.count("employee")) return bad("columns.employee", "is required");
  if (!m.columns.count("date")) return bad("columns.date", "is required");
  if (!m.fixed_kind && !m.columns.count("kind")) {
    return bad("kind", "give a fixed kind or map a column to kind");
  }
  return m;
}

Result<EventMapping> builtin_event_mapping(const std::string& name) {
  if (name == "seattle-uof") return parse_event_mapping(kSeattleUseOfForce, "seattle-uof");
  return not_found("no built-in mapping '" + name + "' (built in: seattle-uof)");
}

EventMapping native_event_mapping(const std::string& format) {
  EventMapping m;
  m.name = "native";
  m.format = format;
  m.columns_optional = true;
  for (const std::string& f : event_fields()) m.columns[f] = f;
  return m;
}

}  // namespace rollcall::app
