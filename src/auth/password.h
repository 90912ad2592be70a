// argon2id password hashes (libsodium). One hash costs ~110 ms and 64 MiB, so at most a few run at once.
#pragma once
#include <string>

namespace sz::auth::password {

std::string hash(const std::string& password);
bool verify(const std::string& stored_hash, const std::string& password);
// Spends the same effort as a real check, so an unknown username is not told apart by timing.
void verify_dummy(const std::string& password);

}  // namespace sz::auth::password
