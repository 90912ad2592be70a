// Use cases of information publishing (信息发布) and the public portal: articles through draft → review →
// published, public look-ups of enterprises and providers held to one query per client per interval, and open data
// by district × industry with small cells suppressed. Authorisation here.
#pragma once
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/workflow.h"
#include "publish/rules.h"
#include "publish/store.h"
#include "catalog/service.h"
#include "projects/service.h"
#include "registry/service.h"

namespace sz::publish {

struct ArticleInput {
  std::optional<std::string> kind, title, summary, body, industry;
};

struct PublicEnterprise {
  std::string name, district, industry, stage;
};

struct PublicProvider {
  int64_t id = 0;
  std::string name, kind_name;
  bool in_zhengzhou = false;
};

// One open-data table: rows are districts, columns industries; nullopt where suppressed.
struct OpenTable {
  std::string title;
  std::vector<std::string> rows, columns;  // names
  std::vector<std::vector<std::optional<int64_t>>> cells;
  std::vector<std::optional<int64_t>> row_totals, column_totals;
  std::optional<int64_t> grand_total;
};

class Service {
 public:
  // `interval`: seconds between two public look-ups of one client (the seed's "查询间隔10秒").
  // `review`: an article's way to the portal (data/article-review.json), parties "author" and "city_admin".
  Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry, projects::Service& projects,
          catalog::Service& catalog, int64_t interval, workflow::Workflow review)
      : db_(std::move(db)),
        clock_(clock),
        registry_(registry),
        projects_(projects),
        catalog_(catalog),
        interval_(interval),
        review_(std::move(review)) {}
  // The review workflow, refused when it names a guard the service does not check.
  static Result<workflow::Workflow> parse_review(std::string_view json);
  const workflow::Workflow& review_workflow() const { return review_; }
  int64_t interval() const { return interval_; }

  Result<store::Article> create(const auth::Principal& p, const auth::Origin& from, const ArticleInput& in);
  Result<store::Article> edit(const auth::Principal& p, const auth::Origin& from, int64_t id, const ArticleInput& in);
  Result<store::Article> move(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& action,
                              const std::string& reason);
  Result<std::vector<store::Article>> list(const auth::Principal& p, store::ArticleFilter f, int64_t limit,
                                           int64_t offset, int64_t* total);
  Result<store::Article> get(const auth::Principal& p, int64_t id);
  // The moves the caller may take on `a` now.
  std::vector<const workflow::Move*> actions(const auth::Principal& p, const store::Article& a) const;
  Result<std::vector<store::ArticleEvent>> history(const auth::Principal& p, int64_t id);

  // The public portal (no login).
  Result<std::vector<store::Article>> published(const std::string& kind, int64_t limit, int64_t offset, int64_t* total);
  Result<store::Article> published_one(int64_t id);

  // The interval rule for every public look-up: nullopt when the client may query now, else the seconds to wait.
  Result<std::optional<int64_t>> admit(const std::string& client);
  Result<std::vector<PublicEnterprise>> find_enterprises(const std::string& q);
  Result<std::vector<PublicProvider>> find_providers(const std::string& q);
  Result<std::vector<catalog::ProductView>> find_products(const std::string& q) { return catalog_.public_products(q); }
  const catalog::Service& catalog() const { return catalog_; }

  // Pilot enterprises and transformed (accepted at 二级) enterprises by district × industry, suppressed.
  Result<std::vector<OpenTable>> open_data();

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  registry::Service& registry_;
  projects::Service& projects_;
  catalog::Service& catalog_;
  int64_t interval_;
  workflow::Workflow review_;
  std::atomic<int64_t> last_cleanup_{0};
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// Who may attach files to an article (documents): its editors while it is a draft; read: editors, or anyone once
// published (the public routes check that themselves).
Status authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write);
}  // namespace internal

}  // namespace sz::publish
