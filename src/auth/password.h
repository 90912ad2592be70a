// argon2id password hashes (libsodium). One hash costs ~110 ms and 64 MiB, so they run on a few threads of their own,
// at a lower CPU priority than the request workers, behind a bounded queue: when it is full the caller is told at once
// (and answers 503) instead of holding a shared worker while it waits — a login flood cannot stall the rest of the API.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace sz::auth::password {

struct PoolLimits {
  int threads = 1;  // hashes computed at once on this node
  int queue = 3;    // hashes waiting for a thread; beyond this a request is refused at once
};

class Hasher {
 public:
  explicit Hasher(PoolLimits limits);
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // nullopt: the pool is full, nothing was computed.
  std::optional<std::string> hash(const std::string& password);
  std::optional<bool> verify(const std::string& stored_hash, const std::string& password);
  // Spends the same effort as a real check, so an unknown username is not told apart by timing.
  std::optional<bool> verify_dummy(const std::string& password);

 private:
  // Runs `work` on a hashing thread and waits for it; false when the queue is full.
  bool run(std::function<void()> work);
  void serve();

  PoolLimits limits_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> waiting_;
  int busy_ = 0;
  bool stopping_ = false;
  std::string dummy_hash_;
  std::vector<std::thread> threads_;
};

}  // namespace sz::auth::password
