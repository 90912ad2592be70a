// Errors as values at the boundaries (DESIGN.md): rules, stores and services return Result<T>;
// one mapping in infra/http turns an Error into a status and a JSON body.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sz {

struct Error {
  int status = 500;      // HTTP status the boundary will answer with
  std::string code;      // stable machine code, e.g. "validation_failed"
  std::string message;   // Chinese message shown to the user
  std::string field;     // the offending field, when there is one
  std::string detail;    // for the log only, never sent to the client
  int64_t retry_after = 0;  // seconds, sent as Retry-After when positive (429, 423, 503)
};

namespace err {
inline Error bad_request(std::string code, std::string msg) { return {400, std::move(code), std::move(msg), {}, {}}; }
inline Error unauthorized(std::string msg) { return {401, "unauthorized", std::move(msg), {}, {}}; }
inline Error forbidden(std::string msg) { return {403, "forbidden", std::move(msg), {}, {}}; }
inline Error not_found(std::string msg) { return {404, "not_found", std::move(msg), {}, {}}; }
inline Error conflict(std::string field, std::string msg) { return {409, "conflict", std::move(msg), std::move(field), {}}; }
inline Error invalid(std::string field, std::string msg) {
  return {422, "validation_failed", std::move(msg), std::move(field), {}};
}
inline Error locked(std::string msg) { return {423, "locked", std::move(msg), {}, {}}; }
inline Error internal(std::string detail) { return {500, "internal", "服务器内部错误，请稍后重试", {}, std::move(detail)}; }
inline Error too_many(std::string msg, int64_t retry_after) {
  return {429, "too_many_requests", std::move(msg), {}, {}, retry_after};
}
inline Error unavailable(std::string detail) {
  return {503, "unavailable", "服务暂时不可用，请稍后重试", {}, std::move(detail)};
}
}  // namespace err

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  Error&& take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok() { return Ok{}; }

// Propagate an error from an expression returning Result<...>.
#define SZ_TRY(expr)                                        \
  do {                                                      \
    auto sz_try_r_ = (expr);                                \
    if (!sz_try_r_.ok()) return sz_try_r_.take_error();     \
  } while (0)

#define SZ_CONCAT_INNER(a, b) a##b
#define SZ_CONCAT(a, b) SZ_CONCAT_INNER(a, b)
#define SZ_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.take_error();        \
  lhs = std::move(tmp).value()
// SZ_ASSIGN(auto x, store.find(id));  — two statements: never the unbraced body of an if, else or for.
#define SZ_ASSIGN(lhs, expr) SZ_ASSIGN_OR_RETURN_IMPL(SZ_CONCAT(sz_r_, __LINE__), lhs, expr)

}  // namespace sz
