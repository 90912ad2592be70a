// SM2 signatures (GB/T 32918, through OpenSSL 3) with SM3 as the digest and the standard's default
// distinguishing identifier, so any SM2 tool can check them:
//   openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in MSG -sigfile SIG
// Keys are PEM files (PKCS#8 private key, SubjectPublicKeyInfo public key).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "infra/result.h"

namespace sz::crypto {

class Sm2Key {
 public:
  // Writes a new key pair; refuses to replace either file. The private key file is readable by its owner only.
  static Status generate(const std::string& private_path, const std::string& public_path);
  // Either file of a pair: a private key signs and verifies, a public key only verifies.
  static Result<Sm2Key> load_private(const std::string& path);
  static Result<Sm2Key> load_public(const std::string& path);

  bool can_sign() const { return private_; }
  // The DER signature in lowercase hex.
  Result<std::string> sign(std::string_view message) const;
  bool verify(std::string_view message, std::string_view signature_hex) const;
  // The first 16 hex digits of the SM3 of the public key (SubjectPublicKeyInfo DER): names the key in checkpoints.
  const std::string& key_id() const { return key_id_; }

 private:
  struct Handle;
  Sm2Key(std::shared_ptr<Handle> h, bool is_private);
  std::shared_ptr<Handle> h_;
  bool private_ = false;
  std::string key_id_;
};

}  // namespace sz::crypto
