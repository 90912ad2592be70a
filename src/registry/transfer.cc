#include "registry/transfer.h"

#include <boost/json.hpp>
#include <cstring>
#include <filesystem>

#include "audit/service.h"
#include "infra/crypto.h"
#include "infra/table_reader.h"
#include "infra/text.h"
#include "infra/xlsx.h"

namespace sz::registry {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {

// The one layout of import and export. The first four columns are required in an import.
const std::vector<std::string> kColumns = {"企业名称", "统一社会信用代码", "行业", "所属区县", "试点批次", "地址",
                                           "法定代表人", "联系人", "联系电话", "企业梯度", "上云用云", "上云星级",
                                           "重点培育"};
enum Col { kName, kCode, kIndustry, kDistrict, kBatch, kAddress, kLegalRep, kContact, kPhone, kTier, kCloud, kStars, kKey };
constexpr size_t kRequired = 4;
constexpr int64_t kBatchRows = 5000;  // rows per transaction: hot index pages are written to the WAL once per batch

// An import holds at most 200,000 data rows (the city has hundreds of pilot enterprises; a province a few tens of
// thousands): a sheet of a million empty rows is refused rather than read.
table::Limits import_limits() {
  table::Limits l;
  l.max_rows = 200001;
  l.max_columns = 64;
  return l;
}


const std::map<std::string, std::string>& tier_codes() {
  static const std::map<std::string, std::string> m = {
      {"", "none"}, {"无", "none"}, {"none", "none"},
      {"创新型", "innovative"}, {"创新型中小企业", "innovative"}, {"innovative", "innovative"},
      {"专精特新", "specialized"}, {"专精特新中小企业", "specialized"}, {"specialized", "specialized"},
      {"小巨人", "little_giant"}, {"专精特新“小巨人”企业", "little_giant"}, {"专精特新\"小巨人\"企业", "little_giant"},
      {"专精特新小巨人", "little_giant"}, {"little_giant", "little_giant"}};
  return m;
}

std::optional<bool> yes_no(const std::string& v) {
  if (v == "是" || v == "true" || v == "TRUE" || v == "1" || v == "Y" || v == "y") return true;
  if (v == "否" || v == "false" || v == "FALSE" || v == "0" || v == "N" || v == "n" || v.empty()) return false;
  return std::nullopt;
}

// Spreadsheet programs may store whole numbers as "2024" or "2024.0".
std::optional<int64_t> whole_number(const std::string& v) {
  if (v.empty()) return std::nullopt;
  size_t dot = v.find('.');
  std::string digits = v.substr(0, dot);
  if (dot != std::string::npos && v.find_first_not_of('0', dot + 1) != std::string::npos) return std::nullopt;
  if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

struct Lookups {
  std::map<std::string, std::string> industries, districts;  // name or code → code
};

Result<Lookups> lookups(Service& registry) {
  Lookups l;
  SZ_ASSIGN(auto inds, registry.industries());
  for (const auto& i : inds) l.industries[i.code] = l.industries[i.name] = l.industries[i.short_name] = i.code;
  SZ_ASSIGN(auto ds, registry.districts());
  for (const auto& d : ds) l.districts[d.code] = l.districts[d.name] = d.code;
  return l;
}

// One spreadsheet row → the input an API caller would send; a Chinese reason when a cell cannot be read.
Result<EnterpriseInput> input_of_row(const std::vector<std::string>& cells, const std::vector<int>& at, const Lookups& l) {
  auto cell = [&](Col c) -> std::string {
    int i = at[c];
    return i >= 0 && static_cast<size_t>(i) < cells.size() ? text::trim(cells[static_cast<size_t>(i)]) : std::string();
  };
  auto present = [&](Col c) { return at[c] >= 0; };
  EnterpriseInput in;
  in.name = cell(kName);
  in.credit_code = cell(kCode);
  auto ind = l.industries.find(cell(kIndustry));
  if (ind == l.industries.end()) return err::invalid("industry", "行业“" + cell(kIndustry) + "”不存在");
  in.industry = ind->second;
  auto dis = l.districts.find(cell(kDistrict));
  if (dis == l.districts.end()) return err::invalid("district", "所属区县“" + cell(kDistrict) + "”不存在");
  in.district = dis->second;
  if (present(kBatch) && !cell(kBatch).empty()) {
    auto b = whole_number(cell(kBatch));
    if (!b) return err::invalid("batch", "试点批次应为 2024 或 2025");
    in.batch = *b;
  }
  for (auto [col, slot] : {std::pair{kAddress, &in.address}, std::pair{kLegalRep, &in.legal_rep},
                           std::pair{kContact, &in.contact_name}, std::pair{kPhone, &in.contact_phone}})
    if (present(col)) *slot = cell(col);
  if (present(kTier)) {
    auto t = tier_codes().find(cell(kTier));
    if (t == tier_codes().end()) return err::invalid("tier", "企业梯度“" + cell(kTier) + "”无法识别");
    in.tier = t->second;
  }
  for (auto [col, slot, label] : {std::tuple{kCloud, &in.cloud, "上云用云"}, std::tuple{kKey, &in.key_cultivation, "重点培育"}}) {
    if (!present(col)) continue;
    auto b = yes_no(cell(col));
    if (!b) return err::invalid(col == kCloud ? "cloud" : "key_cultivation", std::string(label) + "应填“是”或“否”");
    *slot = *b;
  }
  if (present(kStars) && !cell(kStars).empty()) {
    auto n = whole_number(cell(kStars));
    if (!n) return err::invalid("cloud_stars", "上云星级应为 0–5 的整数");
    in.cloud_stars = *n;
  }
  return in;
}

std::vector<std::string> row_of(const store::Enterprise& e, const std::map<std::string, std::string>& industry_names,
                                const std::map<std::string, std::string>& district_names) {
  return {e.name,
          e.credit_code,
          industry_names.count(e.industry_code) ? industry_names.at(e.industry_code) : e.industry_code,
          district_names.count(e.district_code) ? district_names.at(e.district_code) : e.district_code,
          std::to_string(e.batch),
          e.address,
          e.legal_rep,
          e.contact_name,
          e.contact_phone,
          tier_name(e.tier),
          e.cloud ? "是" : "否",
          std::to_string(e.cloud_stars),
          e.key_cultivation ? "是" : "否"};
}

bj::object filter_json(const store::Filter& f) {
  bj::object o;
  for (auto [k, v] : {std::pair{"industry", &f.industry}, std::pair{"district", &f.district}, std::pair{"q", &f.q},
                      std::pair{"tier", &f.tier}, std::pair{"stage", &f.stage}, std::pair{"status", &f.status}})
    if (!v->empty()) o[k] = *v;
  if (f.level) o["level"] = *f.level;
  return o;
}

store::Filter filter_of(const bj::object& o) {
  store::Filter f;
  auto s = [&](const char* k) { return o.contains(k) ? std::string(o.at(k).as_string()) : std::string(); };
  f.industry = s("industry");
  f.district = s("district");
  f.q = s("q");
  f.tier = s("tier");
  f.stage = s("stage");
  f.status = s("status");
  if (o.contains("level")) f.level = static_cast<int>(o.at("level").as_int64());
  return f;
}
}  // namespace

Result<jobs::Job> Transfer::request_import(const auth::Principal& p, const auth::Origin& from,
                                           const std::string& upload_path, const std::string& file_name) {
  if (!p.has(auth::Role::city_admin) && !p.has(auth::Role::district_officer))
    return err::forbidden("只有市级管理员和区县专班可以导入企业");
  if (upload_path.empty() || fs::file_size(upload_path) == 0) return err::invalid("file", "上传的文件为空");
  // Keep the upload where every node's job runner can read it.
  fs::path dir = fs::path(jobs_dir_) / "uploads";
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string kept = (dir / ("import-" + crypto::random_token().substr(0, 16) + ".upload")).string();
  fs::rename(upload_path, kept, ec);
  if (ec) {
    fs::copy_file(upload_path, kept, ec);
    if (ec) return err::internal("cannot keep upload: " + ec.message());
  }
  std::string params = bj::serialize(bj::object{{"file", kept}, {"name", file_name}});
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "enterprise.import", p.user_id, params, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "enterprise.import", "job", std::to_string(id), "",
                       bj::serialize(bj::object{{"name", file_name}})));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto job, jobs::find(*c, id));
  return *job;
}

Result<jobs::Job> Transfer::request_export(const auth::Principal& p, const auth::Origin& from, const store::Filter& f) {
  if (auth::enterprise_scope(p).empty()) return err::forbidden("您的角色没有可导出的企业");
  SZ_ASSIGN(auto* c, db_->local());
  std::string params = bj::serialize(filter_json(f));
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "enterprise.export", p.user_id, params, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "enterprise.export", "job", std::to_string(id), "", params));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto job, jobs::find(*c, id));
  return *job;
}

jobs::Handler Transfer::import_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto params = bj::parse(ctx.job().params_json).as_object();
    std::string file(params.at("file").as_string());
    std::string name(params.at("name").as_string());
    auto& c = ctx.reader();
    SZ_TRY(c.prepare_for_bulk());
    SZ_ASSIGN(auto owner, auth::Service::job_owner(c, ctx.job().owner_user_id));
    SZ_ASSIGN(auto maps, lookups(registry_));
    auto actor = auth::actor_of(owner, {"", "job-" + std::to_string(ctx.job().id)});

    // First pass: count the rows, for an honest progress bar (and to refuse a hostile file before writing).
    int64_t total = 0;
    {
      SZ_ASSIGN(auto counter, table::open(file, import_limits()));
      table::Row row;
      for (;;) {
        SZ_ASSIGN(bool more, counter->next(row));
        if (!more) break;
        if (row.number > 1 && !row.empty()) ++total;
      }
    }
    SZ_ASSIGN(auto reader, table::open(file, import_limits()));
    table::Row header;
    SZ_ASSIGN(bool has_header, reader->next(header));
    if (!has_header) return table::bad_file("表格是空的");
    std::vector<int> at(kColumns.size(), -1);
    for (size_t i = 0; i < header.cells.size(); ++i)
      for (size_t k = 0; k < kColumns.size(); ++k)
        if (text::trim(header.cells[i]) == kColumns[k]) at[k] = static_cast<int>(i);
    for (size_t k = 0; k < kRequired; ++k)
      if (at[k] < 0) return table::bad_file("表头缺少必需的列“" + kColumns[k] + "”（第一行应为列名）");

    std::unique_ptr<xlsx::Writer> rejects;
    std::string reject_file = "import-errors-" + std::to_string(ctx.job().id) + "-" + std::to_string(ctx.job().attempts) + ".xlsx";
    int64_t created = 0, updated = 0, unchanged = 0, rejected = 0, done = 0;
    auto reject = [&](const table::Row& row, const std::string& why) -> Status {
      if (!rejects) {
        auto headers = kColumns;
        headers.push_back("原行号");
        headers.push_back("错误原因");
        SZ_ASSIGN(rejects, xlsx::Writer::create((fs::path(jobs_dir_) / reject_file).string(), "未导入的行", headers));
      }
      std::vector<std::string> out(kColumns.size());
      for (size_t k = 0; k < kColumns.size(); ++k)
        if (at[k] >= 0 && static_cast<size_t>(at[k]) < row.cells.size()) out[k] = row.cells[static_cast<size_t>(at[k])];
      out.push_back(std::to_string(row.number));
      out.push_back(why);
      ++rejected;
      return rejects->add_row(out);
    };

    // Valid rows commit in batches, each row under a savepoint: a bad row is set aside, never half-written.
    std::unique_ptr<db::Transaction> tx;
    int64_t in_batch = 0;
    // New names are indexed once per batch, sorted: the index is then written in order instead of at random.
    std::vector<std::pair<int64_t, std::string>> new_names;
    auto commit_batch = [&]() -> Status {
      SZ_TRY(Service::index_names(c, new_names));
      new_names.clear();
      SZ_TRY(tx->commit());
      tx.reset();
      return ok();
    };
    table::Row row;
    for (;;) {
      SZ_ASSIGN(bool more, reader->next(row));
      if (!more) break;
      if (row.empty()) continue;
      if (!tx) {
        SZ_ASSIGN(tx, db::Transaction::begin(c));
      }
      SZ_TRY(c.exec_script("SAVEPOINT import_row"));
      auto outcome = [&]() -> Result<int> {
        SZ_ASSIGN(auto in, input_of_row(row.cells, at, maps));
        SZ_ASSIGN(auto existing, registry_.id_by_credit_code(c, normalize_credit_code(*in.credit_code)));
        if (!existing) {
          SZ_ASSIGN(auto created, registry_.create_in(c, owner, actor, in, false));
          new_names.emplace_back(created.id, created.name);
          return 0;
        }
        bool changed = false;
        SZ_ASSIGN(auto updated, registry_.update_in(c, owner, actor, *existing, in, &changed));
        // Created earlier in this batch and renamed by a later row: index the name it has now.
        for (auto& [id, name] : new_names)
          if (id == updated.id) name = updated.name;
        return changed ? 1 : 2;
      }();
      if (outcome) {
        SZ_TRY(c.exec_script("RELEASE SAVEPOINT import_row"));
        (*outcome == 0 ? created : *outcome == 1 ? updated : unchanged)++;
      } else {
        if (outcome.error().status >= 500) return outcome.take_error();
        SZ_TRY(c.exec_script("ROLLBACK TO SAVEPOINT import_row"));
        SZ_TRY(c.exec_script("RELEASE SAVEPOINT import_row"));
        SZ_TRY(reject(row, outcome.error().message));
      }
      ++done;
      if (++in_batch >= kBatchRows) {
        SZ_TRY(commit_batch());
        in_batch = 0;
        if (!ctx.progress(done, total)) return err::unavailable("lease lost");
      }
    }
    if (tx) SZ_TRY(commit_batch());
    if (rejects) SZ_TRY(rejects->close());
    ctx.progress(done, total);
    std::error_code ec;
    fs::remove(file, ec);
    bj::object result{{"file_name", name}, {"rows", done}, {"created", created}, {"updated", updated},
                      {"unchanged", unchanged}, {"rejected", rejected}};
    if (rejected) {
      result["file"] = reject_file;
      result["name"] = "导入错误行-" + fs::path(name).stem().string() + ".xlsx";
      result["size"] = static_cast<int64_t>(fs::file_size(fs::path(jobs_dir_) / reject_file, ec));
    }
    return jobs::Outcome{bj::serialize(result), nullptr};
  };
}

jobs::Handler Transfer::export_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto f = filter_of(bj::parse(ctx.job().params_json).as_object());
    auto& c = ctx.reader();
    SZ_ASSIGN(auto owner, auth::Service::job_owner(c, ctx.job().owner_user_id));
    SZ_ASSIGN(auto page, registry_.list_enterprises(owner, f, 1, 0));
    const int64_t total = page.total;
    std::map<std::string, std::string> industry_names, district_names;
    SZ_ASSIGN(auto inds, registry_.industries());
    for (const auto& i : inds) industry_names[i.code] = i.name;
    SZ_ASSIGN(auto ds, registry_.districts());
    for (const auto& d : ds) district_names[d.code] = d.name;
    std::error_code ec;
    fs::create_directories(jobs_dir_, ec);
    std::string file = "enterprises-" + std::to_string(ctx.job().id) + "-" + std::to_string(ctx.job().attempts) + ".xlsx";
    SZ_ASSIGN(auto book, xlsx::Writer::create((fs::path(jobs_dir_) / file).string(), "试点企业", kColumns));
    int64_t done = 0;
    bool lost = false;
    Status written = ok();
    SZ_TRY(registry_.each_enterprise(c, owner, f, [&](const store::Enterprise& e) {
      written = book->add_row(row_of(e, industry_names, district_names));
      if (!written) return false;
      if (++done % 2000 == 0 && !ctx.progress(done, total)) lost = true;
      return !lost;
    }));
    SZ_TRY(written);
    if (lost) return err::unavailable("lease lost");
    SZ_TRY(book->close());
    ctx.progress(done, total);
    bj::object result{{"file", file},
                      {"name", "试点企业-" + shanghai_time(clock_.now()).substr(0, 10) + ".xlsx"},
                      {"rows", done},
                      {"size", static_cast<int64_t>(fs::file_size(fs::path(jobs_dir_) / file, ec))}};
    return jobs::Outcome{bj::serialize(result), nullptr};
  };
}

}  // namespace sz::registry
