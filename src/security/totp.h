// Time-based one-time passwords (RFC 6238) as authenticator apps use them:
// HMAC-SHA-1, 6 digits, 30-second steps counted from the Unix epoch.
//
// Secrets are base32 (RFC 4648, A-Z 2-7, no padding) as in otpauth URIs. The
// secret is a credential: store it as carefully as a password (it cannot be
// hashed, since the server must compute codes from it).
//
// Time is injected: callers pass an Instant from their Clock; nothing here reads
// the system clock. Thread-safety: every function may be called from any thread
// (liboath is initialised once, on first use).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace rollcall::security {

// A new secret: 20 random bytes (160 bits, RFC 4226's recommendation) in base32
// without padding: 32 characters A-Z 2-7.
std::string new_totp_secret();

// The URI an authenticator app reads from a QR code:
//   otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
// `issuer` and `account` are percent-encoded (everything but A-Z a-z 0-9 - . _ ~,
// so a ':' inside either becomes %3A); the label's separating ':' is literal.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

// The 6-digit code (zero padded, e.g. "005924") for the step containing `at`.
// `secret_base32` may contain spaces and lowercase letters; padding is optional.
// Errors: INVALID_ARGUMENT if the secret is not base32 or decodes to fewer than
// 16 bytes (RFC 4226 requires at least 128 bits), or if `at` is before 1970.
Result<std::string> totp_code(std::string_view secret_base32, Instant at);

// If `code` is the code of any step from T - window_steps to T + window_steps,
// where T = floor(unix_seconds(now) / 30), returns that step's counter (the
// earliest one that matches); otherwise nullopt. Also nullopt if `code` is not
// exactly 6 ASCII digits, the secret is bad (as for totp_code), window_steps is
// negative, or `now` is before 1970. Steps before the epoch are never matched.
//
// Replay protection is the caller's job: store the last accepted step for the
// user and refuse a result <= it, then store the new step, in the same
// transaction. Otherwise a code seen over a shoulder can be reused for up to
// (2 * window_steps + 1) * 30 seconds. Rate-limit failed attempts as well: six
// digits are only 10^6 possibilities.
std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        Instant now, int window_steps = 1);

}  // namespace rollcall::security
