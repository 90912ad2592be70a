#include "infra/text.h"

#include <algorithm>
#include <cstring>

namespace sz::text {

namespace {
size_t sequence_length(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
}
}  // namespace

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n = sequence_length(static_cast<unsigned char>(s[i]));
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += n;
  }
  return true;
}

// Stripped as whole UTF-8 sequences: stripping their bytes one by one would cut into other characters.
std::string trim(std::string s) {
  static const char* const kBlanks[] = {" ", "\t", "\r", "\n", "\xC2\xA0", "\xE3\x80\x80"};
  for (bool again = true; again;) {
    again = false;
    for (const char* b : kBlanks) {
      size_t n = std::strlen(b);
      if (s.size() >= n && s.compare(0, n, b) == 0) {
        s.erase(0, n);
        again = true;
      }
      if (s.size() >= n && s.compare(s.size() - n, n, b) == 0) {
        s.erase(s.size() - n);
        again = true;
      }
    }
  }
  return s;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = std::max<size_t>(1, sequence_length(static_cast<unsigned char>(s[i])));
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string mask_phone(const std::string& phone) {
  if (phone.size() == 11 && std::all_of(phone.begin(), phone.end(), ::isdigit))
    return phone.substr(0, 3) + "****" + phone.substr(7);
  return mask_name(phone);
}

std::string mask_name(const std::string& name) {
  auto cps = code_points(name);
  if (cps.empty()) return "";
  if (cps.size() == 1) return "*";
  std::string out = cps.front();
  for (size_t i = 1; i + 1 < cps.size(); ++i) out += "*";
  if (cps.size() == 2) return out + "*";
  return out + cps.back();
}

}  // namespace sz::text
