#include "infra/metrics.h"

#include <gtest/gtest.h>

namespace sz::metrics {

TEST(Metrics, CountersHistogramsAndScrapeHooksRenderAsPrometheusText) {
  Registry r;
  r.declare("t_requests_total", "counter", "requests");
  r.declare("t_latency_seconds", "histogram", "latency");
  r.declare("t_gauge", "gauge", "gauge");
  auto l = labels({{"route", "/a"}, {"status", "200"}});
  r.inc("t_requests_total", l);
  r.inc("t_requests_total", l);
  r.observe("t_latency_seconds", labels({{"route", "/a"}}), 0.003);
  r.observe("t_latency_seconds", labels({{"route", "/a"}}), 2);
  int scrapes = 0;
  r.on_scrape([&](Registry& reg) { reg.set("t_gauge", "", ++scrapes); });
  auto text = r.render();
  EXPECT_NE(text.find("# TYPE t_requests_total counter"), std::string::npos);
  EXPECT_NE(text.find("t_requests_total{route=\"/a\",status=\"200\"} 2"), std::string::npos);
  EXPECT_NE(text.find("t_latency_seconds_bucket{route=\"/a\",le=\"0.005\"} 1"), std::string::npos);
  EXPECT_NE(text.find("t_latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 2"), std::string::npos);
  EXPECT_NE(text.find("t_latency_seconds_count{route=\"/a\"} 2"), std::string::npos);
  EXPECT_NE(text.find("t_gauge 1"), std::string::npos);
}

}  // namespace sz::metrics
