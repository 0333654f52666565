#include "api/csv_response.h"

#include "app/org/org_csv_export.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

std::string cell(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
      s.insert(s.begin(), '\'');
    }
    return s;
  }
  if (v.is_array()) {
    std::string out;
    for (const json& x : v) out += (out.empty() ? "" : "; ") + cell(x);
    return out;
  }
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

}  // namespace

http::Response csv_response(const json& rows, const std::vector<CsvColumn>& columns,
                            const std::string& filename) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out += (i ? "," : "") + app::csv_field(columns[i].header);
  }
  out += "\r\n";
  for (const json& row : rows) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const json::json_pointer p(columns[i].pointer);
      out += (i ? "," : "") + app::csv_field(row.contains(p) ? cell(row.at(p)) : "");
    }
    out += "\r\n";
  }
  http::Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(out);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

}  // namespace rollcall::api
