#include "infra/http/client_ip.h"

#include <algorithm>
#include <boost/url/parse.hpp>

namespace sz::http {

namespace {
std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  size_t b = s.find_last_not_of(" \t");
  return a == std::string_view::npos ? "" : std::string(s.substr(a, b - a + 1));
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The first of a proxy header's comma-separated values: the one the client-facing proxy wrote.
std::string first_value(std::string_view v) { return trim(v.substr(0, v.find(','))); }

// scheme://host[:port] in lower case, without the scheme's default port, so that the forms browsers and proxies
// write compare equal.
std::string normal_origin(const std::string& scheme, std::string host_port) {
  host_port = lower(std::move(host_port));
  const std::string default_port = scheme == "https" ? ":443" : ":80";
  if (host_port.size() > default_port.size() && host_port.ends_with(default_port))
    host_port.resize(host_port.size() - default_port.size());
  return scheme + "://" + host_port;
}
}  // namespace

bool is_trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), peer) != trusted.end();
}

std::string client_ip(const std::string& peer, const std::string& forwarded_for, const std::vector<std::string>& trusted) {
  if (forwarded_for.empty() || !is_trusted_proxy(peer, trusted)) return peer;
  // Walk right to left: each hop was added by the proxy before it; stop at the first we do not trust. A view, not
  // a shrinking copy: a header of thousands of trusted hops costs one pass, not one copy per hop.
  std::string_view chain = forwarded_for;
  while (!chain.empty()) {
    auto comma = chain.rfind(',');
    std::string hop = trim(comma == std::string_view::npos ? chain : chain.substr(comma + 1));
    chain = comma == std::string_view::npos ? std::string_view{} : chain.substr(0, comma);
    if (hop.empty()) continue;
    if (!is_trusted_proxy(hop, trusted)) return hop;
  }
  return peer;
}

std::string addressed_origin(const Request& req, const std::vector<std::string>& trusted) {
  std::string scheme = "http", host = req.header("host").value_or("");
  if (is_trusted_proxy(req.peer, trusted)) {
    if (auto h = req.header("x-forwarded-host"); h && !first_value(*h).empty()) host = first_value(*h);
    if (auto p = req.header("x-forwarded-proto"); p && lower(first_value(*p)) == "https") scheme = "https";
  }
  return host.empty() ? "" : normal_origin(scheme, host);
}

std::string origin_of_url(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u || !u->has_authority() || u->host().empty()) return "";
  std::string scheme = lower(std::string(u->scheme()));
  if (scheme != "http" && scheme != "https") return "";
  return normal_origin(scheme, std::string(u->encoded_host_and_port()));
}

Provenance provenance(const Request& req) {
  std::string from;
  if (auto o = req.header("origin"))
    from = origin_of_url(*o);  // "null" (a sandboxed or privacy-stripped page) is no site
  else if (auto r = req.header("referer"))
    from = origin_of_url(*r);
  else
    return Provenance::unstated;
  return !from.empty() && from == req.site ? Provenance::same_site : Provenance::cross_site;
}

}  // namespace sz::http
