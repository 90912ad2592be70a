// Hashes and random tokens. SM3 is the national standard hash that government reviewers expect.
#pragma once
#include <string>
#include <string_view>

namespace sz::crypto {

std::string sha256_hex(std::string_view data);
std::string sm3_hex(std::string_view data);
// 32 random bytes, URL-safe base64 without padding.
std::string random_token();
// Constant-time equality, for comparing secrets.
bool equal(std::string_view a, std::string_view b);

}  // namespace sz::crypto
