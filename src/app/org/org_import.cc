#include "app/org/org_import.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "common/csv.h"
#include "domain/org/org_validation.h"

namespace rollcall::app {

std::string ImportError::to_string() const {
  std::string s = file + ":" + std::to_string(line);
  if (!field.empty()) s += ":" + field;
  return s + ": " + message;
}

namespace {

struct Source {
  std::string file;
  std::size_t line = 0;
};

// One CSV record with typed accessors that record an error and return nullopt
// on bad values, so a row reports all of its problems at once.
class Row {
 public:
  Row(const CsvDocument& doc, const CsvRecord& rec, std::vector<ImportError>& errors)
      : doc_(doc), rec_(rec), errors_(errors) {}

  Source source() const { return {doc_.source(), rec_.line}; }
  void error(const std::string& field, const std::string& message) const {
    errors_.push_back({doc_.source(), rec_.line, field, message});
  }
  std::string text(const char* field) const {
    auto col = doc_.column(field);
    return col ? trim(rec_.fields[*col]) : std::string();
  }
  std::optional<std::string> required(const char* field) const {
    std::string v = text(field);
    if (v.empty()) {
      error(field, "is empty");
      return std::nullopt;
    }
    return v;
  }
  std::optional<Date> date(const char* field) const {
    auto v = required(field);
    if (!v) return std::nullopt;
    auto d = Date::parse(*v);
    if (!d) {
      error(field, d.status().message());
      return std::nullopt;
    }
    return *d;
  }
  // Empty means open-ended; nullopt-of-nullopt signals a bad value.
  std::optional<std::optional<Date>> optional_date(const char* field) const {
    std::string v = text(field);
    if (v.empty()) return std::optional<Date>();
    auto d = Date::parse(v);
    if (!d) {
      error(field, d.status().message());
      return std::nullopt;
    }
    return std::optional<Date>(*d);
  }
  template <typename E>
  std::optional<E> choice(const char* field, std::optional<E> (*parse)(std::string_view),
                          const std::string& choices) const {
    auto v = required(field);
    if (!v) return std::nullopt;
    auto e = parse(*v);
    if (!e) error(field, "'" + *v + "' is not one of " + choices);
    return e;
  }
  std::optional<bool> flag(const char* field) const {
    std::string v = text(field);
    std::transform(v.begin(), v.end(), v.begin(), ::tolower);
    if (v.empty() || v == "false" || v == "no" || v == "0") return false;
    if (v == "true" || v == "yes" || v == "1") return true;
    error(field, "'" + v + "' is not true or false");
    return std::nullopt;
  }

 private:
  static std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }
  const CsvDocument& doc_;
  const CsvRecord& rec_;
  std::vector<ImportError>& errors_;
};

// Builds OrgChanges from the files against what is stored, remembering the
// source row of every change for error reports.
class ChangeBuilder {
 public:
  explicit ChangeBuilder(const org::OrgData& stored) : stored_(stored) {
    for (const auto& u : stored.units) unit_ids_[u.code] = u.id;
    for (const auto& e : stored.employees) employee_ids_[e.serial] = e.id;
  }

  std::vector<ImportError>& errors() { return errors_; }
  const OrgChanges& changes() const { return changes_; }

  void units(const CsvDocument& doc) {
    struct Pending {
      org::Unit unit;
      std::string parent_code;
      Source src;
    };
    std::vector<Pending> rows;
    std::map<std::string, std::size_t> first_line;
    for (const CsvRecord& rec : doc.records()) {
      Row r(doc, rec, errors_);
      auto code = r.required("code");
      auto name = r.required("name");
      auto kind = r.choice("kind", org::parse_unit_kind, org::unit_kind_choices());
      if (code) {
        auto [it, fresh] = first_line.emplace(*code, rec.line);
        if (!fresh) {
          r.error("code", "duplicate unit code '" + *code + "' (also on line " +
                              std::to_string(it->second) + ")");
          continue;
        }
      }
      if (!code || !name || !kind) continue;
      rows.push_back(
          {org::Unit{0, *code, *name, *kind, std::nullopt}, r.text("parent"), r.source()});
    }
    // Codes first, so a parent may appear after its children in the file.
    for (Pending& p : rows) {
      auto stored = unit_ids_.find(p.unit.code);
      if (stored != unit_ids_.end()) {
        p.unit.id = stored->second;  // marks "already stored"; compared below
      } else {
        p.unit.id = next_id();
        unit_ids_[p.unit.code] = p.unit.id;
      }
    }
    for (Pending& p : rows) {
      if (!p.parent_code.empty()) {
        auto it = unit_ids_.find(p.parent_code);
        if (it == unit_ids_.end()) {
          errors_.push_back(
              {p.src.file, p.src.line, "parent", "no unit with code '" + p.parent_code + "'"});
          continue;
        }
        p.unit.parent = it->second;
      }
      if (p.unit.id >= 0) {
        const org::Unit* s = stored_unit(p.unit.id);
        if (s->name != p.unit.name || s->kind != p.unit.kind || s->parent != p.unit.parent) {
          errors_.push_back({p.src.file, p.src.line, "code",
                             "unit '" + p.unit.code +
                                 "' is already stored with a different name, kind or parent; "
                                 "reorganising units by import is not supported"});
        }
        continue;  // identical: nothing to do
      }
      changes_.units.push_back(p.unit);
      unit_src_.push_back(p.src);
    }
  }

  void employees(const CsvDocument& doc) {
    std::map<std::string, std::size_t> first_line;
    for (const CsvRecord& rec : doc.records()) {
      Row r(doc, rec, errors_);
      org::Employee e;
      auto serial = r.required("serial");
      auto last = r.required("last_name");
      e.first_name = r.text("first_name");
      auto category = r.choice("category", org::parse_category, org::category_choices());
      auto rank = r.required("rank");
      e.bargaining_unit = r.text("bargaining_unit");
      auto schedule = r.choice("schedule", org::parse_schedule, org::schedule_choices());
      auto hire = r.date("hire_date");
      if (serial) {
        auto [it, fresh] = first_line.emplace(*serial, rec.line);
        if (!fresh) {
          r.error("serial", "duplicate serial '" + *serial + "' (also on line " +
                                std::to_string(it->second) + ")");
          continue;
        }
      }
      if (!serial || !last || !category || !rank || !schedule || !hire) continue;
      e.serial = *serial;
      e.last_name = *last;
      e.category = *category;
      e.rank = *rank;
      e.schedule = *schedule;
      e.hire_date = *hire;
      auto stored = employee_ids_.find(e.serial);
      if (stored != employee_ids_.end()) {
        const org::Employee* s = stored_employee(stored->second);
        if (same_fields(*s, e)) continue;
        e.id = s->id;  // a correction: new version of a stored employee
      } else {
        e.id = next_id();
        employee_ids_[e.serial] = e.id;
      }
      changes_.employees.push_back(e);
      employee_src_.push_back(r.source());
    }
  }

  void assignments(const CsvDocument& doc) {
    for (const CsvRecord& rec : doc.records()) {
      Row r(doc, rec, errors_);
      auto emp = employee_ref(r);
      auto unit = unit_ref(r);
      auto role = r.choice("role", org::parse_role, org::role_choices());
      auto acting = r.flag("acting");
      auto start = r.date("start");
      auto end = r.optional_date("end");
      if (!emp || !unit || !role || !acting || !start || !end) continue;
      org::Assignment a{next_id(), *emp, *unit, *role, *acting, DateSpan{*start, *end}};
      if (*acting && *role != org::AssignmentRole::kSupervisor) {
        r.error("acting", "only a supervisor assignment can be acting");
        continue;
      }
      if (const org::Assignment* s = stored_assignment_like(a)) {
        if (s->span.end_exclusive == a.span.end_exclusive) continue;  // already stored
        if (s->span.end_exclusive || !a.span.end_exclusive) {
          r.error("end", "this assignment is stored with end " +
                             (s->span.end_exclusive ? s->span.end_exclusive->to_string()
                                                    : std::string("(open)")) +
                             "; an import can only end an open assignment");
          continue;
        }
        a.id = s->id;  // ends the stored assignment
      }
      changes_.assignments.push_back(a);
      assignment_src_.push_back(r.source());
    }
  }

  void statuses(const CsvDocument& doc) {
    for (const CsvRecord& rec : doc.records()) {
      Row r(doc, rec, errors_);
      auto emp = employee_ref(r);
      auto status = r.choice("status", org::parse_status, org::status_choices());
      auto start = r.date("start");
      auto end = r.optional_date("end");
      if (!emp || !status || !start || !end) continue;
      changes_.statuses.push_back({next_id(), *emp, *status, DateSpan{*start, *end}});
      status_src_.push_back(r.source());
    }
  }

  void roles(const CsvDocument& doc) {
    for (const CsvRecord& rec : doc.records()) {
      Row r(doc, rec, errors_);
      auto emp = employee_ref(r);
      auto role = r.choice("role", org::parse_special_role, org::special_role_choices());
      auto start = r.date("start");
      auto end = r.optional_date("end");
      if (!emp || !role || !start || !end) continue;
      changes_.roles.push_back({next_id(), *emp, *role, DateSpan{*start, *end}});
      role_src_.push_back(r.source());
    }
  }

  // Validates stored + changes together and reports problems on changed rows.
  void validate_merged() {
    org::OrgData merged = stored_;
    std::vector<std::optional<Source>> unit_src(merged.units.size()),
        employee_src(merged.employees.size()), assignment_src(merged.assignments.size()),
        status_src(merged.statuses.size()), role_src(merged.roles.size());
    for (std::size_t i = 0; i < changes_.units.size(); ++i) {
      merged.units.push_back(changes_.units[i]);
      unit_src.push_back(unit_src_[i]);
    }
    for (std::size_t i = 0; i < changes_.employees.size(); ++i) {
      const org::Employee& e = changes_.employees[i];
      auto it = std::find_if(merged.employees.begin(), merged.employees.end(),
                             [&](const org::Employee& s) { return s.id == e.id; });
      if (it != merged.employees.end()) {
        *it = e;
        employee_src[it - merged.employees.begin()] = employee_src_[i];
      } else {
        merged.employees.push_back(e);
        employee_src.push_back(employee_src_[i]);
      }
    }
    for (std::size_t i = 0; i < changes_.assignments.size(); ++i) {
      const org::Assignment& a = changes_.assignments[i];
      auto it = std::find_if(merged.assignments.begin(), merged.assignments.end(),
                             [&](const org::Assignment& s) { return s.id == a.id; });
      if (it != merged.assignments.end()) {
        *it = a;
        assignment_src[it - merged.assignments.begin()] = assignment_src_[i];
      } else {
        merged.assignments.push_back(a);
        assignment_src.push_back(assignment_src_[i]);
      }
    }
    for (std::size_t i = 0; i < changes_.statuses.size(); ++i) {
      merged.statuses.push_back(changes_.statuses[i]);
      status_src.push_back(status_src_[i]);
    }
    for (std::size_t i = 0; i < changes_.roles.size(); ++i) {
      merged.roles.push_back(changes_.roles[i]);
      role_src.push_back(role_src_[i]);
    }
    for (const org::OrgProblem& p : org::validate(merged)) {
      const std::vector<std::optional<Source>>* src = nullptr;
      switch (p.collection) {
        case org::Collection::kUnits:
          src = &unit_src;
          break;
        case org::Collection::kEmployees:
          src = &employee_src;
          break;
        case org::Collection::kAssignments:
          src = &assignment_src;
          break;
        case org::Collection::kStatuses:
          src = &status_src;
          break;
        case org::Collection::kRoles:
          src = &role_src;
          break;
      }
      const auto& s = (*src)[p.index];
      if (s) {
        errors_.push_back({s->file, s->line, p.field, p.message});
      } else {
        errors_.push_back({"(database)", 0, p.field, p.message});
      }
    }
  }

 private:
  std::int64_t next_id() { return --provisional_; }

  std::optional<org::EmployeeId> employee_ref(const Row& r) {
    auto serial = r.required("serial");
    if (!serial) return std::nullopt;
    auto it = employee_ids_.find(*serial);
    if (it == employee_ids_.end()) {
      r.error("serial", "no employee with serial '" + *serial +
                            "' (neither stored nor in the employees file)");
      return std::nullopt;
    }
    return it->second;
  }
  std::optional<org::UnitId> unit_ref(const Row& r) {
    auto code = r.required("unit");
    if (!code) return std::nullopt;
    auto it = unit_ids_.find(*code);
    if (it == unit_ids_.end()) {
      r.error("unit", "no unit with code '" + *code + "' (neither stored nor in the units file)");
      return std::nullopt;
    }
    return it->second;
  }
  const org::Unit* stored_unit(org::UnitId id) const {
    for (const auto& u : stored_.units) {
      if (u.id == id) return &u;
    }
    return nullptr;
  }
  const org::Employee* stored_employee(org::EmployeeId id) const {
    for (const auto& e : stored_.employees) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
  const org::Assignment* stored_assignment_like(const org::Assignment& a) const {
    if (a.employee < 0 || a.unit < 0) return nullptr;
    for (const auto& s : stored_.assignments) {
      if (s.employee == a.employee && s.unit == a.unit && s.role == a.role &&
          s.acting == a.acting && s.span.start == a.span.start) {
        return &s;
      }
    }
    return nullptr;
  }
  static bool same_fields(const org::Employee& a, const org::Employee& b) {
    return std::tie(a.last_name, a.first_name, a.category, a.rank, a.bargaining_unit, a.schedule,
                    a.hire_date) == std::tie(b.last_name, b.first_name, b.category, b.rank,
                                             b.bargaining_unit, b.schedule, b.hire_date);
  }

  const org::OrgData& stored_;
  OrgChanges changes_;
  std::vector<Source> unit_src_, employee_src_, assignment_src_, status_src_, role_src_;
  std::vector<ImportError> errors_;
  std::unordered_map<std::string, std::int64_t> unit_ids_, employee_ids_;
  std::int64_t provisional_ = 0;
};

// Reads a file and checks its header has every required column.
std::optional<CsvDocument> read_csv(const std::filesystem::path& path,
                                    std::initializer_list<const char*> required,
                                    std::vector<ImportError>& errors) {
  auto doc = CsvDocument::read_file(path);
  if (!doc) {
    // The reader's message already reads "file:line: why".
    errors.push_back({path.string(), 0, "", doc.status().message()});
    return std::nullopt;
  }
  bool complete = true;
  for (const char* column : required) {
    if (!doc->column(column)) {
      errors.push_back({path.string(), 1, column, "missing column (the header must include it)"});
      complete = false;
    }
  }
  if (!complete) return std::nullopt;
  return std::move(doc).value();
}

}  // namespace

Result<OrgImportOutcome> import_org(storage::Database& db, const OrgImportFiles& files,
                                    const std::string& actor, bool dry_run) {
  if (!files.units && !files.employees && !files.assignments && !files.statuses && !files.roles) {
    return invalid_argument("nothing to import: name at least one file");
  }
  RC_ASSIGN_OR_RETURN(org::OrgData stored, db.load_org());
  ChangeBuilder builder(stored);
  auto& errors = builder.errors();
  // Order matters: units and employees define the keys the others refer to.
  if (files.units) {
    if (auto doc = read_csv(*files.units, {"code", "name", "kind", "parent"}, errors)) {
      builder.units(*doc);
    }
  }
  if (files.employees) {
    if (auto doc = read_csv(*files.employees,
                            {"serial", "last_name", "first_name", "category", "rank",
                             "bargaining_unit", "schedule", "hire_date"},
                            errors)) {
      builder.employees(*doc);
    }
  }
  if (files.assignments) {
    if (auto doc = read_csv(*files.assignments,
                            {"serial", "unit", "role", "acting", "start", "end"}, errors)) {
      builder.assignments(*doc);
    }
  }
  if (files.statuses) {
    if (auto doc = read_csv(*files.statuses, {"serial", "status", "start", "end"}, errors)) {
      builder.statuses(*doc);
    }
  }
  if (files.roles) {
    if (auto doc = read_csv(*files.roles, {"serial", "role", "start", "end"}, errors)) {
      builder.roles(*doc);
    }
  }
  // Rows that failed to parse are left out; the rest are still checked, so one
  // run reports every problem.
  builder.validate_merged();

  OrgImportOutcome outcome;
  if (!errors.empty()) {
    outcome.errors = std::move(errors);
    std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                     [](const ImportError& a, const ImportError& b) {
                       return std::tie(a.file, a.line) < std::tie(b.file, b.line);
                     });
    return outcome;
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(outcome.counts, write_org_changes(*tx, builder.changes()));
  if (!dry_run) RC_RETURN_IF_ERROR(tx->commit());
  return outcome;  // a dry run's transaction rolls back when tx goes out of scope
}

}  // namespace rollcall::app
