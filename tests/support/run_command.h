// Runs the real `rollcall` binary (integration tests) and captures its output.
#pragma once

#include <string>
#include <vector>

namespace rollcall::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs ROLLCALL_BINARY with `args` (each passed as one argument, no shell
// interpretation) and waits for it.
CommandResult run_rollcall(const std::vector<std::string>& args);

}  // namespace rollcall::testing
