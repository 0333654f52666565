// Status and Result<T>: expected failures as values (ARCHITECTURE.md, habit 2).
//
// Exceptions are used only inside adapters (SOCI, JSON, CSV files) and are
// converted to a Status at the adapter boundary. One function in the API layer
// maps StatusCode to HTTP; the CLI maps any non-OK status to a non-zero exit.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace rollcall {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // caller's input is malformed or breaks a rule (400/422)
  kNotFound,            // the named thing does not exist (404)
  kAlreadyExists,       // a unique key is taken (409)
  kFailedPrecondition,  // the state does not allow this now (409)
  kUnauthenticated,     // who is calling is unknown (401)
  kPermissionDenied,    // the caller may not do this (403)
  kResourceExhausted,   // rate or capacity limit (429)
  kUnavailable,         // try again later (503)
  kDataLoss,            // stored data failed an integrity check
  kInternal,            // a bug or an unexpected adapter failure (500)
};

std::string_view to_string(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NOT_FOUND: employee 123 does not exist"
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status invalid_argument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status already_exists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status failed_precondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status data_loss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status internal_error(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Holds either a value or a non-OK Status. Accessing value() of an error is a
// programming error (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).is_ok() && "Result built from an OK status");
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return is_ok(); }

  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & {
    assert(is_ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(is_ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(is_ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace rollcall

// Evaluates a Status expression and returns it from the enclosing function if not OK.
#define RC_RETURN_IF_ERROR(expr)                \
  do {                                          \
    ::rollcall::Status rc_status_ = (expr);     \
    if (!rc_status_.is_ok()) return rc_status_; \
  } while (0)

#define RC_CONCAT_INNER(a, b) a##b
#define RC_CONCAT(a, b) RC_CONCAT_INNER(a, b)
// RC_ASSIGN_OR_RETURN(auto x, expr): binds the value of a Result or returns its Status.
#define RC_ASSIGN_OR_RETURN(lhs, expr) \
  RC_ASSIGN_OR_RETURN_IMPL(RC_CONCAT(rc_result_, __LINE__), lhs, expr)
#define RC_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.is_ok()) return tmp.status();         \
  lhs = std::move(tmp).value()
