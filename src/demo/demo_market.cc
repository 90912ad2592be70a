#include "demo/demo_market.h"

#include <map>
#include <memory>

#include "demo/demo_projects.h"
#include "catalog/samples.h"
#include "catalog/service.h"
#include "exchange/service.h"
#include "market/directory.h"
#include "ops/service.h"
#include "platforms/service.h"
#include "records/service.h"
#include "reviews/service.h"

namespace sz::demo {

namespace {

const auth::Origin kOrigin{"local", "demo"};

// What later steps need from earlier ones.
struct State {
  std::map<std::string, std::vector<int64_t>> by_industry;  // pilot industry → demo enterprises, in id order
  std::map<std::string, std::vector<int64_t>> samples;      // industry → sample ids
  std::map<std::string, int64_t> deliberations;             // industry → deliberation id
  std::vector<int64_t> products;
  int64_t second_provider = 0, third_provider = 0;
  std::map<std::string, std::pair<int64_t, std::string>> platforms;  // industry → (platform id, key)
  std::map<std::string, int64_t> chains;                              // industry → 链式 model
  int64_t need_a = 0, need_b = 0, proposal_b = 0;
  auth::Principal second_user, third_user;
};

// An industry's library as the experts confirmed it: the common N scenarios every project of the demo chooses, and
// individual X scenarios each traced to a sample (one of them particular to the industry).
std::vector<catalog::DemandItem> demand_items(const std::string& industry, const std::vector<int64_t>& samples) {
  static const std::map<std::string, std::pair<std::string, std::string>> kOwn = {
      {"refractories", {"隧道窑温度场优化", "process_control"}},
      {"aluminium", {"熔铸炉能耗在线监测", "safety"}},
      {"auto_parts", {"冲压件视觉检测", "quality"}},
      {"equipment", {"装配工位人机协同", "human_machine"}}};
  const auto& own = kOwn.at(industry);
  return {{"N", "计划排程", "scheduling", "按订单交期与设备产能自动排产", {}},
          {"N", "质量管理", "quality", "关键工序质量数据在线采集与追溯", {}},
          {"X", "设备管理", "maintenance", "设备联网与预测性维护", {samples.at(0)}},
          {"X", own.first, own.second, "样本企业的个性场景", {samples.at(1)}},
          {"X", "质量在线检测", "quality", "关键尺寸与外观的在线检测", {samples.at(2)}}};
}

std::map<std::string, catalog::Criterion> all_met(const std::string& name) {
  std::map<std::string, catalog::Criterion> out;
  for (const char* code : {"willing", "stable", "managed", "ready", "replicable"})
    out[code] = {true, name + "：经区县专班走访核实"};
  return out;
}

Result<std::string> credit_code_of(Platform& pf, int64_t id) {
  SZ_ASSIGN(auto* c, pf.db().local());
  SZ_ASSIGN(auto e, registry::internal::find(*c, id));
  if (!e) return err::internal("demo enterprise missing");
  return e->credit_code;
}

// A review round with every demo expert, their scores, and the lead's consensus.
void review(Platform& pf, const MarketCast& cast, const Schedule& at, const std::string& day, const std::string& type,
            std::function<int64_t()> subject, std::vector<std::pair<std::string, int64_t>> scores) {
  auto round = std::make_shared<int64_t>(0);
  at(day, 10, [&pf, &cast, type, subject, round]() -> Status {
    reviews::NewRound r{type, subject(), {}, 0, std::nullopt};
    for (const auto& e : cast.experts) r.expert_ids.push_back(e.user_id);
    SZ_ASSIGN(auto v, pf.service<reviews::Service>().create_round(cast.admin, kOrigin, r));
    *round = v.round.id;
    return ok();
  });
  at(day, 15, [&pf, &cast, scores, round]() -> Status {
    for (const auto& e : cast.experts) SZ_TRY(pf.service<reviews::Service>().score(e, kOrigin, *round, scores, "材料齐全，符合入库条件", true));
    SZ_TRY(pf.service<reviews::Service>().consensus(cast.experts[0], kOrigin, *round, true, "同意入库"));
    return ok();
  });
}

// A provider applying with a complete profile, reviewed on `review_day`, noticed the day after.
void application(Platform& pf, const MarketCast& cast, const Schedule& at, const std::string& day,
                 const std::string& review_day, const std::string& name, int64_t seq, int64_t* provider,
                 auth::Principal* user, const std::string& username, std::vector<std::string> industries) {
  at(day, 9, [&pf, &cast, name, seq, provider, user, username, industries]() -> Status {
    market::store::Provider in{0, name, demo_credit_code("410100", seq), "specialist", true};
    SZ_ASSIGN(auto r, pf.service<market::Directory>().create(cast.admin, kOrigin, in));
    *provider = r.base.id;
    market::ProfileInput profile;
    profile.qualifications = std::string("ITSS 三级；CMMI 3 级");
    profile.cases = std::string("为郑州、洛阳十余家制造企业实施设备联网与质量追溯");
    profile.address = std::string("郑州市金水区演示大厦") + std::to_string(seq % 100) + "层";
    profile.contact_name = std::string("陈经理");
    profile.contact_phone = std::string("13803710") + std::to_string(100 + seq % 900);
    profile.industries = industries;
    SZ_TRY(pf.service<market::Directory>().update_profile(cast.admin, kOrigin, r.base.id, profile));
    SZ_ASSIGN(*user, demo_account(pf, cast.actor, username, name + "用户", "provider", std::nullopt, r.base.id));
    cast.accounts->push_back({username, "provider", name});
    SZ_TRY(pf.service<market::Directory>().move(*user, kOrigin, r.base.id, "apply", "", std::nullopt));
    return ok();
  });
  review(pf, cast, at, review_day, "provider", [provider]() { return *provider; },
         {{"qualification", 25}, {"cases", 24}, {"service", 17}, {"price", 16}});
  at(day_text(*day_number(review_day) + 1), 9, [&pf, &cast, provider]() -> Status {
    SZ_TRY(pf.service<market::Directory>().move(cast.admin, kOrigin, *provider, "start_notice", "", std::nullopt));
    return ok();
  });
}

}  // namespace

Status plan_market(Platform& pf, const MarketCast& cast, const Schedule& at) {
  auto st = std::make_shared<State>();
  {
    SZ_ASSIGN(auto* c, pf.db().local());
    for (int64_t id : cast.enterprises) {
      SZ_ASSIGN(auto e, registry::internal::find(*c, id));
      SZ_ASSIGN(auto industry, registry::internal::pilot_industry_of(*c, e->industry_code));
      st->by_industry[industry].push_back(id);
    }
  }
  const std::vector<std::string> industries = {"auto_parts", "equipment", "refractories", "aluminium"};

  // The N+X 样本库: three samples per industry, the experts' deliberation, the first 需求清单 confirmed.
  at("2024-05-10", 10, [&pf, &cast, st, industries]() -> Status {
    for (const auto& industry : industries)
      for (size_t k = 0; k < 3; ++k) {
        int64_t id = st->by_industry[industry].at(k * 7);
        catalog::SampleInput in{industry, id, all_met("样本候选"), "区县专班推荐，企业有改造意愿且基础较好"};
        SZ_ASSIGN(auto v, pf.service<catalog::Samples>().propose(cast.admin, kOrigin, in));
        st->samples[industry].push_back(v.sample.id);
      }
    return ok();
  });
  at("2024-05-24", 14, [&pf, &cast, st, industries]() -> Status {
    for (const auto& industry : industries) {
      catalog::DeliberationInput in{industry, "2024-05-24", "专家组逐一审阅推荐材料并现场答辩，三家企业均满足五项条件，确定为首批样本企业。",
                                    {"演示评审专家", "李振华", "周敏"}, {}};
      for (int64_t s : st->samples[industry]) in.decisions.push_back({s, "selected", ""});
      SZ_ASSIGN(auto d, pf.service<catalog::Samples>().deliberate(cast.admin, kOrigin, in));
      st->deliberations[industry] = d.id;
    }
    return ok();
  });
  at("2024-05-28", 10, [&pf, &cast, st, industries]() -> Status {
    for (const auto& industry : industries) {
      SZ_ASSIGN(auto l, pf.service<catalog::Samples>().draft_list(cast.admin, kOrigin, industry, demand_items(industry, st->samples[industry]),
                                                "集成服务商深度调研与诊断后形成"));
      SZ_TRY(pf.service<catalog::Samples>().confirm_list(cast.admin, kOrigin, l.list.id, st->deliberations[industry]));
    }
    return ok();
  });

  // 小快轻准 products of the demo integrator (the names its projects' plans use), reviewed, listed, linked.
  at("2024-07-01", 10, [&pf, &cast, st, industries]() -> Status {
    struct P {
      const char* name;
      const char* category;
      const char* deployment;
      int64_t price, days;
    };
    for (const P& p : {P{"智能排产SaaS", "scheduling", "saas", 9'800'000, 30}, P{"设备联网采集终端", "maintenance", "onsite", 4'500'000, 20},
                       P{"质量追溯云", "quality", "saas", 6'600'000, 45}}) {
      catalog::ProductInput in;
      in.name = std::string(p.name);
      in.category = std::string(p.category);
      in.deployment = std::string(p.deployment);
      in.industries = industries;
      in.price_fen = p.price;
      in.delivery_days = p.days;
      in.description = std::string("面向试点行业中小企业的轻量化产品，按需订阅，快速部署");
      SZ_ASSIGN(auto v, pf.service<catalog::Service>().create_product(cast.integrator, kOrigin, in));
      SZ_TRY(pf.service<catalog::Service>().move_product(cast.integrator, kOrigin, v.product.id, "submit", ""));
      st->products.push_back(v.product.id);
    }
    return ok();
  });
  for (size_t k = 0; k < 3; ++k) {
    review(pf, cast, at, "2024-07-10", "product", [st, k]() { return st->products.at(k); },
           {{"fit", 26}, {"maturity", 21}, {"value", 20}, {"replicability", 17}});
    at("2024-07-18", 10, [&pf, &cast, st, k]() -> Status {
      SZ_TRY(pf.service<catalog::Service>().move_product(cast.admin, kOrigin, st->products.at(k), "list", ""));
    return ok();
    });
  }
  at("2024-07-18", 11, [&pf, &cast, st, industries]() -> Status {
    const std::map<std::string, size_t> serves = {{"计划排程", 0}, {"设备管理", 1}, {"质量管理", 2}};
    for (const auto& industry : industries) {
      SZ_ASSIGN(auto library, pf.service<catalog::Service>().library(industry));
      for (const auto& s : library)
        if (auto it = serves.find(s.scenario.name); it != serves.end())
          SZ_TRY(pf.service<catalog::Service>().link(cast.admin, kOrigin, s.scenario.id, st->products.at(it->second), true));
    }
    return ok();
  });

  // A specialist provider admitted through review and a 7-day 公示; another in 公示 today.
  application(pf, cast, at, "2024-08-05", "2024-08-12", "河南智造云科技有限公司", 900002, &st->second_provider,
              &st->second_user, "fuwushang2", {"refractories", "aluminium"});
  at("2024-08-27", 10, [&pf, &cast, st]() -> Status {
    SZ_TRY(pf.service<market::Directory>().move(cast.admin, kOrigin, st->second_provider, "admit", "", std::nullopt));
    return ok();
  });
  application(pf, cast, at, day_text(*day_number(cast.today) - 10), day_text(*day_number(cast.today) - 4),
              "郑州链通数字科技有限公司", 900003, &st->third_provider, &st->third_user, "fuwushang3", {"auto_parts", "equipment"});

  // Trainings, parks, 链式 models and recognitions the plan counts.
  at("2024-09-12", 9, [&pf, &cast, st]() -> Status {
    records::Training t{0, "试点企业数字化转型管理人员培训（第一期）", "management", "2024-09-12", "郑州市工业和信息化局报告厅", 0, {}};
    SZ_ASSIGN(auto saved, pf.service<records::Service>().add_training(cast.admin, kOrigin, t));
    int64_t n = 0;
    for (auto& [industry, ids] : st->by_industry)
      for (size_t k = 0; k < 4 && k < ids.size(); ++k) SZ_TRY(pf.service<records::Service>().attend(cast.admin, kOrigin, saved.id, ids[k], 2 + (++n % 3)));
    return ok();
  });
  at("2025-04-15", 10, [&pf, &cast]() -> Status {
    SZ_TRY(pf.service<records::Service>().add_park(cast.admin, kOrigin, {0, "新密市耐火材料小微企业园", "410183", "refractories", "2025-04-15", 26, 0, std::nullopt}));
    SZ_TRY(pf.service<records::Service>().add_park(cast.admin, kOrigin, {0, "巩义市铝精深加工小微企业园", "410181", "aluminium", "2025-04-15", 18, 0, std::nullopt}));
    return ok();
  });
  at("2025-05-20", 10, [&pf, &cast, st]() -> Status {
    for (const char* industry : {"refractories", "aluminium"}) {
      const auto& ids = st->by_industry[industry];
      records::ChainModel m;
      m.name = std::string(industry) == "refractories" ? "耐材产业链“链主+配套”协同改造" : "铝加工产业链供应链协同改造";
      m.industry_code = industry;
      m.lead_enterprise_id = ids.at(1);
      m.provider_id = cast.provider_id;
      m.scenarios = {"供应链协同", "计划排程"};
      m.members = {ids.at(2), ids.at(3), ids.at(4), ids.at(5)};
      SZ_ASSIGN(auto saved, pf.service<records::Service>().add_chain(cast.admin, kOrigin, m));
      st->chains[industry] = saved.id;
    }
    return ok();
  });
  // The refractories chain is built that autumn and recognised by 工信部 the next summer; the aluminium one is still
  // being built. The 新密 park completes its transformation; the 巩义 one is registered only.
  at("2025-11-20", 10, [&pf, &cast, st]() -> Status {
    records::Decision d{"2025-11-20", "郑州市工业和信息化局", "郑工信〔2025〕118号 “链式”转型模式建成验收意见", {}, "", 0};
    SZ_TRY(pf.service<records::Service>().complete_chain(cast.admin, kOrigin, st->chains.at("refractories"), d));
    return ok();
  });
  at("2026-06-18", 10, [&pf, &cast, st]() -> Status {
    records::Decision d{"2026-06-18", "工业和信息化部", "工信厅企业函〔2026〕152号 中小企业数字化转型“链式”典型案例名单", {}, "", 0};
    SZ_TRY(pf.service<records::Service>().recognize_chain(cast.admin, kOrigin, st->chains.at("refractories"), d));
    return ok();
  });
  at("2025-10-30", 15, [&pf, &cast]() -> Status {
    SZ_ASSIGN(auto parks, pf.service<records::Service>().parks());
    for (const auto& k : parks)
      if (k.district_code == "410183") {
        records::Decision d{"2025-10-30", "新密市人民政府", "新密市小微企业园数字化改造验收报告（2025年10月）", {}, "", 0};
        SZ_TRY(pf.service<records::Service>().transform_park(cast.admin, kOrigin, k.id, d));
      }
    return ok();
  });
  // The expert committee selects two of the refractories library's scenarios as 可复制可推广, on the usage it is shown.
  at("2025-12-12", 10, [&pf, &cast]() -> Status {
    SZ_ASSIGN(auto library, pf.service<catalog::Service>().library("refractories"));
    catalog::SelectionInput in;
    in.industry = "refractories";
    in.panel = {"2025-12-12", "专家委员会审阅各场景在试点项目中的应用与验收情况，评定以下场景为可复制可推广的典型优秀应用场景。",
                {"李振华", "周敏", "王建国"}};
    for (size_t i = 0; i < library.size() && i < 3; ++i)
      in.decisions.push_back({library[i].scenario.id, i < 2 ? "selected" : "rejected", i < 2 ? "" : "应用企业尚少，下次审议再议"});
    SZ_TRY(pf.service<catalog::Service>().select_scenarios(cast.admin, kOrigin, in));
    return ok();
  });
  // The refractories platform runs an approved 标识解析二级节点 (三(七)).
  at("2025-08-06", 10, [&pf, &cast, st]() -> Status {
    platforms::store::IdentifierNode n;
    n.platform_id = st->platforms.at("refractories").first;
    n.name = "工业互联网标识解析二级节点（耐火材料行业）";
    n.prefix = "88.166.41";
    n.industry_code = "refractories";
    n.approved_on = "2025-08-06";
    n.decided_by = "中国信息通信研究院";
    n.evidence = "标识解析二级节点接入批复（2025年8月）";
    SZ_TRY(pf.service<platforms::Service>().add_node(cast.admin, kOrigin, n));
    return ok();
  });
  // 小灯塔 enterprises, one of which builds a 数字工坊 with a telecom operator and the integrator.
  at("2025-07-08", 10, [&pf, &cast, st]() -> Status {
    for (const char* industry : {"refractories", "equipment"}) {
      records::Lighthouse l;
      l.enterprise_id = st->by_industry[industry].at(6);
      l.designated = {"2025-07-08", "郑州市工业和信息化局", "郑工信〔2025〕76号 第一批数字化转型“小灯塔”企业名单", {}, "", 0};
      SZ_TRY(pf.service<records::Service>().designate(cast.admin, kOrigin, l));
    }
    return ok();
  });
  at("2025-10-16", 10, [&pf, &cast, st]() -> Status {
    records::Workshop w;
    w.name = "耐材行业数字工坊";
    w.lead_enterprise_id = st->by_industry["refractories"].at(6);
    w.partners = "中国移动郑州分公司";
    w.provider_id = cast.provider_id;
    w.established = {"2025-10-16", "郑州市工业和信息化局", "数字工坊建设备案（2025-10-16）", {}, "", 0};
    SZ_TRY(pf.service<records::Service>().add_workshop(cast.admin, kOrigin, w));
    return ok();
  });
  at("2025-09-10", 10, [&pf, &cast, st]() -> Status {
    const std::pair<const char*, const char*> kinds[] = {{"factory", "河南省智能工厂"}, {"workshop", "河南省智能车间"},
                                                        {"scenario", "河南省智能制造优秀场景"}};
    for (const auto& industry : {"refractories", "aluminium", "auto_parts", "equipment"})
      for (size_t k = 0; k < 2; ++k) {
        const auto& [kind, name] = kinds[(k + std::string(industry).size()) % 3];
        records::Recognition r{0, st->by_industry[industry].at(10 + k), kind, "provincial", name, "2025-09-10", 0, ""};
        SZ_TRY(pf.service<records::Service>().recognize(cast.admin, kOrigin, r));
      }
    return ok();
  });

  // Two industry platforms with their keys; their 上云 batches; the year-end evaluation.
  at("2025-03-03", 10, [&pf, &cast, st]() -> Status {
    struct Spec {
      const char* industry;
      const char* name;
      int64_t seq;
    };
    for (const Spec& s : {Spec{"refractories", "耐火材料行业工业互联网平台", 900011}, Spec{"aluminium", "铝基新材料工业互联网平台", 900012}}) {
      platforms::PlatformInput in;
      in.name = std::string(s.name);
      in.operator_name = std::string(s.name) + "运营公司";
      in.credit_code = demo_credit_code("410100", s.seq);
      in.url = std::string("https://platform.example.cn/") + s.industry;
      in.industries = std::vector<std::string>{s.industry};
      in.services = std::vector<platforms::PlatformService>{{"设备上云", "saas", "关键设备联网、状态监测"},
                                                            {"能耗管理", "saas", "能耗在线监测与分析"},
                                                            {"项目建设", "onsite", "企业端轻量化改造"}};
      SZ_ASSIGN(auto v, pf.service<platforms::Service>().create(cast.admin, kOrigin, in));
      SZ_ASSIGN(auto key, pf.service<platforms::Service>().issue_key(cast.admin, kOrigin, v.platform.id, "上云企业推送", {"cloud:push"}));
      st->platforms[s.industry] = {v.platform.id, key.key};
    }
    return ok();
  });
  auto push = [&pf, st](const std::string& industry, const std::string& batch, size_t from, size_t count, const std::string& since) {
    return [&pf, st, industry, batch, from, count, since]() -> Status {
      SZ_ASSIGN(auto caller, pf.service<platforms::Service>().authenticate("Bearer " + st->platforms[industry].second, "cloud:push"));
      std::vector<platforms::CloudItem> items;
      const auto& ids = st->by_industry[industry];
      for (size_t k = from; k < from + count && k < ids.size(); ++k) {
        SZ_ASSIGN(auto code, credit_code_of(pf, ids[k]));
        items.push_back({code, k % 2 ? "能耗管理" : "设备上云", since});
      }
      SZ_TRY(pf.service<platforms::Service>().push(caller, kOrigin, batch, items));
    return ok();
    };
  };
  at("2025-06-30", 16, push("refractories", "2025-06-01", 20, 24, "2025-06-01"));
  at("2025-12-31", 16, push("aluminium", "2025-12-01", 20, 16, "2025-12-01"));
  at("2026-01-15", 10, [&pf, &cast, st]() -> Status {
    platforms::EvaluationInput a{"2025-12", "设备接入与能耗服务成效显著", {{"access", 19}, {"knowledge", 17}, {"apps", 18}, {"satisfaction", 19}}};
    SZ_TRY(pf.service<platforms::Service>().evaluate(cast.admin, kOrigin, st->platforms["refractories"].first, a));
    platforms::EvaluationInput b{"2025-12", "服务企业数偏少", {{"access", 16}, {"knowledge", 14}, {"apps", 15}, {"satisfaction", 17}}};
    SZ_TRY(pf.service<platforms::Service>().evaluate(cast.admin, kOrigin, st->platforms["aluminium"].first, b));
    return ok();
  });

  // 企商互动: the demo enterprise's needs, answered by providers; one matched; a 供需对接会 ahead.
  at("2026-10-20", 9, [&pf, &cast, st]() -> Status {
    SZ_ASSIGN(auto a, pf.service<exchange::Service>().post(cast.qiye, kOrigin, std::nullopt, "quality", "窑炉温度与成品质量在线监测",
                                         "希望实时采集窑炉温度曲线，与成品抽检数据关联，发现质量异常", 30'000'000));
    SZ_ASSIGN(auto b, pf.service<exchange::Service>().post(cast.qiye, kOrigin, std::nullopt, "scheduling", "多品种小批量订单排产",
                                         "订单品种多、交期紧，人工排产常延误", 20'000'000));
    st->need_a = a.need.id;
    st->need_b = b.need.id;
    return ok();
  });
  at("2026-10-22", 10, [&pf, &cast, st]() -> Status {
    SZ_TRY(pf.service<exchange::Service>().propose(cast.integrator, kOrigin, st->need_a, st->products.at(2), "质量追溯云＋窑炉温度采集，4周上线", 12'000'000));
    SZ_ASSIGN(auto p, pf.service<exchange::Service>().propose(cast.integrator, kOrigin, st->need_b, st->products.at(0), "智能排产SaaS 按年订阅", 9'800'000));
    st->proposal_b = p.id;
    SZ_TRY(pf.service<exchange::Service>().propose(st->second_user, kOrigin, st->need_b, std::nullopt, "排产咨询与实施", 15'000'000));
    return ok();
  });
  at("2026-10-23", 14, [&pf, &cast, st]() -> Status {
    SZ_TRY(pf.service<exchange::Service>().say(cast.qiye, kOrigin, st->need_a, "能否先在一条窑线上试点？"));
    SZ_TRY(pf.service<exchange::Service>().say(cast.integrator, kOrigin, st->need_a, "可以，先接入1号隧道窑，两周内给出数据看板"));
    return ok();
  });
  at("2026-10-28", 10, [&pf, &cast, st]() { return pf.service<exchange::Service>().accept(cast.qiye, kOrigin, st->need_b, st->proposal_b); });
  // The schedules the city runs: the month's 通报 on the 1st, a data-quality check every Monday; deadline reminders
  // set up but left for the admin to switch on.
  at(cast.today, 8, [&pf, &cast]() -> Status {
    ops::ScheduleInput monthly{std::string("每月通报（上月）"), std::string("reports.issue"), std::nullopt, std::string("monthly"), 1, 9, true};
    SZ_TRY(pf.service<ops::Service>().save_schedule(cast.admin, kOrigin, std::nullopt, monthly));
    ops::ScheduleInput quality{std::string("每周数据质量检查"), std::string("reports.quality"), std::nullopt, std::string("weekly"), 1, 7, true};
    SZ_TRY(pf.service<ops::Service>().save_schedule(cast.admin, kOrigin, std::nullopt, quality));
    ops::ScheduleInput reminders{std::string("每日临期提醒"), std::string("reminders.due"), std::nullopt, std::string("daily"), 0, 8, false};
    SZ_TRY(pf.service<ops::Service>().save_schedule(cast.admin, kOrigin, std::nullopt, reminders));
    return ok();
  });
  at("2026-11-03", 10, [&pf, &cast]() -> Status {
    exchange::Event e{0, "耐火材料行业数字化转型供需对接会", "2026-12-15", "新密市会展中心", std::string("refractories"), 120, 0, 0};
    SZ_ASSIGN(auto saved, pf.service<exchange::Service>().add_event(cast.admin, kOrigin, e));
    SZ_TRY(pf.service<exchange::Service>().register_for(cast.qiye, kOrigin, saved.id));
    return pf.service<exchange::Service>().register_for(cast.integrator, kOrigin, saved.id);
  });
  return ok();
}

}  // namespace sz::demo
