// The HTTP server over real loopback sockets: routing, security headers,
// limits, slow clients, the bounded worker pool, metrics, graceful shutdown.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "http/server.h"

namespace rollcall::http {
namespace {

class HttpServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    router_.add("GET", "/healthz",
                [](const Request&) { return Response::json(200, "{\"status\":\"ok\"}"); });
    router_.add("GET", "/things/{id}", [](const Request& r) {
      return Response::text(200, r.params.at("id") + "|" + r.query_param("q"));
    });
    router_.add("POST", "/echo", [](const Request& r) { return Response::text(200, r.body); });
    router_.add("GET", "/block", [this](const Request&) {
      entered_.set_value();
      released_.wait();
      return Response::text(200, "done");
    });
    server_ = std::make_unique<Server>(std::move(options), router_);
    ASSERT_TRUE(server_->start().is_ok());
    port_ = server_->port();
    ASSERT_NE(port_, 0);
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }

  Router router_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::promise<void> entered_;
  std::promise<void> release_;
  // Taken before any handler runs, so no thread calls get_future() while
  // another calls set_value().
  std::shared_future<void> released_ = release_.get_future().share();
};

TEST_F(HttpServerTest, ServesRoutesWithSecurityHeaders) {
  start();
  auto c = client();
  auto r = c.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "{\"status\":\"ok\"}");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  auto p = c.Get("/things/42?q=a%20b&z=1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->body, "42|a b");
}

TEST_F(HttpServerTest, UnknownPathIs404AndWrongMethodIs405) {
  start();
  auto c = client();
  auto missing = c.Get("/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("\"status\":404"), std::string::npos);
  auto wrong = c.Delete("/healthz");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET");
}

TEST_F(HttpServerTest, OversizedBodyAndHeadersAreRefused) {
  ServerOptions o;
  o.max_body_bytes = 1024;
  o.max_header_bytes = 2048;
  start(o);
  auto c = client();
  auto ok = c.Post("/echo", std::string(1000, 'x'), "text/plain");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto big = c.Post("/echo", std::string(5000, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  httplib::Headers headers{{"X-Padding", std::string(4000, 'y')}};
  auto fat = client().Get("/healthz", headers);
  ASSERT_TRUE(fat);
  EXPECT_EQ(fat->status, 431);
}

TEST_F(HttpServerTest, SlowClientIsCutOff) {
  ServerOptions o;
  o.io_timeout = std::chrono::milliseconds(300);
  start(o);
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string partial = "GET /healthz HTTP/1.1\r\nHost: x\r\n";  // never finished
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  timeval guard{10, 0};  // the test's own bound, far above the server's timeout
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
  char buf[256];
  const auto started = std::chrono::steady_clock::now();
  const ssize_t n = ::recv(fd, buf, sizeof buf, 0);  // blocks until the server closes
  const auto waited = std::chrono::steady_clock::now() - started;
  ::close(fd);
  EXPECT_EQ(n, 0) << "expected the server to close the connection";
  EXPECT_LT(waited, std::chrono::seconds(5));
}

TEST_F(HttpServerTest, FullWorkerPoolAnswers503AndRecovers) {
  ServerOptions o;
  o.worker_threads = 1;
  o.max_in_flight = 1;
  start(o);
  auto blocked = std::async(std::launch::async, [this] { return client().Get("/block"); });
  entered_.get_future().wait();  // the only slot is taken
  auto busy = client().Get("/healthz");
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  release_.set_value();
  auto first = blocked.get();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  auto again = client().Get("/healthz");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  const std::string m = server_->metrics();
  EXPECT_NE(m.find("rollcall_http_rejected_total{reason=\"busy\"} 1"), std::string::npos) << m;
  EXPECT_NE(m.find("rollcall_http_requests_total{class=\"5xx\"} 1"), std::string::npos) << m;
  EXPECT_NE(m.find("rollcall_http_requests_total{class=\"2xx\"} 2"), std::string::npos) << m;
}

TEST_F(HttpServerTest, TheFastPathAnswersOnTheIoThreadWhileEveryWorkerIsBusy) {
  ServerOptions o;
  o.worker_threads = 1;
  o.fast_path = [](const Request& r) -> std::optional<Response> {
    if (r.path != "/fast") return std::nullopt;
    return Response::text(200, "from memory");
  };
  start(o);
  auto blocked = std::async(std::launch::async, [this] { return client().Get("/block"); });
  entered_.get_future().wait();  // the only worker is held
  auto fast = client().Get("/fast");
  ASSERT_TRUE(fast);
  EXPECT_EQ(fast->status, 200);
  EXPECT_EQ(fast->body, "from memory");
  EXPECT_EQ(fast->get_header_value("X-Frame-Options"), "DENY");  // same headers as any reply
  release_.set_value();
  ASSERT_TRUE(blocked.get());
  // What the fast path declines goes to the router as usual.
  auto routed = client().Get("/things/7?q=x");
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->body, "7|x");
}

TEST_F(HttpServerTest, StopFinishesWorkInFlightThenRefusesConnections) {
  start();
  auto in_flight = std::async(std::launch::async, [this] { return client().Get("/block"); });
  entered_.get_future().wait();
  auto stopper = std::async(std::launch::async, [this] { server_->stop(); });
  // stop() is waiting for the handler; let it finish.
  release_.set_value();
  auto r = in_flight.get();
  ASSERT_TRUE(r) << "the request accepted before shutdown must be answered";
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "done");
  stopper.get();
  EXPECT_FALSE(client().Get("/healthz"));
}

TEST(Router, PathParametersAndMethodMatching) {
  Router router;
  router.add("GET", "/a/{x}/b",
             [](const Request& r) { return Response::text(200, r.params.at("x")); });
  Request req;
  req.method = "GET";
  req.path = "/a/7/b";
  EXPECT_EQ(router.dispatch(req).body, "7");
  req.path = "/a//b";
  EXPECT_EQ(router.dispatch(req).status, 404);
  req.path = "/a/7";
  EXPECT_EQ(router.dispatch(req).status, 404);
  req.method = "PUT";
  req.path = "/a/7/b";
  EXPECT_EQ(router.dispatch(req).status, 405);
}

TEST(Response, ErrorBodiesAreValidJsonWhateverTheMessage) {
  const auto r = Response::error(400, "bad \"value\"\n\x01");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, "{\"error\":{\"status\":400,\"message\":\"bad \\\"value\\\"\\n\\u0001\"}}");
}

}  // namespace
}  // namespace rollcall::http
