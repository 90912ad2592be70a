// Serves the built front end (web/dist): files by path, index.html for the app's own routes.
#pragma once
#include <string>

#include "infra/http/message.h"

namespace sz::http {

Response serve_static(const std::string& root, const Request& req);

}  // namespace sz::http
