// Opens a Database on SQLite (the embedded default) or PostgreSQL via SOCI.
#pragma once

#include <memory>
#include <string>

#include "common/clock.h"
#include "storage/database.h"

namespace rollcall::storage::sql {

// `url` is "postgresql://…" / "postgres://…" (a libpq URI) for PostgreSQL;
// anything else is a SQLite file path, created if absent (WAL journal, foreign
// keys on, 5 s busy timeout). The clock stamps audit records and must outlive
// the Database. UNAVAILABLE if the database cannot be reached or opened.
//
// One Database holds one connection and runs one transaction at a time; it is
// not safe to share between threads (the server will hold a pool of them).
Result<std::unique_ptr<Database>> open_database(const std::string& url, const Clock& clock);

// The keyword=value connection string libpq reads, from a postgresql:// URL.
// INVALID_ARGUMENT if libpq cannot parse the URL.
Result<std::string> libpq_conninfo(const std::string& url);

// Secrets removed, for logs and messages: "postgresql://user@host:5432/db".
std::string redact_url(const std::string& url);

}  // namespace rollcall::storage::sql
