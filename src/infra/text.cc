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

namespace {
// The code point at s[i] (n bytes long, from sequence_length); 0xFFFD for a sequence cut short.
char32_t decode(std::string_view s, size_t i, size_t n) {
  if (n == 0 || i + n > s.size()) return 0xFFFD;
  auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 1) return byte(0);
  char32_t cp = byte(0) & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
}
bool bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }
// Blanks and the characters that take no room: they may sit inside a name, but cannot be all of it.
bool invisible(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0xAD || c == 0x034F || c == 0x061C ||
         c == 0x115F || c == 0x1160 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || (c >= 0xE0000 && c <= 0xE0FFF);
}
}  // namespace

std::optional<std::string> hidden_problem(std::string_view s, bool multiline) {
  bool visible = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = sequence_length(static_cast<unsigned char>(s[i]));
    char32_t c = decode(s, i, n);
    i += std::max<size_t>(n, 1);
    bool line_break = c == '\t' || c == '\n' || c == '\r';
    if ((c < 0x20 && !(multiline && line_break)) || (c >= 0x7F && c < 0xA0)) return "含有控制字符";
    if (bidi_control(c)) return "含有改变文字方向的控制字符（显示的内容会与实际不同）";
    visible = visible || !invisible(c);
  }
  if (!s.empty() && !visible) return "只含空白或不可见字符";
  return std::nullopt;
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
