// Hashes and random tokens. SM3 is the national standard hash that government reviewers expect.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sz::crypto {

std::string sha256_hex(std::string_view data);
std::string sm3_hex(std::string_view data);
// SHA-256 and SM3 of a file, read in chunks (never whole in memory).
struct FileDigests {
  std::string sha256, sm3;
  uint64_t size = 0;
};
bool digest_file(const std::string& path, FileDigests* out);

// 32 random bytes, URL-safe base64 without padding.
std::string random_token();
// A random 64-bit number (seeds of draws that are recorded for re-checking).
uint64_t random_u64();
// Constant-time equality, for comparing secrets.
bool equal(std::string_view a, std::string_view b);

}  // namespace sz::crypto
