#include "http/server.h"

#include "common/escape.h"

// GCC 12 + C++20: <utility> before the Asio headers (ARCHITECTURE.md).
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

namespace rollcall::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::array<std::pair<const char*, const char*>, 5> kSecurityHeaders{{
    {"Content-Security-Policy",
     "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
}};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Router router;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::unique_ptr<net::thread_pool> workers;
  // Keeps run() going while a handler is on the worker pool and nothing is
  // pending on the io_context (after stop() closes the acceptor, a response
  // still to be posted back would otherwise find the io threads gone).
  std::optional<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  std::vector<std::thread> io_threads;
  std::atomic<bool> stopping{false};
  bool started = false;

  std::atomic<std::size_t> in_flight{0};  // accepted requests not yet answered
  std::atomic<std::size_t> connections{0};
  std::mutex idle_mutex;
  std::condition_variable idle;

  // Metrics.
  std::array<std::atomic<std::uint64_t>, 6> by_class{};  // index status/100
  std::atomic<std::uint64_t> duration_us{0};
  std::atomic<std::uint64_t> rejected_busy{0};
  std::atomic<std::uint64_t> rejected_connections{0};

  Impl(ServerOptions o, Router r)
      : options(std::move(o)),
        router(std::move(r)),
        ioc(static_cast<int>(std::max(1u, options.io_threads))) {}

  void request_done() {
    if (--in_flight == 0) {
      std::lock_guard<std::mutex> lock(idle_mutex);
      idle.notify_all();
    }
  }
  void accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    ++server_.connections;
  }
  ~Session() { --server_.connections; }

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(server_.options.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    stream_.expires_after(server_.options.io_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::body_limit) return reply_and_close(413, "request body too large");
    if (ec == bhttp::error::header_limit) return reply_and_close(431, "request headers too large");
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return close();  // a slow or vanished client is cut off
    }
    if (ec) return reply_and_close(400, "malformed request");

    auto message = parser_->release();
    Request req;
    req.method = std::string(message.method_string());
    req.target = std::string(message.target());
    const auto q = req.target.find('?');
    req.path = req.target.substr(0, q);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[name] = std::string(field.value());
    }
    req.body = std::move(message.body());
    beast::error_code peer_ec;
    const auto peer = stream_.socket().remote_endpoint(peer_ec);
    if (!peer_ec) req.remote = peer.address().to_string();
    keep_alive_ = message.keep_alive();
    method_ = req.method;
    target_ = req.target;
    remote_ = req.remote;

    if (server_.stopping) return reply_and_close(503, "server is shutting down");
    if (server_.in_flight.fetch_add(1) >= server_.options.max_in_flight) {
      server_.request_done();
      ++server_.rejected_busy;
      return reply(Response::error(503, "server busy; try again"), false);
    }
    // A request the fast path answers from memory never leaves this thread
    // (no hand-off to the pool and back); everything else may block on the
    // database, so it runs on the worker pool and its response is written
    // back on this connection's strand.
    if (server_.options.fast_path) {
      std::optional<Response> quick;
      try {
        quick = server_.options.fast_path(req);
      } catch (const std::exception&) {
        quick.reset();  // the normal path will answer (or fail) properly
      }
      if (quick) return reply(std::move(*quick), keep_alive_, /*counted=*/true);
    }
    net::post(*server_.workers, [self = shared_from_this(), req = std::move(req)]() mutable {
      Response res;
      try {
        res = self->server_.router.dispatch(req);
      } catch (const std::exception&) {
        res = Response::error(500, "internal error");
      }
      net::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable {
        self->reply(std::move(res), self->keep_alive_, /*counted=*/true);
      });
    });
  }

  void reply_and_close(int status, const char* message) {
    keep_alive_ = false;
    reply(Response::error(status, message), false);
  }

  void reply(Response res, bool keep_alive, bool counted = false) {
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(res.status), 11);
    out->set(bhttp::field::server, "rollcall");
    out->set(bhttp::field::content_type, res.content_type);
    for (const auto& [name, value] : kSecurityHeaders) out->set(name, value);
    for (const auto& [name, value] : res.headers) out->set(name, value);
    out->body() = std::move(res.body);
    out->keep_alive(keep_alive);
    out->prepare_payload();
    // Counted before the write, so a client that has its response sees it in
    // /metrics.
    server_.by_class[std::min<std::size_t>(static_cast<std::size_t>(res.status) / 100, 5)]++;
    server_.duration_us +=
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::steady_clock::now() - started_)
                                       .count());
    stream_.expires_after(server_.options.io_timeout);
    bhttp::async_write(
        stream_, *out,
        [self = shared_from_this(), out, counted](beast::error_code ec, std::size_t bytes) {
          self->on_write(ec, bytes, out->result_int(), out->keep_alive(), counted);
        });
  }

  void on_write(beast::error_code ec, std::size_t bytes, unsigned status, bool keep_alive,
                bool counted) {
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started_);
    if (server_.options.access_log) {
      // One JSON object per line, so log tools can read it without a grammar.
      std::ostringstream line;
      line << "{\"method\":\"" << escape_quoted(method_) << "\",\"target\":\""
           << escape_quoted(target_) << "\",\"status\":" << status << ",\"bytes\":" << bytes
           << ",\"ms\":" << elapsed.count() / 1000.0 << ",\"peer\":\"" << escape_quoted(remote_)
           << "\"}";
      server_.options.access_log(line.str());
    }
    if (counted) server_.request_done();
    if (ec || !keep_alive || server_.stopping) return close();
    method_.clear();
    target_.clear();
    read();
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  bool keep_alive_ = false;
  std::string method_, target_, remote_;
  std::chrono::steady_clock::time_point started_{};
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!stopping && ec != net::error::operation_aborted) accept();
      return;
    }
    if (connections >= options.max_connections) {
      ++rejected_connections;
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      std::make_shared<Session>(std::move(socket), *this)->start();
    }
    if (!stopping) accept();
  });
}

Server::Server(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}

Server::~Server() { stop(); }

Status Server::start() {
  try {
    const auto address = net::ip::make_address(impl_->options.address);
    const tcp::endpoint endpoint(address, impl_->options.port);
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(net::socket_base::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen(net::socket_base::max_listen_connections);
  } catch (const std::exception& e) {
    return Status(StatusCode::kUnavailable, "cannot listen on " + impl_->options.address + ":" +
                                                std::to_string(impl_->options.port) + ": " +
                                                e.what());
  }
  impl_->workers = std::make_unique<net::thread_pool>(std::max(1u, impl_->options.worker_threads));
  impl_->keep_running.emplace(impl_->ioc.get_executor());
  impl_->accept();
  for (unsigned i = 0; i < std::max(1u, impl_->options.io_threads); ++i) {
    impl_->io_threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->started = true;
  return Status::ok();
}

std::uint16_t Server::port() const {
  beast::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::stop(std::chrono::milliseconds grace) {
  if (!impl_->started || impl_->stopping.exchange(true)) return;
  net::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  {
    // Handlers already accepted finish and their responses are written.
    std::unique_lock<std::mutex> lock(impl_->idle_mutex);
    impl_->idle.wait_for(lock, grace, [this] { return impl_->in_flight == 0; });
  }
  impl_->workers->join();
  impl_->keep_running.reset();
  impl_->ioc.stop();
  for (auto& t : impl_->io_threads) t.join();
}

std::string Server::metrics() const {
  std::ostringstream out;
  out << "# HELP rollcall_http_requests_total Responses sent, by status class.\n"
         "# TYPE rollcall_http_requests_total counter\n";
  for (std::size_t c = 1; c <= 5; ++c) {
    out << "rollcall_http_requests_total{class=\"" << c << "xx\"} " << impl_->by_class[c].load()
        << "\n";
  }
  std::uint64_t total = 0;
  for (std::size_t c = 0; c <= 5; ++c) total += impl_->by_class[c].load();
  out << "# HELP rollcall_http_request_duration_seconds Time from request read to response "
         "written.\n"
         "# TYPE rollcall_http_request_duration_seconds summary\n"
      << "rollcall_http_request_duration_seconds_sum " << impl_->duration_us.load() / 1e6 << "\n"
      << "rollcall_http_request_duration_seconds_count " << total << "\n"
      << "# HELP rollcall_http_rejected_total Requests or connections refused by a limit.\n"
         "# TYPE rollcall_http_rejected_total counter\n"
      << "rollcall_http_rejected_total{reason=\"busy\"} " << impl_->rejected_busy.load() << "\n"
      << "rollcall_http_rejected_total{reason=\"connections\"} "
      << impl_->rejected_connections.load() << "\n"
      << "# HELP rollcall_http_in_flight Requests being handled.\n"
         "# TYPE rollcall_http_in_flight gauge\n"
      << "rollcall_http_in_flight " << impl_->in_flight.load() << "\n"
      << "# HELP rollcall_http_connections_open Open client connections.\n"
         "# TYPE rollcall_http_connections_open gauge\n"
      << "rollcall_http_connections_open " << impl_->connections.load() << "\n";
  return out.str();
}

}  // namespace rollcall::http
