// CSV export of any table the API lists (issue 5: "CSV export of every
// table"): the same rows as the JSON answer, flattened to the named columns.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/message.h"

namespace rollcall::api {

struct CsvColumn {
  std::string header;   // the CSV header
  std::string pointer;  // a JSON pointer into each row, e.g. "/employee/serial"
};

// text/csv with a Content-Disposition naming `filename`. Missing values are
// empty; arrays are joined with "; ". A text cell starting with = + - @ is
// prefixed with ' so spreadsheet programs do not run it as a formula
// (OWASP CSV injection).
http::Response csv_response(const nlohmann::json& rows, const std::vector<CsvColumn>& columns,
                            const std::string& filename);

}  // namespace rollcall::api
