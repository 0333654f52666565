// rollcall gen — being written (issue 3); registered so the build stays whole.
#include "cli/commands.h"

namespace rollcall::cli {

void add_gen_command(CLI::App& app, CliContext& ctx) { (void)app; (void)ctx; }

}  // namespace rollcall::cli
