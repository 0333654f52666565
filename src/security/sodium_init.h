// Internal to src/security: libsodium initialisation shared by the .cc files.
#pragma once

namespace rollcall::security::detail {

// Calls sodium_init() once (thread-safe); aborts the process if it fails.
void ensure_sodium();

}  // namespace rollcall::security::detail
