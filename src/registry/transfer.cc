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

// The one layout of import and export. The first four columns are required in an import; a row may also carry one
// year's figures (数据年度 and the four figures together), from which the 中小企业划型 is judged.
const std::vector<std::string> kColumns = {"企业名称", "统一社会信用代码", "行业", "所属区县", "试点批次", "地址",
                                           "法定代表人", "联系人", "联系电话", "企业梯度", "上云用云", "上云星级",
                                           "重点培育", "数据年度", "营业收入（万元）", "从业人员（人）", "研发投入（万元）",
                                           "新增发明专利（件）"};
enum Col { kName, kCode, kIndustry, kDistrict, kBatch, kAddress, kLegalRep, kContact, kPhone, kTier, kCloud, kStars, kKey,
           kYear, kRevenue, kEmployees, kRd, kPatents };
// The export adds what the platform judged from the figures (not read back on import).
const char* kSmeColumn = "中小企业划型";
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

// "1234.56" 万元 → 分, exactly (at most six decimals: 1 分 is 0.000001 万元); nullopt for anything else.
std::optional<int64_t> wan_to_fen(const std::string& v) {
  if (v.empty() || v.size() > 20) return std::nullopt;
  size_t dot = v.find('.');
  std::string whole = v.substr(0, dot), frac = dot == std::string::npos ? "" : v.substr(dot + 1);
  if (whole.empty() || frac.size() > 6 || whole.find_first_not_of("0123456789") != std::string::npos ||
      frac.find_first_not_of("0123456789") != std::string::npos || whole.size() > 12)
    return std::nullopt;
  frac.resize(6, '0');
  return std::stoll(whole) * 1'000'000 + std::stoll(frac);
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

std::string cell_of(const std::vector<std::string>& cells, const std::vector<int>& at, Col c) {
  int i = at[c];
  return i >= 0 && static_cast<size_t>(i) < cells.size() ? text::trim(cells[static_cast<size_t>(i)]) : std::string();
}

// The row's year figures, when it names a year: all four figures then, each a plain number.
Result<std::optional<store::Year>> year_of_row(const std::vector<std::string>& cells, const std::vector<int>& at) {
  auto cell = [&](Col c) { return cell_of(cells, at, c); };
  if (cell(kYear).empty()) {
    for (Col c : {kRevenue, kEmployees, kRd, kPatents})
      if (!cell(c).empty()) return err::invalid("year", "填写了年度数据，请同时填写“数据年度”");
    return std::optional<store::Year>{};
  }
  auto year = whole_number(cell(kYear));
  if (!year) return err::invalid("year", "数据年度应为四位年份");
  store::Year y;
  y.year = *year;
  auto revenue = wan_to_fen(cell(kRevenue)), rd = wan_to_fen(cell(kRd));
  auto employees = whole_number(cell(kEmployees)), patents = whole_number(cell(kPatents));
  if (!revenue) return err::invalid("revenue", "营业收入（万元）应为不小于 0 的数，最多六位小数");
  if (!rd) return err::invalid("rd_spending", "研发投入（万元）应为不小于 0 的数，最多六位小数");
  if (!employees) return err::invalid("employees", "从业人员应为整数");
  if (!patents) return err::invalid("invention_patents", "新增发明专利应为整数");
  y.revenue = *revenue;
  y.rd_spending = *rd;
  y.employees = *employees;
  y.invention_patents = *patents;
  return std::optional<store::Year>(y);
}

// One spreadsheet row → the input an API caller would send; a Chinese reason when a cell cannot be read.
Result<EnterpriseInput> input_of_row(const std::vector<std::string>& cells, const std::vector<int>& at, const Lookups& l) {
  auto cell = [&](Col c) { return cell_of(cells, at, c); };
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
          e.key_cultivation ? "是" : "否",
          "", "", "", "", "",  // year figures are filed per year, not exported with the record
          sme_class_name(parse_sme_class(e.sme_class).value_or(SmeClass::unknown))};
}

bj::object filter_json(const store::Filter& f) {
  bj::object o;
  for (auto [k, v] : {std::pair{"industry", &f.industry}, std::pair{"district", &f.district}, std::pair{"q", &f.q},
                      std::pair{"tier", &f.tier}, std::pair{"stage", &f.stage}, std::pair{"status", &f.status}})
    if (!v->empty()) o[k] = *v;
  if (f.level) o["level"] = *f.level;
  if (f.sme_class) o["sme"] = f.sme_class->empty() ? std::string("unknown") : *f.sme_class;
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
  if (o.contains("sme")) f.sme_class = s("sme") == "unknown" ? std::string() : s("sme");
  return f;
}
}  // namespace

Status Transfer::may_import(const auth::Principal& p) {
  if (!p.has(auth::Role::city_admin) && !p.has(auth::Role::district_officer))
    return err::forbidden("只有市级管理员和区县专班可以导入企业");
  return ok();
}

Result<jobs::Job> Transfer::request_import(const auth::Principal& p, const auth::Origin& from,
                                           const std::string& upload_path, const std::string& file_name) {
  SZ_TRY(may_import(p));
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
    SZ_ASSIGN(auto owner, auth::internal::job_owner(c, ctx.job().owner_user_id));
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

    // Rows not imported, and rows imported with a warning (a non-SME: it will not count in indicators 1–4), go back
    // in one workbook: the row as given, its number, what happened and why.
    std::unique_ptr<xlsx::Writer> rejects;
    std::string reject_file = "import-errors-" + std::to_string(ctx.job().id) + "-" + std::to_string(ctx.job().attempts) + ".xlsx";
    int64_t created = 0, updated = 0, unchanged = 0, rejected = 0, warned = 0, done = 0;
    auto note = [&](const table::Row& row, bool imported, const std::string& why) -> Status {
      if (!rejects) {
        auto headers = kColumns;
        headers.push_back("原行号");
        headers.push_back("结果");
        headers.push_back("错误原因或提示");
        SZ_ASSIGN(rejects, xlsx::Writer::create((fs::path(jobs_dir_) / reject_file).string(), "导入结果", headers));
      }
      std::vector<std::string> out(kColumns.size());
      for (size_t k = 0; k < kColumns.size(); ++k)
        if (at[k] >= 0 && static_cast<size_t>(at[k]) < row.cells.size()) out[k] = row.cells[static_cast<size_t>(at[k])];
      out.push_back(std::to_string(row.number));
      out.push_back(imported ? "已导入（提示）" : "未导入");
      out.push_back(why);
      ++(imported ? warned : rejected);
      return rejects->add_row(out);
    };

    // Valid rows commit in batches, each row under a savepoint: a bad row is set aside, never half-written.
    std::unique_ptr<db::Transaction> tx;
    int64_t in_batch = 0;
    // New names are indexed once per batch, sorted: the index is then written in order instead of at random.
    std::vector<std::pair<int64_t, std::string>> new_names;
    auto commit_batch = [&]() -> Status {
      SZ_TRY(internal::index_names(c, new_names));
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
      std::string warning;
      auto outcome = [&]() -> Result<int> {
        SZ_ASSIGN(auto in, input_of_row(row.cells, at, maps));
        SZ_ASSIGN(auto year, year_of_row(row.cells, at));
        SZ_ASSIGN(auto existing, internal::id_by_credit_code(c, normalize_credit_code(*in.credit_code)));
        int kind = 0;
        store::Enterprise e;
        if (!existing) {
          SZ_ASSIGN(e, registry_.create_in(c, owner, actor, in, false));
          new_names.emplace_back(e.id, e.name);
        } else {
          bool changed = false;
          SZ_ASSIGN(e, registry_.update_in(c, owner, actor, *existing, in, &changed));
          // Created earlier in this batch and renamed by a later row: index the name it has now.
          for (auto& [id, name] : new_names)
            if (id == e.id) name = e.name;
          kind = changed ? 1 : 2;
        }
        if (year) {
          SZ_ASSIGN(bool year_changed, registry_.set_year_in(c, actor, e, *year));
          if (year_changed && kind == 2) kind = 1;
        }
        SZ_ASSIGN(auto sme, registry_.sme_of_in(c, e.id));
        if (sme.cls == SmeClass::large) warning = sme.reason + "：不计入目标表指标1–4（企业已导入）";
        return kind;
      }();
      if (outcome) {
        SZ_TRY(c.exec_script("RELEASE SAVEPOINT import_row"));
        (*outcome == 0 ? created : *outcome == 1 ? updated : unchanged)++;
        if (!warning.empty()) SZ_TRY(note(row, true, warning));
      } else {
        if (outcome.error().status >= 500) return outcome.take_error();
        SZ_TRY(c.exec_script("ROLLBACK TO SAVEPOINT import_row"));
        SZ_TRY(c.exec_script("RELEASE SAVEPOINT import_row"));
        SZ_TRY(note(row, false, outcome.error().message));
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
                      {"unchanged", unchanged}, {"rejected", rejected}, {"warned", warned}};
    if (rejected || warned) {
      result["file"] = reject_file;
      result["name"] = "导入结果-" + fs::path(name).stem().string() + ".xlsx";
      result["size"] = static_cast<int64_t>(fs::file_size(fs::path(jobs_dir_) / reject_file, ec));
    }
    return jobs::Outcome{bj::serialize(result), nullptr};
  };
}

jobs::Handler Transfer::export_handler() {
  return [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto f = filter_of(bj::parse(ctx.job().params_json).as_object());
    auto& c = ctx.reader();
    SZ_ASSIGN(auto owner, auth::internal::job_owner(c, ctx.job().owner_user_id));
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
    auto headers = kColumns;
    headers.push_back(kSmeColumn);
    SZ_ASSIGN(auto book, xlsx::Writer::create((fs::path(jobs_dir_) / file).string(), "试点企业", headers));
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
