// Where a request comes from and which site it addressed: the peer, or — only when the peer is a proxy the
// configuration trusts — what that proxy forwarded (X-Forwarded-For, -Host, -Proto).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "infra/http/message.h"

namespace sz::http {

bool is_trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted);

std::string client_ip(const std::string& peer, const std::string& forwarded_for, const std::vector<std::string>& trusted);

// The platform's origin as the client addressed it ("https://szzx.example.gov.cn"): scheme and host from a trusted
// proxy's X-Forwarded-Proto and X-Forwarded-Host, else http and the Host header; default ports left out.
std::string addressed_origin(const Request& req, const std::vector<std::string>& trusted);

// "HTTPS://Host:443/path?q" → "https://host"; "" when `url` is not an absolute http(s) URL.
std::string origin_of_url(std::string_view url);

// Whether a browser request came from a page of the site `req.site`: by its Origin header, else its Referer.
// Browsers send Origin on every write; a request with neither is not from a browser page.
enum class Provenance { same_site, cross_site, unstated };
Provenance provenance(const Request& req);

}  // namespace sz::http
