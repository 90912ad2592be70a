// The server's own small request and response types: handlers and services never see Beast.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sz::http {

struct Request {
  std::string method;                                      // "GET", "POST", …
  std::string path;                                        // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded query parameters, in order
  std::map<std::string, std::string> headers;              // names in lower case
  std::string body;
  std::string body_file;                                   // an upload's body, streamed to this file (see ServerOptions)
  uint64_t body_size = 0;
  std::string peer;                                        // the socket's peer address
  std::string client_ip;                                   // the client: peer, or forwarded by a trusted proxy
  std::string site;                                        // the platform's origin as the client addressed it
  std::string request_id;
  std::map<std::string, std::string> path_params;          // filled by the router: {id} → "42"
  std::string route;                                       // the matched route pattern, for logs and metrics

  std::optional<std::string> header(const std::string& lower_name) const;
  std::optional<std::string> query_param(const std::string& name) const;
  std::optional<std::string> cookie(const std::string& name) const;
  // The Content-Type's media type in lower case, without its parameters ("application/json").
  std::string media_type() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string body_file;                                   // an upload's body, streamed to this file (see ServerOptions)
  uint64_t body_size = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;  // when set, the body is this file, sent from disk
  std::string actor;      // who made the request, for the access log

  void add_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Percent-decoded path and query of a request target through Boost.URL; false for a malformed target (a 400).
bool decode_target(std::string_view target, Request& req);

Response no_content();
// A file from disk sent as a download named `download_name` (UTF-8, RFC 5987), never cached.
Response attachment(const std::string& path, const std::string& content_type, const std::string& download_name);
// RFC 3986 percent-encoding of everything but unreserved characters (for filename*=UTF-8'' headers).
std::string percent_encode(const std::string& s);

}  // namespace sz::http
