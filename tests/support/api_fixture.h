// The API under test: `rollcall serve`'s wiring (cli::ServerHost) started
// in-process on port 0 over real loopback HTTP, on a fresh database of one
// engine holding the demo department (its indicator events and one sign-in
// per role), with a simulated clock the test moves. And a client that keeps
// the session cookie and CSRF token the way the browser does.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/demo/demo_accounts.h"
#include "cli/server_host.h"
#include "common/clock.h"
#include "support/test_databases.h"

namespace rollcall::testing {

// 2026-11-23 18:00 UTC: 10:00 on 2026-11-23 in Seattle.
Instant api_test_start();

class ApiTestServer {
 public:
  explicit ApiTestServer(std::string engine) : engine_(std::move(engine)) {}
  ~ApiTestServer();
  // Builds the database and starts the server; a non-OK status says why.
  Status start();

  SimulatedClock clock{api_test_start()};
  // How often the server re-checks the audit head; 0 (the default) checks on
  // every request, which also keeps the I/O-thread fast path out of the way.
  std::chrono::milliseconds cache_check_interval{0};
  Date today;
  TestDatabase database;
  std::vector<app::DemoSignIn> cast;
  std::uint16_t port() const { return host_->port(); }
  cli::ServerHost& host() { return *host_; }
  // The cast member signed in as `username` ("officer", "sergeant", …).
  const app::DemoSignIn& who(const std::string& username) const;
  // A direct connection, to check what the API stored.
  std::unique_ptr<storage::Database> open_db() const { return database.open(clock); }

 private:
  std::string engine_;
  std::unique_ptr<cli::ServerHost> host_;
};

struct Reply {
  int status = 0;  // 0: no answer (connection failed)
  nlohmann::json body;
  std::string raw;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
};

class ApiClient {
 public:
  explicit ApiClient(std::uint16_t port) : port_(port) {}
  // Signs in; keeps the cookie and CSRF token on success.
  Reply sign_in(const std::string& username, const std::string& password = app::kDemoPassword,
                const std::string& totp = "");
  // Signs in an administrator and enrols the second factor the first time,
  // with codes computed at `clock`'s time.
  Reply sign_in_admin(const std::string& username, SimulatedClock& clock);
  Reply get(const std::string& path);
  Reply post(const std::string& path, const nlohmann::json& body);
  Reply post_raw(const std::string& path, const std::string& body, const std::string& type);
  Reply del(const std::string& path);

  std::string cookie;  // "rollcall_session=…"
  std::string csrf;    // sent as X-CSRF-Token unless send_csrf is false
  std::string bearer;  // sent as Authorization: Bearer … when set
  bool send_csrf = true;
  std::string totp_secret;  // after sign_in_admin's enrolment

 private:
  httplib::Headers headers() const;
  Reply wrap(const httplib::Result& r);
  std::uint16_t port_;
};

// A test on each engine against a freshly built server (skipped, or failed
// when required, if the engine has no server here).
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  ApiClient client() const { return ApiClient(server->port()); }
  // A client signed in as `username` (administrators enrol TOTP first).
  ApiClient signed_in(const std::string& username);
  std::unique_ptr<ApiTestServer> server;
};

}  // namespace rollcall::testing
