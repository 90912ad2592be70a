#include "infra/sm2.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "infra/crypto.h"

namespace sz::crypto {

namespace {
// GB/T 32918.2's default user identity, which OpenSSL and the other SM2 tools use unless told otherwise.
constexpr std::string_view kDistinguishingId = "1234567812345678";

std::string hex(const unsigned char* d, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s.push_back(digits[d[i] >> 4]);
    s.push_back(digits[d[i] & 15]);
  }
  return s;
}

bool unhex(std::string_view h, std::vector<unsigned char>* out) {
  if (h.size() % 2) return false;
  auto nibble = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  for (size_t i = 0; i < h.size(); i += 2) {
    int a = nibble(h[i]), b = nibble(h[i + 1]);
    if (a < 0 || b < 0) return false;
    out->push_back(static_cast<unsigned char>(a * 16 + b));
  }
  return true;
}

// Writes `pem` to a new file, never over an existing one: written and synced under a temporary name, then linked
// into place, so a process that finds the file (another node starting at the same moment) reads it whole.
Status write_new(const std::string& path, const std::string& pem, mode_t mode) {
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return err::invalid("out", "无法创建密钥文件：" + path);
  bool ok = ::write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size()) && ::fsync(fd) == 0;
  ::close(fd);
  int linked = ok ? ::link(tmp.c_str(), path.c_str()) : -1;
  int link_errno = errno;
  ::unlink(tmp.c_str());
  if (!ok) return err::internal("writing " + tmp);
  if (linked != 0) return link_errno == EEXIST ? err::conflict("out", "密钥文件已存在：" + path)
                                               : err::invalid("out", "无法创建密钥文件：" + path);
  return sz::ok();
}

template <class Write>
std::string pem_of(EVP_PKEY* k, Write write) {
  BIO* b = BIO_new(BIO_s_mem());
  std::string out;
  if (b && write(b, k)) {
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    out.assign(data, static_cast<size_t>(n));
  }
  BIO_free(b);
  return out;
}

// Digest-sign or digest-verify context for SM2 with SM3 and the distinguishing identifier (SM2(7)).
struct Sm2Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pkey = nullptr;
  explicit Sm2Context(EVP_PKEY* k) : pkey(EVP_PKEY_CTX_new(k, nullptr)) {
    if (md && pkey && EVP_PKEY_CTX_set1_id(pkey, kDistinguishingId.data(), static_cast<int>(kDistinguishingId.size())) > 0)
      EVP_MD_CTX_set_pkey_ctx(md, pkey);
  }
  ~Sm2Context() {
    EVP_MD_CTX_free(md);
    EVP_PKEY_CTX_free(pkey);
  }
};
}  // namespace

struct Sm2Key::Handle {
  EVP_PKEY* key = nullptr;
  ~Handle() { EVP_PKEY_free(key); }
};

Sm2Key::Sm2Key(std::shared_ptr<Handle> h, bool is_private) : h_(std::move(h)), private_(is_private) {
  unsigned char* der = nullptr;
  int n = i2d_PUBKEY(h_->key, &der);
  if (n > 0) key_id_ = sm3_hex(std::string_view(reinterpret_cast<char*>(der), static_cast<size_t>(n))).substr(0, 16);
  OPENSSL_free(der);
}

Status Sm2Key::generate(const std::string& private_path, const std::string& public_path) {
  EVP_PKEY* k = nullptr;
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr);
  bool made = ctx && EVP_PKEY_keygen_init(ctx) > 0 && EVP_PKEY_generate(ctx, &k) > 0;
  EVP_PKEY_CTX_free(ctx);
  if (!made) return err::internal("SM2 key generation failed");
  std::string priv = pem_of(k, [](BIO* b, EVP_PKEY* p) {
    return PEM_write_bio_PrivateKey(b, p, nullptr, nullptr, 0, nullptr, nullptr) == 1;
  });
  std::string pub = pem_of(k, [](BIO* b, EVP_PKEY* p) { return PEM_write_bio_PUBKEY(b, p) == 1; });
  EVP_PKEY_free(k);
  if (priv.empty() || pub.empty()) return err::internal("SM2 key encoding failed");
  if (::access(public_path.c_str(), F_OK) == 0) return err::conflict("out", "密钥文件已存在：" + public_path);
  SZ_TRY(write_new(private_path, priv, 0600));
  return write_new(public_path, pub, 0644);
}

namespace {
Result<EVP_PKEY*> read_key(const std::string& path, bool is_private) {
  FILE* f = std::fopen(path.c_str(), "r");
  if (!f) return err::invalid("key", std::string(is_private ? "无法读取签名私钥：" : "无法读取验证公钥：") + path);
  EVP_PKEY* k = is_private ? PEM_read_PrivateKey(f, nullptr, nullptr, nullptr) : PEM_read_PUBKEY(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (!k || !EVP_PKEY_is_a(k, "SM2")) {
    EVP_PKEY_free(k);
    return err::invalid("key", std::string("不是 SM2 ") + (is_private ? "私钥" : "公钥") + "（PEM 格式）：" + path);
  }
  return k;
}
}  // namespace

Result<Sm2Key> Sm2Key::load_private(const std::string& path) {
  SZ_ASSIGN(EVP_PKEY* k, read_key(path, true));
  auto h = std::make_shared<Handle>();
  h->key = k;
  return Sm2Key(std::move(h), true);
}

Result<Sm2Key> Sm2Key::load_public(const std::string& path) {
  SZ_ASSIGN(EVP_PKEY* k, read_key(path, false));
  auto h = std::make_shared<Handle>();
  h->key = k;
  return Sm2Key(std::move(h), false);
}

Result<std::string> Sm2Key::sign(std::string_view message) const {
  if (!private_) return err::internal("signing with a public key");
  Sm2Context ctx(h_->key);
  size_t len = 0;
  std::vector<unsigned char> sig;
  bool ok = EVP_DigestSignInit(ctx.md, nullptr, EVP_sm3(), nullptr, h_->key) > 0 &&
            EVP_DigestSignUpdate(ctx.md, message.data(), message.size()) > 0 &&
            EVP_DigestSignFinal(ctx.md, nullptr, &len) > 0;
  if (ok) {
    sig.resize(len);
    ok = EVP_DigestSignFinal(ctx.md, sig.data(), &len) > 0;
  }
  if (!ok) return err::internal("SM2 signing failed");
  return hex(sig.data(), len);
}

bool Sm2Key::verify(std::string_view message, std::string_view signature_hex) const {
  std::vector<unsigned char> sig;
  if (!unhex(signature_hex, &sig) || sig.empty()) return false;
  Sm2Context ctx(h_->key);
  return EVP_DigestVerifyInit(ctx.md, nullptr, EVP_sm3(), nullptr, h_->key) > 0 &&
         EVP_DigestVerify(ctx.md, sig.data(), sig.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace sz::crypto
