// Which address a request comes from: the peer, or — only when the peer is a proxy the configuration
// trusts — the nearest untrusted address in X-Forwarded-For.
#pragma once
#include <string>
#include <vector>

namespace sz::http {

std::string client_ip(const std::string& peer, const std::string& forwarded_for, const std::vector<std::string>& trusted);

}  // namespace sz::http
