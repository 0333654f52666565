// `rollcall serve`: the web app and its API on an existing database.
#include <csignal>
#include <iostream>
#include <mutex>

#include "cli/commands.h"
#include "cli/server_host.h"

namespace rollcall::cli {
namespace {

// Blocks until SIGINT or SIGTERM. The signals are blocked in every thread
// (set before the server's threads start), so only this wait receives them.
int wait_for_signal(const sigset_t& set) {
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

}  // namespace

void add_serve_options(CLI::App* cmd, ServeOptions& o) {
  cmd->add_option("--address", o.address, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", o.port, "Port (0: any free port; default 8080)");
  cmd->add_option("--web", o.web, "The built front end (default: web/dist if it exists)");
  cmd->add_option("--workers", o.workers, "Handler threads and database connections (default 4)");
  cmd->add_option("--io-threads", o.io_threads, "I/O threads (default 1)");
  cmd->add_option("--access-log", o.access_log, "stdout (default), stderr or off");
  cmd->add_flag("--secure-cookies", o.secure_cookies,
                "Mark the session cookie Secure (behind TLS)");
}

int serve(CliContext& ctx, const ServeOptions& o,
          const std::function<void(const std::string&)>& ready) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A peer that closes mid-response must not kill the server.
  std::signal(SIGPIPE, SIG_IGN);

  HostOptions options;
  options.db = o.db;
  options.address = o.address;
  options.port = o.port;
  options.workers = o.workers;
  options.io_threads = o.io_threads;
  options.api.secure_cookies = o.secure_cookies;
  options.api.web_root = o.web;
  if (options.api.web_root.empty() && std::filesystem::exists("web/dist/index.html")) {
    options.api.web_root = "web/dist";
  }
  static std::mutex log_mutex;
  if (o.access_log == "stdout" || o.access_log == "stderr") {
    std::ostream& out = o.access_log == "stdout" ? std::cout : std::cerr;
    options.access_log = [&out](const std::string& line) {
      std::lock_guard lock(log_mutex);
      out << line << '\n';
    };
  } else if (o.access_log != "off") {
    ctx.fail("--access-log: stdout, stderr or off");
    return ctx.exit_code;
  }
  auto host = ServerHost::start(options, ctx.clock);
  if (!host) {
    ctx.fail(host.status());
    return ctx.exit_code;
  }
  if (options.api.web_root.empty()) {
    std::cout << "rollcall: no front end found (build it with scripts/build-web.sh); serving the "
                 "API only\n";
  }
  std::cout << "rollcall: serving " << host.value()->url() << " (database " << o.db << ")"
            << std::endl;
  if (ready) ready(host.value()->url());
  const int sig = wait_for_signal(set);
  std::cout << "rollcall: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
            << ": finishing requests in flight, then stopping" << std::endl;
  host.value()->stop();
  std::cout << "rollcall: stopped" << std::endl;
  return ctx.exit_code;
}

void add_serve_command(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web app and the API on an existing database");
  CliContext::add_db_option(cmd, o->db);
  add_serve_options(cmd, *o);
  cmd->callback([&ctx, o] { ctx.exit_code = serve(ctx, *o, nullptr); });
}

}  // namespace rollcall::cli
