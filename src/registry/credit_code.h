// 统一社会信用代码 (GB 32100-2015): registry's public rule for the code every enterprise, provider and bank is known by.
// Pure, no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sz::registry {

// The 31 characters a credit code may use (no I O S V Z), in the order of their values 0–30.
extern const char* const kCreditCodeAlphabet;

// The check character (position 18) for the first 17 characters; nullopt if they are not all valid.
std::optional<char> credit_code_check_char(std::string_view first17);

// Upper-cases and strips surrounding blanks, as users paste codes.
std::string normalize_credit_code(std::string_view raw);

// Why a (normalized) code is not valid, naming the rule that failed; nullopt when it is valid.
// Positions 3–8 (the registering authority's area) are deliberately not checked: they may name the province.
std::optional<std::string> credit_code_problem(std::string_view code);

}  // namespace sz::registry
