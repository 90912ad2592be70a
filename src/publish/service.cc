#include "publish/service.h"

#include <boost/json.hpp>
#include <map>

#include "audit/service.h"
#include "infra/text.h"
#include "market/directory.h"
#include "market/service.h"
#include "projects/service.h"

namespace sz::publish {

namespace bj = boost::json;

namespace {
bool editor(const auth::Principal& p) {
  return p.has(auth::Role::city_admin) || (p.has(auth::Role::district_officer) && p.district);
}

Status check_input(const ArticleInput& in, bool creating) {
  if (creating && (!in.kind || !in.title)) return err::invalid(!in.kind ? "kind" : "title", "请填写类型和标题");
  if (in.kind && !valid_kind(*in.kind)) return err::invalid("kind", "类型应为 notice（通知公告）、policy（政策文件）或 case（典型案例）");
  if (in.title && (text::trim(*in.title).empty() || text::utf8_length(*in.title) > 100))
    return err::invalid("title", "标题应为1–100个字符");
  if (in.summary && text::utf8_length(*in.summary) > 300) return err::invalid("summary", "摘要不能超过300个字符");
  if (in.body && text::utf8_length(*in.body) > 20000) return err::invalid("body", "正文不能超过20000个字符");
  for (const auto* v : {&in.title, &in.summary, &in.body})
    if (*v && !text::valid_utf8(**v)) return err::invalid("body", "文本不是有效的 UTF-8");
  return ok();
}

std::string audit_json(const store::Article& a) {
  return bj::serialize(bj::object{{"kind", a.kind}, {"title", a.title}, {"state", a.state}});
}
}  // namespace

Result<store::Article> Service::create(const auth::Principal& p, const auth::Origin& from, const ArticleInput& in) {
  if (!editor(p)) return err::forbidden("只有市级管理员和区县专班可以撰写发布内容");
  SZ_TRY(check_input(in, true));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  store::Article a;
  a.kind = *in.kind;
  a.title = text::trim(*in.title);
  a.summary = in.summary.value_or("");
  a.body = in.body.value_or("");
  a.industry_code = in.industry;
  a.state = "draft";
  a.author_id = p.user_id;
  a.author_name = p.display_name;
  a.created_at = a.updated_at = clock_.now();
  SZ_ASSIGN(a.id, store::insert_article(*c, a));
  SZ_TRY(store::insert_event(*c, a.id, {"create", "", "draft", p.display_name, "", a.created_at}));
  SZ_TRY(audit::record(*c, a.created_at, auth::actor_of(p, from), "article.create", "article", std::to_string(a.id), "",
                       audit_json(a)));
  SZ_TRY(tx->commit());
  return a;
}

Result<store::Article> Service::edit(const auth::Principal& p, const auth::Origin& from, int64_t id, const ArticleInput& in) {
  SZ_TRY(check_input(in, false));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto a, store::article(*c, id));
  if (!a) return err::not_found("发布内容不存在");
  if (!p.has(auth::Role::city_admin) && !(editor(p) && a->author_id == p.user_id))
    return err::forbidden("只能修改本人撰写的内容");
  if (a->state != "draft") return err::conflict("state", "「" + review_.state_name(a->state) + "」的内容不能修改，请先退回草稿");
  store::Article before = *a;
  if (in.kind) a->kind = *in.kind;
  if (in.title) a->title = text::trim(*in.title);
  if (in.summary) a->summary = *in.summary;
  if (in.body) a->body = *in.body;
  if (in.industry) a->industry_code = in.industry->empty() ? std::nullopt : in.industry;
  a->updated_at = clock_.now();
  SZ_TRY(store::update_article(*c, *a));
  SZ_TRY(audit::record(*c, a->updated_at, auth::actor_of(p, from), "article.update", "article", std::to_string(id),
                       audit_json(before), audit_json(*a)));
  SZ_TRY(tx->commit());
  return *a;
}

Result<workflow::Workflow> Service::parse_review(std::string_view json) {
  return workflow::parse(json, "article-review.json", {"body_written"});
}

namespace {
workflow::Parties parties_of(const auth::Principal& p, const store::Article& a) {
  workflow::Parties out;
  if (p.has(auth::Role::city_admin)) out.insert("city_admin");
  if (editor(p) && a.author_id == p.user_id) out.insert("author");
  return out;
}

// The guards the service checks (parse_review lets no other through): a notice may be only a title and attachments.
workflow::Holding holding(const store::Article& a) {
  workflow::Holding out;
  if (!text::trim(a.body).empty() || a.kind == "notice") out.insert("body_written");
  return out;
}
}  // namespace

std::vector<const workflow::Move*> Service::actions(const auth::Principal& p, const store::Article& a) const {
  const workflow::Holding holds = holding(a);
  return workflow::open_moves(review_, a.state, parties_of(p, a), &holds);
}

Result<store::Article> Service::move(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                     const std::string& action, const std::string& reason) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto a, store::article(*c, id));
  if (!a) return err::not_found("发布内容不存在");
  const workflow::Holding holds = holding(*a);
  SZ_ASSIGN(const workflow::Move* m, workflow::decide_or_error(review_, a->state, action, parties_of(p, *a), &holds));
  if (m->needs_reason && text::trim(reason).empty()) return err::invalid("reason", "「" + m->name + "」须说明原因");
  store::Article before = *a;
  int64_t now = clock_.now();
  a->state = m->to;
  a->updated_at = now;
  if (m->tagged("review")) {
    a->reviewer_id = p.user_id;
    a->review_note = text::trim(reason);
  }
  if (a->state == "published") a->published_at = now;
  SZ_TRY(store::update_article(*c, *a));
  SZ_TRY(store::insert_event(*c, id, {action, before.state, a->state, p.display_name, text::trim(reason), now}));
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "article." + action, "article", std::to_string(id),
                       audit_json(before), audit_json(*a)));
  SZ_TRY(tx->commit());
  return *a;
}

Result<std::vector<store::Article>> Service::list(const auth::Principal& p, store::ArticleFilter f, int64_t limit,
                                                  int64_t offset, int64_t* total) {
  if (!editor(p)) return err::forbidden("只有市级管理员和区县专班可以管理发布内容");
  if (!p.has(auth::Role::city_admin)) f.author_id = p.user_id;
  SZ_ASSIGN(auto* c, db_->local());
  return store::articles(*c, f, limit, offset, total);
}

Status internal::authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write) {
  SZ_ASSIGN(auto a, store::article(c, id));
  if (!a) return err::not_found("发布内容不存在");
  bool own = editor(p) && (p.has(auth::Role::city_admin) || a->author_id == p.user_id);
  if (write) {
    if (!own) return err::forbidden("只能为本人撰写的内容上传附件");
    if (a->state != "draft") return err::conflict("state", "只有草稿可以增加附件");
    return ok();
  }
  if (own || a->state == "published") return ok();
  return err::forbidden("该内容尚未发布");
}

Result<store::Article> Service::get(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(internal::authorize(*c, p, id, false));
  SZ_ASSIGN(auto a, store::article(*c, id));
  return *a;
}

Result<std::vector<store::ArticleEvent>> Service::history(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(internal::authorize(*c, p, id, false));
  if (!editor(p)) return err::forbidden("只有市级管理员和区县专班可以查看发布流程");
  return store::events(*c, id);
}

Result<std::vector<store::Article>> Service::published(const std::string& kind, int64_t limit, int64_t offset,
                                                       int64_t* total) {
  if (!kind.empty() && !valid_kind(kind)) return err::invalid("kind", "类型应为 notice、policy 或 case");
  store::ArticleFilter f;
  f.kind = kind;
  f.published_only = true;
  SZ_ASSIGN(auto* c, db_->local());
  return store::articles(*c, f, limit, offset, total);
}

Result<store::Article> Service::published_one(int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto a, store::article(*c, id));
  if (!a || a->state != "published") return err::not_found("内容不存在或未发布");
  return *a;
}

Result<std::optional<int64_t>> Service::admit(const std::string& client) {
  int64_t now = clock_.now();
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto blocking, store::take_query_slot(*c, client, now, interval_));
  // Old entries say nothing any more; clear them now and then rather than on every query.
  int64_t last = last_cleanup_.load();
  if (now - last >= 3600 && last_cleanup_.compare_exchange_strong(last, now))
    SZ_TRY(store::forget_queries_before(*c, now - std::max<int64_t>(interval_, 3600)));
  SZ_TRY(tx->commit());
  if (!blocking) return std::optional<int64_t>();
  return std::optional<int64_t>(retry_after(*blocking, now, interval_).value_or(1));
}

Result<std::vector<PublicEnterprise>> Service::find_enterprises(const std::string& q) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto found, registry::internal::public_search(*c, q, 20));
  std::vector<PublicEnterprise> out;
  for (const auto& e : found) {
    // The stage in the pilot, and nothing personal.
    std::string stage = e.level_source.empty() ? "已入库" : "已评测";
    SZ_ASSIGN(auto states, projects::internal::enterprise_project_states(*c, e.id));
    if (!states.empty()) stage = "项目" + projects_.reference().lifecycle.state_name(states.back());
    if (e.accepted_at) stage = "已验收通过（改造完成）";
    if (e.status != "active") stage = "已退出试点";
    out.push_back({e.name, e.district_name, e.industry_name, stage});
  }
  return out;
}

Result<std::vector<PublicProvider>> Service::find_providers(const std::string& q) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto all, market::internal::provider_directory(*c));
  std::vector<PublicProvider> out;
  for (const auto& p : all)
    if (market::listed(p.status) && (p.name.find(q) != std::string::npos || p.credit_code == q))
      out.push_back({p.id, p.name, market::provider_kind_name(p.kind), p.in_zhengzhou});
  if (out.size() > 20) out.resize(20);
  return out;
}

Result<std::vector<OpenTable>> Service::open_data() {
  SZ_ASSIGN(auto districts, registry_.districts());
  SZ_ASSIGN(auto industries, registry_.industries());
  SZ_ASSIGN(auto counts, registry_.counts(""));
  std::vector<std::string> row_codes, col_codes, row_names, col_names;
  for (const auto& d : districts) row_codes.push_back(d.code), row_names.push_back(d.name);
  for (const auto& i : industries)
    if (i.parent.empty()) col_codes.push_back(i.code), col_names.push_back(i.name);
  auto index = [](const std::vector<std::string>& v, const std::string& x) {
    return static_cast<size_t>(std::find(v.begin(), v.end(), x) - v.begin());
  };
  std::vector<std::vector<int64_t>> pilot(row_codes.size(), std::vector<int64_t>(col_codes.size(), 0)), accepted = pilot;
  for (const auto& r : counts) {
    size_t i = index(row_codes, r.key.district), j = index(col_codes, r.key.industry);
    if (i >= row_codes.size() || j >= col_codes.size()) continue;
    pilot[i][j] += r.counts.pilot;
    accepted[i][j] += r.counts.stage.accepted;
  }
  std::vector<OpenTable> out;
  for (auto [title, m] : {std::pair{"试点企业数（按区县 × 行业）", &pilot}, std::pair{"改造完成企业数（验收通过且达到二级）", &accepted}}) {
    auto s = suppress(*m, 3);
    OpenTable t{title, row_names, col_names, {}, {}, {}, std::nullopt};
    int64_t grand = 0;
    std::vector<int64_t> cols(col_codes.size(), 0);
    for (size_t i = 0; i < row_codes.size(); ++i) {
      std::vector<std::optional<int64_t>> row;
      int64_t sum = 0;
      for (size_t j = 0; j < col_codes.size(); ++j) {
        int64_t v = (*m)[i][j];
        sum += v;
        cols[j] += v;
        row.push_back(s.cell[i][j] ? std::nullopt : std::optional<int64_t>(v));
      }
      grand += sum;
      t.cells.push_back(std::move(row));
      t.row_totals.push_back(s.row_total[i] ? std::nullopt : std::optional<int64_t>(sum));
    }
    for (size_t j = 0; j < col_codes.size(); ++j)
      t.column_totals.push_back(s.column_total[j] ? std::nullopt : std::optional<int64_t>(cols[j]));
    if (!s.grand_total) t.grand_total = grand;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sz::publish
