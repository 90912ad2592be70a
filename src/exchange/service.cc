#include "exchange/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "audit/service.h"
#include "exchange/store.h"
#include "infra/ranges.h"
#include "infra/text.h"
#include "market/directory.h"
#include "market/service.h"
#include "notify/notify.h"
#include "registry/service.h"

namespace sz::exchange {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
std::string link_of(int64_t need_id) { return "/needs/" + std::to_string(need_id); }
// A provider whose proposal the enterprise turned down (it chose another) has left the need's thread.
bool turned_down(const auth::Principal& p, const std::vector<Proposal>& proposals) {
  return p.has(auth::Role::provider) && p.provider_id &&
         std::any_of(proposals.begin(), proposals.end(),
                     [&](const Proposal& x) { return x.provider_id == *p.provider_id && x.status == "declined"; });
}
}  // namespace

Result<std::pair<Need, Service::Access>> Service::load(db::Connection& c, const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto n, store::need(c, id));
  if (!n) return err::not_found("需求不存在");
  Access a;
  auto scope = auth::enterprise_scope(p);
  a.owner = p.has(auth::Role::enterprise) && p.enterprise_id == n->enterprise_id;
  a.official = scope.all || (p.has(auth::Role::district_officer) && p.district == n->district_code);
  if (p.has(auth::Role::provider) && p.provider_id) {
    SZ_ASSIGN(auto list, store::proposals(c, id));
    bool answered = std::any_of(list.begin(), list.end(), [&](const Proposal& x) { return x.provider_id == *p.provider_id; });
    a.provider = answered || n->status == "open";
  }
  if (!a.owner && !a.official && !a.provider) return err::forbidden("无权查看该需求");
  return std::make_pair(*n, a);
}

Result<NeedRow> Service::post(const auth::Principal& p, const auth::Origin& from, std::optional<int64_t> enterprise_id,
                           const std::string& category, const std::string& title, const std::string& description,
                           std::optional<int64_t> budget_fen) {
  int64_t eid = enterprise_id.value_or(p.enterprise_id.value_or(0));
  if (!eid) return err::invalid("enterprise_id", "请指定发布需求的企业");
  if (!catalog_.catalog().category(category)) return err::invalid("category", "未知的场景分类：" + category);
  if (text::trim(title).empty() || text::utf8_length(title) > 100) return err::invalid("title", "需求标题应为1–100个字符");
  if (text::utf8_length(description) > 4000) return err::invalid("description", "需求说明不能超过4000个字符");
  if (budget_fen) SZ_TRY(ranges::check("need_budget_fen", *budget_fen, "budget_fen"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, eid));
  if (!e) return err::invalid("enterprise_id", "企业不存在");
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id)) return err::forbidden("只能为本企业（或本区县的企业）发布需求");
  if (e->status != "active") return err::conflict("enterprise_id", "企业已退出试点");
  Need n{0, e->id, e->district_code, e->industry_code, category, text::trim(title), description, budget_fen, "open",
         p.user_id, clock_.now(), std::nullopt, std::nullopt};
  SZ_ASSIGN(n.id, store::insert_need(*c, n));
  SZ_TRY(audit::record(*c, n.created_at, auth::actor_of(p, from), "need.create", "need", std::to_string(n.id), "",
                       bj::serialize(bj::object{{"enterprise_id", n.enterprise_id}, {"category", category}, {"title", n.title}})));
  SZ_TRY(tx->commit());
  return NeedRow{std::move(n), e->name};
}

Result<std::vector<NeedRow>> Service::needs(const auth::Principal& p, const std::string& status, const std::string& category,
                                            int64_t limit, int64_t offset, int64_t* total) {
  auto scope = auth::enterprise_scope(p);
  bool provider = p.has(auth::Role::provider) && p.provider_id;
  store::NeedFilter f{scope.all, scope.districts, scope.enterprise_ids, provider,
                      provider ? p.provider_id : std::nullopt, status, category};
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::needs(*c, f, limit, offset, total));
  std::vector<NeedRow> out;
  for (auto& n : list) {
    SZ_ASSIGN(auto e, registry::internal::find(*c, n.enterprise_id));
    out.push_back({std::move(n), e ? e->name : ""});
  }
  return out;
}

Result<workflow::Workflow> Service::parse_matching(std::string_view json) {
  return workflow::parse(json, "need-matching.json", {"not_answered", "has_proposals"});
}

namespace {
workflow::Parties parties_of(const auth::Principal& p, const Service::Access& a) {
  workflow::Parties out;
  if (a.owner) out.insert("enterprise");
  if (a.official) out.insert("official");
  if (admin(p)) out.insert("city_admin");
  if (p.has(auth::Role::provider) && p.provider_id) out.insert("provider");
  return out;
}

workflow::Holding holding(const auth::Principal& p, const std::vector<Proposal>& proposals) {
  workflow::Holding out;
  bool answered = p.provider_id && std::any_of(proposals.begin(), proposals.end(),
                                               [&](const Proposal& x) { return x.provider_id == *p.provider_id; });
  if (!answered) out.insert("not_answered");
  if (!proposals.empty()) out.insert("has_proposals");
  return out;
}
}  // namespace

std::vector<NeedAction> Service::actions_of(const auth::Principal& p, const Need& n, const Access& a,
                                            const std::vector<Proposal>& proposals) const {
  std::vector<NeedAction> out;
  const workflow::Holding holds = holding(p, proposals);
  for (const auto* m : workflow::open_moves(matching_, n.status, parties_of(p, a), &holds)) out.push_back({m->action, m->name});
  if (!turned_down(p, proposals)) out.push_back({"message", "留言"});
  return out;
}

Result<const workflow::Move*> Service::decide(const auth::Principal& p, const Need& n, const Access& a,
                                              const std::vector<Proposal>& proposals, const std::string& action) const {
  const workflow::Holding holds = holding(p, proposals);
  return workflow::decide_or_error(matching_, n.status, action, parties_of(p, a), &holds);
}

Result<NeedView> Service::need(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto loaded, load(*c, p, id));
  auto& [n, a] = loaded;
  NeedView v{n, "", {}, {}, {}, {}, {}};
  SZ_ASSIGN(auto e, registry::internal::find(*c, n.enterprise_id));
  v.enterprise_name = e ? e->name : "";
  SZ_ASSIGN(auto list, store::proposals(*c, id));
  v.actions = actions_of(p, n, a, list);
  for (auto& x : list)
    if (a.owner || a.official || (p.provider_id && x.provider_id == *p.provider_id)) v.proposals.push_back(std::move(x));
  for (const auto& x : v.proposals) {
    SZ_ASSIGN(auto pv, market::internal::find_provider(*c, x.provider_id));
    v.provider_names[x.provider_id] = pv ? pv->name : "";
    if (x.product_id) {
      SZ_ASSIGN(auto prod, catalog::internal::owner(*c, *x.product_id));
      v.product_names[*x.product_id] = prod ? prod->second : "";
    }
  }
  SZ_ASSIGN(v.messages, store::messages(*c, id));
  return v;
}

Result<Suggestion> Service::suggest(const auth::Principal& p, int64_t id) {
  Need n;
  {
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(auto loaded, load(*c, p, id));
    n = loaded.first;
  }
  Suggestion s;
  // Listed products of the need's category that serve its industry, best-rated providers first.
  catalog::store::ProductFilter f;
  f.category = n.category;
  f.industry = n.industry_code;
  SZ_ASSIGN(s.products, catalog_.products(auth::Principal{}, f));  // anyone's view: listed products only
  SZ_ASSIGN(auto cards, projects_.scorecards());
  std::map<int64_t, int> stars;
  for (const auto& v : cards) stars[v.provider_id] = v.card.stars;
  std::stable_sort(s.products.begin(), s.products.end(), [&](const catalog::ProductView& a, const catalog::ProductView& b) {
    return stars[a.product.provider_id] > stars[b.product.provider_id];
  });
  // Listed providers serving the industry, by stars.
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto providers, market::internal::listed_serving(*c, n.industry_code));
  for (const auto& r : providers)
    for (const auto& v : cards)
      if (v.provider_id == r.base.id) s.providers.push_back(v);
  std::stable_sort(s.providers.begin(), s.providers.end(),
                   [](const projects::ScorecardView& a, const projects::ScorecardView& b) { return a.card.stars > b.card.stars; });
  return s;
}

Result<Proposal> Service::propose(const auth::Principal& p, const auth::Origin& from, int64_t need_id,
                                  std::optional<int64_t> product_id, const std::string& summary, int64_t price_fen) {
  if (text::trim(summary).empty() || text::utf8_length(summary) > 4000) return err::invalid("summary", "请填写方案概要（不超过4000字）");
  SZ_TRY(ranges::check("price_fen", price_fen, "price_fen", "报价（分）"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  // Any provider may answer an open need; one that has closed says so (the provider's page may be stale).
  SZ_ASSIGN(auto n, store::need(*c, need_id));
  if (!n) return err::not_found("需求不存在");
  SZ_ASSIGN(auto existing, store::proposals(*c, need_id));
  SZ_TRY(decide(p, *n, Access{}, existing, "propose"));
  SZ_ASSIGN(auto pv, market::internal::find_provider(*c, *p.provider_id));
  if (!pv || !market::listed(pv->status)) return err::conflict("provider", "不在服务商库中的服务商不能响应需求");
  if (product_id) {
    SZ_ASSIGN(auto owner, catalog::internal::owner(*c, *product_id));
    if (!owner || owner->first != *p.provider_id) return err::invalid("product_id", "只能推荐本服务商的产品");
  }
  Proposal x{0, need_id, *p.provider_id, product_id, text::trim(summary), price_fen, "submitted", p.user_id, clock_.now()};
  SZ_ASSIGN(x.id, store::insert_proposal(*c, x));
  SZ_TRY(notify::push(*c, n->created_by, "proposal", "「" + pv->name + "」响应了您的需求「" + n->title + "」", link_of(need_id), x.created_at));
  SZ_TRY(audit::record(*c, x.created_at, auth::actor_of(p, from), "need.propose", "need", std::to_string(need_id), "",
                       bj::serialize(bj::object{{"proposal_id", x.id}, {"provider_id", x.provider_id}, {"price_fen", price_fen}})));
  SZ_TRY(tx->commit());
  return x;
}

Status Service::accept(const auth::Principal& p, const auth::Origin& from, int64_t need_id, int64_t proposal_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto loaded, load(*c, p, need_id));
  auto& [n, a] = loaded;
  SZ_ASSIGN(auto list, store::proposals(*c, need_id));
  SZ_TRY(decide(p, n, a, list, "accept"));
  auto it = std::find_if(list.begin(), list.end(), [&](const Proposal& x) { return x.id == proposal_id; });
  if (it == list.end()) return err::not_found("响应方案不存在");
  SZ_TRY(store::set_proposal_status(*c, need_id, proposal_id));
  SZ_TRY(store::set_need_status(*c, need_id, "matched", clock_.now()));
  for (const auto& x : list)
    SZ_TRY(notify::push(*c, x.created_by, "proposal",
                        std::string(x.id == proposal_id ? "您的方案已被选中：" : "需求已与其他服务商对接：") + n.title,
                        link_of(need_id), clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "need.match", "need", std::to_string(need_id), "",
                       bj::serialize(bj::object{{"proposal_id", proposal_id}, {"provider_id", it->provider_id}})));
  return tx->commit();
}

Status Service::close(const auth::Principal& p, const auth::Origin& from, int64_t need_id, const std::string& reason) {
  if (text::trim(reason).empty()) return err::invalid("reason", "请说明关闭原因");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto loaded, load(*c, p, need_id));
  auto& [n, a] = loaded;
  SZ_ASSIGN(auto list, store::proposals(*c, need_id));
  SZ_TRY(decide(p, n, a, list, "close"));
  SZ_TRY(store::set_need_status(*c, need_id, "closed", clock_.now(), text::trim(reason)));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "need.close", "need", std::to_string(need_id), "",
                       bj::serialize(bj::object{{"reason", text::trim(reason)}})));
  return tx->commit();
}

Result<Message> Service::say(const auth::Principal& p, const auth::Origin& from, int64_t need_id, const std::string& body) {
  if (text::trim(body).empty() || text::utf8_length(body) > 2000) return err::invalid("body", "请填写留言（不超过2000字）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto loaded, load(*c, p, need_id));
  const Need& n = loaded.first;
  SZ_ASSIGN(auto list, store::proposals(*c, need_id));
  if (turned_down(p, list)) return err::forbidden("您的响应方案未被选中，不能再在该需求下留言");
  Message m{0, need_id, p.user_id, p.display_name, text::trim(body), clock_.now()};
  SZ_ASSIGN(m.id, store::insert_message(*c, m));
  // Everyone in the thread but the author hears of it: the enterprise that posted, the providers that answered.
  std::set<int64_t> to = {n.created_by};
  for (const auto& x : list) to.insert(x.created_by);
  to.erase(p.user_id);
  for (int64_t u : to) SZ_TRY(notify::push(*c, u, "message", "需求「" + n.title + "」有新留言", link_of(need_id), m.created_at));
  SZ_TRY(audit::record(*c, m.created_at, auth::actor_of(p, from), "need.message", "need", std::to_string(need_id), "",
                       bj::serialize(bj::object{{"message_id", m.id}})));
  SZ_TRY(tx->commit());
  return m;
}

Result<Event> Service::add_event(const auth::Principal& p, const auth::Origin& from, Event e) {
  if (!admin(p)) return err::forbidden("供需对接会由市级管理员发布");
  if (text::trim(e.title).empty()) return err::invalid("title", "请填写对接会名称");
  if (!day_number(e.held_on)) return err::invalid("held_on", "举办日期应为 YYYY-MM-DD");
  SZ_TRY(ranges::check("capacity", e.capacity, "capacity"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  e.created_at = clock_.now();
  SZ_ASSIGN(e.id, store::insert_event(*c, e));
  SZ_TRY(audit::record(*c, e.created_at, auth::actor_of(p, from), "match_event.create", "match_event", std::to_string(e.id), "",
                       bj::serialize(bj::object{{"title", e.title}, {"held_on", e.held_on}, {"capacity", e.capacity}})));
  SZ_TRY(tx->commit());
  return e;
}

Result<std::vector<Event>> Service::events(const auth::Principal& p) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::events(*c));
  for (auto& e : list) {
    SZ_ASSIGN(e.mine, store::is_registered(*c, e.id, p.user_id));
  }
  return list;
}

Status Service::register_for(const auth::Principal& p, const auth::Origin& from, int64_t event_id) {
  std::string party = p.has(auth::Role::enterprise) ? "enterprise" : p.has(auth::Role::provider) ? "provider" : "";
  if (party.empty()) return err::forbidden("供需对接会由企业和服务商报名");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, store::event(*c, event_id));
  if (!e) return err::not_found("对接会不存在");
  if (e->held_on < shanghai_date(clock_.now())) return err::conflict("held_on", "对接会已举办，不能再报名");
  if (e->registered >= e->capacity) return err::conflict("capacity", "名额已满");
  SZ_ASSIGN(bool added, store::register_user(*c, event_id, p.user_id, party, clock_.now()));
  if (!added) return err::conflict("event", "已报名");
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "match_event.register", "match_event", std::to_string(event_id),
                       "", bj::serialize(bj::object{{"party", party}})));
  return tx->commit();
}

Result<std::vector<std::pair<std::string, std::string>>> Service::registrations(const auth::Principal& p, int64_t event_id) {
  if (!admin(p)) return err::forbidden("报名名单由市级管理员查看");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::registrations(*c, event_id));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [uid, party] : list) {
    SZ_ASSIGN(auto name, auth::internal::display_name_of(*c, uid));
    out.emplace_back(name, party == "enterprise" ? "企业" : "服务商");
  }
  return out;
}

}  // namespace sz::exchange
