// rollcall crossings — being written (issue 3); registered so the build stays whole.
#include "cli/commands.h"

namespace rollcall::cli {

void add_crossings_command(CLI::App& app, CliContext& ctx) { (void)app; (void)ctx; }

}  // namespace rollcall::cli
