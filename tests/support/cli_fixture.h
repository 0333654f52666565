// A fixture for end-to-end tests of the `rollcall` binary, parameterised by
// engine ("sqlite", "postgresql"): a fresh database (initialised), a scratch
// folder for input files, and a fingerprint to prove a failed command wrote
// nothing.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/test_databases.h"

namespace rollcall::testing {

class CliTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Skips when the engine has no server; runs `rollcall init` on the database.
  void SetUp() override;

  // Writes `text` to a file in the scratch folder and returns its path.
  std::string write(const std::string& name, const std::string& text) const;
  // Runs rollcall with `args` plus `--db <this database>`.
  CommandResult rc(std::vector<std::string> args) const;
  // Row counts of `tables` and the audit head's hash: equal before and after
  // means nothing was written.
  std::string fingerprint(std::initializer_list<const char*> tables) const;

  TestDatabase target_;
  std::filesystem::path dir_;
};

}  // namespace rollcall::testing
