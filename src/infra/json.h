// JSON at the HTTP boundary: parse a request body into a checked shape, encode replies and errors.
// Unparseable JSON is a 400; valid JSON of the wrong shape is a 422 naming the field.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infra/http/message.h"
#include "infra/result.h"

namespace sz::json {

namespace bj = boost::json;

Result<bj::object> parse_object(std::string_view body);

// Field readers: `label` is the field's Chinese name used in messages.
Result<std::string> required_string(const bj::object& o, std::string_view key, std::string_view label,
                                    size_t max_chars = 200);
Result<std::optional<std::string>> optional_string(const bj::object& o, std::string_view key, std::string_view label,
                                                   size_t max_chars = 200);
Result<std::optional<int64_t>> optional_int(const bj::object& o, std::string_view key, std::string_view label);
Result<std::optional<bool>> optional_bool(const bj::object& o, std::string_view key, std::string_view label);
// Required values: missing or null is a 422 naming the field, like a wrong type or a value out of [min, max].
Result<int64_t> required_int(const bj::object& o, std::string_view key, std::string_view label, int64_t min,
                             int64_t max);
Result<bool> required_bool(const bj::object& o, std::string_view key, std::string_view label);
// Numbers with a named plausible range (infra/ranges.h, data/input-ranges.json): out of it is a 422 naming the range.
Result<std::optional<int64_t>> optional_int(const bj::object& o, std::string_view key, std::string_view label,
                                            std::string_view range);
Result<int64_t> required_int(const bj::object& o, std::string_view key, std::string_view label, std::string_view range);
Result<std::vector<std::string>> string_list(const bj::object& o, std::string_view key, std::string_view label);
// The strings of a JSON array kept in a column (industries_json); anything else in it is skipped.
std::vector<std::string> strings_of(std::string_view json_array);
// Refuses keys the endpoint does not know, so a typo or a field the endpoint would ignore is not silently dropped.
// `path` names a nested object in the message and the field ("replacement" → "replacement.district").
Status only_keys(const bj::object& o, std::initializer_list<std::string_view> allowed, std::string_view path = "");
Status only_keys(const bj::object& o, const std::vector<std::string>& allowed, std::string_view path = "");

// Serialises like boost::json::serialize, but writes numbers in their shortest plain form (52.5, not 5.25E1).
std::string to_text(const bj::value& v);

// A value, or JSON null when there is none.
inline bj::value opt_value(const std::optional<std::string>& v) { return v ? bj::value(*v) : bj::value(nullptr); }
inline bj::value opt_value(const std::optional<int64_t>& v) { return v ? bj::value(*v) : bj::value(nullptr); }
// A string member of an object, or "" when it is absent or not a string (reading the platform's own data files,
// which are checked where they are parsed).
std::string text_of(const bj::object& o, std::string_view key);
http::Response reply(int status, const bj::value& v);
// {"error": {"code", "message", "field"}}: the body of every 4xx/5xx reply.
bj::object error_json(const Error& e);
http::Response error_reply(const Error& e);

// The moves a record's status leaves open to the caller, for the UI: [{action, name, needs_reason, needs_due}].
template <class Move>
bj::array moves_json(const std::vector<const Move*>& moves) {
  bj::array out;
  for (const auto* m : moves) {
    bj::object o{{"action", m->action}, {"name", m->name}, {"needs_reason", m->needs_reason}};
    if constexpr (requires { m->needs_due; }) o["needs_due"] = m->needs_due;
    out.push_back(std::move(o));
  }
  return out;
}

// Paging parameters from the query string, checked: page ≥ 1, 1 ≤ page_size ≤ 100.
struct Page {
  int64_t page = 1;
  int64_t size = 20;
  int64_t offset() const { return (page - 1) * size; }
};
Result<Page> page_of(const http::Request& req);
bj::object page_reply(bj::array items, int64_t total, const Page& p);

// A path parameter that must be a positive integer id.
Result<int64_t> id_param(const http::Request& req, const std::string& name = "id");
// A query parameter naming one record by id (`?enterprise_id=7`): absent or empty is nullopt, anything but a positive
// integer is a 422 saying "<label>应为正整数".
Result<std::optional<int64_t>> id_query(const http::Request& req, const std::string& name, const std::string& label);
// A query parameter holding a calendar day (`?as_of=2024-12-31`): "" when absent or empty, a 422 when not a real day.
Result<std::string> day_query(const http::Request& req, const std::string& name, const std::string& label);

}  // namespace sz::json
