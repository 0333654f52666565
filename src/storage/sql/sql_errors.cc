#include "storage/sql/sql_errors.h"

namespace rollcall::storage::sql {
namespace {

bool contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

Status status_from_exception(const std::exception& e, const std::string& context) {
  const std::string what = e.what();
  const std::string msg = context + ": " + what;
  if (contains(what, "UNIQUE constraint failed") || contains(what, "duplicate key value")) {
    return already_exists(msg);
  }
  if (contains(what, "constraint") || contains(what, "violates")) {
    return invalid_argument(msg);
  }
  if (contains(what, "connect") || contains(what, "unable to open database") ||
      contains(what, "database is locked") || contains(what, "server closed")) {
    return {StatusCode::kUnavailable, msg};
  }
  return internal_error(msg);
}

}  // namespace rollcall::storage::sql
