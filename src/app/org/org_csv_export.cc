#include "app/org/org_csv_export.h"

#include <fstream>
#include <unordered_map>

namespace rollcall::app {

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

namespace {

std::string end_text(const DateSpan& s) {
  return s.end_exclusive ? s.end_exclusive->to_string() : "";
}

}  // namespace

Status export_org_csv(const org::OrgData& data, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return internal_error("cannot create " + dir.string() + ": " + ec.message());

  std::unordered_map<org::UnitId, const org::Unit*> units;
  for (const auto& u : data.units) units[u.id] = &u;
  std::unordered_map<org::EmployeeId, std::string> serial;
  for (const auto& e : data.employees) serial[e.id] = e.serial;

  auto open = [&](const char* name, const char* header, std::ofstream& out) -> Status {
    out.open(dir / name, std::ios::binary | std::ios::trunc);
    if (!out) return internal_error("cannot write " + (dir / name).string());
    out << header << "\n";
    return Status::ok();
  };

  std::ofstream f;
  RC_RETURN_IF_ERROR(open("units.csv", "code,name,kind,parent", f));
  for (const auto& u : data.units) {
    f << csv_field(u.code) << ',' << csv_field(u.name) << ',' << org::to_string(u.kind) << ','
      << (u.parent ? csv_field(units.at(*u.parent)->code) : "") << "\n";
  }
  f.close();

  RC_RETURN_IF_ERROR(
      open("employees.csv",
           "serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date", f));
  for (const auto& e : data.employees) {
    f << csv_field(e.serial) << ',' << csv_field(e.last_name) << ',' << csv_field(e.first_name)
      << ',' << org::to_string(e.category) << ',' << csv_field(e.rank) << ','
      << csv_field(e.bargaining_unit) << ',' << org::to_string(e.schedule) << ','
      << e.hire_date.to_string() << "\n";
  }
  f.close();

  RC_RETURN_IF_ERROR(open("assignments.csv", "serial,unit,role,acting,start,end", f));
  for (const auto& a : data.assignments) {
    f << csv_field(serial.at(a.employee)) << ',' << csv_field(units.at(a.unit)->code) << ','
      << org::to_string(a.role) << ',' << (a.acting ? "true" : "false") << ','
      << a.span.start.to_string() << ',' << end_text(a.span) << "\n";
  }
  f.close();

  RC_RETURN_IF_ERROR(open("statuses.csv", "serial,status,start,end", f));
  for (const auto& s : data.statuses) {
    f << csv_field(serial.at(s.employee)) << ',' << org::to_string(s.status) << ','
      << s.span.start.to_string() << ',' << end_text(s.span) << "\n";
  }
  f.close();

  RC_RETURN_IF_ERROR(open("roles.csv", "serial,role,start,end", f));
  for (const auto& g : data.roles) {
    f << csv_field(serial.at(g.employee)) << ',' << org::to_string(g.role) << ','
      << g.span.start.to_string() << ',' << end_text(g.span) << "\n";
  }
  f.close();
  if (!f) return internal_error("writing CSV files in " + dir.string() + " failed");
  return Status::ok();
}

}  // namespace rollcall::app
