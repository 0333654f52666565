// Random tokens and hashing for session ids and API tokens.
//
// A session id or API token is handed to the client once (random_token()) and
// stored only as sha256_hex(token); a presented token is hashed and looked up,
// and any secret compared in memory is compared with constant_time_equal().
//
// Thread-safety: every function may be called from any thread. libsodium is
// initialised on first use; if that fails (no usable random source) the process
// aborts, as no safe token can be made.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rollcall::security {

// `bytes` bytes from the operating system's CSPRNG, encoded as base64url without
// padding (alphabet A-Z a-z 0-9 - _). The default 32 bytes (256 bits) gives a
// 43-character string. random_token(0) returns "".
std::string random_token(std::size_t bytes = 32);

// The SHA-256 digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

// True if `a` and `b` are byte-for-byte equal. Returns false at once if the
// lengths differ (lengths are not secret: compare fixed-length values such as
// digests); otherwise the time taken does not depend on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace rollcall::security
