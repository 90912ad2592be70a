#include "documents/service.h"

#include <zip.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "audit/service.h"
#include "documents/rules.h"
#include "infra/crypto.h"
#include "infra/text.h"

namespace sz::documents {

namespace bj = boost::json;
namespace fs = std::filesystem;

void peek(const std::string& path, std::string* head, std::vector<std::string>* entries) {
  std::ifstream in(path, std::ios::binary);
  head->resize(64);
  in.read(head->data(), 64);
  head->resize(static_cast<size_t>(in.gcount()));
  if (head->rfind("PK\x03\x04", 0) != 0) return;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return;
  zip_int64_t n = std::min<zip_int64_t>(zip_get_num_entries(z, 0), 10000);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0)) entries->emplace_back(name);
  zip_close(z);
}

Result<int64_t> Service::check(db::Connection& c, const auth::Principal& p, const std::string& type,
                               const std::string& id, Access need) {
  auto it = checks_.find(type);
  if (it == checks_.end()) return err::invalid("entity_type", "不支持为该类记录上传资料：" + type);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
    return err::invalid("entity_id", "记录编号应为数字");
  int64_t n = std::stoll(id);
  SZ_TRY(it->second(c, p, n, need == Access::write));
  return n;
}

std::string Service::path_of(const std::string& sha) const {
  return (fs::path(dir_) / sha.substr(0, 2) / sha.substr(2, 2) / sha).string();
}

Status Service::may_upload(const auth::Principal& p, const std::string& type, const std::string& entity_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(check(*c, p, type, entity_id, Access::write));
  return ok();
}

Result<store::Document> Service::upload(const auth::Principal& p, const auth::Origin& from, const std::string& type,
                                        const std::string& entity_id, const std::string& raw_name,
                                        const std::string& note, const std::string& temp_path) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(check(*c, p, type, entity_id, Access::write));
  if (temp_path.empty()) return err::invalid("file", "请把文件作为请求体上传");
  // Refused, not cleaned: a name that reads otherwise than it is ("invoice\u202efdp.exe") is the uploader's to fix.
  if (auto why = text::hidden_problem(raw_name, false)) return err::invalid("name", "文件名" + *why);
  std::string head;
  std::vector<std::string> entries;
  peek(temp_path, &head, &entries);
  if (head.empty()) return err::invalid("file", "上传的文件为空");
  auto kind = detect(head, entries);
  if (!kind)
    return err::invalid("file", "不支持的文件类型（按文件内容识别）：仅接受 PDF、图片、Office 文档、ZIP 压缩包和 MP4 视频");
  crypto::FileDigests digests;
  if (!crypto::digest_file(temp_path, &digests)) return err::internal("cannot read upload " + temp_path);
  // Content-addressed: the same bytes are stored once, whatever they are called and wherever attached.
  std::string stored = path_of(digests.sha256);
  std::error_code ec;
  fs::create_directories(fs::path(stored).parent_path(), ec);
  if (!fs::exists(stored)) {
    fs::rename(temp_path, stored, ec);
    if (ec) {
      fs::copy_file(temp_path, stored, ec);
      if (ec) return err::internal("cannot store document: " + ec.message());
    }
  }
  store::Document d;
  d.entity_type = type;
  d.entity_id = entity_id;
  d.name = sanitize_name(raw_name, *kind);
  d.content_type = kind->mime;
  d.type_label = kind->label;
  d.size = static_cast<int64_t>(digests.size);
  d.sha256 = digests.sha256;
  d.sm3 = digests.sm3;
  d.note = note;
  d.uploaded_by = p.user_id;
  d.uploaded_at = clock_.now();
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(d.version, store::next_version(*c, type, entity_id, d.name));
  SZ_ASSIGN(d.id, store::insert(*c, d));
  bj::object after{{"entity_type", type}, {"entity_id", entity_id}, {"name", d.name}, {"version", d.version},
                   {"content_type", d.content_type}, {"size", d.size}, {"sha256", d.sha256}, {"sm3", d.sm3}};
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "document.upload", "document", std::to_string(d.id), "",
                       bj::serialize(after)));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto saved, store::find(*c, d.id));
  return *saved;
}

Result<std::vector<store::Document>> Service::list(const auth::Principal& p, const std::string& type,
                                                   const std::string& entity_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(check(*c, p, type, entity_id, Access::read));
  return store::for_entity(*c, type, entity_id);
}

Result<std::pair<store::Document, std::string>> Service::open(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto d, store::find(*c, id));
  if (!d) return err::not_found("资料不存在");
  SZ_TRY(check(*c, p, d->entity_type, d->entity_id, Access::read));
  std::string path = path_of(d->sha256);
  if (!fs::exists(path)) return err::not_found("资料文件已不在存储中，请联系管理员");
  return std::make_pair(*d, path);
}

Status internal::check_attached(db::Connection& c, int64_t document_id, const std::string& entity_type,
                                int64_t entity_id, const std::string& field) {
  SZ_ASSIGN(auto d, store::find(c, document_id));
  if (!d || d->entity_type != entity_type || d->entity_id != std::to_string(entity_id))
    return err::invalid(field, "资料 " + std::to_string(document_id) + " 不存在或不属于本记录，请先上传到本记录");
  return ok();
}

Result<std::vector<store::Document>> Service::public_list(const std::string& type, const std::string& id) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::for_entity(*c, type, id);
}

Result<std::pair<store::Document, std::string>> Service::public_open(int64_t doc_id, const std::string& type,
                                                                     const std::string& id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto d, store::find(*c, doc_id));
  if (!d || d->entity_type != type || d->entity_id != id) return err::not_found("附件不存在");
  return std::make_pair(*d, path_of(d->sha256));
}

}  // namespace sz::documents
