#include "infra/crypto.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <stdexcept>

namespace sz::crypto {
namespace {
std::string digest_hex(const char* algorithm, std::string_view data) {
  EVP_MD* md = EVP_MD_fetch(nullptr, algorithm, nullptr);
  if (!md) throw std::runtime_error(std::string("OpenSSL lacks ") + algorithm);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  int ok = EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  EVP_MD_free(md);
  if (!ok) throw std::runtime_error(std::string(algorithm) + " digest failed");
  static const char* hex = "0123456789abcdef";
  std::string s;
  s.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    s.push_back(hex[out[i] >> 4]);
    s.push_back(hex[out[i] & 15]);
  }
  return s;
}
}  // namespace

std::string sha256_hex(std::string_view data) { return digest_hex("SHA256", data); }
std::string sm3_hex(std::string_view data) { return digest_hex("SM3", data); }

std::string random_token() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return b64;
}

bool equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sz::crypto
