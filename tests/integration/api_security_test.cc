// Sign-in and request security over real HTTP (issue 4, "Security tests"):
// lockout, session expiry, CSRF, injection strings stored inert, oversized
// bodies and slow clients, TOTP for administrators, password change, API
// tokens, and the auditing of sign-ins and of reads of PMP records.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "domain/org/org_snapshot.h"
#include "security/totp.h"
#include "storage/audit_chain.h"
#include "support/api_fixture.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;
using std::chrono::minutes;

class ApiSecurityTest : public ApiTest {
 protected:
  int count_audit(const std::string& action, const std::string& key) {
    auto db = server->open_db();
    int n = 0;
    const auto records = db->audit_records().value();
    for (const auto& r : records) n += r.action == action && r.entity_key == key;
    return n;
  }
};

TEST_P(ApiSecurityTest, SignInSetsAHardenedCookieAndSignOutEndsTheSession) {
  ApiClient c = client();
  Reply r = c.sign_in("officer");
  ASSERT_EQ(r.status, 200) << r.raw;
  const std::string cookie = r.header("Set-Cookie");
  EXPECT_THAT(cookie, ::testing::HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, ::testing::HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, ::testing::HasSubstr("Path=/"));
  EXPECT_EQ(r.body["user"]["username"], "officer");
  EXPECT_EQ(r.body["user"]["serial"], server->who("officer").serial);
  EXPECT_FALSE(r.body["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  EXPECT_EQ(count_audit("sign-in", "officer"), 1);
  EXPECT_EQ(c.del("/api/v1/session").status, 204);
  EXPECT_EQ(c.get("/api/v1/session").status, 401);
  EXPECT_EQ(count_audit("sign-out", "officer"), 1);
  // No cookie at all.
  EXPECT_EQ(client().get("/api/v1/units").status, 401);
}

TEST_P(ApiSecurityTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  ApiClient c = client();
  for (int i = 1; i <= 4; ++i) {
    Reply r = c.sign_in("sergeant", "wrong password " + std::to_string(i));
    EXPECT_EQ(r.status, 401) << i;
    EXPECT_EQ(r.body["error"]["code"], "bad_credentials");
  }
  Reply fifth = c.sign_in("sergeant", "wrong again");
  EXPECT_EQ(fifth.status, 429);
  EXPECT_EQ(fifth.body["error"]["code"], "locked");
  EXPECT_EQ(fifth.header("Retry-After"), "900");
  // The right password does not help while locked.
  EXPECT_EQ(c.sign_in("sergeant").status, 429);
  server->clock.advance(minutes(14));
  EXPECT_EQ(c.sign_in("sergeant").status, 429);
  server->clock.advance(minutes(1));
  EXPECT_EQ(c.sign_in("sergeant").status, 200);
  EXPECT_EQ(count_audit("sign-in-failure", "sergeant"), 5);
  EXPECT_EQ(count_audit("lockout", "sergeant"), 1);
  EXPECT_EQ(count_audit("sign-in-refused", "sergeant"), 2);
  // Another account is untouched by this one's lockout.
  EXPECT_EQ(client().sign_in("officer").status, 200);
}

TEST_P(ApiSecurityTest, UnknownUsersGetTheSameAnswerAsWrongPasswords) {
  Reply r = client().sign_in("nobody-here", "whatever-password");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body["error"]["code"], "bad_credentials");
  EXPECT_EQ(count_audit("sign-in-failure", "nobody-here"), 1);
}

TEST_P(ApiSecurityTest, SessionsExpireAfterThirtyIdleMinutesAndTwelveHours) {
  ApiClient c = signed_in("captain");
  server->clock.advance(minutes(29));
  EXPECT_EQ(c.get("/api/v1/session").status, 200);  // activity renews the idle timer
  server->clock.advance(minutes(29));
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  server->clock.advance(minutes(30));
  Reply expired = c.get("/api/v1/session");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.body["error"]["code"], "session_expired");

  ApiClient busy = signed_in("captain");
  for (int i = 0; i < 35; ++i) {  // 35 × 20 min = 11 h 40 min of activity
    server->clock.advance(minutes(20));
    ASSERT_EQ(busy.get("/api/v1/session").status, 200) << i;
  }
  server->clock.advance(minutes(20));  // 12 h after sign-in
  EXPECT_EQ(busy.get("/api/v1/session").status, 401);
}

TEST_P(ApiSecurityTest, StateChangingRequestsWithoutTheCsrfTokenAreRefused) {
  ApiClient c = signed_in("coordinator");
  const json event{{"employee_serial", server->who("officer").serial},
                   {"kind", "pursuit"},
                   {"date", server->today.to_string()},
                   {"incident_number", "2026-CSRF-1"}};
  auto db = server->open_db();
  const auto before = db->event_versions(std::nullopt).value().size();
  c.send_csrf = false;
  Reply missing = c.post("/api/v1/events", event);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.body["error"]["code"], "csrf");
  c.send_csrf = true;
  const std::string good = c.csrf;
  c.csrf = "forged-" + good;
  EXPECT_EQ(c.post("/api/v1/events", event).status, 403);
  EXPECT_EQ(db->event_versions(std::nullopt).value().size(), before);
  c.csrf = good;
  EXPECT_EQ(c.post("/api/v1/events", event).status, 201);
  EXPECT_EQ(db->event_versions(std::nullopt).value().size(), before + 1);
}

TEST_P(ApiSecurityTest, InjectionStringsInEveryTextFieldAreStoredInert) {
  const std::vector<std::string> attacks{
      "'; DROP TABLE employees; --", "\" OR 1=1 --", "Robert'); DELETE FROM audit_log;--",
      "<script>alert(1)</script>", "\\'; SELECT pg_sleep(1); --"};
  ApiClient c = signed_in("coordinator");
  auto db = server->open_db();
  const auto employees = db->load_org().value().employees.size();
  int n = 0;
  for (const std::string& a : attacks) {
    ++n;
    const json event{{"employee_serial", server->who("officer").serial},
                     {"kind", "supervisory-recommendation"},
                     {"date", server->today.to_string()},
                     {"incident_number", a},
                     {"author", a},
                     {"text", a},
                     {"note", a}};
    Reply r = c.post("/api/v1/events", event);
    ASSERT_EQ(r.status, 201) << a << ": " << r.raw;
    EXPECT_EQ(r.body["incident_number"], a);
    EXPECT_EQ(r.body["text"], a);
    EXPECT_EQ(r.body["author"], a);
    EXPECT_EQ(r.body["note"], a);
    const auto id = r.body["id"].get<std::int64_t>();
    Reply back = c.get("/api/v1/events/" + std::to_string(id));
    ASSERT_EQ(back.status, 200);
    EXPECT_EQ(back.body["versions"][0]["incident_number"], a);
    // Searches and names with the same strings find nothing and break nothing.
    EXPECT_EQ(c.get("/api/v1/employees?q=" + httplib::detail::encode_query_param(a)).body["total"],
              0);
    EXPECT_EQ(c.post("/api/v1/tokens", {{"name", a}}).status, 201);
    EXPECT_EQ(client().sign_in(a, a).status, 401);
  }
  EXPECT_EQ(db->load_org().value().employees.size(), employees);
  EXPECT_TRUE(storage::verify_chain(db->audit_records().value(), db->audit_head().value()).ok);
  // A threshold proposal named with an attack string stays a name.
  Reply proposal = c.post_raw("/api/v1/thresholds",
                              "name = \"x'); DROP TABLE threshold_sets; --\"\n"
                              "effective_from = 2027-01-01\n"
                              "[initial]\nB = { count = 3, months = 6 }\n"
                              "[recent_review]\nB = { count = 2, months = 6 }\n",
                              "application/toml");
  ASSERT_EQ(proposal.status, 201) << proposal.raw;
  EXPECT_EQ(proposal.body["name"], "x'); DROP TABLE threshold_sets; --");
  EXPECT_EQ(c.get("/api/v1/thresholds").body["sets"].size(), 2U);
}

// A raw loopback connection, to send exactly what a misbehaving client sends.
int connect_to(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
  timeval limit{60, 0};  // a safety net only: the server answers or closes long before
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return fd;
}

// Everything the server sends until it closes the connection; `closed` tells
// whether it did (recv returned 0) rather than our safety net expiring.
std::string read_until_closed(int fd, bool& closed) {
  std::string out;
  char buf[4096];
  ssize_t got = 0;
  while ((got = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<std::size_t>(got));
  closed = got == 0;
  return out;
}

TEST_P(ApiSecurityTest, OversizedBodiesAndSlowClientsAreCutOff) {
  ApiClient c = signed_in("coordinator");
  // A body over the 1 MiB limit is refused on its Content-Length, before it is read.
  int fd = connect_to(server->port());
  ASSERT_GE(fd, 0);
  const std::string head =
      "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + c.cookie +
      "\r\nX-CSRF-Token: " + c.csrf +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(2 << 20) +
      "\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  bool closed = false;
  EXPECT_THAT(read_until_closed(fd, closed), ::testing::StartsWith("HTTP/1.1 413"));
  EXPECT_TRUE(closed);
  ::close(fd);

  // A client that sends half a request and stalls is disconnected by the
  // server's read timeout.
  fd = connect_to(server->port());
  ASSERT_GE(fd, 0);
  const std::string partial = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(partial.size()));
  read_until_closed(fd, closed);
  EXPECT_TRUE(closed) << "the server should close the connection (errno " << errno << ")";
  ::close(fd);
}

TEST_P(ApiSecurityTest, AdministratorsMustEnrolASecondFactorAndUseIt) {
  ApiClient c = client();
  Reply first = c.sign_in("admin");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(first.body["user"]["totp_enrolment_required"].get<bool>());
  Reply held = c.get("/api/v1/audit");
  EXPECT_EQ(held.status, 403);
  EXPECT_EQ(held.body["error"]["code"], "totp_enrolment_required");
  Reply begin = c.post("/api/v1/session/totp", json::object());
  ASSERT_EQ(begin.status, 200);
  const std::string secret = begin.body["secret"];
  EXPECT_THAT(begin.body["otpauth_uri"].get<std::string>(),
              ::testing::StartsWith("otpauth://totp/rollcall:admin?secret=" + secret));
  EXPECT_EQ(c.post("/api/v1/session/totp/confirm", {{"code", "000000"}}).status == 204,
            security::totp_code(secret, server->clock.now()).value() == "000000");
  ASSERT_EQ(c.post("/api/v1/session/totp/confirm",
                   {{"code", security::totp_code(secret, server->clock.now()).value()}})
                .status,
            204);
  EXPECT_EQ(c.get("/api/v1/audit").status, 200);
  EXPECT_EQ(count_audit("totp-enabled", "admin"), 1);

  server->clock.advance(std::chrono::seconds(30));
  ApiClient again = client();
  Reply no_code = again.sign_in("admin");
  EXPECT_EQ(no_code.status, 401);
  EXPECT_EQ(no_code.body["error"]["code"], "totp_required");
  const std::string code = security::totp_code(secret, server->clock.now()).value();
  EXPECT_EQ(again.sign_in("admin", app::kDemoPassword, code).status, 200);
  Reply replay = client().sign_in("admin", app::kDemoPassword, code);
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(replay.body["error"]["code"], "totp_invalid");
}

TEST_P(ApiSecurityTest, PasswordChangeChecksTheOldOneAndEndsOtherSessions) {
  ApiClient c = signed_in("payroll");
  ApiClient other = signed_in("payroll");
  Reply weak = c.post("/api/v1/session/password",
                      {{"current_password", app::kDemoPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.body["error"]["details"][0]["field"], "new_password");
  Reply wrong = c.post("/api/v1/session/password", {{"current_password", "not it at all"},
                                                    {"new_password", "a much better passphrase"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.body["error"]["details"][0]["field"], "current_password");
  EXPECT_EQ(c.post("/api/v1/session/password", {{"current_password", app::kDemoPassword},
                                                {"new_password", "a much better passphrase"}})
                .status,
            204);
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  EXPECT_EQ(other.get("/api/v1/session").status, 401);
  EXPECT_EQ(client().sign_in("payroll").status, 401);
  EXPECT_EQ(client().sign_in("payroll", "a much better passphrase").status, 200);
  EXPECT_EQ(count_audit("password-change", "payroll"), 1);
}

TEST_P(ApiSecurityTest, ApiTokensAuthenticateMachineImportsUntilRevoked) {
  ApiClient c = signed_in("coordinator");
  Reply made = c.post("/api/v1/tokens", {{"name", "nightly import"}});
  ASSERT_EQ(made.status, 201);
  ApiClient machine = client();
  machine.bearer = made.body["token"];
  const std::string csv = "employee,kind,date,incident_number,force_type,firearm_discharge\n" +
                          server->who("officer").serial + ",use-of-force," +
                          server->today.to_string() + ",2026-TOKEN-1,II,false\n";
  Reply imported =
      machine.post_raw("/api/v1/events/import?mapping=native&source=nightly.csv", csv, "text/csv");
  EXPECT_EQ(imported.status, 200) << imported.raw;
  EXPECT_EQ(imported.body["created"], 1);
  Reply listed = c.get("/api/v1/tokens");
  ASSERT_EQ(listed.body["tokens"].size(), 1U);
  EXPECT_FALSE(listed.body["tokens"][0].contains("token"));  // never shown again
  EXPECT_EQ(c.del("/api/v1/tokens/" + std::to_string(made.body["id"].get<int>())).status, 204);
  EXPECT_EQ(machine.get("/api/v1/triggers").status, 401);
}

TEST_P(ApiSecurityTest, ReadsOfPmpRecordsAreAudited) {
  ApiClient sergeant = signed_in("sergeant");
  const std::string serial = server->who("officer").serial;
  ASSERT_EQ(sergeant.get("/api/v1/employees/" + serial + "/pmp").status, 200);
  ASSERT_EQ(sergeant.get("/api/v1/triggers?indicator=B").status, 200);
  ASSERT_TRUE(server->host().state().access_log().flush().is_ok());
  auto db = server->open_db();
  auto records = db->access_records(0, 100).value();
  bool pmp = false, dashboard = false;
  for (const auto& r : records) {
    pmp = pmp || (r.actor == "user:sergeant" && r.entity == "pmp_record" && r.entity_key == serial);
    dashboard = dashboard || (r.actor == "user:sergeant" && r.entity == "dashboard" &&
                              r.entity_key == "indicator=B");
  }
  EXPECT_TRUE(pmp);
  EXPECT_TRUE(dashboard);
}

// Serials and event ids cannot be probed: to anyone whose access comes from
// the chain of command, an unknown one is refused exactly like one out of scope.
TEST_P(ApiSecurityTest, UnknownAndOutOfScopeRecordsLookTheSame) {
  ApiClient sergeant = signed_in("sergeant");
  const std::string outsider = server->who("payroll").serial;  // not in the squad
  Reply real = sergeant.get("/api/v1/employees/" + outsider + "/pmp");
  Reply unknown = sergeant.get("/api/v1/employees/NO-SUCH-SERIAL/pmp");
  EXPECT_EQ(real.status, 403);
  EXPECT_EQ(unknown.status, 403);
  EXPECT_EQ(sergeant.get("/api/v1/employees/NO-SUCH-SERIAL").status, 403);
  EXPECT_EQ(sergeant.get("/api/v1/events/987654321").status, 403);
  // Writing for someone out of scope is refused before the body is validated.
  Reply write =
      sergeant.post("/api/v1/events", {{"employee_serial", outsider}, {"kind", "nonsense"}});
  EXPECT_EQ(write.status, 403) << write.raw;
  EXPECT_EQ(sergeant.post("/api/v1/events", {{"employee_serial", "NO-SUCH"}, {"kind", "x"}}).status,
            403);
  // A department-wide reader is told the truth.
  ApiClient hr = signed_in("hr");
  EXPECT_EQ(hr.get("/api/v1/employees/NO-SUCH-SERIAL").status, 404);
  EXPECT_EQ(signed_in("coordinator").get("/api/v1/employees/NO-SUCH-SERIAL/pmp").status, 404);
}

// The dashboard answered from memory on the I/O thread (when the views are
// fresh and the answer cached) keeps every rule of the normal path.
TEST_P(ApiSecurityTest, TheInMemoryDashboardKeepsTheSameRules) {
  ApiTestServer fast(GetParam());
  fast.cache_check_interval = std::chrono::hours(1);  // views stay fresh: the fast path engages
  ASSERT_TRUE(fast.start().is_ok());
  ApiClient coordinator(fast.port());
  ASSERT_EQ(coordinator.sign_in("coordinator").status, 200);
  ApiClient sergeant(fast.port());
  ASSERT_EQ(sergeant.sign_in("sergeant").status, 200);
  const std::string q = "/api/v1/triggers?limit=500";
  Reply first = coordinator.get(q);
  Reply cached = coordinator.get(q);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(cached.status, 200);
  EXPECT_EQ(cached.raw, first.raw);
  EXPECT_EQ(cached.header("X-Frame-Options"), "DENY");
  // Another caller with the same query gets their own scope, not the cache.
  sergeant.get(q);
  Reply scoped = sergeant.get(q);
  ASSERT_EQ(scoped.status, 200);
  EXPECT_LT(scoped.body["total"].get<long long>(), first.body["total"].get<long long>());
  std::set<std::string> squad;
  for (const auto& t : scoped.body["triggers"]) squad.insert(t["employee"]["serial"]);
  auto db = fast.open_db();
  const org::OrgSnapshot org(db->load_org().value());
  const auto* sgt = org.employee_by_serial(fast.who("sergeant").serial);
  for (const std::string& serial : squad) {
    EXPECT_TRUE(org.in_chain_of(sgt->id, org.employee_by_serial(serial)->id, fast.today) ||
                serial == fast.who("sergeant").serial)
        << serial;
  }
  // Every answer, cached or not, is in the access log.
  ASSERT_TRUE(fast.host().state().access_log().flush().is_ok());
  int coordinator_reads = 0;
  const auto reads = db->access_records(0, 100).value();
  for (const auto& r : reads) {
    coordinator_reads += r.actor == "user:coordinator" && r.entity == "dashboard";
  }
  EXPECT_EQ(coordinator_reads, 2);
  // An expired session is refused, not served from memory.
  fast.clock.advance(std::chrono::minutes(31));
  EXPECT_EQ(coordinator.get(q).status, 401);
  // No cookie, a forged cookie, or a token: never from memory without checks.
  EXPECT_EQ(ApiClient(fast.port()).get(q).status, 401);
  ApiClient forged(fast.port());
  forged.cookie = "rollcall_session=forged";
  EXPECT_EQ(forged.get(q).status, 401);
  // A write through the API is seen at once by the next read.
  ApiClient again(fast.port());
  ASSERT_EQ(again.sign_in("coordinator").status, 200);
  const long long before = again.get(q).body["total"];
  for (const char* inc : {"2026-FAST-1", "2026-FAST-2", "2026-FAST-3"}) {
    ASSERT_EQ(again
                  .post("/api/v1/events", {{"employee_serial", fast.who("officer").serial},
                                           {"kind", "use-of-force"},
                                           {"date", fast.today.to_string()},
                                           {"incident_number", inc},
                                           {"force_type", "III"}})
                  .status,
              201);
  }
  EXPECT_EQ(again.get(q).body["total"].get<long long>(), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiSecurityTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
