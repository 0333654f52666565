#include "security/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "security/sodium_init.h"
#include "security/tokens.h"

namespace rollcall::security {

namespace {

constexpr int kDigits = 6;
constexpr std::int64_t kStepSeconds = 30;
constexpr std::size_t kSecretBytes = 20;
constexpr std::size_t kMinSecretBytes = 16;

void ensure_oath() {
  static const bool ok = [] {
    if (oath_init() != OATH_OK) {
      std::fputs("rollcall: liboath could not be initialised\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)ok;
}

struct FreeDeleter {
  // liboath allocates its output with malloc and documents free() to release it.
  void operator()(char* p) const {
    std::free(p);  // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
  }
};
using OathBuffer = std::unique_ptr<char, FreeDeleter>;

// The decoded key, or nullopt if `secret_base32` is not base32 or is too short.
std::optional<std::string> decode_secret(std::string_view secret_base32) {
  ensure_oath();
  char* out = nullptr;
  std::size_t out_len = 0;
  const int rc = oath_base32_decode(secret_base32.data(), secret_base32.size(), &out, &out_len);
  OathBuffer owned(out);
  if (rc != OATH_OK || out == nullptr || out_len < kMinSecretBytes) return std::nullopt;
  return std::string(out, out_len);
}

// floor(seconds / 30) for seconds >= 0; nullopt before the epoch.
std::optional<std::int64_t> step_of(Instant t) {
  const std::int64_t s = t.time_since_epoch().count();
  if (s < 0) return std::nullopt;
  return s / kStepSeconds;
}

// HOTP(key, step) truncated to 6 digits = the TOTP code of that step (RFC 6238 §4).
std::optional<std::string> code_at_step(const std::string& key, std::int64_t step) {
  char out[kDigits + 1] = {};
  if (oath_hotp_generate(key.data(), key.size(), static_cast<std::uint64_t>(step), kDigits, false,
                         OATH_HOTP_DYNAMIC_TRUNCATION, out) != OATH_OK) {
    return std::nullopt;
  }
  return std::string(out, kDigits);
}

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  detail::ensure_sodium();
  unsigned char raw[kSecretBytes];
  randombytes_buf(raw, sizeof raw);
  ensure_oath();
  char* out = nullptr;
  std::size_t out_len = 0;
  const int rc = oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &out_len);
  OathBuffer owned(out);
  sodium_memzero(raw, sizeof raw);
  if (rc != OATH_OK || out == nullptr) {
    std::fputs("rollcall: liboath could not encode a TOTP secret\n", stderr);
    std::abort();  // only on allocation failure
  }
  std::string secret(out, out_len);
  sodium_memzero(out, out_len);
  // 20 bytes are 160 bits, exactly 32 characters, so there is no padding; strip any anyway.
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret) {
  const std::string enc_issuer = percent_encode(issuer);
  return "otpauth://totp/" + enc_issuer + ":" + percent_encode(account) +
         "?secret=" + percent_encode(secret) + "&issuer=" + enc_issuer +
         "&algorithm=SHA1&digits=6&period=30";
}

Result<std::string> totp_code(std::string_view secret_base32, Instant at) {
  const auto key = decode_secret(secret_base32);
  if (!key) {
    return invalid_argument("TOTP secret is not base32 of at least " +
                            std::to_string(kMinSecretBytes) + " bytes");
  }
  const auto step = step_of(at);
  if (!step) return invalid_argument("TOTP time is before 1970");
  auto code = code_at_step(*key, *step);
  if (!code) return internal_error("liboath could not compute a TOTP code");
  return std::move(*code);
}

std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        Instant now, int window_steps) {
  if (code.size() != kDigits || window_steps < 0) return std::nullopt;
  for (const char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const auto key = decode_secret(secret_base32);
  const auto now_step = step_of(now);
  if (!key || !now_step) return std::nullopt;
  std::optional<std::int64_t> matched;
  // Every step in the window is computed and compared, matched or not.
  for (std::int64_t step = *now_step - window_steps; step <= *now_step + window_steps; ++step) {
    if (step < 0) continue;
    const auto expected = code_at_step(*key, step);
    if (expected && constant_time_equal(*expected, code) && !matched) matched = step;
  }
  return matched;
}

}  // namespace rollcall::security
