// All time comes from one injectable clock (DESIGN.md): tests advance it instead of sleeping;
// production uses the system clock and refuses a settable one.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace sz {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t now() const = 0;
  // Only the test clock can move; the system clock answers false.
  virtual bool advance(int64_t) { return false; }
  // Only the manual clock can be set, to any instant (the demo writes a dated history with it).
  virtual bool set(int64_t) { return false; }
};

class SystemClock final : public Clock {
 public:
  int64_t now() const override;
};

// System time plus an offset that tests move forward.
class TestClock final : public Clock {
 public:
  int64_t now() const override;
  bool advance(int64_t seconds) override;

 private:
  std::atomic<int64_t> offset_{0};
};

// System time until set, then the instant it was set to. Used by `shuzhuan demo` only, never to serve.
class ManualClock final : public Clock {
 public:
  int64_t now() const override;
  bool set(int64_t t) override;

 private:
  std::atomic<int64_t> at_{0};  // 0: not set
};

// "2026-11-26T10:00:00Z"
std::string iso_utc(int64_t epoch_seconds);
// Parses "2026-11-26T10:00:00Z" (optionally with fractional seconds, which are dropped); nullopt otherwise.
std::optional<int64_t> parse_iso_utc(const std::string& s);
// The same instant as shown to users: "2026-11-26 18:00:00" (Asia/Shanghai, UTC+8, no DST).
std::string shanghai_time(int64_t epoch_seconds);
// The calendar day there: "2026-11-26".
std::string shanghai_date(int64_t epoch_seconds);

// Calendar days "YYYY-MM-DD" (ISO 8601): the day's number since 1970-01-01, nullopt for a day that does not exist;
// and back. Date arithmetic (days late, deadlines) goes through these.
std::optional<int64_t> day_number(const std::string& ymd);
std::string day_text(int64_t day);
// The moment a day ends in Beijing (the next day's 00:00 there): "up to and including that day" is `at < end`.
std::optional<int64_t> shanghai_day_end(const std::string& ymd);

}  // namespace sz
