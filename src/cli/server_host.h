// Wires a running `rollcall serve`: a pool of database connections (SQLite file
// or PostgreSQL URL), the access-log writer, the API's shared state, the router
// and the HTTP server. Used by the CLI (serve, demo) and by the integration
// tests, which start it in-process on port 0 with a simulated clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/api_state.h"
#include "common/clock.h"
#include "http/server.h"

namespace rollcall::cli {

struct HostOptions {
  std::string db;  // SQLite path or postgresql:// URL
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  unsigned io_threads = 1;
  unsigned workers = 4;  // handler threads, and database connections in the pool
  // A request must arrive whole within this; slower clients are cut off.
  std::chrono::milliseconds io_timeout{15'000};
  api::ApiOptions api;
  std::function<void(const std::string&)> access_log;  // one JSON line per request
};

class ServerHost {
 public:
  // Opens the database (the schema must be current), loads the front end and
  // starts listening. UNAVAILABLE if the database or the port cannot be had.
  static Result<std::unique_ptr<ServerHost>> start(const HostOptions& options, const Clock& clock);
  ~ServerHost();
  ServerHost(const ServerHost&) = delete;
  ServerHost& operator=(const ServerHost&) = delete;

  std::uint16_t port() const;
  std::string url() const;  // "http://127.0.0.1:PORT"
  api::ApiState& state() { return *state_; }
  // Graceful: stops accepting, finishes requests in flight, flushes the
  // access log. Idempotent.
  void stop();

 private:
  ServerHost() = default;
  HostOptions options_;
  std::unique_ptr<app::DatabasePool> pool_;
  std::unique_ptr<api::ApiState> state_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace rollcall::cli
