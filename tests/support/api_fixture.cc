#include "support/api_fixture.h"

#include <csignal>

#include "app/demo/build_demo.h"
#include "app/demo/demo_events.h"
#include "app/pmp/thresholds.h"
#include "security/totp.h"
#include "time/zone.h"

namespace rollcall::testing {

Instant api_test_start() { return Instant(std::chrono::seconds(1795456800)); }  // 2026-11-23T18:00Z

ApiTestServer::~ApiTestServer() {
  if (host_) host_->stop();
}

Status ApiTestServer::start() {
  today = local_date(clock.now(), "America/Los_Angeles").value();
  database = make_test_database(engine_, "api");
  if (database.url.empty()) return Status(StatusCode::kUnavailable, "no " + engine_ + " server");
  auto db = database.open(clock);
  RC_RETURN_IF_ERROR(db->migrate().status());
  RC_RETURN_IF_ERROR(app::install_default_thresholds(*db, "test").status());
  app::DemoOptions demo;
  demo.today = today;
  RC_RETURN_IF_ERROR(app::store_demo_department(*db, demo, "test").status());
  RC_ASSIGN_OR_RETURN(auto org, db->load_org());
  RC_RETURN_IF_ERROR(
      app::store_demo_events(*db, app::generate_demo_events(org, today, 1), "test").status());
  app::AuthPolicy policy;
  policy.password_cost = security::kTestCost;
  RC_ASSIGN_OR_RETURN(cast, app::create_demo_accounts(*db, policy, today, clock.now(), "test"));

  cli::HostOptions options;
  options.db = database.url;
  options.workers = 4;
  options.io_timeout = std::chrono::milliseconds(1500);
  options.api.auth = policy;
  options.api.cache_check_interval = cache_check_interval;
  RC_ASSIGN_OR_RETURN(host_, cli::ServerHost::start(options, clock));
  return Status::ok();
}

const app::DemoSignIn& ApiTestServer::who(const std::string& username) const {
  for (const auto& c : cast) {
    if (c.username == username) return c;
  }
  throw std::out_of_range("no demo sign-in " + username);
}

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

httplib::Headers ApiClient::headers() const {
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (send_csrf && !csrf.empty()) h.emplace("X-CSRF-Token", csrf);
  if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
  return h;
}

Reply ApiClient::wrap(const httplib::Result& r) {
  Reply out;
  if (!r) return out;
  out.status = r->status;
  out.raw = r->body;
  out.headers = r->headers;
  out.body = nlohmann::json::parse(r->body, nullptr, false);
  return out;
}

Reply ApiClient::sign_in(const std::string& username, const std::string& password,
                         const std::string& totp) {
  nlohmann::json body{{"username", username}, {"password", password}};
  if (!totp.empty()) body["totp"] = totp;
  httplib::Client c("127.0.0.1", port_);
  Reply r = wrap(c.Post("/api/v1/session", body.dump(), "application/json"));
  if (r.status == 200) {
    std::string set = r.header("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    csrf = r.body.value("csrf_token", "");
  }
  return r;
}

Reply ApiClient::sign_in_admin(const std::string& username, SimulatedClock& clock) {
  if (!totp_secret.empty()) {
    clock.advance(std::chrono::seconds(30));  // a fresh code: an old one is refused as a replay
    return sign_in(username, app::kDemoPassword,
                   security::totp_code(totp_secret, clock.now()).value());
  }
  Reply r = sign_in(username);
  if (r.status != 200 || !r.body["user"].value("totp_enrolment_required", false)) return r;
  Reply begin = post("/api/v1/session/totp", nlohmann::json::object());
  if (begin.status != 200) return begin;
  totp_secret = begin.body.value("secret", "");
  Reply confirm = post("/api/v1/session/totp/confirm",
                       {{"code", security::totp_code(totp_secret, clock.now()).value()}});
  if (confirm.status != 204) return confirm;
  return get("/api/v1/session");
}

Reply ApiClient::get(const std::string& path) {
  httplib::Client c("127.0.0.1", port_);
  return wrap(c.Get(path, headers()));
}

Reply ApiClient::post(const std::string& path, const nlohmann::json& body) {
  return post_raw(path, body.dump(), "application/json");
}

Reply ApiClient::post_raw(const std::string& path, const std::string& body,
                          const std::string& type) {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30, 0);
  return wrap(c.Post(path, headers(), body, type));
}

Reply ApiClient::del(const std::string& path) {
  httplib::Client c("127.0.0.1", port_);
  return wrap(c.Delete(path, headers()));
}

void ApiTest::SetUp() {
  // A client still sending a body the server refused (413) must see EPIPE,
  // not die of SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  server = std::make_unique<ApiTestServer>(GetParam());
  Status s = server->start();
  if (server->database.url.empty()) GTEST_SKIP() << "no " << GetParam() << " server";
  ASSERT_TRUE(s.is_ok()) << s.to_string();
}

ApiClient ApiTest::signed_in(const std::string& username) {
  ApiClient c = client();
  Reply r = username == "admin" ? c.sign_in_admin(username, server->clock) : c.sign_in(username);
  EXPECT_EQ(r.status, 200) << username << ": " << r.raw;
  return c;
}

}  // namespace rollcall::testing
