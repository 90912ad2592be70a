// The HTTP/1.1 server (Boost.Beast, C++20 coroutines). Only this file pair includes Beast/Asio.
// I/O threads parse and write; every handler runs on the worker pool, so no store call ever
// blocks an I/O thread.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infra/http/message.h"

namespace sz::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int io_threads = 2;
  int worker_threads = 8;
  size_t body_limit = 1 << 20;                 // larger bodies get 413
  std::chrono::seconds read_timeout{15};       // the whole request must arrive within this
  // A request's header must arrive within this — on a new connection counted from the connect, so a client that
  // connects and sends nothing holds its descriptor no longer.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds idle_timeout{15};       // a keep-alive connection may wait this long for its next request
  std::chrono::seconds shutdown_timeout{30};   // on SIGTERM, in-flight requests get this long to finish
  // Uploads: requests this predicate picks have their body streamed to a file in upload_dir (never held in
  // memory), up to upload_limit bytes, within upload_timeout; the handler finds it in Request::body_file.
  std::function<bool(std::string_view method, std::string_view target)> is_upload;
  std::string upload_dir = "var/uploads";
  uint64_t upload_limit = 200ull << 20;
  std::chrono::seconds upload_timeout{600};
  // Called on a worker with an upload's header, before any of its body is read or stored (Request::body_size is
  // the declared length, 0 when chunked): a Response refuses the upload — sent at once, no 100 Continue, the
  // connection closed.
  std::function<std::optional<Response>(Request&)> admit_upload;
  // Connection caps. The total is also held under half the process's file-descriptor limit (each connection may
  // hold a socket and an upload's file). Per client: the peer's address, except for trusted_proxies, whose own
  // connections are not capped — the requests they forward count against the forwarded client while being served.
  // Connections beyond the caps are closed at once (a tiny 503 when it can be sent without waiting) — except that at
  // the total cap the oldest connection with no request under way is closed to make room for the new one.
  size_t max_connections = 10000;
  size_t max_connections_per_client = 128;
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions opts, std::function<Response(Request&)> handler);
  ~Server();
  // Binds, then serves until SIGINT/SIGTERM or stop(). Returns false when it cannot bind.
  // Stopping is graceful: no new connections, idle keep-alive connections closed, requests already being
  // received or handled finish (within shutdown_timeout), then run() returns.
  bool run(std::string* error);
  void stop();
  // Requests being handled now, and all requests served, for metrics and the status page.
  static int64_t in_flight();
  static int64_t requests_total();
  // The port actually bound (useful with port 0).
  uint16_t bound_port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sz::http
