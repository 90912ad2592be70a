// Registry rules: 统一社会信用代码 (GB 32100-2015) and the character grams that serve name search.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Unigrams and bigrams of a name's characters (ASCII lower-cased), without duplicates: the index rows that
// let both engines find a name by any 1- or 2-character piece without scanning the table.
std::vector<std::string> name_grams(std::string_view name);
// The grams a query must all match: its bigrams (or its single character).
std::vector<std::string> query_grams(std::string_view q);

}  // namespace sz::registry
