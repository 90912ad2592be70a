// Routes by method and pattern ("/api/v1/enterprises/{id}"). Knows nothing of auth or JSON:
// app/ wraps each handler with authentication and error mapping.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "infra/http/message.h"

namespace sz::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  std::vector<std::string> segments;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h);
  enum class Match { found, no_path, wrong_method };
  // On a match fills req.path_params and req.route.
  Match match(Request& req, const Route** out) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace sz::http
