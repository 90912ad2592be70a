// HTTP side of projects (一企一策) and diagnoses.
#pragma once
#include "auth/api.h"
#include "projects/service.h"

namespace sz::projects {

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::projects
