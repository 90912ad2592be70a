// Routes by method and pattern ("/api/v1/enterprises/{id}"). Knows nothing of auth or JSON:
// app/ wraps each handler with authentication and error mapping.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "infra/http/message.h"

namespace sz::http {

using Handler = std::function<Response(Request&)>;
// Judges an upload from its header alone, before the body is read: a Response refuses it.
using Admission = std::function<std::optional<Response>(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  std::vector<std::string> segments;
  Admission admit;  // upload routes only
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h, Admission admit = {});
  enum class Match { found, no_path, wrong_method };
  // On a match fills req.path_params and req.route.
  Match match(Request& req, const Route** out) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace sz::http
