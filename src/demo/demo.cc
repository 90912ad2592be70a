#include "demo/demo.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>
#include <map>

#include "demo/demo_projects.h"
#include "app/embedded.h"
#include "app/platform.h"
#include "assessment/service.h"
#include "auth/service.h"
#include "infra/progress.h"
#include "market/service.h"
#include "registry/service.h"
#include "registry/credit_code.h"

namespace sz::demo {

const char* const kDemoPassword = "Demo@2024";

namespace bj = boost::json;

namespace {

const audit::Actor kDemoActor{std::nullopt, "cli", "system", "demo", "local"};
}  // namespace

Result<int64_t> add_demo_user(auth::Service& auth, const audit::Actor& actor, const auth::NewUserInput& in) {
  static std::optional<std::string> hash;
  if (!hash) {
    SZ_ASSIGN(hash, auth.hash_of(kDemoPassword));
  }
  SZ_ASSIGN(auto u, auth.create_user_as(actor, in, hash));
  return u.id;
}

namespace {

const std::vector<std::string> kTradeNames = {
    "恒泰", "宏达", "嵩岳", "中原", "金鼎", "华瑞", "永盛", "天成", "鑫源", "万通", "博远", "瑞丰", "豫龙", "昌盛",
    "东方", "聚力", "凯诺", "巨能", "长兴", "明德", "信诚", "新科", "腾飞", "汇丰", "启航", "正和", "同创", "卓越",
    "远航", "恒信", "伟业", "立新", "光明", "宇辰", "安泰", "德隆", "通达", "锦程", "荣盛", "盛华", "康达", "鼎力",
    "合力", "丰源", "昊天", "嘉禾", "弘毅", "精工", "宏图", "泰和", "兴邦", "金阳", "众诚", "晟通", "铭泰", "华夏",
    "利民", "开元", "兆丰", "隆基", "耀华", "创源", "志远", "九鼎", "青松", "怡和", "祥瑞", "致远", "佳诚", "富华"};

const char* industry_suffix(const std::string& industry, size_t k) {
  static const std::map<std::string, std::pair<const char*, const char*>> kSuffix = {
      {"auto_parts", {"汽车零部件有限公司", "汽配科技有限公司"}},
      {"equipment", {"智能装备有限公司", "机械制造有限公司"}},
      {"refractories", {"耐火材料有限公司", "高温材料科技有限公司"}},
      {"aluminium", {"铝业有限公司", "铝材科技有限公司"}},
  };
  const auto& s = kSuffix.at(industry);
  return k % 2 ? s.second : s.first;
}

std::string place_of(const std::string& district_name) {
  // 巩义市 → 巩义, 郑州经开区 → 郑州经开; keeps names readable and unique per district.
  std::string n = district_name;
  for (const char* tail : {"回族区", "新区", "市", "县", "区"}) {
    std::string t = tail;
    if (n.size() > t.size() && n.compare(n.size() - t.size(), t.size(), t) == 0) return n.substr(0, n.size() - t.size());
  }
  return n;
}

std::string demo_person(int64_t seq) {
  static const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
  static const char* given[] = {"建国", "志强", "秀英", "海涛", "丽娟", "国庆", "红梅", "伟", "静", "磊", "洋", "敏"};
  return std::string(surnames[seq % 14]) + given[(seq / 14) % 12];
}

struct DistrictInfo {
  std::string code, name, division_code;
  int64_t y2024 = 0;
};

}  // namespace

std::string demo_credit_code(const std::string& division_code, int64_t seq) {
  // 9 (市场监管) 1 (企业) + area + "MA" + 7 digits + check character.
  std::string area = division_code.empty() ? "410100" : division_code;
  char org[16];
  std::snprintf(org, sizeof org, "MA%07lld", static_cast<long long>(seq % 10000000));
  std::string first17 = "91" + area + org;
  return first17 + *registry::credit_code_check_char(first17);
}


namespace {
// A deterministic spread in 0–999 (splitmix64), independent for each salt, so every demo database is the same.
int64_t spread(int64_t i, int64_t salt) {
  uint64_t z = static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(salt) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return static_cast<int64_t>((z ^ (z >> 31)) % 1000);
}

// Tiers and 上云 for each enterprise, in roughly the plan's proportions (88 % 创新型 or above, 63 % on the cloud).
Status demo_tiers(registry::Service& registry, const auth::Principal& admin, const std::vector<int64_t>& ids) {
  TerminalProgress bar("演示企业梯度");
  const auth::Origin origin{"local", "demo"};
  int64_t n = 0;
  for (int64_t id : ids) {
    int64_t h = spread(id, 17);
    registry::EnterpriseInput in;
    in.tier = h < 120 ? "specialized" : h < 140 ? "little_giant" : h < 880 ? "innovative" : "none";
    in.cloud = spread(id, 29) < 630;
    if (*in.cloud) in.cloud_stars = 1 + spread(id, 31) % 5;
    SZ_TRY(registry.update(admin, origin, id, in));
    bar.update(++n, static_cast<int64_t>(ids.size()));
  }
  return ok();
}

// One year's figures for each enterprise, filed when annual figures are (the spring after): revenue 1,200万–2亿元
// (88 % 规上), R&D 2.5–4.4 % of it, now and then an invention patent. From 2024 a few grow past the SME bounds
// (1,200 people, 5亿元): the 中小企业划型 takes them out of indicators 1–4.
Status demo_year_figures(registry::Service& registry, const auth::Principal& admin, const std::vector<int64_t>& ids,
                         int64_t year) {
  TerminalProgress bar("演示" + std::to_string(year) + "年度数据");
  const auth::Origin origin{"local", "demo"};
  int64_t n = 0;
  for (int64_t id : ids) {
    int64_t h = spread(id, 17);
    int64_t revenue = (1200 + (h * 37 + year) % 18800) * 1'000'000;
    int64_t employees = 40 + h % 400;
    if (year >= 2024 && spread(id, 41) < 8) {
      revenue = 50'000'000'000;
      employees = 1200;
    }
    int64_t rd = revenue / 1000 * (25 + (h + year) % 20);
    registry::store::Year y{year, revenue, employees, rd, spread(id, year) < 150 ? 1 : 0};
    SZ_TRY(registry.set_year(admin, origin, id, y));
    bar.update(++n, static_cast<int64_t>(ids.size()));
  }
  return ok();
}

// About a third of the enterprises have submitted a self-assessment: most reach 二级, some stay at 一级, a few 三级.
Status demo_assessments(assessment::Service& assessment, const auth::Principal& admin, const std::vector<int64_t>& ids) {
  TerminalProgress bar("演示评测");
  const auth::Origin origin{"local", "demo"};
  assessment::Answers level1, level2, level3;
  level1.choices = {{1, {"B"}}, {2, {"C"}}, {5, {"C"}}, {8, {"C"}}, {12, {"B"}}, {13, {"C"}}};
  level1.scenes = {{"产品设计", 1}, {"营销管理", 1}, {"质量管理", 1}, {"工艺设计", 1}, {"售后服务", 1}, {"计划排程", 1}};
  level2.choices = {{1, {"B", "C"}}, {2, {"D"}}, {5, {"E"}}, {8, {"F"}}, {11, {"C"}}, {12, {"C"}}, {13, {"C"}},
                    {14, {"C"}}, {15, {"C"}}};
  level2.scenes = {{"产品设计", 2}, {"营销管理", 2}, {"质量管理", 2}, {"生产管控", 2}, {"设备管理", 2}, {"财务管理", 2}};
  level3 = level2;
  level3.choices[4] = {"B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"};
  level3.choices[9] = {"B", "C", "D", "E"};
  level3.choices[10] = {"B", "C", "D"};
  level3.choices[3] = {"E"};
  level3.scenes = {{"产品设计", 3}, {"营销管理", 3}, {"质量管理", 3}, {"生产管控", 3}, {"设备管理", 3}, {"财务管理", 3},
                   {"计划排程", 3}, {"协同办公", 3}};
  std::vector<int64_t> chosen;
  for (int64_t id : ids)
    if (spread(id, 3) < 340) chosen.push_back(id);
  int64_t n = 0;
  for (int64_t id : chosen) {
    int64_t h = spread(id, 5);
    const auto& sheet = h < 150 ? level1 : h < 900 ? level2 : level3;
    SZ_ASSIGN(auto a, assessment.create(admin, origin, id, "self", "2024"));
    SZ_TRY(assessment.save(admin, origin, a.id, sheet));
    SZ_TRY(assessment.submit(admin, origin, a.id));
    bar.update(++n, static_cast<int64_t>(chosen.size()));
  }
  return ok();
}
// 三员分立's three administrators, created last so that the ids of the demo's other accounts stay as they were.
Result<std::vector<DemoAccount>> with_duty_accounts(auth::Service& auth, std::vector<DemoAccount> accounts) {
  const DemoAccount duties[] = {{"xitong", "system_admin", "平台运行"},
                                {"anquan", "security_admin", "账号与角色"},
                                {"shenji", "audit_admin", "审计日志与登录日志"}};
  const char* names[] = {"演示系统管理员", "演示安全管理员", "演示审计管理员"};
  for (size_t i = 0; i < std::size(duties); ++i) {
    SZ_TRY(add_demo_user(auth, kDemoActor, {duties[i].username, names[i], kDemoPassword, {duties[i].role}, {}, {}, {}}));
    accounts.push_back(duties[i]);
  }
  return accounts;
}
}  // namespace

Result<std::vector<DemoAccount>> load_demo(Platform& platform, bool bare) {
  auto& db = platform.db();
  auto& auth = platform.service<auth::Service>();
  auto& registry = platform.service<registry::Service>();
  auto& assessment = platform.service<assessment::Service>();
  const Clock& clock = platform.clock();
  // The full demo writes a dated history: the enterprises join in April 2024, the rest follows on its own days.
  if (!bare) platform.set_time(*day_number("2024-04-15") * 86400 + 2 * 3600);
  std::vector<DemoAccount> accounts = {
      {"admin", "city_admin", "全市"},          {"gongyi", "district_officer", "巩义市"},
      {"xinmi", "district_officer", "新密市"},  {"qiye", "enterprise", "新密市第一家演示企业"},
      {"fuwushang", "provider", "演示服务商"},  {"zhuanjia", "expert", "评审专家"},
      {"yinhang", "bank", "合作银行"},          {"xitong", "system_admin", "平台运行（三员分立）"},
      {"anquan", "security_admin", "账号与角色（三员分立）"}, {"shenji", "audit_admin", "审计日志、登录日志（三员分立）"}};
  SZ_ASSIGN(auto* c, db.local());
  SZ_ASSIGN(auto existing, auth.find_user("admin"));
  if (existing) return accounts;

  auto alloc_text = embedded::find("data/demo/allocation.json", embedded::demo_files());
  if (!alloc_text) return err::internal("demo allocation missing from the build");
  const auto alloc = bj::parse(*alloc_text).at("allocation").as_object();

  SZ_ASSIGN(auto districts, registry.districts());
  auto plan_text = embedded::find("data/plan-2024-10.json");
  const auto plan = bj::parse(*plan_text).as_object();
  std::map<std::string, int64_t> first_batch;  // district → its 2024 target
  for (const auto& d : plan.at("district_targets").as_array())
    first_batch[std::string(d.at("district").as_string())] = d.at("y2024").as_int64();

  std::vector<registry::store::Enterprise> list;
  int64_t seq = 0;
  for (const auto& d : districts) {
    const auto* cells = alloc.if_contains(d.code);
    if (!cells) continue;
    // Interleave industries so each batch of a district mixes them.
    std::vector<std::pair<std::string, int64_t>> left;
    for (const auto& kv : cells->as_object()) left.emplace_back(std::string(kv.key()), kv.value().as_int64());
    std::map<std::string, size_t> used;
    int64_t n = 0;
    for (bool any = true; any;) {
      any = false;
      for (auto& [industry, count] : left) {
        if (count == 0) continue;
        any = true;
        --count;
        ++seq;
        size_t k = used[industry]++;
        registry::store::Enterprise e;
        e.name = place_of(d.name) + kTradeNames[k % kTradeNames.size()] + industry_suffix(industry, k / kTradeNames.size());
        e.credit_code = demo_credit_code(d.division_code, seq);
        e.industry_code = industry;
        e.district_code = d.code;
        e.batch = n++ < first_batch[d.code] ? 2024 : 2025;
        e.address = "河南省郑州市" + d.name + "演示路" + std::to_string(seq) + "号";
        e.legal_rep = demo_person(seq);
        e.contact_name = demo_person(seq * 7 + 3);
        char phone[16];
        std::snprintf(phone, sizeof phone, "1380371%04lld", static_cast<long long>(seq % 10000));
        e.contact_phone = phone;
        list.push_back(std::move(e));
      }
    }
  }
  TerminalProgress bar("演示企业");
  SZ_ASSIGN(auto ids, registry.create_enterprises_as(kDemoActor, list, [&](int64_t done, int64_t total) {
    bar.update(done, total);
  }));

  // qiye is the first demo enterprise of 新密市.
  int64_t qiye_enterprise = 0;
  for (size_t i = 0; i < list.size() && !qiye_enterprise; ++i)
    if (list[i].district_code == "410183") qiye_enterprise = ids[i];

  market::store::Provider provider{0, "郑州数智工业互联网科技有限公司", "", "integrator", true};
  provider.credit_code = demo_credit_code("410100", 900001);
  SZ_ASSIGN(int64_t provider_id, market::internal::create_provider_as(*c, kDemoActor, provider, clock.now()));

  struct Spec {
    const char* username;
    const char* display_name;
    const char* role;
    std::optional<std::string> district;
    std::optional<int64_t> enterprise_id, provider_id;
  };
  const Spec specs[] = {
      {"admin", "市工信局管理员", "city_admin", {}, {}, {}},
      {"gongyi", "巩义市专班", "district_officer", std::string("410181"), {}, {}},
      {"xinmi", "新密市专班", "district_officer", std::string("410183"), {}, {}},
      {"qiye", "演示企业用户", "enterprise", {}, qiye_enterprise, {}},
      {"fuwushang", "演示服务商用户", "provider", {}, {}, provider_id},
      {"zhuanjia", "演示评审专家", "expert", {}, {}, {}},
      {"yinhang", "演示合作银行", "bank", {}, {}, {}},
  };
  for (const auto& s : specs) {
    auth::NewUserInput in{s.username, s.display_name, kDemoPassword, {s.role}, s.district, s.enterprise_id, s.provider_id};
    SZ_TRY(add_demo_user(auth, kDemoActor, in));
  }
  if (bare) return with_duty_accounts(auth, std::move(accounts));
  SZ_ASSIGN(auto admin_user, auth.find_user("admin"));
  SZ_ASSIGN(auto admin, auth::internal::principal_of(*c, admin_user->id));
  SZ_TRY(demo_tiers(registry, *admin, ids));
  SZ_TRY(demo_year_figures(registry, *admin, ids, 2023));  // the latest annual figures when the enterprises join
  platform.set_time(*day_number("2024-05-06") * 86400 + 2 * 3600);
  SZ_TRY(demo_assessments(assessment, *admin, ids));
  auto later_figures = [&registry, admin = *admin, ids](int64_t year) { return demo_year_figures(registry, admin, ids, year); };
  SZ_TRY(demo_projects(platform, kDemoActor, ids, qiye_enterprise, provider_id, provider.credit_code, &accounts,
                       later_figures));
  return with_duty_accounts(auth, std::move(accounts));
}

module::Command load_command() {
  return {"", "载入演示数据（440家试点企业及各角色账号）", true, [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto bare = std::make_shared<bool>(false);
            cmd.add_flag("--bare", *bare, "只载入账号和440家企业（不含年度数据与评测；接口测试从此开始）");
            return [bare](module::Context& ctx) {
              if (auto s = ctx.prepare(); !s) return module::fail(s.error());
              auto accounts = load_demo(ctx.service<Platform>(), *bare);
              if (!accounts) return module::fail(accounts.error());
              std::cout << "演示数据已就绪。演示账号（密码均为 " << kDemoPassword << "）：\n";
              for (const auto& a : *accounts) std::cout << "  " << a.username << "\t" << a.role << "\t" << a.scope << "\n";
              return 0;
            };
          }};
}

}  // namespace sz::demo
