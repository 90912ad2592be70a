// HTTP side of projects (一企一策) and diagnoses.
#pragma once
#include "auth/api.h"
#include "documents/service.h"
#include "projects/service.h"

namespace sz::projects {

// `docs` serves the project's files into its archive (一企一档), written under `work_dir`.
void register_routes(auth::Routes& routes, Service& svc, documents::Service& docs, const std::string& work_dir);

}  // namespace sz::projects
