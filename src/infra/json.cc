#include "infra/json.h"

#include <algorithm>
#include <charconv>

#include "infra/clock.h"
#include "infra/ranges.h"
#include "infra/text.h"

namespace sz::json {

Result<bj::object> parse_object(std::string_view body) {
  boost::system::error_code ec;
  bj::value v = bj::parse(body, ec);
  if (ec) return err::bad_request("invalid_json", "请求体不是合法的 JSON");
  if (!v.is_object()) return err::invalid("", "请求体应为 JSON 对象");
  return std::move(v.as_object());
}

namespace {
std::string label_of(std::string_view label) { return std::string(label); }
}  // namespace

Result<std::optional<std::string>> optional_string(const bj::object& o, std::string_view key, std::string_view label,
                                                   size_t max_chars) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<std::string>{};
  if (!it->value().is_string()) return err::invalid(std::string(key), label_of(label) + "应为字符串");
  std::string s(it->value().as_string());
  if (text::utf8_length(s) > max_chars)
    return err::invalid(std::string(key), label_of(label) + "不能超过" + std::to_string(max_chars) + "个字符");
  // Every string a request carries: a NUL, a direction override or an invisible-only value is refused here once.
  if (auto why = text::hidden_problem(s, true)) return err::invalid(std::string(key), label_of(label) + *why);
  return std::optional<std::string>(std::move(s));
}

Result<std::string> required_string(const bj::object& o, std::string_view key, std::string_view label,
                                    size_t max_chars) {
  SZ_ASSIGN(auto s, optional_string(o, key, label, max_chars));
  if (!s || s->empty()) return err::invalid(std::string(key), label_of(label) + "不能为空");
  return *s;
}

Result<std::optional<int64_t>> optional_int(const bj::object& o, std::string_view key, std::string_view label) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<int64_t>{};
  const auto& v = it->value();
  if (v.is_int64()) return std::optional<int64_t>(v.as_int64());
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return std::optional<int64_t>(static_cast<int64_t>(v.as_uint64()));
  return err::invalid(std::string(key), label_of(label) + "应为整数");
}

Result<std::optional<bool>> optional_bool(const bj::object& o, std::string_view key, std::string_view label) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<bool>{};
  if (!it->value().is_bool()) return err::invalid(std::string(key), label_of(label) + "应为 true 或 false");
  return std::optional<bool>(it->value().as_bool());
}

Result<int64_t> required_int(const bj::object& o, std::string_view key, std::string_view label, int64_t min,
                             int64_t max) {
  SZ_ASSIGN(auto v, optional_int(o, key, label));
  if (!v) return err::invalid(std::string(key), "缺少" + label_of(label));
  if (*v < min || *v > max)
    return err::invalid(std::string(key), label_of(label) + "应在 " + std::to_string(min) + "–" + std::to_string(max) + " 之间");
  return *v;
}

Result<std::optional<int64_t>> optional_int(const bj::object& o, std::string_view key, std::string_view label,
                                            std::string_view range) {
  SZ_ASSIGN(auto v, optional_int(o, key, label));
  if (v) SZ_TRY(ranges::check(range, *v, key, label_of(label)));
  return v;
}

Result<int64_t> required_int(const bj::object& o, std::string_view key, std::string_view label, std::string_view range) {
  SZ_ASSIGN(auto v, optional_int(o, key, label, range));
  if (!v) return err::invalid(std::string(key), "缺少" + label_of(label));
  return *v;
}

Result<bool> required_bool(const bj::object& o, std::string_view key, std::string_view label) {
  SZ_ASSIGN(auto v, optional_bool(o, key, label));
  if (!v) return err::invalid(std::string(key), "缺少" + label_of(label));
  return *v;
}

Result<std::vector<std::string>> string_list(const bj::object& o, std::string_view key, std::string_view label) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return out;
  if (!it->value().is_array()) return err::invalid(std::string(key), label_of(label) + "应为字符串数组");
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) return err::invalid(std::string(key), label_of(label) + "应为字符串数组");
    if (auto why = text::hidden_problem(v.as_string(), true)) return err::invalid(std::string(key), label_of(label) + *why);
    out.emplace_back(v.as_string());
  }
  return out;
}

std::vector<std::string> strings_of(std::string_view json_array) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = bj::parse(json_array, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array())
    if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

namespace {
template <class Keys>
Status refuse_unknown(const bj::object& o, const Keys& allowed, std::string_view path) {
  for (const auto& kv : o) {
    std::string_view key(kv.key());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string field = path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
    return err::invalid(field, "不支持的字段：" + field);
  }
  return ok();
}
}  // namespace

Status only_keys(const bj::object& o, std::initializer_list<std::string_view> allowed, std::string_view path) {
  return refuse_unknown(o, allowed, path);
}
Status only_keys(const bj::object& o, const std::vector<std::string>& allowed, std::string_view path) {
  return refuse_unknown(o, allowed, path);
}

namespace {
void write(std::string& out, const bj::value& v) {
  switch (v.kind()) {
    case bj::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += bj::serialize(bj::string_view(kv.key()));
        out += ':';
        write(out, kv.value());
      }
      out += '}';
      break;
    }
    case bj::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& x : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(out, x);
      }
      out += ']';
      break;
    }
    case bj::kind::double_: {
      char buf[32];
      auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v.get_double());
      out.append(buf, ec == std::errc() ? p : buf);
      break;
    }
    default:
      out += bj::serialize(v);
  }
}
}  // namespace

std::string to_text(const bj::value& v) {
  std::string out;
  write(out, v);
  return out;
}

http::Response reply(int status, const bj::value& v) {
  http::Response r;
  r.status = status;
  r.body = to_text(v);
  return r;
}

std::string text_of(const bj::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bj::object error_json(const Error& e) {
  return bj::object{{"error", bj::object{{"code", e.code}, {"message", e.message}, {"field", e.field}}}};
}

http::Response error_reply(const Error& e) {
  http::Response r = reply(e.status, error_json(e));
  if (e.retry_after > 0) r.add_header("Retry-After", std::to_string(e.retry_after));
  return r;
}

namespace {
Result<int64_t> positive_int(std::string_view s, const std::string& field, const std::string& label) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1) return err::invalid(field, label + "应为正整数");
  return v;
}
}  // namespace

Result<Page> page_of(const http::Request& req) {
  Page p;
  if (auto s = req.query_param("page")) {
    SZ_ASSIGN(p.page, positive_int(*s, "page", "页码"));
    if (p.page > 1000000) return err::invalid("page", "页码过大");
  }
  if (auto s = req.query_param("page_size")) {
    SZ_ASSIGN(p.size, positive_int(*s, "page_size", "每页条数"));
    if (p.size > 100) return err::invalid("page_size", "每页条数不能超过100");
  }
  return p;
}

bj::object page_reply(bj::array items, int64_t total, const Page& p) {
  return bj::object{{"items", std::move(items)}, {"total", total}, {"page", p.page}, {"page_size", p.size}};
}

Result<std::optional<int64_t>> id_query(const http::Request& req, const std::string& name, const std::string& label) {
  auto s = req.query_param(name);
  if (!s || s->empty()) return std::optional<int64_t>{};
  SZ_ASSIGN(int64_t v, positive_int(*s, name, label));
  return std::optional<int64_t>{v};
}

Result<std::string> day_query(const http::Request& req, const std::string& name, const std::string& label) {
  auto s = req.query_param(name);
  if (!s || s->empty()) return std::string();
  if (!day_number(*s)) return err::invalid(name, label + "应为有效日期 YYYY-MM-DD");
  return *s;
}

Result<int64_t> id_param(const http::Request& req, const std::string& name) {
  auto it = req.path_params.find(name);
  if (it == req.path_params.end()) return err::not_found("记录不存在");
  auto v = positive_int(it->second, name, "编号");
  if (!v) return err::not_found("记录不存在");
  return v;
}

}  // namespace sz::json
