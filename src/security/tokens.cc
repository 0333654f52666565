#include "security/tokens.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "security/sodium_init.h"

namespace rollcall::security {

namespace detail {

void ensure_sodium() {
  static const bool ok = [] {
    if (sodium_init() < 0) {
      std::fputs("rollcall: libsodium could not be initialised\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)ok;
}

}  // namespace detail

std::string random_token(std::size_t bytes) {
  if (bytes == 0) return {};
  detail::ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), kVariant);
  out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string sha256_hex(std::string_view data) {
  detail::ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, sizeof hex - 1);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  detail::ensure_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace rollcall::security
