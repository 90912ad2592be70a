// HTTP side of documents: upload (the body is the file), list by record, download.
#pragma once
#include "auth/api.h"
#include "documents/service.h"

namespace sz::documents {
void register_routes(auth::Routes& routes, Service& docs);
}
