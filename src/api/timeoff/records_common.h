// Shared by the 4.010 time-record handlers (records_*.cc): the calendar, who
// is acting, reading fields with their errors, the scope rule, and amounts.
//
// Scope: a record is visible to whoever may read the employee's personnel
// record (access::Resource::kEmployeeRecord: the employee, their chain of
// command, HR, Payroll, the FML coordinator, administrators); anyone else is
// told it does not exist (404), so ids and serials cannot be probed. Who may
// take a step is the domain's decision (403 with its reason).
// Amounts are minutes internally; the API shows "minutes" and "hours" (a
// decimal) and accepts either on input.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "app/timeoff/records/record_store.h"
#include "app/timeoff/timeoff_context.h"
#include "domain/timeoff/records/time_code.h"

namespace rollcall::api::records {

using nlohmann::json;
namespace ar = app::records;
namespace tr = rollcall::timeoff::records;

// The shipped time-off calendar in the agency's zone (ApiOptions::zone).
Result<std::shared_ptr<const app::timeoff::TimeoffContext>> calendar(const Ctx& ctx);

ar::ActingAs acting(const Ctx& ctx);

// The employee named by `serial` if the caller may read their record;
// NOT_FOUND otherwise (unknown or out of scope alike). An empty serial is the
// caller themself.
Result<org::EmployeeId> employee_in_scope(const Ctx& ctx, const std::string& serial);
// Whether the caller may see records about `employee`.
bool in_scope(const Ctx& ctx, org::EmployeeId employee);

// NOT_FOUND ("<what> <id> does not exist") unless in_scope().
template <typename T>
Result<ar::Stored<T>> readable(Ctx& ctx, std::int64_t id) {
  auto db = ctx.state.pool().lease();
  auto s = ar::load_one<T>(*db, id);
  if (!s) return s.status();
  if (!in_scope(ctx, s.value().record.employee)) {
    return not_found(std::string(ar::RecordKind<T>::kind) + " " + std::to_string(id) +
                     " does not exist");
  }
  return s;
}

// {"minutes": m, "hours": m / 60}.
json amount(std::int64_t minutes);
// serial, name and unit of `e` today; null for 0.
json person(const Ctx& ctx, org::EmployeeId e);
json opt_date(const std::optional<Date>& d);
json opt_instant(const std::optional<Instant>& t);
json routing_json(const Ctx& ctx, const tr::Routing& r);
json line_json(const tr::TimesheetLine& l);

// Reads the fields of a JSON body, collecting a FieldError per problem.
class Fields {
 public:
  explicit Fields(const json& body) : body_(body) {}
  std::vector<FieldError> errors;

  bool has(const char* key) const;
  // Text of at most `max` bytes; "" when absent (an error if `required`).
  std::string text(const char* key, std::size_t max, bool required = false);
  std::optional<Date> date(const char* key, bool required = true);
  bool boolean(const char* key, bool fallback = false);
  // "minutes" (whole) or "hours" (a number, converted to whole minutes), with
  // prefixes: amount("") reads minutes/hours, amount("extra_") reads
  // extra_minutes/extra_hours. Required: an error when neither is present.
  std::int64_t minutes(const std::string& prefix = "", bool required = true);
  // The optional "version" the caller acted on.
  std::optional<int> version();
  // A list of dates under `key`.
  std::vector<Date> dates(const char* key);
  // Timesheet lines under `key`: [{"date"?, "code", "leave_type", "minutes"|"hours"}];
  // a line without a date gets `day`.
  std::vector<tr::TimesheetLine> lines(const char* key, std::optional<Date> day);

 private:
  const json& body_;
};

// 422 with the collected errors.
http::Response invalid(std::string_view message, const std::vector<FieldError>& errors);
// 422 for a domain INVALID_ARGUMENT.
http::Response rule_broken(const Status& s);

}  // namespace rollcall::api::records

namespace rollcall::api::records {

// The answer to a use case's result: `render(value)` as JSON with `status`;
// an INVALID_ARGUMENT from the domain (a rule about the content) becomes 422
// validation_failed naming the field when the message starts "field: ";
// every other error goes to the one status mapping.
template <typename T, typename Render>
Result<http::Response> answer(const Result<T>& r, int status, Render&& render) {
  if (!r) {
    if (r.status().code() == StatusCode::kInvalidArgument) return rule_broken(r.status());
    return r.status();
  }
  return json_response(status, render(r.value()));
}

}  // namespace rollcall::api::records
