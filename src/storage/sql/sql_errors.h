// Converts exceptions thrown by SOCI and the engines into Status values at the
// storage boundary (ARCHITECTURE.md, habit 2).
#pragma once

#include <exception>
#include <string>

#include "common/status.h"

namespace rollcall::storage::sql {

// Classifies the engine's message: unique violations -> ALREADY_EXISTS, other
// constraint failures -> INVALID_ARGUMENT, connection failures -> UNAVAILABLE,
// anything else -> INTERNAL. `context` says what was being done.
Status status_from_exception(const std::exception& e, const std::string& context);

// Runs `body` (returning Status or Result<T>), converting any exception.
template <typename F>
auto guarded(const std::string& context, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return status_from_exception(e, context);
  }
}

}  // namespace rollcall::storage::sql
