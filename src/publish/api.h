// HTTP side of publishing: the editors' articles, and the public portal — published articles and their files,
// the rate-limited public look-ups, open data as JSON or CSV.
#pragma once
#include "auth/api.h"
#include "documents/service.h"
#include "market/directory.h"
#include "publish/service.h"

namespace sz::publish {

void register_routes(auth::Routes& routes, Service& svc, documents::Service& docs, market::Directory& providers);

}  // namespace sz::publish
