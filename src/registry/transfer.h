// Import and export of the registry as spreadsheets (one layout for both, so an export can be fixed and
// re-imported). Both run as background jobs: imports upsert by credit code in batches, commit the valid rows,
// and write the rejected ones with a reason column; exports stream in constant memory within the caller's scope.
#pragma once
#include <string>

#include "infra/jobs/jobs.h"
#include "registry/service.h"

namespace sz::registry {

class Transfer {
 public:
  Transfer(std::shared_ptr<db::Database> db, Service& registry, const Clock& clock, std::string jobs_dir)
      : db_(std::move(db)), registry_(registry), clock_(clock), jobs_dir_(std::move(jobs_dir)) {}

  // Only city admins and district officers import: judged from the upload's header, before its body is read.
  static Status may_import(const auth::Principal& p);
  // Keeps the uploaded file and queues its import.
  Result<jobs::Job> request_import(const auth::Principal& p, const auth::Origin& from, const std::string& upload_path,
                                   const std::string& file_name);
  Result<jobs::Job> request_export(const auth::Principal& p, const auth::Origin& from, const store::Filter& f);

  jobs::Handler import_handler();
  jobs::Handler export_handler();

 private:
  std::shared_ptr<db::Database> db_;
  Service& registry_;
  const Clock& clock_;
  std::string jobs_dir_;
};

}  // namespace sz::registry
