// src/security: argon2id password hashes and rules, tokens, TOTP (RFC 6238).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "security/password.h"
#include "security/tokens.h"
#include "security/totp.h"

namespace rollcall::security {
namespace {

Instant at(std::int64_t unix_seconds) { return Instant{std::chrono::seconds{unix_seconds}}; }

// ---- passwords ----

TEST(SecurityPassword, HashThenVerify) {
  auto phc = hash_password("correct horse battery staple", kTestCost);
  ASSERT_TRUE(phc.is_ok()) << phc.status().to_string();
  EXPECT_TRUE(verify_password(*phc, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(*phc, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(*phc, ""));
}

TEST(SecurityPassword, PhcStringIsArgon2idWithTheCost) {
  auto phc = hash_password("correct horse battery staple", kTestCost);
  ASSERT_TRUE(phc.is_ok());
  EXPECT_EQ(phc->rfind("$argon2id$v=19$m=8192,t=1,p=1$", 0), 0u) << *phc;
}

TEST(SecurityPassword, SaltMakesEveryHashDifferent) {
  auto a = hash_password("same password here", kTestCost);
  auto b = hash_password("same password here", kTestCost);
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_password(*a, "same password here"));
  EXPECT_TRUE(verify_password(*b, "same password here"));
}

TEST(SecurityPassword, MalformedHashNeverVerifies) {
  auto phc = hash_password("correct horse battery staple", kTestCost);
  ASSERT_TRUE(phc.is_ok());
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password(phc->substr(0, phc->size() - 5), "correct horse battery staple"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=8192,t=1,p=1$$", ""));
  // An embedded NUL must not cut the stored hash short.
  EXPECT_FALSE(verify_password(*phc + std::string("\0junk", 5), "correct horse battery staple"));
  EXPECT_FALSE(verify_password(std::string(300, 'a'), "a"));
  // One changed character of the digest.
  std::string altered = *phc;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password(altered, "correct horse battery staple"));
}

TEST(SecurityPassword, PasswordWithNulBytesIsHashedWhole) {
  const std::string with_nul("abc\0def-ghijkl", 14);
  auto phc = hash_password(with_nul, kTestCost);
  ASSERT_TRUE(phc.is_ok());
  EXPECT_TRUE(verify_password(*phc, with_nul));
  EXPECT_FALSE(verify_password(*phc, "abc"));
}

TEST(SecurityPassword, NeedsRehash) {
  auto phc = hash_password("correct horse battery staple", kTestCost);
  ASSERT_TRUE(phc.is_ok());
  EXPECT_FALSE(needs_rehash(*phc, kTestCost));
  EXPECT_TRUE(needs_rehash(*phc, kInteractiveCost));  // stored hash is weaker
  EXPECT_TRUE(needs_rehash(*phc, Argon2Cost{2, kTestCost.mem_bytes}));
  EXPECT_TRUE(needs_rehash("garbage", kTestCost));
  EXPECT_TRUE(needs_rehash("", kTestCost));
}

TEST(SecurityPassword, CostOutsideLimitsIsInvalidArgument) {
  auto r = hash_password("correct horse battery staple", Argon2Cost{0, kTestCost.mem_bytes});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  r = hash_password("correct horse battery staple", Argon2Cost{1, 1024});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(SecurityPassword, InteractiveCostIsLibsodiumsArgon2idInteractive) {
  EXPECT_EQ(kInteractiveCost.ops, 2u);
  EXPECT_EQ(kInteractiveCost.mem_bytes, 64u * 1024 * 1024);
  EXPECT_EQ(kTestCost.ops, 1u);
  EXPECT_EQ(kTestCost.mem_bytes, 8u * 1024 * 1024);
}

TEST(SecurityPasswordRules, AcceptsAGoodPassword) {
  EXPECT_EQ(password_problem("violet-harbor-lantern", "jsmith"), std::nullopt);
  EXPECT_EQ(password_problem("exactly12chr", "jsmith"), std::nullopt);
  // 12 characters counted as code points, not bytes ("é" is two bytes).
  EXPECT_EQ(password_problem("cafécafécafé", "jsmith"), std::nullopt);
  EXPECT_EQ(password_problem(std::string(256, 'a').replace(0, 1, "b"), "jsmith"), std::nullopt);
}

TEST(SecurityPasswordRules, TooShort) {
  EXPECT_NE(password_problem("", "jsmith"), std::nullopt);
  EXPECT_NE(password_problem("elevenchars", "jsmith"), std::nullopt);
  // 11 code points, 22 bytes.
  EXPECT_NE(password_problem("ééééééééééx", "jsmith"), std::nullopt);
}

TEST(SecurityPasswordRules, TooLong) {
  std::string long_pw(257, 'a');
  long_pw[0] = 'b';
  auto problem = password_problem(long_pw, "jsmith");
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("too long"), std::string::npos) << *problem;
}

TEST(SecurityPasswordRules, InvalidUtf8) {
  EXPECT_NE(password_problem("valid-prefix-\xff-here", "jsmith"), std::nullopt);
  EXPECT_NE(password_problem("truncated-sequence\xc3", "jsmith"), std::nullopt);
  EXPECT_NE(password_problem("overlong-slash-\xc0\xaf-x", "jsmith"), std::nullopt);
  EXPECT_NE(password_problem("surrogate-\xed\xa0\x80-here", "jsmith"), std::nullopt);
}

TEST(SecurityPasswordRules, ContainsUsername) {
  auto problem = password_problem("my-JSmith-password", "jsmith");
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("username"), std::string::npos) << *problem;
  EXPECT_NE(password_problem("jsmith123456", "JSMITH123456"), std::nullopt);  // equal
  EXPECT_NE(password_problem("officer7423-blue", "7423"), std::nullopt);
  // Empty or very short usernames are not searched for inside the password.
  EXPECT_EQ(password_problem("violet-harbor-lantern", ""), std::nullopt);
  EXPECT_EQ(password_problem("violet-harbor-lantern", "ar"), std::nullopt);
}

TEST(SecurityPasswordRules, CommonPasswords) {
  for (const char* pw :
       {"password1234", "123456789012", "qwertyuiop12", "Password1234", "QWERTYUIOP12"}) {
    auto problem = password_problem(pw, "jsmith");
    ASSERT_TRUE(problem.has_value()) << pw;
    EXPECT_NE(problem->find("common"), std::string::npos) << *problem;
  }
}

TEST(SecurityPasswordRules, OneRepeatedCharacter) {
  auto problem = password_problem("aaaaaaaaaaaaaaaa", "jsmith");
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("repeated"), std::string::npos) << *problem;
  EXPECT_NE(password_problem("éééééééééééé", "jsmith"), std::nullopt);
  EXPECT_EQ(password_problem("aaaaaaaaaaab", "jsmith"), std::nullopt);
}

// ---- tokens ----

TEST(SecurityTokens, RandomTokenLengthAndAlphabet) {
  const std::string t = random_token();
  EXPECT_EQ(t.size(), 43u);  // 32 bytes, base64 without padding
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos)
      << t;
  EXPECT_EQ(random_token(16).size(), 22u);
  EXPECT_EQ(random_token(3).size(), 4u);
  EXPECT_EQ(random_token(0), "");
}

TEST(SecurityTokens, RandomTokensDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 100u);
}

TEST(SecurityTokens, Sha256FipsVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(SecurityTokens, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("same-token", "same-token"));
  EXPECT_FALSE(constant_time_equal("same-token", "same-tokeN"));
  EXPECT_FALSE(constant_time_equal("Same-token", "same-token"));
  EXPECT_FALSE(constant_time_equal("short", "shorter"));
  EXPECT_FALSE(constant_time_equal("", "x"));
  EXPECT_TRUE(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

// ---- TOTP ----

// RFC 6238 Appendix B, SHA-1: the secret is the ASCII "12345678901234567890".
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(SecurityTotp, Rfc6238AppendixBVectors) {
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& [t, expected] : vectors) {
    auto code = totp_code(kRfcSecret, at(t));
    ASSERT_TRUE(code.is_ok()) << t << ": " << code.status().to_string();
    EXPECT_EQ(*code, expected) << "T=" << t;
  }
}

TEST(SecurityTotp, SecretSpellingVariantsDecodeTheSame) {
  EXPECT_EQ(totp_code("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", at(59)).value(), "287082");
  EXPECT_EQ(totp_code("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", at(59)).value(), "287082");
}

TEST(SecurityTotp, BadSecretIsInvalidArgument) {
  for (const char* bad : {"", "not base32!", "GEZDGNBV", "GEZDGNBVGY3TQOJ1GEZDGNBVGY3TQOJQ"}) {
    auto code = totp_code(bad, at(59));
    ASSERT_FALSE(code.is_ok()) << bad;
    EXPECT_EQ(code.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(totp_code(kRfcSecret, at(-1)).status().code(), StatusCode::kInvalidArgument);
}

TEST(SecurityTotp, VerifyReturnsTheMatchedStep) {
  const std::int64_t now = 1111111111;  // step 37037037
  EXPECT_EQ(verify_totp(kRfcSecret, "050471", at(now)), std::optional<std::int64_t>(37037037));
  EXPECT_EQ(verify_totp(kRfcSecret, "287082", at(59)), std::optional<std::int64_t>(1));
}

TEST(SecurityTotp, VerifyAcceptsAdjacentStepsOnly) {
  const std::int64_t now = 1234567890;
  const std::int64_t step = now / 30;
  const std::string prev = totp_code(kRfcSecret, at(now - 30)).value();
  const std::string next = totp_code(kRfcSecret, at(now + 30)).value();
  const std::string two_back = totp_code(kRfcSecret, at(now - 60)).value();
  const std::string two_ahead = totp_code(kRfcSecret, at(now + 60)).value();
  EXPECT_EQ(verify_totp(kRfcSecret, prev, at(now)), step - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, next, at(now)), step + 1);
  EXPECT_EQ(verify_totp(kRfcSecret, two_back, at(now)), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, two_ahead, at(now)), std::nullopt);
  // A wider window accepts them; a zero window only the current step.
  EXPECT_EQ(verify_totp(kRfcSecret, two_back, at(now), 2), step - 2);
  EXPECT_EQ(verify_totp(kRfcSecret, prev, at(now), 0), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", at(now), 0), step);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", at(now), -1), std::nullopt);
}

TEST(SecurityTotp, VerifyRejectsMalformedCodes) {
  const Instant now = at(1234567890);  // code 005924
  EXPECT_EQ(verify_totp(kRfcSecret, "05924", now), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "0005924", now), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "00592a", now), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, " 05924", now), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "", now), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005925", now), std::nullopt);
  EXPECT_EQ(verify_totp("not base32!", "005924", now), std::nullopt);
}

TEST(SecurityTotp, ReplayIsRefusedByComparingSteps) {
  // The contract in totp.h: the caller stores the last accepted step.
  const std::string secret = new_totp_secret();
  const Instant t0 = at(1700000000);
  const std::string code = totp_code(secret, t0).value();
  auto first = verify_totp(secret, code, t0);
  ASSERT_TRUE(first.has_value());
  std::int64_t last_accepted = *first;
  auto again = verify_totp(secret, code, t0 + std::chrono::seconds(20));
  ASSERT_TRUE(again.has_value());
  EXPECT_LE(*again, last_accepted);  // so the caller refuses it
}

TEST(SecurityTotp, NewSecretIs32Base32Characters) {
  const std::string a = new_totp_secret();
  const std::string b = new_totp_secret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos) << a;
  EXPECT_NE(a, b);
  EXPECT_TRUE(totp_code(a, at(0)).is_ok());
}

TEST(SecurityTotp, OtpauthUriEscapesIssuerAndAccount) {
  EXPECT_EQ(otpauth_uri("Seattle PD", "j.smith@spd.example:7423", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/Seattle%20PD:j.smith%40spd.example%3A7423"
            "?secret=JBSWY3DPEHPK3PXP&issuer=Seattle%20PD&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(otpauth_uri("R&D", "a+b/é", "X"),
            "otpauth://totp/R%26D:a%2Bb%2F%C3%A9?secret=X&issuer=R%26D"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace rollcall::security
