// HTTP side of documents: upload (the body is the file), list by record, download.
#pragma once
#include "auth/api.h"
#include "documents/service.h"

namespace sz::documents {
void register_routes(auth::Routes& routes, Service& docs);
// A stored file as a download: always an attachment, never rendered in the platform's own origin.
http::Response file_response(const store::Document& d, const std::string& path);
}
