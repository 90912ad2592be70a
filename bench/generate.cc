// Generates a national-scale data set for benchmarks: N enterprises across the 16 districts and 4 industries,
// with tiers, 上云 (dated), three years of figures (about 2 % of them not SMEs), name index rows and, for 40 % of them, a
// submitted self-assessment; two thirds of those at 二级 or above are accepted on a day between mid-2024 and late 2026 —
// then rebuilds the summary counts (today's, yearly and day-keyed) the way the migration does. Bulk SQL in large transactions: this is a
// benchmark fixture, not a path real data takes (real writes go through the services and the audit trail).
//
//   bench/generate --db sqlite:/tmp/big.db --enterprises 1000000
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "app/migrate.h"
#include "app/reference.h"
#include "infra/db/db.h"
#include "registry/rules.h"
#include "registry/service.h"

using namespace sz;

namespace {
const char* kDistricts[] = {"410181", "410183", "410171", "410172", "410182", "410122", "410106", "410185",
                            "410102", "410184", "410104", "410173", "410105", "zhengdong", "410108", "410103"};
const char* kAreas[] = {"410181", "410183", "410171", "410172", "410182", "410122", "410106", "410185",
                        "410102", "410184", "410104", "410173", "410105", "410100", "410108", "410103"};
const char* kIndustries[] = {"auto_parts", "equipment", "refractories", "aluminium"};
const char* kSuffix[] = {"汽车零部件有限公司", "智能装备有限公司", "耐火材料有限公司", "铝业有限公司"};
const char* kWords[] = {"恒泰", "宏达", "嵩岳", "中原", "金鼎", "华瑞", "永盛", "天成", "鑫源", "万通", "博远", "瑞丰",
                        "豫龙", "昌盛", "东方", "聚力", "凯诺", "巨能", "长兴", "明德", "信诚", "新科", "腾飞", "汇丰"};

uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int fail(const Error& e) {
  std::cerr << e.message << " " << e.detail << "\n";
  return 1;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"shuzhuan benchmark data generator"};
  std::string url;
  int64_t n = 1000000;
  cli.add_option("--db", url, "database URL")->required();
  cli.add_option("--enterprises", n, "how many enterprises");
  CLI11_PARSE(cli, argc, argv);
  auto opened = db::Database::open(url);
  if (!opened) return fail(opened.error());
  auto db = *opened;
  auto c = db->connect();
  if (!c) return fail(c.error());
  auto& conn = **c;
  if (auto s = app::migrate(conn, 1800000000); !s) return fail(s.error());
  if (auto s = app::load_reference(conn, 1800000000); !s) return fail(s.error());
  if (db->engine() == db::Engine::sqlite) (void)conn.exec_script("PRAGMA synchronous=OFF");
  auto started = std::chrono::steady_clock::now();
  const int64_t batch = 20000;
  for (int64_t from = 1; from <= n; from += batch) {
    auto tx = db::Transaction::begin(conn);
    if (!tx) return fail(tx.error());
    for (int64_t i = from; i < from + batch && i <= n; ++i) {
      uint64_t h = mix(static_cast<uint64_t>(i));
      int d = static_cast<int>(h % 16), ind = static_cast<int>((h >> 8) % 4);
      char org[24];
      std::snprintf(org, sizeof org, "%09lld", static_cast<long long>(i));  // digits only: always in the alphabet
      std::string first17 = std::string("91") + kAreas[d] + org;
      std::string code = first17 + *registry::credit_code_check_char(first17);
      std::string name = std::string(kWords[(h >> 16) % 24]) + kWords[(h >> 24) % 24] + std::to_string(i) + kSuffix[ind];
      int64_t level = (h >> 32) % 10 < 4 ? 1 + static_cast<int64_t>((h >> 36) % 3) : 0;
      const char* tier = (h >> 40) % 10 < 7 ? "innovative" : (h >> 40) % 10 < 9 ? "specialized" : "none";
      int64_t cloud = (h >> 44) % 10 < 6;
      const int64_t day0 = 19723;  // 2024-01-01 as days since the epoch
      // 上云 on a day in 2023–2026; acceptance (at the level reached) on a day from 2024-06 to 2026-11.
      std::optional<int64_t> cloud_at, accepted_at;
      if (cloud) cloud_at = (day0 - 365 + static_cast<int64_t>(mix(h) % 1430)) * 86400 + 7200;
      if (level >= 2 && (h >> 58) % 3 < 2) accepted_at = (day0 + 152 + static_cast<int64_t>(mix(h + 1) % 880)) * 86400 + 7200;
      auto row = conn.query_one(
          "INSERT INTO enterprises (name, credit_code, industry_code, district_code, batch, status, address, legal_rep, "
          "contact_name, contact_phone, created_at, updated_at, level, level_source, tier, scale_above, cloud, cloud_stars, "
          "cloud_at, accepted_at, accepted_level) "
          "VALUES ($1,$2,$3,$4,$5,'active','','','','',1800000000,1800000000,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id",
          {name, code, std::string(kIndustries[ind]), std::string(kDistricts[d]), static_cast<int64_t>(2024 + (h >> 48) % 2),
           level, std::string(level ? "self" : ""), std::string(tier), static_cast<int64_t>((h >> 52) % 10 < 9), cloud,
           cloud ? static_cast<int64_t>(1 + (h >> 56) % 5) : int64_t{0}, db::opt(cloud_at), db::opt(accepted_at),
           accepted_at ? level : int64_t{0}});
      if (!row) return fail(row.error());
      int64_t id = (*row)->i64(0);
      for (const auto& g : registry::name_grams(name))
        if (auto s = conn.execute("INSERT INTO enterprise_name_grams (gram, enterprise_id) VALUES ($1,$2)", {g, id}); !s)
          return fail(s.error());
      const bool large = mix(h + 2) % 50 == 0;  // about 2 %: past both SME bounds (300号)
      for (int64_t year : {2023, 2024, 2025}) {
        int64_t revenue = (large ? 45000 : static_cast<int64_t>(1200 + (h >> (year - 2010)) % 18800)) * 1000000;
        int64_t employees = large ? 1200 : static_cast<int64_t>(10 + mix(h + year) % 600);
        if (auto s = conn.execute("INSERT INTO enterprise_years (enterprise_id, year, revenue, employees, rd_spending, "
                                  "invention_patents, updated_at) VALUES ($1,$2,$3,$4,$5,$6,1800000000)",
                                  {id, year, revenue, employees, revenue / 1000 * 33,
                                   static_cast<int64_t>(year == 2025 && h % 7 == 0)});
            !s)
          return fail(s.error());
      }
      if (level)
        if (auto s = conn.execute("INSERT INTO assessments (enterprise_id, model_version, kind, status, answers_json, "
                                  "scenes_json, score, dimensions_json, level, explanation, created_by, created_at, "
                                  "updated_at, submitted_at) VALUES ($1,'2024-public-1','self','submitted','{}','{}',"
                                  "$2,'{}',$3,'',1,1800000000,1800000000,1800000000)",
                                  {id, 20000 + level * 20000, level});
            !s)
          return fail(s.error());
    }
    if (auto s = (*tx)->commit(); !s) return fail(s.error());
    std::fprintf(stderr, "\r%lld / %lld", static_cast<long long>(std::min(from + batch - 1, n)), static_cast<long long>(n));
  }
  {
    auto tx = db::Transaction::begin(conn);
    if (!tx) return fail(tx.error());
    if (auto s = registry::internal::rebuild_counts(conn, app::registry_params()); !s) return fail(s.error());
    if (auto s = (*tx)->commit(); !s) return fail(s.error());
  }
  (void)conn.exec_script(db->engine() == db::Engine::sqlite ? "ANALYZE" : "ANALYZE");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "\ngenerated %lld enterprises in %.1f s\n", static_cast<long long>(n), secs);
  return 0;
}
