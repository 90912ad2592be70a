#include "infra/crypto.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

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

namespace {
std::string hex_of(const unsigned char* d, unsigned len) {
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < len; ++i) {
    s.push_back(hex[d[i] >> 4]);
    s.push_back(hex[d[i] & 15]);
  }
  return s;
}
}  // namespace

bool digest_file(const std::string& path, FileDigests* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  EVP_MD* sha = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MD* sm3 = EVP_MD_fetch(nullptr, "SM3", nullptr);
  EVP_MD_CTX* a = EVP_MD_CTX_new();
  EVP_MD_CTX* b = EVP_MD_CTX_new();
  bool ok = sha && sm3 && a && b && EVP_DigestInit_ex(a, sha, nullptr) && EVP_DigestInit_ex(b, sm3, nullptr);
  std::vector<unsigned char> buf(1 << 20);
  out->size = 0;
  while (ok) {
    size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n == 0) break;
    ok = EVP_DigestUpdate(a, buf.data(), n) && EVP_DigestUpdate(b, buf.data(), n);
    out->size += n;
  }
  ok = ok && !std::ferror(f);
  unsigned char d1[EVP_MAX_MD_SIZE], d2[EVP_MAX_MD_SIZE];
  unsigned l1 = 0, l2 = 0;
  ok = ok && EVP_DigestFinal_ex(a, d1, &l1) && EVP_DigestFinal_ex(b, d2, &l2);
  if (ok) {
    out->sha256 = hex_of(d1, l1);
    out->sm3 = hex_of(d2, l2);
  }
  EVP_MD_CTX_free(a);
  EVP_MD_CTX_free(b);
  EVP_MD_free(sha);
  EVP_MD_free(sm3);
  std::fclose(f);
  return ok;
}

std::string random_token() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return b64;
}

uint64_t random_u64() {
  uint64_t v = 0;
  randombytes_buf(&v, sizeof v);
  return v;
}

bool equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sz::crypto
