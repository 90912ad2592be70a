// SQL of the industrial internet platforms: the register, API credentials, pushed batches, the enterprises they
// report, and evaluations.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::platforms::store {

struct Platform {
  int64_t id = 0;
  std::string name, operator_name, credit_code, industries_json = "[]", services_json = "[]", url, status = "active";
  int64_t created_at = 0, updated_at = 0;
};
Result<int64_t> insert_platform(db::Connection& c, const Platform& p);
Status update_platform(db::Connection& c, const Platform& p);
Result<std::optional<Platform>> platform(db::Connection& c, int64_t id);
Result<bool> name_taken(db::Connection& c, const std::string& name, int64_t except_id);
// The register (platforms number in the tens per city).
Result<std::vector<Platform>> platforms(db::Connection& c);
Result<int64_t> served(db::Connection& c, int64_t platform_id);

// 标识解析二级节点 (方案三(七)) a platform runs, with the day and body that approved it and the evidence.
struct IdentifierNode {
  int64_t id = 0, platform_id = 0;
  std::string name, prefix, industry_code, approved_on, decided_by, evidence;
  std::optional<int64_t> recorded_by;
  int64_t recorded_at = 0;
  std::string platform_name, recorded_by_name;  // filled when read
};
Result<int64_t> insert_node(db::Connection& c, const IdentifierNode& n);
Result<std::vector<IdentifierNode>> nodes_of(db::Connection& c, std::optional<int64_t> platform_id);
Result<bool> prefix_taken(db::Connection& c, const std::string& prefix);

struct Credential {
  int64_t id = 0, platform_id = 0;
  std::string key_id, secret_hash, scopes_json = "[]", label, created_by;
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at, last_used_at;
};
Result<int64_t> insert_credential(db::Connection& c, const Credential& k);
Result<std::optional<Credential>> credential_by_key(db::Connection& c, const std::string& key_id);
Result<std::vector<Credential>> credentials(db::Connection& c, int64_t platform_id);
Status revoke(db::Connection& c, int64_t id, int64_t at);
Status touch(db::Connection& c, int64_t id, int64_t at);

struct Batch {
  int64_t platform_id = 0;
  std::string batch_id, digest;
  int64_t credential_id = 0, accepted = 0, rejected = 0;
  std::string result_json;
  int64_t received_at = 0;
};
Result<std::optional<Batch>> batch(db::Connection& c, int64_t platform_id, const std::string& batch_id);
// false when another request stored the same batch id first (the caller then replays or refuses).
Result<bool> insert_batch(db::Connection& c, const Batch& b);
Result<std::vector<Batch>> batches(db::Connection& c, int64_t platform_id, int64_t limit);

struct User {
  int64_t platform_id = 0, enterprise_id = 0;
  std::string service, since, batch_id;
  int64_t updated_at = 0;
};
Status upsert_user(db::Connection& c, const User& u);
Result<std::vector<User>> users(db::Connection& c, int64_t platform_id, int64_t limit, int64_t offset, int64_t* total);

struct Evaluation {
  int64_t id = 0, platform_id = 0;
  std::string period, scores_json, grade;
  int64_t total = 0, served_enterprises = 0;
  std::string rules_version, note, evaluated_by;
  int64_t created_at = 0;
  std::string platform_name;
};
Result<bool> evaluation_exists(db::Connection& c, int64_t platform_id, const std::string& period);
Result<int64_t> insert_evaluation(db::Connection& c, const Evaluation& e);
// By period (all when empty), best first.
Result<std::vector<Evaluation>> evaluations(db::Connection& c, const std::string& period);

}  // namespace sz::platforms::store
