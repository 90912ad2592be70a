#include "infra/clock.h"

#include <chrono>
#include <ctime>

namespace sz {

int64_t SystemClock::now() const {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

int64_t TestClock::now() const { return SystemClock().now() + offset_.load(); }

bool TestClock::advance(int64_t seconds) {
  if (seconds < 0) return false;  // time never goes back, even in tests
  offset_ += seconds;
  return true;
}

namespace {
std::string format_utc(int64_t t, const char* fmt) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}
}  // namespace

std::optional<int64_t> parse_iso_utc(const std::string& s) {
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (!end) return std::nullopt;
  if (*end == '.')
    for (++end; *end >= '0' && *end <= '9'; ++end) {
    }
  if (std::string(end) != "Z") return std::nullopt;
  return static_cast<int64_t>(timegm(&tm));
}

std::string iso_utc(int64_t t) { return format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }
std::string shanghai_time(int64_t t) { return format_utc(t + 8 * 3600, "%Y-%m-%d %H:%M:%S"); }
std::string shanghai_date(int64_t t) { return format_utc(t + 8 * 3600, "%Y-%m-%d"); }

}  // namespace sz
