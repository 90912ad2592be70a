#include "infra/http/client_ip.h"

#include <algorithm>

namespace sz::http {

namespace {
std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t");
  size_t b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}
bool is_trusted(const std::string& ip, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), ip) != trusted.end();
}
}  // namespace

std::string client_ip(const std::string& peer, const std::string& forwarded_for, const std::vector<std::string>& trusted) {
  if (forwarded_for.empty() || !is_trusted(peer, trusted)) return peer;
  // Walk right to left: each hop was added by the proxy before it; stop at the first we do not trust.
  std::string chain = forwarded_for;
  while (!chain.empty()) {
    auto comma = chain.rfind(',');
    std::string hop = trim(comma == std::string::npos ? chain : chain.substr(comma + 1));
    chain = comma == std::string::npos ? "" : chain.substr(0, comma);
    if (hop.empty()) continue;
    if (!is_trusted(hop, trusted)) return hop;
  }
  return peer;
}

}  // namespace sz::http
