#include "auth/password.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace sz::auth::password {
namespace {
std::counting_semaphore<64>& slots() {
  static std::counting_semaphore<64> s(2);  // bounded: two hashes at a time on 2 cores
  return s;
}
struct Slot {
  Slot() { slots().acquire(); }
  ~Slot() { slots().release(); }
};
}  // namespace

std::string hash(const std::string& pw) {
  Slot slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pw.data(), pw.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}

bool verify(const std::string& stored, const std::string& pw) {
  Slot slot;
  return crypto_pwhash_str_verify(stored.c_str(), pw.data(), pw.size()) == 0;
}

void verify_dummy(const std::string& pw) {
  static const std::string dummy = hash("dummy-Password-1");
  verify(dummy, pw);
}

}  // namespace sz::auth::password
