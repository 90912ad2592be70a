#include "auth/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "infra/http/message.h"

namespace sz::auth::totp {

namespace {
// liboath keeps no state of its own beyond its one-time initialisation, which must not race.
void init_oath() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath: oath_init failed");
  });
}

using OathBuffer = std::unique_ptr<char, decltype(&std::free)>;

std::string base32_encode(const std::string& raw) {
  init_oath();
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_encode(raw.data(), raw.size(), &out, &len) != OATH_OK) throw std::runtime_error("base32 encode");
  OathBuffer hold(out, &std::free);
  std::string s(out, len);
  while (!s.empty() && s.back() == '=') s.pop_back();  // apps expect the secret without padding
  return s;
}

std::optional<std::string> base32_decode(const std::string& text) {
  init_oath();
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_decode(text.data(), text.size(), &out, &len) != OATH_OK) return std::nullopt;
  OathBuffer hold(out, &std::free);
  return std::string(out, len);
}
}  // namespace

std::string new_secret() {
  std::string raw(20, '\0');
  randombytes_buf(raw.data(), raw.size());
  return base32_encode(raw);
}

std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret_base32) {
  const std::string label = http::percent_encode(issuer) + ":" + http::percent_encode(account);
  return "otpauth://totp/" + label + "?secret=" + secret_base32 + "&issuer=" + http::percent_encode(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) + "&period=" + std::to_string(kStepSeconds);
}

std::optional<int64_t> matching_step(const std::string& secret_base32, int64_t now, const std::string& code) {
  if (code.size() != static_cast<size_t>(kDigits)) return std::nullopt;
  for (char c : code)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  auto secret = base32_decode(secret_base32);
  if (!secret) return std::nullopt;
  int pos = 0;
  uint64_t counter = 0;
  int rc = oath_totp_validate3(secret->data(), secret->size(), static_cast<time_t>(now), kStepSeconds, 0, 1, &pos,
                               &counter, code.c_str());
  if (rc < 0) return std::nullopt;
  return static_cast<int64_t>(counter);
}

std::string code_at(const std::string& secret_base32, int64_t now) {
  auto secret = base32_decode(secret_base32);
  if (!secret) throw std::invalid_argument("TOTP secret is not base32");
  char out[kDigits + 1] = {0};
  if (oath_totp_generate(secret->data(), secret->size(), static_cast<time_t>(now), kStepSeconds, 0, kDigits, out) !=
      OATH_OK)
    throw std::runtime_error("liboath: oath_totp_generate failed");
  return out;
}

std::vector<std::string> new_recovery_codes() {
  static const char* alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodes; ++i) {
    std::string code;
    for (int k = 0; k < 12; ++k) {
      if (k > 0 && k % 4 == 0) code += '-';
      code += alphabet[randombytes_uniform(32)];
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::string canonical_recovery_code(const std::string& typed) {
  std::string out;
  for (unsigned char c : typed)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

}  // namespace sz::auth::totp
