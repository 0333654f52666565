// The HTTP server (Boost.Beast): asynchronous I/O on io threads; handlers,
// which may block on the database, run on a bounded worker pool so an I/O
// thread is never blocked, and a full pool answers 503 at once.
//
// Every response carries the security headers (CSP, no-sniff, frame-deny,
// no-referrer). Limits: header and body size (431 / 413), a read timeout that
// cuts off slow clients, and a connection cap. stop() is graceful: it stops
// accepting, lets every handler already running finish and its response be
// written (an acknowledged write is never lost), then closes the rest.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "http/router.h"

namespace rollcall::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port (see Server::port())
  unsigned io_threads = 1;
  unsigned worker_threads = 4;
  std::size_t max_in_flight = 256;  // handlers queued or running; beyond: 503
  std::size_t max_connections = 1024;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  // A request must arrive whole (and a response be taken) within this.
  std::chrono::milliseconds io_timeout{15'000};
  // Optional: called on the I/O thread before a request goes to the worker
  // pool. It must never block (no database, no waiting on a lock another
  // thread may hold for long); it answers what it can from memory and returns
  // nullopt for everything else.
  std::function<std::optional<Response>(const Request&)> fast_path;
  // One JSON line per request: method, target, status, bytes, ms, peer.
  std::function<void(const std::string&)> access_log;
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving. UNAVAILABLE if the address cannot be bound.
  Status start();
  std::uint16_t port() const;
  // Graceful shutdown; idempotent. Waits at most `grace` for work in flight.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
  // Counters in the Prometheus text exposition format.
  std::string metrics() const;

  struct Impl;  // opaque; defined in server.cc (its connections use it)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rollcall::http
