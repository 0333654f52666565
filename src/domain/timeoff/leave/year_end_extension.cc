#include "domain/timeoff/leave/year_end_extension.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::timeoff::leave {
namespace {

constexpr std::array<std::pair<ExtensionState, std::string_view>, 4> kNames{{
    {ExtensionState::kRequested, "requested"},
    {ExtensionState::kGranted, "granted"},
    {ExtensionState::kRefused, "refused"},
    {ExtensionState::kSentToPayroll, "sent-to-payroll"},
}};

Status denied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }

bool is_bureau_chief(const ActorContext& a) {
  return a.in_chain &&
         std::find(a.roles.begin(), a.roles.end(), access::Role::kBureauChief) != a.roles.end();
}

void log(ExtensionRequest& e, std::string what, org::EmployeeId actor, Instant at, Date on,
         std::string comments) {
  e.history.push_back({"4.010-POL-7", std::move(what), actor, at, on, RequestState::kSubmitted,
                       RequestState::kSubmitted, std::move(comments)});
}

}  // namespace

std::string_view to_string(ExtensionState s) {
  for (const auto& [k, n] : kNames) {
    if (k == s) return n;
  }
  return "?";
}

std::optional<ExtensionState> parse_extension_state(std::string_view s) {
  for (const auto& [k, n] : kNames) {
    if (n == s) return k;
  }
  return std::nullopt;
}

Result<ExtensionRequest> request_extension(std::int64_t id, org::EmployeeId employee, int year,
                                           std::vector<LeaveType> banks, Date until,
                                           std::string reason, const YearEndRules& rules,
                                           const ActorContext& actor, Date today, Instant at,
                                           std::vector<records::Hop> route) {
  if (actor.employee != employee) {
    return denied("4.010-POL-7 (request an extension) may be taken only by the employee");
  }
  const Date year_end = Date::from_ymd(year, 12, 31);
  if (today > year_end) {
    return failed_precondition("4.010-POL-7: " + std::to_string(year) +
                               " has ended; an extension is asked for before its deadlines");
  }
  if (banks.empty()) return invalid_argument("banks: name holiday and/or furlough");
  for (std::size_t i = 0; i < banks.size(); ++i) {
    if (std::find(rules.use_or_lose.begin(), rules.use_or_lose.end(), banks[i]) ==
        rules.use_or_lose.end()) {
      return invalid_argument("banks: " + std::string(to_string(banks[i])) +
                              " has no year-end deadline to extend");
    }
    if (std::find(banks.begin(), banks.begin() + static_cast<std::ptrdiff_t>(i), banks[i]) !=
        banks.begin() + static_cast<std::ptrdiff_t>(i)) {
      return invalid_argument("banks: " + std::string(to_string(banks[i])) + " is listed twice");
    }
  }
  if (reason.empty()) return invalid_argument("reason: say why the extension is needed");
  if (!(until > year_end)) {
    return invalid_argument("until: " + until.to_string() + " is not after " +
                            year_end.to_string());
  }
  ExtensionRequest e;
  e.id = id;
  e.employee = employee;
  e.year = year;
  e.banks = std::move(banks);
  e.until = until;
  e.reason = std::move(reason);
  if (!route.empty()) {
    RC_ASSIGN_OR_RETURN(records::Routing sent, records::send_through(std::move(route), at));
    e.route = std::move(sent);
  }
  log(e, "request", employee, at, today, e.reason);
  return e;
}

Result<ExtensionRequest> forward_extension(const ExtensionRequest& ext, const ActorContext& actor,
                                           Date today, Instant at) {
  if (ext.state != ExtensionState::kRequested || !ext.route || ext.route->delivered()) {
    return failed_precondition(
        "4.010-POL-7 (forward): the extension is not on its way through the chain of command");
  }
  auto moved = records::forward(*ext.route, actor.employee, at);
  if (!moved) {
    return denied(
        "4.010-POL-7 (forward) may be taken only by the link of the chain holding the "
        "request; employee " +
        std::to_string(actor.employee) + " does not hold it");
  }
  ExtensionRequest e = ext;
  e.route = std::move(moved).value();
  log(e, "forward", actor.employee, at, today, "");
  return e;
}

Result<ExtensionRequest> decide_extension(const ExtensionRequest& ext, bool grant,
                                          std::string comments, const ActorContext& actor,
                                          Date today, Instant at) {
  if (actor.employee == ext.employee || !is_bureau_chief(actor)) {
    return denied(
        "4.010-POL-7 (decide an extension) may be taken only by the employee's bureau chief");
  }
  if (ext.state != ExtensionState::kRequested) {
    return failed_precondition(
        "4.010-POL-7 (decide) needs the extension in state requested; it is " +
        std::string(to_string(ext.state)));
  }
  if (ext.route && !ext.route->delivered()) {
    return failed_precondition(
        "4.010-POL-7 (decide): the request is still on its way through the chain of command to "
        "the bureau chief");
  }
  if (!grant && comments.empty()) {
    return invalid_argument("comments: a refusal needs a reason");
  }
  ExtensionRequest e = ext;
  e.state = grant ? ExtensionState::kGranted : ExtensionState::kRefused;
  e.granted = grant;
  e.bureau_chief = actor.employee;
  e.decision_comments = comments;
  log(e, grant ? "grant" : "refuse", actor.employee, at, today, std::move(comments));
  return e;
}

Result<ExtensionRequest> send_to_payroll(const ExtensionRequest& ext, const ActorContext& actor,
                                         Date today, Instant at) {
  if (!is_bureau_chief(actor) || (ext.bureau_chief != 0 && actor.employee != ext.bureau_chief)) {
    return denied(
        "4.010-POL-7 (send to Payroll) may be taken only by the bureau chief who decided");
  }
  if (ext.state != ExtensionState::kGranted && ext.state != ExtensionState::kRefused) {
    return failed_precondition(
        "4.010-POL-7 (send to Payroll) needs the extension in state granted or refused; it is " +
        std::string(to_string(ext.state)));
  }
  ExtensionRequest e = ext;
  e.state = ExtensionState::kSentToPayroll;
  log(e, "send-to-payroll", actor.employee, at, today, "");
  return e;
}

}  // namespace rollcall::timeoff::leave
