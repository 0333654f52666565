#include "app/pmp/event_import.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "app/pmp/replay.h"
#include "common/csv.h"
#include "time/zone.h"

namespace rollcall::app {
namespace {

// The pseudo-column holding a record's line number, for files without an
// incident number of their own (e.g. `rollcall gen` output).
constexpr const char* kLineColumn = "@line";

// One input record, CSV row or JSON line, read through the mapping.
struct Record {
  std::size_t line = 0;
  std::unordered_map<std::string, std::string> by_column;
};

Result<std::vector<Record>> read_csv_records(std::string_view text, const std::string& source,
                                             const EventMapping& m,
                                             std::vector<ImportError>& errors) {
  RC_ASSIGN_OR_RETURN(CsvDocument doc, CsvDocument::parse(text, source));
  std::vector<std::size_t> wanted;
  std::vector<std::string> names;
  for (const auto& [field, column] : m.columns) {
    if (column == kLineColumn) continue;
    auto idx = doc.column(column);
    if (!idx) {
      const bool required = field == "employee" || field == "date" || field == "incident_number" ||
                            (field == "kind" && !m.fixed_kind);
      if (!m.columns_optional || required) {
        errors.push_back(
            {source, 1, column, "missing column (the mapping reads " + field + " from it)"});
      }
      continue;
    }
    wanted.push_back(*idx);
    names.push_back(column);
  }
  std::vector<Record> out;
  out.reserve(doc.records().size());
  for (const CsvRecord& r : doc.records()) {
    Record rec{r.line, {}};
    for (std::size_t i = 0; i < wanted.size(); ++i) rec.by_column[names[i]] = r.fields[wanted[i]];
    out.push_back(std::move(rec));
  }
  return out;
}

Result<std::vector<Record>> read_jsonl_records(std::string_view text, const std::string& source,
                                               std::vector<ImportError>& errors) {
  if (std::size_t bad = first_invalid_utf8_line(text); bad != 0) {
    return invalid_argument(source + ":" + std::to_string(bad) +
                            ": file is not valid UTF-8 (another encoding?); save it as UTF-8");
  }
  std::vector<Record> out;
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find('\r') != std::string::npos) {
      return invalid_argument(source + ":" + std::to_string(line_no) +
                              ": bare CR line ending; convert the file to LF line endings");
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      errors.push_back({source, line_no, "", std::string("not valid JSON: ") + e.what()});
      continue;
    }
    if (!j.is_object()) {
      errors.push_back({source, line_no, "", "each line must be a JSON object"});
      continue;
    }
    Record rec{line_no, {}};
    for (auto it = j.begin(); it != j.end(); ++it) {
      const auto& v = it.value();
      rec.by_column[it.key()] = v.is_string()    ? v.get<std::string>()
                                : v.is_null()    ? std::string()
                                : v.is_boolean() ? (v.get<bool>() ? "true" : "false")
                                                 : v.dump();
    }
    out.push_back(std::move(rec));
  }
  return out;
}

// Reads event fields from one record, recording errors against its line.
class FieldReader {
 public:
  FieldReader(const EventMapping& m, const Record& r, const std::string& file,
              std::vector<ImportError>& errors)
      : m_(m), r_(r), file_(file), errors_(errors) {}

  // The mapped, translated value; nullopt if the field has no column here.
  std::optional<std::string> get(const std::string& field) {
    auto v = mapped(field);
    if (v && !v->empty()) return v;
    if (auto d = m_.defaults.find(field); d != m_.defaults.end()) return d->second;
    return v;
  }
  std::optional<std::string> mapped(const std::string& field) {
    auto col = m_.columns.find(field);
    if (col == m_.columns.end()) return std::nullopt;
    if (col->second == kLineColumn) return std::to_string(r_.line);
    auto v = r_.by_column.find(col->second);
    if (v == r_.by_column.end()) return std::nullopt;
    std::string raw = trim(v->second);
    auto table = m_.values.find(field);
    if (table == m_.values.end()) return raw;
    if (auto hit = table->second.find(raw); hit != table->second.end()) return hit->second;
    if (auto any = table->second.find("*"); any != table->second.end()) return any->second;
    error(field, "unknown value '" + raw + "' (the mapping's values." + field + " has no entry)");
    return std::nullopt;
  }
  std::string text(const std::string& field) { return get(field).value_or(""); }
  std::optional<std::string> required(const std::string& field) {
    auto v = get(field);
    if (v && v->empty()) {
      error(field, "is empty");
      return std::nullopt;
    }
    if (!v && !failed_ && m_.columns.count(field)) error(field, "is missing");
    return v;
  }
  bool flag(const std::string& field, bool fallback) {
    std::string v = text(field);
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v.empty()) return fallback;
    if (v == "true" || v == "yes" || v == "1") return true;
    if (v == "false" || v == "no" || v == "0") return false;
    error(field, "'" + v + "' is not true or false");
    return fallback;
  }
  std::optional<Date> date(const std::string& field, bool required_field) {
    auto v = required_field ? required(field) : get(field);
    if (!v || v->empty()) return std::nullopt;
    auto d =
        m_.date_format == "%Y-%m-%d" ? Date::parse(*v) : parse_date_with_format(*v, m_.date_format);
    if (!d) {
      error(field, d.status().message());
      return std::nullopt;
    }
    return *d;
  }
  void error(const std::string& field, const std::string& message) {
    auto col = m_.columns.find(field);
    errors_.push_back({file_, r_.line, col == m_.columns.end() ? field : col->second, message});
    failed_ = true;
  }
  bool failed() const { return failed_; }

 private:
  static std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }
  const EventMapping& m_;
  const Record& r_;
  const std::string& file_;
  std::vector<ImportError>& errors_;
  bool failed_ = false;
};

struct Parsed {
  pmp::IndicatorEvent event;
  std::string serial;
  std::string key;
  std::size_t line = 0;
};

std::optional<Parsed> parse_record(const EventMapping& m, const Record& r, const std::string& file,
                                   std::vector<ImportError>& errors) {
  FieldReader f(m, r, file, errors);
  Parsed p;
  p.line = r.line;
  pmp::IndicatorEvent& e = p.event;
  auto serial = f.required("employee");
  std::optional<std::string> kind_text = m.fixed_kind ? m.fixed_kind : f.required("kind");
  if (kind_text) {
    if (auto k = pmp::parse_event_kind(*kind_text)) {
      e.kind = *k;
    } else {
      f.error("kind", "unknown type '" + *kind_text +
                          "' (supervisory-recommendation, use-of-force, vehicle-collision, "
                          "complaint, claim, pursuit, or A-F)");
    }
  }
  auto date = f.date("date", true);
  auto incident = f.required("incident_number");
  e.source_system = m.source_system.empty() ? f.text("source_system") : m.source_system;
  if (e.source_system.empty())
    f.error("source_system", "is empty (name the system the rows come from)");
  e.author = f.text("author");
  e.text = f.text("text");
  if (auto ft = f.get("force_type"); ft && !ft->empty()) {
    e.force_type = pmp::parse_force_type(*ft);
    if (!e.force_type) f.error("force_type", "unknown type '" + *ft + "' (I, II or III)");
  }
  e.firearm_discharge = f.flag("firearm_discharge", false);
  e.investigation_status = f.text("investigation_status");
  if (auto pv = f.get("preventability"); pv && !pv->empty()) {
    if (auto v = pmp::parse_preventability(*pv)) {
      e.preventability = *v;
    } else {
      f.error("preventability", "'" + *pv + "' is not pending, preventable or not-preventable");
    }
  }
  e.ruled_on = f.date("ruled_on", false);
  if (auto cs = f.get("complaint_source"); cs && !cs->empty()) {
    e.complaint_source = pmp::parse_complaint_source(*cs);
    if (!e.complaint_source) f.error("complaint_source", "'" + *cs + "' is not OPA or EEO");
  }
  e.complaint_open = f.flag("complaint_open", true);
  e.disposition = f.text("disposition");
  e.opa_interview_given = f.flag("opa_interview_given", false);
  e.withdrawn = f.flag("withdrawn", false);
  e.note = f.text("note");
  if (f.failed() || !serial || !date || !incident) return std::nullopt;
  e.date = *date;
  e.incident_number = *incident;
  for (const std::string& problem : pmp::event_problems(e)) {
    const auto colon = problem.find(':');
    f.error(problem.substr(0, colon), problem.substr(colon + 2));
  }
  if (f.failed()) return std::nullopt;
  p.serial = *serial;
  p.key = e.source_system + "|" + e.incident_number + "|" + p.serial + "|" +
          std::string(pmp::to_string(e.kind));
  return p;
}

// Two rows of one incident for one employee: one event at the highest level.
void collapse_into(pmp::IndicatorEvent& into, const pmp::IndicatorEvent& row) {
  if (row.force_type && (!into.force_type || *row.force_type > *into.force_type)) {
    into.force_type = row.force_type;
  }
  into.firearm_discharge = into.firearm_discharge || row.firearm_discharge;
  if (row.date < into.date) into.date = row.date;
}

bool same_data(const pmp::IndicatorEvent& a, const pmp::IndicatorEvent& b) {
  return std::tie(a.date, a.author, a.text, a.force_type, a.firearm_discharge,
                  a.investigation_status, a.preventability, a.ruled_on, a.complaint_source,
                  a.complaint_open, a.disposition, a.opa_interview_given, a.withdrawn) ==
         std::tie(b.date, b.author, b.text, b.force_type, b.firearm_discharge,
                  b.investigation_status, b.preventability, b.ruled_on, b.complaint_source,
                  b.complaint_open, b.disposition, b.opa_interview_given, b.withdrawn);
}

}  // namespace

Result<EventImportReport> import_events(storage::Database& db, const std::filesystem::path& file,
                                        const EventImportOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found(file.string() + ": cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return import_events_text(db, buf.str(), file.string(), options);
}

Result<EventImportReport> import_events_text(storage::Database& db, std::string_view text,
                                             const std::string& source,
                                             const EventImportOptions& options) {
  const EventMapping& m = options.mapping;
  EventImportReport report;
  auto& errors = report.errors;
  const std::string& name = source;

  std::vector<Record> records;
  if (m.format == "jsonl") {
    RC_ASSIGN_OR_RETURN(records, read_jsonl_records(text, name, errors));
  } else {
    auto csv = read_csv_records(text, name, m, errors);
    if (!csv) {
      if (csv.status().code() == StatusCode::kNotFound) return csv.status();
      errors.push_back({name, 0, "", csv.status().message()});
      return report;
    }
    records = std::move(csv).value();
  }
  report.rows_read = records.size();
  if (!errors.empty()) return report;  // a header problem makes every row wrong

  // Parse, and collapse rows that are one event.
  std::vector<Parsed> events;
  std::unordered_map<std::string, std::size_t> by_key;
  for (const Record& r : records) {
    auto p = parse_record(m, r, name, errors);
    if (!p) continue;
    auto [it, fresh] = by_key.emplace(p->key, events.size());
    if (fresh) {
      events.push_back(std::move(*p));
    } else if (m.collapse) {
      collapse_into(events[it->second].event, p->event);
    } else {
      errors.push_back(
          {name, p->line,
           m.columns.count("incident_number") ? m.columns.at("incident_number") : "incident_number",
           "the same event as line " + std::to_string(events[it->second].line) +
               " (same source, incident, employee and kind)"});
    }
  }

  // Employees.
  RC_ASSIGN_OR_RETURN(org::OrgData org_data, db.load_org());
  std::unordered_map<std::string, org::EmployeeId> serials;
  for (const auto& e : org_data.employees) serials[e.serial] = e.id;
  std::map<std::string, Date> placeholders;  // serial -> earliest event date
  std::set<std::string> employees_seen;
  for (Parsed& p : events) {
    employees_seen.insert(p.serial);
    auto it = serials.find(p.serial);
    if (it != serials.end()) {
      p.event.employee = it->second;
    } else if (options.create_employees) {
      auto [ph, fresh] = placeholders.emplace(p.serial, p.event.date);
      if (!fresh && p.event.date < ph->second) ph->second = p.event.date;
    } else {
      errors.push_back({name, p.line,
                        m.columns.count("employee") ? m.columns.at("employee") : "employee",
                        "no employee with serial '" + p.serial +
                            "' (import the organisation first, or pass --create-employees)"});
    }
  }
  if (!errors.empty()) return report;

  // Compare with what is stored.
  RC_ASSIGN_OR_RETURN(auto keys, db.event_keys());
  std::unordered_map<std::string, std::int64_t> stored_ids(keys.begin(), keys.end());
  RC_ASSIGN_OR_RETURN(auto stored_versions, db.event_versions(std::nullopt));
  std::unordered_map<std::int64_t, pmp::IndicatorEvent> latest;
  for (const auto& v : stored_versions) latest[v.id] = v;  // ordered by version

  std::vector<pmp::IndicatorEvent> new_versions;       // for trigger computation
  std::vector<std::pair<const Parsed*, bool>> writes;  // (event, is_correction)
  std::int64_t provisional = 0;
  std::unordered_map<std::string, org::EmployeeId> provisional_employees;
  for (Parsed& p : events) {
    report.by_kind[std::string(pmp::to_string(p.event.kind))]++;
    if (p.event.kind == pmp::EventKind::kUseOfForce) {
      report.by_force_type[p.event.force_type ? std::string(pmp::to_string(*p.event.force_type))
                                              : "unknown"]++;
      if (p.event.firearm_discharge) report.by_force_type["firearm discharge"]++;
    }
    p.event.recorded_at = options.now;
    p.event.recorded_by = options.actor;
    auto stored = stored_ids.find(p.key);
    if (stored == stored_ids.end()) {
      ++report.created;
      writes.emplace_back(&p, false);
      pmp::IndicatorEvent v = p.event;
      v.id = --provisional;
      if (v.employee == 0) {  // a placeholder still to be created: a provisional id
        auto [ph, fresh] = provisional_employees.emplace(
            p.serial, -1 - static_cast<org::EmployeeId>(provisional_employees.size()));
        v.employee = ph->second;
      }
      new_versions.push_back(v);
      continue;
    }
    const pmp::IndicatorEvent& before = latest.at(stored->second);
    if (same_data(before, p.event)) {
      ++report.unchanged;
      continue;
    }
    ++report.corrected;
    p.event.id = stored->second;
    p.event.employee = before.employee;
    writes.emplace_back(&p, true);
    pmp::IndicatorEvent v = p.event;
    v.version = before.version + 1;
    new_versions.push_back(v);
  }
  report.events_in_file = events.size();
  report.placeholders = placeholders.size();
  report.distinct_employees = employees_seen.size();

  // Triggers this import causes, under the stored threshold sets.
  RC_ASSIGN_OR_RETURN(auto sets, db.threshold_sets());
  if (!sets.empty() && !new_versions.empty()) {
    ReplayInput before{stored_versions, sets, std::nullopt, std::nullopt, {}};
    ReplayInput after = before;
    after.versions.insert(after.versions.end(), new_versions.begin(), new_versions.end());
    std::set<std::tuple<org::EmployeeId, pmp::Indicator, Date>> had;
    for (const auto& t : replay(before).triggers()) had.emplace(t.employee, t.indicator, t.date);
    for (const auto& t : replay(after).triggers()) {
      if (!had.count({t.employee, t.indicator, t.date})) report.new_triggers.push_back(t);
    }
  }

  RC_ASSIGN_OR_RETURN(auto tx, db.begin(options.actor));
  for (const auto& [serial, first_seen] : placeholders) {
    org::Employee e;
    e.serial = serial;
    e.last_name = "(placeholder from " + m.source_system + ")";
    e.rank = "unknown";
    e.hire_date = first_seen;  // employed at least since their first event
    RC_ASSIGN_OR_RETURN(serials[serial], tx->insert_employee(e));
  }
  for (const auto& [p, correction] : writes) {
    if (correction) {
      RC_RETURN_IF_ERROR(tx->add_event_version(p->event));
    } else {
      pmp::IndicatorEvent e = p->event;
      e.employee = serials.at(p->serial);
      RC_ASSIGN_OR_RETURN(auto id, tx->insert_event(e, p->key));
      (void)id;
    }
  }
  if (!options.dry_run) RC_RETURN_IF_ERROR(tx->commit());
  return report;
}

}  // namespace rollcall::app
