// Use cases of the industrial internet platforms: the city admin registers platforms and their services, issues and
// revokes scoped API keys, and records evaluations; a platform, with its key, pushes the enterprises that use it
// (上云用平台) in idempotent batches that mark them on the cloud (indicator 4). Every key use is audited.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "platforms/rules.h"
#include "platforms/store.h"
#include "registry/service.h"

namespace sz::platforms {

struct PlatformService {
  std::string name, kind, description;  // kind: saas | onsite | maintenance (项目建设、平台服务、项目运维)
};
struct PlatformInput {
  std::optional<std::string> name, operator_name, credit_code, url, status;
  std::optional<std::vector<std::string>> industries;
  std::optional<std::vector<PlatformService>> services;
};
struct PlatformView {
  store::Platform platform;
  int64_t served = 0;  // enterprises it has reported
  std::vector<store::IdentifierNode> nodes;  // 标识解析二级节点 it runs
};
struct IssuedKey {
  store::Credential credential;
  std::string key;  // shown once: only its hash is kept
};
// Who is pushing: a platform through one of its keys.
struct Caller {
  store::Platform platform;
  store::Credential credential;
};
struct ItemOutcome {
  std::string credit_code, status, reason;  // status: accepted | rejected
  std::optional<int64_t> enterprise_id;
};
struct BatchOutcome {
  std::string batch_id;
  int64_t accepted = 0, rejected = 0;
  std::vector<ItemOutcome> items;
  bool replay = false;  // the same batch again: the first outcome, nothing written twice
  int64_t received_at = 0;
};
struct UserView {
  store::User user;
  std::string enterprise_name, credit_code;
};
struct EvaluationInput {
  std::string period, note;
  std::map<std::string, int64_t> scores;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry, EvaluationRules rules)
      : db_(std::move(db)), clock_(clock), registry_(registry), rules_(std::move(rules)) {}
  static Result<EvaluationRules> parse_rules(std::string_view json);
  const EvaluationRules& rules() const { return rules_; }

  Result<PlatformView> create(const auth::Principal& p, const auth::Origin& from, const PlatformInput& in);
  Result<PlatformView> edit(const auth::Principal& p, const auth::Origin& from, int64_t id, const PlatformInput& in);
  Result<PlatformView> get(int64_t id);
  Result<std::vector<PlatformView>> list();

  Result<IssuedKey> issue_key(const auth::Principal& p, const auth::Origin& from, int64_t platform_id,
                              const std::string& label, const std::vector<std::string>& scopes);
  Result<std::vector<store::Credential>> keys(const auth::Principal& p, int64_t platform_id);
  Status revoke_key(const auth::Principal& p, const auth::Origin& from, int64_t platform_id, int64_t credential_id);
  Result<std::vector<store::Batch>> batches(const auth::Principal& p, int64_t platform_id);
  Result<std::vector<UserView>> users(const auth::Principal& p, int64_t platform_id, int64_t limit, int64_t offset,
                                      int64_t* total);

  // The key presented in `Authorization: Bearer szp_…`, allowed `scope`: 401 when unknown or revoked, 403 without the
  // scope or when the platform is suspended.
  Result<Caller> authenticate(const std::optional<std::string>& authorization, const std::string& scope);
  Result<BatchOutcome> push(const Caller& caller, const auth::Origin& from, const std::string& batch_id,
                            const std::vector<CloudItem>& items);
  Result<std::vector<UserView>> own_users(const Caller& caller, int64_t limit, int64_t offset, int64_t* total);

  Result<store::Evaluation> evaluate(const auth::Principal& p, const auth::Origin& from, int64_t platform_id,
                                     const EvaluationInput& in);
  Result<std::vector<store::Evaluation>> evaluations(const std::string& period);
  // A 标识解析二级节点 the platform runs (三(七)), recorded by the city admin with its approval and evidence.
  Result<store::IdentifierNode> add_node(const auth::Principal& p, const auth::Origin& from, store::IdentifierNode n);
  // Every node, for the records page and the 通报.
  Result<std::vector<store::IdentifierNode>> nodes();

 private:
  Status apply(db::Connection& c, const PlatformInput& in, store::Platform& pl);
  Result<std::vector<UserView>> user_page(db::Connection& c, int64_t platform_id, int64_t limit, int64_t offset,
                                          int64_t* total);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  registry::Service& registry_;
  EvaluationRules rules_;
};

}  // namespace sz::platforms
