#include "infra/metrics.h"

#include <cstdio>

#include "infra/log.h"

namespace sz::metrics {

const std::vector<double> kLatencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

std::string labels(std::initializer_list<std::pair<std::string, std::string>> kv) {
  std::string s;
  for (const auto& [k, v] : kv) s += (s.empty() ? "" : ",") + k + "=\"" + log::json_escape(v) + "\"";
  return s.empty() ? s : "{" + s + "}";
}

Registry& registry() {
  static Registry r;
  return r;
}

void Registry::declare(const std::string& name, const std::string& type, const std::string& help) {
  std::lock_guard lock(mu_);
  auto& f = families_[name];
  f.type = type;
  f.help = help;
}

void Registry::inc(const std::string& name, const std::string& l, double by) {
  std::lock_guard lock(mu_);
  families_[name].values[l] += by;
}

void Registry::set(const std::string& name, const std::string& l, double value) {
  std::lock_guard lock(mu_);
  families_[name].values[l] = value;
}

void Registry::observe(const std::string& name, const std::string& l, double value) {
  std::lock_guard lock(mu_);
  auto& f = families_[name];
  auto& b = f.buckets[l];
  if (b.empty()) b.assign(kLatencyBounds.size(), 0);
  for (size_t i = 0; i < kLatencyBounds.size(); ++i)
    if (value <= kLatencyBounds[i]) ++b[i];
  auto& sc = f.sum_count[l];
  sc.first += value;
  ++sc.second;
}

void Registry::on_scrape(std::function<void(Registry&)> fn) {
  std::lock_guard lock(mu_);
  scrape_hooks_.push_back(std::move(fn));
}

namespace {
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}
// {a="1"} + le="0.5" → {a="1",le="0.5"}
std::string with_le(const std::string& l, const std::string& le) {
  std::string extra = "le=\"" + le + "\"";
  if (l.empty()) return "{" + extra + "}";
  return l.substr(0, l.size() - 1) + "," + extra + "}";
}
}  // namespace

std::string Registry::render() {
  std::vector<std::function<void(Registry&)>> hooks;
  {
    std::lock_guard lock(mu_);
    hooks = scrape_hooks_;
  }
  for (auto& h : hooks) h(*this);
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& [name, f] : families_) {
    out += "# HELP " + name + " " + f.help + "\n# TYPE " + name + " " + f.type + "\n";
    for (const auto& [l, v] : f.values) out += name + l + " " + num(v) + "\n";
    for (const auto& [l, b] : f.buckets) {
      for (size_t i = 0; i < kLatencyBounds.size(); ++i)
        out += name + "_bucket" + with_le(l, num(kLatencyBounds[i])) + " " + std::to_string(b[i]) + "\n";
      const auto& sc = f.sum_count.at(l);
      out += name + "_bucket" + with_le(l, "+Inf") + " " + std::to_string(sc.second) + "\n";
      out += name + "_sum" + l + " " + num(sc.first) + "\n";
      out += name + "_count" + l + " " + std::to_string(sc.second) + "\n";
    }
  }
  return out;
}

}  // namespace sz::metrics
