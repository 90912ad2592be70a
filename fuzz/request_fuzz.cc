// What the server parses itself from a request head, before any handler: the target (Boost.URL, then our query
// readers), cookies, X-Forwarded-For behind a trusted proxy, and the router's path patterns.
// Input: target \n cookie header \n X-Forwarded-For \n peer address.
#include <cstdint>

#include "fuzz_input.h"
#include "infra/http/client_ip.h"
#include "infra/http/router.h"
#include "infra/json.h"

namespace {
sz::http::Router make_router() {
  sz::http::Router r;
  auto none = [](sz::http::Request&) { return sz::http::Response{}; };
  for (const char* p : {"/api/v1/enterprises", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{id}/withdrawals",
                        "/api/v1/projects/{id}/plans/{version}/decision", "/api/v1/documents/{id}/content",
                        "/api/v1/health"}) {
    r.add("GET", p, none);
    r.add("POST", p, none);
  }
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sz::http::Router router = make_router();
  auto f = sz::fuzz::fields(data, size, 4);
  sz::http::Request req;
  req.method = "GET";
  req.headers["cookie"] = f[1];
  if (!sz::http::decode_target(f[0], req)) return 0;
  const sz::http::Route* route = nullptr;
  if (router.match(req, &route) == sz::http::Router::Match::found) {
    (void)sz::json::id_param(req);
    (void)sz::json::id_param(req, "version");
  }
  (void)sz::json::page_of(req);
  (void)sz::json::id_query(req, "enterprise_id", "企业编号");
  (void)sz::json::day_query(req, "as_of", "日期");
  (void)req.cookie("sz_session");
  (void)req.cookie("sz_csrf");
  std::string ip = sz::http::client_ip(f[3], f[2], {"127.0.0.1", "10.0.0.2"});
  if (ip.empty() && !f[3].empty()) __builtin_trap();  // a client address is never lost
  return 0;
}
