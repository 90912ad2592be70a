#include "infra/clock.h"

#include <chrono>
#include <cstdio>
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

int64_t ManualClock::now() const {
  int64_t t = at_.load();
  return t ? t : SystemClock().now();
}

bool ManualClock::set(int64_t t) {
  at_ = t;
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

// Howard Hinnant's civil-calendar algorithms (days_from_civil / civil_from_days), proleptic Gregorian.
std::optional<int64_t> day_number(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
  int64_t y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || m < 1 || m > 12 || day < 1 || day > kDays[m - 1] + (m == 2 && leap)) return std::nullopt;
  y -= m <= 2;
  int64_t era = y / 400, yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string day_text(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}

std::optional<int64_t> shanghai_day_end(const std::string& ymd) {
  auto day = day_number(ymd);
  if (!day) return std::nullopt;
  return (*day + 1) * 86400 - 8 * 3600;
}

}  // namespace sz
