#include "infra/http/client_ip.h"

#include <gtest/gtest.h>

#include <chrono>

namespace sz::http {

TEST(ClientIp, OnlyTrustedProxiesAreBelieved) {
  std::vector<std::string> trusted = {"10.0.0.1", "10.0.0.2"};
  EXPECT_EQ(client_ip("203.0.113.9", "1.2.3.4", trusted), "203.0.113.9");       // not a proxy: header ignored
  EXPECT_EQ(client_ip("10.0.0.1", "1.2.3.4", trusted), "1.2.3.4");
  EXPECT_EQ(client_ip("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", trusted), "1.2.3.4");  // spoofed left part ignored
  EXPECT_EQ(client_ip("10.0.0.1", "", trusted), "10.0.0.1");
  EXPECT_EQ(client_ip("10.0.0.1", "10.0.0.2", trusted), "10.0.0.1");
}

// Found by the fuzzer: each hop walked used to copy the rest of the header, so a long chain of trusted hops took time
// quadratic in its length (258 ms for 8 KB in the fuzz build; 2 s for these 2 MB). One pass is milliseconds.
TEST(ClientIp, ALongChainOfTrustedHopsIsOnePass) {
  std::string chain = "1.2.3.4";
  for (int i = 0; i < 200000; ++i) chain += ", 10.0.0.2";
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(client_ip("10.0.0.1", chain, {"10.0.0.1", "10.0.0.2"}), "1.2.3.4");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(ms, 500);
}

TEST(ClientIp, AddressedOriginTrustsForwardedHostAndProtoFromProxiesOnly) {
  std::vector<std::string> trusted = {"10.0.0.1"};
  Request r;
  r.peer = "10.0.0.1";
  r.headers = {{"host", "127.0.0.1:8080"}, {"x-forwarded-host", "SZZX.example.gov.cn, inner"}, {"x-forwarded-proto", "https"}};
  EXPECT_EQ(addressed_origin(r, trusted), "https://szzx.example.gov.cn");
  r.peer = "203.0.113.9";
  EXPECT_EQ(addressed_origin(r, trusted), "http://127.0.0.1:8080");
  r.headers = {{"host", "example.gov.cn:80"}};
  EXPECT_EQ(addressed_origin(r, trusted), "http://example.gov.cn");
  r.headers.clear();
  EXPECT_EQ(addressed_origin(r, trusted), "");
}

TEST(ClientIp, OriginOfUrl) {
  EXPECT_EQ(origin_of_url("HTTPS://Szzx.example.gov.cn:443/login?x=1#y"), "https://szzx.example.gov.cn");
  EXPECT_EQ(origin_of_url("http://127.0.0.1:5173"), "http://127.0.0.1:5173");
  EXPECT_EQ(origin_of_url("http://[::1]:8080/"), "http://[::1]:8080");
  EXPECT_EQ(origin_of_url("null"), "");
  EXPECT_EQ(origin_of_url("file:///etc/passwd"), "");
  EXPECT_EQ(origin_of_url("/relative"), "");
}

TEST(ClientIp, ProvenanceByOriginThenReferer) {
  Request r;
  r.site = "https://szzx.example.gov.cn";
  EXPECT_EQ(provenance(r), Provenance::unstated);
  r.headers = {{"referer", "https://szzx.example.gov.cn/login"}};
  EXPECT_EQ(provenance(r), Provenance::same_site);
  r.headers = {{"origin", "https://evil.example"}, {"referer", "https://szzx.example.gov.cn/login"}};
  EXPECT_EQ(provenance(r), Provenance::cross_site);  // the Origin decides when both are present
  r.headers = {{"origin", "null"}};
  EXPECT_EQ(provenance(r), Provenance::cross_site);
  r.headers = {{"origin", "http://szzx.example.gov.cn"}};
  EXPECT_EQ(provenance(r), Provenance::cross_site);  // the same host over plain HTTP is another site
  r.site.clear();
  r.headers = {{"origin", "null"}};
  EXPECT_EQ(provenance(r), Provenance::cross_site);
}

}  // namespace sz::http
