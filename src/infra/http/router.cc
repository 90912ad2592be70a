#include "infra/http/router.h"

namespace sz::http {
namespace {
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
}  // namespace

void Router::add(std::string method, std::string pattern, Handler h, Admission admit) {
  auto segs = split_path(pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(h), std::move(segs), std::move(admit)});
}

Router::Match Router::match(Request& req, const Route** out) const {
  auto segs = split_path(req.path);
  bool path_seen = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool fits = true;
    for (size_t i = 0; i < segs.size() && fits; ++i) {
      if (is_param(r.segments[i]))
        params[r.segments[i].substr(1, r.segments[i].size() - 2)] = segs[i];
      else
        fits = r.segments[i] == segs[i];
    }
    if (!fits) continue;
    path_seen = true;
    if (r.method != req.method) continue;
    req.path_params = std::move(params);
    req.route = r.pattern;
    *out = &r;
    return Match::found;
  }
  return path_seen ? Match::wrong_method : Match::no_path;
}

}  // namespace sz::http
