// The sign-in rules (issue 4) as data: timeouts, lockout and password cost.
// The defaults are the department's policy; tests shorten nothing but the
// argon2id cost (still argon2id).
#pragma once

#include <chrono>

#include "security/password.h"

namespace rollcall::app {

struct AuthPolicy {
  std::chrono::seconds idle_timeout = std::chrono::minutes(30);
  std::chrono::seconds absolute_lifetime = std::chrono::hours(12);
  int max_failed_attempts = 5;  // the 5th consecutive failure locks the account
  std::chrono::seconds lockout = std::chrono::minutes(15);
  security::Argon2Cost password_cost = security::kInteractiveCost;
};

}  // namespace rollcall::app
