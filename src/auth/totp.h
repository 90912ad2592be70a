// Time-based one-time passwords (RFC 6238, through liboath) and recovery codes: the second factor of an
// administrator's login. Pure apart from the random secrets.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sz::auth::totp {

constexpr int64_t kStepSeconds = 30;  // what every authenticator app assumes
constexpr int kDigits = 6;
constexpr int kRecoveryCodes = 10;

// A new shared secret: 20 random bytes (RFC 4226's recommended 160 bits), as base32 for the app.
std::string new_secret();
// The otpauth:// address an authenticator app reads (from a QR code or pasted).
std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret_base32);
// The time step a code belongs to, when it is the code of the step of `now` or of the step before or after
// (clocks drift); nullopt for any other code or a malformed one.
std::optional<int64_t> matching_step(const std::string& secret_base32, int64_t now, const std::string& code);
// The code of the step of `now` (tests and the command line).
std::string code_at(const std::string& secret_base32, int64_t now);

// Ten one-time recovery codes, "xxxx-xxxx-xxxx" of lower-case base32 letters (60 bits each).
std::vector<std::string> new_recovery_codes();
// The form a recovery code is hashed in: what the user typed, without separators and spaces, in lower case.
std::string canonical_recovery_code(const std::string& typed);

}  // namespace sz::auth::totp
