#pragma once
// A value computed from the whole store — the dashboard's forecast — kept for the callers that
// follow, so that a home page opened by many officials at national scale costs one computation, not one per visit.
// A kept value is served while what it was computed from is unchanged (its `version`: for the pages, the audit
// chain's head and the day) and it is under `max_age` seconds old; with `min_interval` set, also for that many seconds whatever changed. Callers asking for a
// key that is being computed wait for that computation instead of starting their own. Every value carries the
// moment it was computed, which the pages show. Failures are not kept.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "infra/result.h"

namespace sz {

template <class T>
class Memo {
 public:
  explicit Memo(int64_t min_interval = 0, int64_t max_age = 3600) : min_interval_(min_interval), max_age_(max_age) {}

  Result<T> get(const std::string& key, const std::string& version, int64_t now, const std::function<Result<T>()>& compute) {
    std::shared_ptr<Slot> slot;
    {
      std::lock_guard<std::mutex> g(mu_);
      auto& s = slots_[key];
      if (!s) s = std::make_shared<Slot>();
      slot = s;
    }
    std::lock_guard<std::mutex> g(slot->mu);
    if (slot->kept && fresh(*slot->kept, version, now)) return slot->kept->value;
    auto v = compute();
    if (v) slot->kept = Kept{*v, version, now};
    return v;
  }

 private:
  struct Kept {
    T value;
    std::string version;
    int64_t at = 0;
  };
  struct Slot {
    std::mutex mu;
    std::optional<Kept> kept;
  };
  bool fresh(const Kept& k, const std::string& version, int64_t now) const {
    int64_t age = now - k.at;
    if (age < 0) return false;  // the clock went back (a restored store, a test clock): compute again
    if (age < min_interval_) return true;
    return k.version == version && age < max_age_;
  }

  int64_t min_interval_, max_age_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
};

}  // namespace sz
