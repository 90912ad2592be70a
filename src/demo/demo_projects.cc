// Demo 一企一策 projects at every stage of the lifecycle, with dated histories: every step runs through the services
// as the real user would take it (the enterprise, its integrator, the district, the city, the experts, the bank), on
// the manual clock set to the step's day, so the audit trail, the funnel, the milestones' lateness, the subsidies and
// the fund's balance look as a year and a half of real use would leave them.
#include "demo/demo_projects.h"

#include "demo/demo_market.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <unistd.h>

#include "infra/progress.h"
#include "assessment/service.h"
#include "auth/service.h"
#include "documents/service.h"
#include "funding/loans.h"
#include "funding/subsidies.h"
#include "projects/service.h"
#include "publish/service.h"
#include "registry/service.h"
#include "reviews/service.h"

namespace sz::demo {

namespace {

namespace fs = std::filesystem;
const auth::Origin kOrigin{"local", "demo"};

int64_t epoch_of(const std::string& day, int hour = 10) { return *day_number(day) * 86400 + (hour - 8) * 3600; }
std::string plus_days(const std::string& day, int64_t n) { return day_text(*day_number(day) + n); }

// What one demo project becomes, the day it starts, and how fast it runs (percent of the usual year). A project may
// be followed by its enterprise's withdrawal from the pilot on a later day.
struct Target {
  const char* state;
  const char* start;
  bool at_risk = false;
  int pace = 100;
  const char* withdraws_on = nullptr;
};
const Target kTargets[] = {
    {"subsidized", "2024-06-03"},         {"subsidized", "2024-07-01"},        {"passed", "2024-09-02"},
    {"passed", "2024-10-08"},             {"failed", "2024-11-04"},            {"onsite", "2025-03-03"},
    {"district_checked", "2025-04-07"},   {"acceptance_applied", "2025-05-12"}, {"implementing", "2026-06-01"},
    {"implementing", "2026-05-11"},       {"implementing", "2026-02-02", true}, {"implementing", "2026-03-02", true},
    {"approved", "2026-09-01"},           {"expert_review", "2026-10-12"},     {"expert_review", "2026-10-26"},
    {"declared", "2026-11-02"},           {"declared", "2026-11-16"},
    // Two quick projects accepted in 2024 (the annex's 2024 column); one enterprise then withdraws in 2025 — it
    // stays counted in the 2024 stage, which is what it was at its end.
    {"passed", "2024-05-06", false, 50},  {"passed", "2024-05-13", false, 50, "2025-04-21"},
};

int rank_of(const std::string& state) {
  static const std::vector<std::string> kOrder = {"declared", "expert_review", "approved", "implementing",
                                                  "acceptance_applied", "district_checked", "onsite", "passed", "subsidized"};
  if (state == "failed") return 6;  // reaches on-site acceptance, then fails
  return static_cast<int>(std::find(kOrder.begin(), kOrder.end(), state) - kOrder.begin());
}

struct People {
  auth::Principal admin, integrator, bank;
  std::vector<auth::Principal> experts;  // zhuanjia (the lead), zhuanjia2, zhuanjia3
};

struct Step {
  int64_t at = 0;
  int order = 0;
  std::function<Status()> run;
};

// The state one project carries from step to step.
struct Run {
  std::string start;
  int pace = 100;
  // The day `days` into a usual project's year, at this project's pace.
  std::string day(int64_t days) const { return plus_days(start, days * pace / 100); }
  int64_t enterprise_id = 0, project_id = 0, round_id = 0, subsidy_id = 0;
  std::vector<int64_t> milestone_ids, payment_ids;
  int64_t invoice_doc = 0;
  auth::Principal enterprise;
};

class Builder {
 public:
  Builder(Platform& platform, People people, int64_t provider_id, std::string work_dir)
      : pf_(platform), people_(std::move(people)), provider_id_(provider_id), dir_(std::move(work_dir)) {}

  void plan(const Target& t, int64_t enterprise_id, const auth::Principal& enterprise) {
    auto run = std::make_shared<Run>();
    run->enterprise_id = enterprise_id;
    run->enterprise = enterprise;
    run->start = t.start;
    run->pace = t.pace;
    const std::string d0 = t.start;
    const int goal = rank_of(t.state);
    const bool fails = std::string(t.state) == "failed";
    auto at = [&](int64_t days) { return epoch_of(run->day(days)); };
    int order = static_cast<int>(steps_.size());
    auto add = [&](int64_t when, std::function<Status()> fn) { steps_.push_back({when, order++, std::move(fn)}); };
    if (t.withdraws_on)
      add(epoch_of(t.withdraws_on), [this, run]() -> Status {
        // As the plan asks, the district proposes another enterprise of the same industry in its place (增补).
        SZ_ASSIGN(auto gone, pf_.service<registry::Service>().get_enterprise(people_.admin, run->enterprise_id));
        registry::EnterpriseInput in;
        in.name = gone.name + "（增补）";
        in.credit_code = demo_credit_code(gone.district_code, 800000 + run->enterprise_id);
        in.industry = gone.industry_code;
        SZ_ASSIGN(auto w, pf_.service<registry::Service>().request_withdrawal(people_.admin, kOrigin, run->enterprise_id,
                                                            "企业经营调整，申请退出试点", in));
        SZ_TRY(pf_.service<registry::Service>().decide_withdrawal(people_.admin, kOrigin, w.id, true, "同意退出"));
        return ok();
      });

    add(at(-20), [this, run, d0]() -> Status {
      projects::DiagnosisInput in{provider_id_, run->day(-21), "排产依赖人工经验，质量数据分散，设备状态不透明",
                                  {"计划排程", "质量管理", "设备管理"}, 3'000'000 + run->enterprise_id * 1000, {}, {}};
      SZ_TRY(pf_.service<projects::Service>().add_diagnosis(run->enterprise, kOrigin, run->enterprise_id, in));
      return ok();
    });
    add(at(0), [this, run, d0]() -> Status {
      projects::NewProject np;
      np.enterprise_id = run->enterprise_id;
      np.name = "生产全流程数字化改造";
      np.integrator_id = provider_id_;
      np.plan.scenarios = {{"计划排程", "N"}, {"质量管理", "N"}, {"设备管理", "X"}};
      np.plan.products = {"智能排产SaaS", "设备联网采集终端"};
      np.plan.budget = {{"软件与平台服务", 60'000'000}, {"数据采集硬件", 30'000'000}, {"实施与培训", 10'000'000}};
      for (auto [name, days, what] : {std::tuple{"设备联网与数据采集", 120, "联网设备清单与采集报告"},
                                      std::tuple{"排产与质量系统上线", 240, "上线报告"},
                                      std::tuple{"试运行与效果评估", 330, "试运行总结"}}) {
        projects::store::Milestone m;
        m.name = name;
        m.due_on = run->day(days);
        m.deliverable = what;
        np.plan.milestones.push_back(m);
      }
      SZ_ASSIGN(auto pr, pf_.service<projects::Service>().create(run->enterprise, kOrigin, np));
      run->project_id = pr.id;
      SZ_ASSIGN(auto rows, pf_.service<projects::Service>().detail(people_.admin, pr.id));
      for (const auto& m : rows.plan.milestones) run->milestone_ids.push_back(m.id);
      return ok();
    });
    if (goal < 1) return;
    add(at(3), [this, run]() { return move(*run, run->enterprise, "submit"); });
    if (goal < 2) return;
    add(at(10), [this, run]() -> Status {
      reviews::NewRound r{"project", run->project_id, {}, 0, std::nullopt};
      for (const auto& e : people_.experts) r.expert_ids.push_back(e.user_id);
      SZ_ASSIGN(auto v, pf_.service<reviews::Service>().create_round(people_.admin, kOrigin, r));
      run->round_id = v.round.id;
      return ok();
    });
    for (size_t i = 0; i < people_.experts.size(); ++i)
      add(at(14), [this, run, i]() {
        int64_t k = static_cast<int64_t>(i) + run->enterprise_id;
        return pf_.service<reviews::Service>().score(people_.experts[i], kOrigin, run->round_id,
                                   {{"necessity", 15 + k % 5}, {"scenarios", 19 + k % 6}, {"feasibility", 18 + k % 7},
                                    {"budget", 11 + k % 4}, {"benefits", 10 + k % 5}},
                                   "方案聚焦排产与质量痛点，场景选择合理", true);
      });
    add(at(16), [this, run]() -> Status {
      SZ_TRY(pf_.service<reviews::Service>().consensus(people_.experts[0], kOrigin, run->round_id, true, "同意立项，建议细化数据采集点位"));
      return ok();
    });
    add(at(20), [this, run]() { return move(*run, people_.admin, "approve"); });
    if (goal < 3) return;
    add(at(25), [this, run, d0]() -> Status {
      SZ_ASSIGN(int64_t doc, upload(run->enterprise, run->project_id, "改造合同.pdf"));
      projects::ContractInput c{96'000'000, 110'000'000, run->day(24), run->day(25), run->day(340), doc};
      SZ_TRY(pf_.service<projects::Service>().set_contract(run->enterprise, kOrigin, run->project_id, c));
      return pf_.service<projects::Service>().assign_expert(people_.admin, kOrigin, run->project_id, people_.experts[1].user_id, "supervision");
    });
    add(at(30), [this, run]() { return move(*run, people_.integrator, "start"); });
    for (int k = 0; k < 2; ++k)
      add(at(60 + 90 * k), [this, run, d0, k]() -> Status {
        SZ_ASSIGN(int64_t invoice, upload(run->enterprise, run->project_id, "发票" + std::to_string(k + 1) + ".pdf"));
        SZ_ASSIGN(int64_t paid, upload(run->enterprise, run->project_id, "付款凭证" + std::to_string(k + 1) + ".pdf"));
        run->invoice_doc = invoice;
        projects::CostInput c{k == 0 ? "软件与平台服务" : "数据采集硬件", k == 0 ? 48'000'000 : 36'000'000,
                              run->day(59 + 90 * k), provider_id_, invoice, paid};
        SZ_TRY(pf_.service<projects::Service>().add_cost(run->enterprise, kOrigin, run->project_id, c));
        return ok();
      });
    // Supervision: a finding with a deadline; rectified in time, except on the projects that are to be at risk.
    add(at(100), [this, run, d0]() -> Status {
      SZ_TRY(pf_.service<projects::Service>().add_visit(people_.experts[1], kOrigin, run->project_id, run->day(100),
                                      "部分设备数据采集频率不足，质量追溯字段不全", run->day(130)));
      return ok();
    });
    if (!t.at_risk)
      add(at(125), [this, run, d0]() -> Status {
        SZ_ASSIGN(auto detail, pf_.service<projects::Service>().detail(run->enterprise, run->project_id));
        return pf_.service<projects::Service>().rectify(run->enterprise, kOrigin, run->project_id, detail.visits.back().id,
                                      run->day(125), "已提高采集频率并补全追溯字段");
      });
    // Milestones done on their day (a day late for the second), as long as the day has come and the project is not
    // one left behind.
    const int64_t done_offsets[] = {118, 241, 325};
    for (size_t i = 0; i < 3; ++i) {
      if (t.at_risk) break;
      int64_t off = done_offsets[i];
      if (*day_number(run->day(off)) > *day_number(today_)) break;
      add(at(off), [this, run, d0, i, off]() -> Status {
        SZ_ASSIGN(int64_t doc, upload(people_.integrator, run->project_id, "里程碑交付物" + std::to_string(i + 1) + ".pdf"));
        return pf_.service<projects::Service>().complete_milestone(people_.integrator, kOrigin, run->project_id, run->milestone_ids[i],
                                                 run->day(off), doc);
      });
    }
    if (goal < 4) return;
    add(at(328), [this, run]() -> Status {
      SZ_TRY(pf_.service<projects::Service>().set_outcomes(run->enterprise, kOrigin, run->project_id,
                                         {{"pass_rate", 95'200, 98'600}, {"inventory_days", 42'000, 31'000},
                                          {"unit_cost", 128'000, 117'500}, {"energy_per_output", 310, 276}}));
      for (const auto& m : pf_.service<projects::Service>().reference().materials) {
        SZ_ASSIGN(int64_t doc, upload(run->enterprise, run->project_id, m.name + ".pdf"));
        SZ_TRY(pf_.service<projects::Service>().add_material(run->enterprise, kOrigin, run->project_id, m.code, doc));
      }
      return pf_.service<projects::Service>().rate_provider(run->enterprise, kOrigin, run->project_id, 4 + run->enterprise_id % 2,
                                          "响应及时，现场实施规范");
    });
    add(at(330), [this, run]() { return move(*run, run->enterprise, "apply_acceptance"); });
    if (goal < 5) return;
    add(at(345), [this, run]() { return move(*run, people_.admin, "district_approve"); });
    if (goal < 6) return;
    add(at(355), [this, run]() -> Status {
      projects::MoveInput in{"schedule_onsite", "", people_.experts[0].user_id};
      SZ_TRY(pf_.service<projects::Service>().move(people_.admin, kOrigin, run->project_id, in));
      return ok();
    });
    if (goal < 7 && !fails) return;
    add(at(365), [this, run, fails]() -> Status {
      auto& a = pf_.service<assessment::Service>();
      SZ_ASSIGN(auto row, a.create(people_.experts[0], kOrigin, run->enterprise_id, "onsite", "2024"));
      SZ_TRY(a.save(people_.experts[0], kOrigin, row.id, fails ? level_one() : level_two()));
      SZ_TRY(a.submit(people_.experts[0], kOrigin, row.id));
      if (fails) {
        projects::MoveInput in{"fail", "现场评测为一级，未达到二级；质量追溯场景尚未贯通", std::nullopt};
        SZ_TRY(pf_.service<projects::Service>().move(people_.experts[0], kOrigin, run->project_id, in));
        return ok();
      }
      return move(*run, people_.experts[0], "pass");
    });
    if (goal < 7 || fails) return;
    // The subsidies: transformation approved once and paid in two tranches; diagnosis after the task is complete.
    add(at(380), [this, run]() -> Status {
      funding::ApproveInput in;
      in.scheme = "transformation";
      in.project_id = run->project_id;
      in.note = "验收通过，按实际发生费用核定";
      SZ_ASSIGN(auto s, pf_.service<funding::Subsidies>().approve(people_.admin, kOrigin, in));
      run->subsidy_id = s.id;
      funding::ApproveInput dg;
      dg.scheme = "diagnosis";
      dg.enterprise_id = run->enterprise_id;
      SZ_TRY(pf_.service<funding::Subsidies>().approve(people_.admin, kOrigin, dg));
      return ok();
    });
    add(at(390), [this, run, d0]() { return pay(*run, "第一期", fund_for(run->day(390)), 25'000'000); });
    if (goal < 8) return;
    add(at(540), [this, run, d0]() { return pay(*run, "第二期（绩效评价后）", fund_for(run->day(540)), 17'000'000); });
    add(at(545), [this, run]() { return move(*run, people_.admin, "pay_out"); });
  }

  Status run_all() {
    std::stable_sort(steps_.begin(), steps_.end(), [](const Step& a, const Step& b) {
      return a.at != b.at ? a.at < b.at : a.order < b.order;
    });
    TerminalProgress bar("演示项目");
    int64_t n = 0;
    for (const auto& s : steps_) {
      pf_.set_time(s.at);
      SZ_TRY(s.run());
      bar.update(++n, static_cast<int64_t>(steps_.size()));
    }
    return ok();
  }

  // Another area's step on its day, run in day order with the projects' steps.
  void at(const std::string& day, int hour, std::function<Status()> fn) {
    steps_.push_back({epoch_of(day, hour), static_cast<int>(steps_.size()), std::move(fn)});
  }
  void set_today(std::string today) { today_ = std::move(today); }
  std::map<int64_t, int64_t>& fund_ids() { return fund_ids_; }

 private:
  Status move(const Run& r, const auth::Principal& who, const std::string& action) {
    SZ_TRY(pf_.service<projects::Service>().move(who, kOrigin, r.project_id, {action, "", std::nullopt}));
    return ok();
  }

  Result<int64_t> upload(const auth::Principal& who, int64_t project_id, const std::string& name) {
    fs::path tmp = fs::path(dir_) / ("demo-upload-" + std::to_string(++uploads_));
    {
      std::ofstream f(tmp, std::ios::binary);
      f << "%PDF-1.4\n% 演示资料：" << name << "（项目 " << project_id << "）\n%%EOF\n";
    }
    SZ_ASSIGN(auto doc, pf_.service<documents::Service>().upload(who, kOrigin, "project", std::to_string(project_id), name, "演示资料",
                                               tmp.string()));
    return doc.id;
  }

  int64_t fund_for(const std::string& day) const {
    int64_t year = std::stoll(day.substr(0, 4));
    auto it = fund_ids_.find(year);
    return it == fund_ids_.end() ? fund_ids_.rbegin()->second : it->second;
  }

  Status pay(Run& r, const std::string& label, int64_t fund_id, int64_t amount) {
    funding::PaymentInput in{fund_id, amount, label, "", true, std::nullopt};
    SZ_ASSIGN(auto p, pf_.service<funding::Subsidies>().schedule(people_.admin, kOrigin, r.subsidy_id, in));
    SZ_TRY(pf_.service<funding::Subsidies>().move_payment(people_.admin, kOrigin, p.id, "approve", ""));
    SZ_TRY(pf_.service<funding::Subsidies>().move_payment(people_.admin, kOrigin, p.id, "pay", ""));
    return ok();
  }

  static assessment::Answers level_two() {
    assessment::Answers a;
    a.choices = {{1, {"B"}}, {5, {"E"}}, {8, {"F"}}, {11, {"E"}}, {12, {"C"}}, {13, {"C"}}, {14, {"C"}}, {15, {"C"}}};
    a.scenes = {{"产品设计", 2}, {"营销管理", 2}, {"质量管理", 2}, {"工艺设计", 2}, {"售后服务", 2}, {"计划排程", 2}};
    return a;
  }
  static assessment::Answers level_one() {
    assessment::Answers a;
    a.choices = {{1, {"B"}}, {2, {"C"}}, {5, {"C"}}, {8, {"C"}}, {12, {"B"}}, {13, {"C"}}};
    a.scenes = {{"产品设计", 1}, {"营销管理", 1}, {"质量管理", 1}, {"工艺设计", 1}, {"售后服务", 1}, {"计划排程", 1}};
    return a;
  }

  Platform& pf_;
  People people_;
  int64_t provider_id_;
  std::string dir_;
  std::vector<Step> steps_;
  std::map<int64_t, int64_t> fund_ids_;  // year → the central fund of that year
  int64_t uploads_ = 0;
  std::string today_;
};

}  // namespace

Result<auth::Principal> demo_account(Platform& pf, const audit::Actor& actor, const std::string& username,
                                const std::string& display, const std::string& role, std::optional<int64_t> enterprise,
                                std::optional<int64_t> provider) {
  auth::NewUserInput in{username, display, kDemoPassword, {role}, std::nullopt, enterprise, provider};
  SZ_ASSIGN(int64_t id, add_demo_user(pf.service<auth::Service>(), actor, in));
  SZ_ASSIGN(auto* c, pf.db().local());
  SZ_ASSIGN(auto p, auth::internal::principal_of(*c, id));
  return *p;
}

Result<auth::Principal> demo_principal(Platform& pf, const std::string& username) {
  SZ_ASSIGN(auto u, pf.service<auth::Service>().find_user(username));
  SZ_ASSIGN(auto* c, pf.db().local());
  if (!u) return err::internal("demo account missing: " + username);
  SZ_ASSIGN(auto p, auth::internal::principal_of(*c, u->id));
  return *p;
}


Status demo_projects(Platform& pf, const audit::Actor& actor, const std::vector<int64_t>& ids, int64_t qiye_enterprise,
                     int64_t provider_id, const std::string& provider_credit_code, std::vector<DemoAccount>* accounts,
                     const std::function<Status(int64_t year)>& year_figures) {
  const std::string today = shanghai_date(SystemClock().now());
  People people;
  SZ_ASSIGN(people.admin, demo_principal(pf, "admin"));
  SZ_ASSIGN(people.integrator, demo_principal(pf, "fuwushang"));
  SZ_ASSIGN(people.bank, demo_principal(pf, "yinhang"));
  SZ_ASSIGN(auto lead, demo_principal(pf, "zhuanjia"));
  people.experts.push_back(lead);
  // Experts with their employers (conflicts of interest are judged on these); one works for the integrator, so no
  // round of its projects may take them.
  struct ExpertSpec {
    const char* username;
    const char* name;
    const char* employer;
    std::string credit_code;
    const char* industries;
  };
  const ExpertSpec experts[] = {{"zhuanjia", "演示评审专家", "郑州大学", "", "[]"},
                                {"zhuanjia2", "李振华（专家）", "河南工业大学", "", "[\"refractories\",\"aluminium\"]"},
                                {"zhuanjia3", "周敏（专家）", "郑州轻工业大学", "", "[]"},
                                {"zhuanjia4", "赵刚（专家）", "郑州数智工业互联网科技有限公司", provider_credit_code, "[]"}};
  for (const auto& e : experts) {
    auth::Principal p = lead;
    if (std::string(e.username) != "zhuanjia") {
      SZ_ASSIGN(p, demo_account(pf, actor, e.username, e.name, "expert", std::nullopt));
      if (std::string(e.username) != "zhuanjia4") people.experts.push_back(p);
      accounts->push_back({e.username, "expert", e.employer});
    }
    reviews::store::Expert x;
    x.user_id = p.user_id;
    x.specialties_json = "[\"智能制造\",\"工业互联网\"]";
    x.industries_json = e.industries;
    x.employer_name = e.employer;
    x.employer_credit_code = e.credit_code;
    SZ_TRY(pf.service<reviews::Service>().save_expert(people.admin, kOrigin, x));
  }

  fs::path dir = fs::temp_directory_path() / ("shuzhuan-demo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Builder b(pf, people, provider_id, dir.string());
  b.set_today(today);
  pf.set_time(epoch_of("2024-05-06"));
  for (auto [year, budget] : {std::pair{2024, 150'000'000'00}, std::pair{2025, 200'000'000'00}, std::pair{2026, 200'000'000'00}}) {
    funding::store::Fund central{0, "central", year, "", budget / 2, 0, 0};
    SZ_ASSIGN(auto f, pf.service<funding::Subsidies>().add_fund(people.admin, kOrigin, central));
    b.fund_ids()[year] = f.id;
    funding::store::Fund city{0, "city", year, "", budget / 2, 0, 0};
    SZ_TRY(pf.service<funding::Subsidies>().add_fund(people.admin, kOrigin, city));
  }

  // One project per target, on enterprises spread over the districts; qiye's enterprise is under way.
  std::vector<int64_t> chosen = {qiye_enterprise};
  for (size_t i = 0; chosen.size() < std::size(kTargets) && i < ids.size(); i += 23)
    if (ids[i] != qiye_enterprise) chosen.push_back(ids[i]);
  auth::Principal qiye;
  SZ_ASSIGN(qiye, demo_principal(pf, "qiye"));
  for (size_t k = 0; k < std::size(kTargets); ++k) {
    // qiye's enterprise (chosen[0]) takes target 8, the first project under way.
    const Target& t = kTargets[k];
    int64_t enterprise = chosen[k == 8 ? 0 : (k < 8 ? k + 1 : k)];
    auth::Principal who = qiye;
    if (enterprise != qiye_enterprise) {
      SZ_ASSIGN(auto* c, pf.db().local());
      SZ_ASSIGN(auto e, registry::internal::find(*c, enterprise));
      char name[32];
      std::snprintf(name, sizeof name, "qiye%03lld", static_cast<long long>(enterprise));
      SZ_ASSIGN(who, demo_account(pf, actor, name, e->name, "enterprise", enterprise));
      accounts->push_back({name, "enterprise", e->name + "（项目" + pf.service<projects::Service>().reference().lifecycle.state_name(t.state) + "）"});
    }
    b.plan(t, enterprise, who);
  }
  MarketCast cast{people.admin, people.integrator, qiye, people.experts, provider_id, ids, qiye_enterprise, actor, today, accounts};
  SZ_TRY(plan_market(pf, cast, [&b](const std::string& day, int hour, std::function<Status()> fn) {
    b.at(day, hour, std::move(fn));
  }));
  // 数字贷 for qiye's enterprise: granted for 36 months (24 subsidised), applied for, its first year's interest confirmed
  // by the bank and subsidised, then six more months confirmed and the subsidy topped up.
  auto loan = std::make_shared<int64_t>(0);
  b.at("2025-03-18", 10, [&pf, &people, loan, qiye_enterprise]() -> Status {
    funding::store::Loan l;
    l.enterprise_id = qiye_enterprise;
    l.principal_fen = 500'000'000;
    l.loan_date = "2025-03-18";
    l.term_months = 36;
    SZ_ASSIGN(auto v, pf.service<funding::Loans>().record(people.bank, kOrigin, l));
    *loan = v.loan.id;
    return ok();
  });
  b.at("2025-03-25", 10, [&pf, &qiye, loan]() -> Status {
    SZ_TRY(pf.service<funding::Loans>().apply(qiye, kOrigin, *loan));
    return ok();
  });
  for (auto [day, last, paid] : {std::tuple{"2026-03-20", 12, int64_t{16'000'000}}, std::tuple{"2026-09-21", 18, int64_t{8'000'000}}}) {
    b.at(day, 10, [&pf, &people, loan, last, paid]() -> Status {
      SZ_TRY(pf.service<funding::Loans>().confirm(people.bank, kOrigin, *loan, last, paid));
      return ok();
    });
    b.at(day, 15, [&pf, &people, loan]() -> Status {
      funding::ApproveInput in;
      in.scheme = "loan_interest";
      in.loan_id = *loan;
      SZ_TRY(pf.service<funding::Subsidies>().approve(people.admin, kOrigin, in));
      return ok();
    });
  }
  // Annual figures arrive the spring after their year.
  for (int64_t year : {2024, 2025})
    if (std::to_string(year + 1) + "-03-20" <= today)
      b.at(std::to_string(year + 1) + "-03-20", 10, [&year_figures, year]() { return year_figures(year); });
  SZ_TRY(b.run_all());

  // The loan project pool.
  pf.set_time(epoch_of(today, 9));
  {
    funding::store::PoolEntry e;
    e.enterprise_id = qiye_enterprise;
    e.amount_fen = 2'000'000'000;
    e.note = "二期智能化扩产";
    SZ_TRY(pf.service<funding::Loans>().recommend(people.admin, kOrigin, e));
  }
  // The portal opens on the plan itself and a typical case, published as the city would.
  struct Article {
    const char* kind;
    const char* title;
    const char* summary;
    const char* body;
  };
  const Article articles[] = {
      {"policy", "郑州市中小企业数字化转型城市试点工作推进方案（郑政办〔2024〕10号）",
       "两年内推动四个细分行业440家中小企业完成数字化改造、达到数字化水平二级",
       "为深入贯彻落实国家中小企业数字化转型城市试点工作部署，推动四个试点行业中小企业数字化改造……"},
      {"case", "巩义耐材企业“一企一策”改造：排产与质量追溯一体化", "验收通过，库存周转天数下降约26%",
       "企业在集成服务商支持下完成设备联网、智能排产与质量追溯改造……"},
  };
  for (const auto& a : articles) {
    publish::ArticleInput in{std::string(a.kind), std::string(a.title), std::string(a.summary), std::string(a.body),
                             std::string(a.kind) == "case" ? std::optional<std::string>("refractories") : std::nullopt};
    SZ_ASSIGN(auto created, pf.service<publish::Service>().create(people.admin, kOrigin, in));
    SZ_TRY(pf.service<publish::Service>().move(people.admin, kOrigin, created.id, "submit", ""));
    SZ_TRY(pf.service<publish::Service>().move(people.admin, kOrigin, created.id, "publish", ""));
  }
  pf.set_time(0);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return ok();
}

}  // namespace sz::demo
