// UTF-8 text helpers and masking of personal data for display (手机号、姓名).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::text {

bool valid_utf8(std::string_view s);
// Counts code points, for length limits in characters rather than bytes.
size_t utf8_length(std::string_view s);
// Without the blanks around it, including the no-break and ideographic spaces that pasted text brings along.
std::string trim(std::string s);
// Splits into code points (ASCII letters kept as they are), so nothing cuts a Chinese character in half.
std::vector<std::string> code_points(std::string_view s);

// The one rule for text people type (names, file names, titles, notes): why it cannot be stored as it will read, or
// nullopt. Refused: control characters (NUL and the rest of C0 and C1; `multiline` text may hold tabs and line
// breaks, a name may not), bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069:
// "invoice\u202efdp.exe" shows as "invoiceexe.pdf"), and non-empty text with nothing visible in it (only blanks,
// zero-width and other format characters). The reason reads after the field's label: "企业名称" + "含有控制字符".
std::optional<std::string> hidden_problem(std::string_view s, bool multiline);

// 13812345678 → 138****5678; other values keep their first and last character.
std::string mask_phone(const std::string& phone);
// 王建国 → 王*国, 王伟 → 王*
std::string mask_name(const std::string& name);

}  // namespace sz::text
