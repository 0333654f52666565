#include "security/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "security/sodium_init.h"

namespace rollcall::security {

const Argon2Cost kInteractiveCost{crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
const Argon2Cost kTestCost{1, std::size_t{8} * 1024 * 1024};

namespace {

bool cost_in_limits(Argon2Cost cost) {
  return cost.ops >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
         cost.ops <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
         cost.mem_bytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
         cost.mem_bytes <= crypto_pwhash_argon2id_MEMLIMIT_MAX;
}

// A NUL-terminated copy for libsodium's C-string API, or nullopt if `phc` cannot
// be a hash libsodium wrote (too long, or with an embedded NUL that would
// silently cut it short).
std::optional<std::string> phc_c_string(std::string_view phc) {
  if (phc.empty() || phc.size() >= crypto_pwhash_argon2id_STRBYTES) return std::nullopt;
  if (phc.find('\0') != std::string_view::npos) return std::nullopt;
  return std::string(phc);
}

// The code points of `s`, or nullopt if it is not valid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF are invalid).
std::optional<std::vector<char32_t>> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      extra = 1;
      cp = b0 & 0x1F;
      min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      extra = 2;
      cp = b0 & 0x0F;
      min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      extra = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + extra >= s.size()) return std::nullopt;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += 1 + extra;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Very common passwords of 12 or more characters (shorter ones already fail the
// length rule), from published breach-corpus frequency lists. Lowercase.
constexpr std::array<std::string_view, 24> kCommonPasswords = {
    "123456789012",   "1234567890123",    "12345678901234", "123123123123",     "password1234",
    "password123!",   "passwordpassword", "password12345",  "qwertyuiop12",     "qwertyuiop123",
    "qwertyuiopasdf", "1q2w3e4r5t6y",     "1qaz2wsx3edc",   "zaq12wsxcde3",     "qazwsxedcrfv",
    "asdfghjkl123",   "abcdefghijkl",     "abc123abc123",   "iloveyou1234",     "welcome12345",
    "letmein12345",   "changeme1234",     "administrator",  "trustno1trustno1",
};

constexpr std::size_t kMinCharacters = 12;
constexpr std::size_t kMaxBytes = 256;
constexpr std::size_t kMinUsernameForContains = 3;

}  // namespace

Result<std::string> hash_password(std::string_view password, Argon2Cost cost) {
  if (!cost_in_limits(cost)) {
    return invalid_argument(
        "argon2id cost outside libsodium's limits (ops >= " +
        std::to_string(crypto_pwhash_argon2id_OPSLIMIT_MIN) +
        ", mem_bytes >= " + std::to_string(crypto_pwhash_argon2id_MEMLIMIT_MIN) + ")");
  }
  detail::ensure_sodium();
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status(StatusCode::kResourceExhausted, "not enough memory to hash a password (" +
                                                      std::to_string(cost.mem_bytes) + " bytes)");
  }
  return std::string(out);
}

bool verify_password(std::string_view phc, std::string_view password) {
  const auto str = phc_c_string(phc);
  if (!str) return false;
  detail::ensure_sodium();
  return crypto_pwhash_str_verify(str->c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view phc, Argon2Cost cost) {
  const auto str = phc_c_string(phc);
  if (!str) return true;
  detail::ensure_sodium();
  // The argon2id-specific check: an argon2i hash is "invalid" (-1) here, so it is
  // upgraded too; the generic crypto_pwhash_str_needs_rehash would keep it.
  return crypto_pwhash_argon2id_str_needs_rehash(str->c_str(), cost.ops, cost.mem_bytes) != 0;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view username) {
  const auto code_points = decode_utf8(password);
  if (!code_points) return "This password contains characters that are not valid text (UTF-8).";
  if (password.size() > kMaxBytes) {
    return "This password is too long: use at most 256 bytes (fewer characters if it has "
           "accents or non-Latin letters).";
  }
  if (code_points->size() < kMinCharacters) {
    return "This password is too short: use at least 12 characters.";
  }
  if (std::all_of(code_points->begin(), code_points->end(),
                  [&](char32_t c) { return c == code_points->front(); })) {
    return "This password is one character repeated: choose something harder to guess.";
  }
  const std::string lower = ascii_lower(password);
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    return "This password is one of the most commonly used: choose another.";
  }
  if (!username.empty()) {
    const std::string user = ascii_lower(username);
    const auto user_chars = decode_utf8(username);
    const std::size_t user_len = user_chars ? user_chars->size() : username.size();
    if (lower == user ||
        (user_len >= kMinUsernameForContains && lower.find(user) != std::string::npos)) {
      return "This password contains your username: choose something else.";
    }
  }
  return std::nullopt;
}

}  // namespace rollcall::security
