#include "market/service.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "registry/credit_code.h"

namespace sz::market::internal {

Result<int64_t> create_provider_as(db::Connection& c, const audit::Actor& actor, const store::Provider& p,
                                   int64_t now) {
  if (auto why = registry::credit_code_problem(p.credit_code)) return err::invalid("credit_code", *why);
  SZ_ASSIGN(auto tx, db::Transaction::begin(c));
  SZ_ASSIGN(int64_t id, store::insert_provider(c, p, now));
  boost::json::object after{{"id", id}, {"name", p.name}, {"credit_code", p.credit_code}, {"kind", p.kind},
                            {"in_zhengzhou", p.in_zhengzhou}};
  SZ_TRY(audit::record(c, now, actor, "provider.create", "provider", std::to_string(id), "",
                       boost::json::serialize(after)));
  SZ_TRY(tx->commit());
  return id;
}

Result<bool> provider_exists(db::Connection& c, int64_t id) { return store::provider_exists(c, id); }

Result<std::optional<store::Provider>> find_provider(db::Connection& c, int64_t id) { return store::provider_by_id(c, id); }

Result<std::vector<store::Provider>> provider_directory(db::Connection& c) { return store::providers(c, 1000); }

Result<std::vector<store::ProviderRecord>> listed_serving(db::Connection& c, const std::string& industry) {
  store::DirectoryFilter f;
  f.listed_only = true;
  f.industry = industry;
  return store::records(c, f, 1000);
}

}  // namespace sz::market::internal
