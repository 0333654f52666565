// Schema migrations, embedded in the binary at build time from
// src/storage/migrations/NNNN_name[.engine].sql and applied in version order.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace rollcall::storage::sql {

struct EmbeddedMigration {
  const char* file_name;  // "0001_organisation.sql" or "0003_x.postgresql.sql"
  const char* sql;
};
const std::vector<EmbeddedMigration>& embedded_migrations();  // generated

struct Migration {
  int version = 0;
  std::string name;                     // "0001_organisation"
  std::vector<std::string> statements;  // tokens substituted, comments removed
};

// The migrations for `engine` ("sqlite" | "postgresql") in version order: shared
// files plus those suffixed with the engine; an engine file replaces a shared
// one of the same version. Statements are split at ';' ending a line, so a
// migration must not put ';' at a line end inside a literal.
Result<std::vector<Migration>> migrations_for(const std::string& engine);

}  // namespace rollcall::storage::sql
