// HTTP side of projects (一企一策) and diagnoses.
#pragma once
#include "auth/api.h"
#include "documents/service.h"
#include "projects/service.h"

namespace sz::projects {

// `docs` serves the project's files into its archive (一企一档), written under `work_dir`.
void register_routes(auth::Routes& routes, Service& svc, documents::Service& docs, const std::string& work_dir);
// The body of POST /projects (declaring a project with its plan); every shape error or unknown field is a 422.
Result<NewProject> new_project_input(const boost::json::object& o);

}  // namespace sz::projects
