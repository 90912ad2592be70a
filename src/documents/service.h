// Use cases of documents: upload (already streamed to a temporary file by the server), list and download,
// each checked against the caller's access to the record the file belongs to.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "documents/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::documents {

enum class Access { read, write };
// Who may read or attach files to a record of one type; wired by app/ to the owning area's service.
// Whether the caller may read (write = false) or attach to (write = true) one record: the owning area's own
// `authorize`, as its routes use it.
using AccessCheck = std::function<Status(db::Connection&, const auth::Principal&, int64_t entity_id, bool write)>;

// What detect() reads of an uploaded file: its first bytes and, when it is a zip, the names of its entries (capped).
void peek(const std::string& path, std::string* head, std::vector<std::string>* entries);

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, std::string dir)
      : db_(std::move(db)), clock_(clock), dir_(std::move(dir)) {}
  // The kinds of record documents may be attached to, each with who may read and attach: added by the area that
  // keeps that kind of record (its module's install).
  void add_owner(const std::string& entity_type, AccessCheck check) { checks_[entity_type] = std::move(check); }

  Result<store::Document> upload(const auth::Principal& p, const auth::Origin& from, const std::string& entity_type,
                                 const std::string& entity_id, const std::string& name, const std::string& note,
                                 const std::string& temp_path);
  // Whether the caller may attach files to the record: judged from the upload's header, before its body is read.
  Status may_upload(const auth::Principal& p, const std::string& entity_type, const std::string& entity_id);
  Result<std::vector<store::Document>> list(const auth::Principal& p, const std::string& entity_type,
                                            const std::string& entity_id);
  // The document and the stored file's path, for a caller allowed to read it.
  Result<std::pair<store::Document, std::string>> open(const auth::Principal& p, int64_t id);
  // For public pages of a record the caller has found public (a published article): its files, without a principal.
  Result<std::vector<store::Document>> public_list(const std::string& entity_type, const std::string& entity_id);
  Result<std::pair<store::Document, std::string>> public_open(int64_t id, const std::string& entity_type,
                                                              const std::string& entity_id);

 private:
  Result<int64_t> check(db::Connection& c, const auth::Principal& p, const std::string& type, const std::string& id,
                        Access need);
  std::string path_of(const std::string& sha256) const;

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  std::string dir_;
  std::map<std::string, AccessCheck> checks_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// For areas that cite a document from their records (a contract, an invoice): whether it is attached to that
// record; a 422 naming `field` when not.
Status check_attached(db::Connection& c, int64_t document_id, const std::string& entity_type,
                      int64_t entity_id, const std::string& field);
}  // namespace internal

}  // namespace sz::documents
