#include "auth/password.h"

#include <sodium.h>
#include <sys/resource.h>
#include <unistd.h>

#include <future>
#include <stdexcept>

namespace sz::auth::password {
namespace {
std::string argon2id(const std::string& pw) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pw.data(), pw.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}

// Hashing yields the CPU to the request workers: a nicer thread gets a small share when both want a core, so the
// rest of the API keeps its latency while logins queue. (Only this thread: Linux applies the nice value per thread.)
void lower_priority() { setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10); }
}  // namespace

Hasher::Hasher(PoolLimits limits) : limits_(limits), dummy_hash_(argon2id("dummy-Password-1")) {
  for (int i = 0; i < limits_.threads; ++i) threads_.emplace_back([this] { serve(); });
}

Hasher::~Hasher() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void Hasher::serve() {
  lower_priority();
  for (;;) {
    std::function<void()> work;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) return;
      work = std::move(waiting_.front());
      waiting_.pop_front();
    }
    work();
  }
}

bool Hasher::run(std::function<void()> work) {
  std::packaged_task<void()> task(std::move(work));
  auto done = task.get_future();
  {
    std::lock_guard lock(mu_);
    if (busy_ >= limits_.threads + limits_.queue) return false;
    ++busy_;
    waiting_.emplace_back([&task] { task(); });
  }
  wake_.notify_one();
  done.wait();
  {
    std::lock_guard lock(mu_);
    --busy_;
  }
  done.get();  // rethrows what the hashing threw
  return true;
}

std::optional<std::string> Hasher::hash(const std::string& pw) {
  std::string out;
  if (!run([&] { out = argon2id(pw); })) return std::nullopt;
  return out;
}

std::optional<bool> Hasher::verify(const std::string& stored, const std::string& pw) {
  bool match = false;
  if (!run([&] { match = crypto_pwhash_str_verify(stored.c_str(), pw.data(), pw.size()) == 0; })) return std::nullopt;
  return match;
}

std::optional<bool> Hasher::verify_dummy(const std::string& pw) { return verify(dummy_hash_, pw); }

}  // namespace sz::auth::password
