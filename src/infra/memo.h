#pragma once
// A value computed from the whole store — the dashboard's forecast — kept for the callers that follow, so that a home
// page opened by many officials at national scale costs one computation, not one per visit. A caller says what it
// has seen of the store when it arrives (a `Stamp`: the period the value depends on — for the pages, the day — and
// the audit chain's head); a kept value of the same period computed from at least that head, and under `max_age`
// seconds old, serves it. With `min_interval` set, a value is also served for that many seconds whatever changed.
// Callers asking for a key that is being computed wait for that computation, and are served by it unless the store
// changed before they arrived. Every value carries the moment it was computed, which the pages show. Failures are not
// kept. Under a steady stream of writes each caller may still compute: a national deployment sets `min_interval`.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "infra/result.h"

namespace sz {

struct Stamp {
  std::string period;
  int64_t seq = 0;
};

template <class T>
class Memo {
 public:
  explicit Memo(int64_t min_interval = 0, int64_t max_age = 3600) : min_interval_(min_interval), max_age_(max_age) {}

  Result<T> get(const std::string& key, const Stamp& seen, int64_t now, const std::function<Result<T>()>& compute) {
    std::shared_ptr<Slot> slot;
    {
      std::lock_guard<std::mutex> g(mu_);
      auto& s = slots_[key];
      if (!s) s = std::make_shared<Slot>();
      slot = s;
    }
    std::lock_guard<std::mutex> g(slot->mu);
    if (slot->kept && fresh(*slot->kept, seen, now)) return slot->kept->value;
    auto v = compute();
    if (v) slot->kept = Kept{*v, seen, now};
    return v;
  }

 private:
  struct Kept {
    T value;
    Stamp stamp;
    int64_t at = 0;
  };
  struct Slot {
    std::mutex mu;
    std::optional<Kept> kept;
  };
  bool fresh(const Kept& k, const Stamp& seen, int64_t now) const {
    // Callers read the clock before they queue for the slot, so one may arrive "before" the value it waited for; a
    // large step back (a restored store, a test clock) is a reason to compute again.
    if (now - k.at < -max_age_) return false;
    int64_t age = std::max<int64_t>(now - k.at, 0);
    if (age < min_interval_) return true;
    return k.stamp.period == seen.period && k.stamp.seq >= seen.seq && age < max_age_;
  }

  int64_t min_interval_, max_age_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
};

}  // namespace sz
