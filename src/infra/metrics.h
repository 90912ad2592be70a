// Process metrics in Prometheus text format: counters, gauges and histograms with labels.
// One registry per process, as Prometheus clients do; scrapes read it under a short lock.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace sz::metrics {

// Labels rendered once by the caller: {route="/api/v1/health",method="GET"}.
std::string labels(std::initializer_list<std::pair<std::string, std::string>> kv);

class Registry {
 public:
  void declare(const std::string& name, const std::string& type, const std::string& help);
  void inc(const std::string& name, const std::string& labels = "", double by = 1);
  void set(const std::string& name, const std::string& labels, double value);
  void observe(const std::string& name, const std::string& labels, double value);  // histogram, seconds
  // Gauges computed at scrape time (store pool use, jobs by state).
  void on_scrape(std::function<void(Registry&)> fn);
  std::string render();

 private:
  struct Family {
    std::string type, help;
    std::map<std::string, double> values;                        // labels → value (counter, gauge)
    std::map<std::string, std::vector<uint64_t>> buckets;         // labels → cumulative counts per bound
    std::map<std::string, std::pair<double, uint64_t>> sum_count; // labels → (sum, count)
  };
  std::mutex mu_;
  std::map<std::string, Family> families_;
  std::vector<std::function<void(Registry&)>> scrape_hooks_;
};

Registry& registry();
extern const std::vector<double> kLatencyBounds;

}  // namespace sz::metrics
