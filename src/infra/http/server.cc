#include "infra/http/server.h"

#include <sodium.h>
#include <sys/resource.h>

#include <atomic>
#include <filesystem>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <map>
#include <mutex>
#include <thread>

#include "infra/http/client_ip.h"
#include "infra/http/connection_limits.h"
#include "infra/log.h"
#include "infra/metrics.h"

namespace sz::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono;

namespace {

std::atomic<int64_t> g_in_flight{0};
std::atomic<int64_t> g_requests{0};
std::atomic<int64_t> g_connections{0};

std::string new_request_id() {
  unsigned char raw[8];
  randombytes_buf(raw, sizeof raw);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

std::string json_error_body(const char* code, const char* message) {
  return std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\",\"field\":\"\"}}";
}

void add_security_headers(bhttp::fields& f, const std::string& request_id) {
  f.set("X-Content-Type-Options", "nosniff");
  f.set("X-Frame-Options", "DENY");
  // Never to other sites; on our own requests browsers then send Origin (with no-referrer a same-site POST says
  // "Origin: null", which the same-site check of cookie writes and login must refuse).
  f.set("Referrer-Policy", "same-origin");
  // Element Plus sets style attributes, hence 'unsafe-inline' for styles only; no inline scripts.
  f.set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  f.set("X-Request-Id", request_id);
}

void record(const Request& req, int status, double seconds) {
  auto& m = metrics::registry();
  std::string route = req.route.empty() ? (req.path.rfind("/api/", 0) == 0 ? "unmatched" : "static") : req.route;
  m.inc("shuzhuan_http_requests_total",
        metrics::labels({{"route", route}, {"method", req.method}, {"status", std::to_string(status)}}));
  m.observe("shuzhuan_http_request_duration_seconds", metrics::labels({{"route", route}}), seconds);
  ++g_requests;
}

// Half the file-descriptor limit, less a margin for the store, logs and job files: each connection may hold a socket
// and an upload's file. The soft limit is first raised to the hard one, as nginx and Go do.
size_t descriptor_room() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return SIZE_MAX;
  if (r.rlim_cur < r.rlim_max) {
    rlimit raised = r;
    raised.rlim_cur = std::min<rlim_t>(r.rlim_max, 1 << 20);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) r = raised;
  }
  if (r.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
  return r.rlim_cur > 96 ? (r.rlim_cur - 64) / 2 : 16;
}

// Accept failures that repeat at once while they last: the pending connection stays queued.
bool out_of_resources(const boost::system::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space || ec == asio::error::no_memory ||
         ec == boost::system::error_code(ENFILE, boost::system::system_category());
}

template <class Fields>
bool expects_continue(const bhttp::header<true, Fields>& h) {
  return beast::iequals(h[bhttp::field::expect], "100-continue");
}

// The handler's view of a request's header (the body comes later, if at all).
template <class Fields>
Request request_of(const bhttp::header<true, Fields>& h, const std::string& peer) {
  Request req;
  req.method = std::string(h.method_string());
  req.peer = peer;
  req.request_id = new_request_id();
  for (const auto& f : h) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers[name] = std::string(f.value());
  }
  return req;
}

// A share of the per-client cap held while one request a trusted proxy forwarded is read and served.
struct ClientShare {
  ConnectionLimits& limits;
  std::string client;
  ~ClientShare() {
    if (!client.empty()) limits.release(client);
  }
};

// One connection: its strand, and whether it is between requests (so a drain may close it).
struct Conn {
  explicit Conn(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool idle = true;  // touched only on the connection's strand
  // No request under way — waiting for one, or for its header: at the total cap the oldest such connection gives
  // its place to a new one. Set on the strand, read by the acceptor.
  std::atomic<bool> waiting{true};
  std::atomic<bool> evicted{false};
};

}  // namespace

int64_t Server::in_flight() { return g_in_flight.load(); }
int64_t Server::requests_total() { return g_requests.load(); }

struct Server::Impl {
  ServerOptions opts;
  std::function<Response(Request&)> handler;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer deadline{ioc};
  asio::steady_timer accept_pause{ioc};
  size_t connection_cap;
  ConnectionLimits limits;
  std::atomic<uint16_t> port{0};
  std::atomic<bool> draining{false};
  std::mutex conns_mu;
  std::map<uint64_t, std::shared_ptr<Conn>> conns;
  uint64_t next_conn = 0;

  Impl(ServerOptions o, std::function<Response(Request&)> h)
      : opts(std::move(o)),
        handler(std::move(h)),
        ioc(opts.io_threads),
        workers(opts.worker_threads),
        connection_cap(std::min(opts.max_connections, descriptor_room())),
        limits(connection_cap, opts.max_connections_per_client) {
    auto& m = metrics::registry();
    m.declare("shuzhuan_http_requests_total", "counter", "HTTP requests by route, method and status");
    m.declare("shuzhuan_http_request_duration_seconds", "histogram", "HTTP request latency by route");
    m.declare("shuzhuan_http_in_flight", "gauge", "HTTP requests being handled");
    m.declare("shuzhuan_http_connections", "gauge", "Open HTTP connections");
    m.declare("shuzhuan_http_connections_refused_total", "counter", "Connections or forwarded requests refused by a cap");
    m.declare("shuzhuan_http_connections_evicted_total", "counter",
              "Connections with no request under way closed at the total cap to make room for a new one");
    m.on_scrape([](metrics::Registry& r) {
      r.set("shuzhuan_http_in_flight", "", static_cast<double>(g_in_flight));
      r.set("shuzhuan_http_connections", "", static_cast<double>(g_connections));
    });
  }

  asio::awaitable<void> accept_loop() {
    bool paused = false;
    for (;;) {
      // Each connection gets its own strand, so a drain can safely close it from another thread.
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
        // Retrying at once would spin: wait, while the header and idle deadlines close connections and give
        // descriptors back. Said once per episode, not once per retry.
        if (out_of_resources(ec)) {
          if (!paused)
            log::warn("accept paused: out of file descriptors",
                      {{"error", ec.message()}, {"connections", static_cast<int64_t>(limits.open_now())}});
          paused = true;
          accept_pause.expires_after(milliseconds(100));
          co_await accept_pause.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        continue;
      }
      if (paused) log::info("accepting again", {{"connections", static_cast<int64_t>(limits.open_now())}});
      paused = false;
      start_connection(std::move(socket));
    }
  }

  void start_connection(tcp::socket socket) {
    boost::system::error_code ec;
    auto ep = socket.remote_endpoint(ec);
    std::string peer = ec ? "" : ep.address().to_string();
    // A trusted proxy carries many clients: its own connections count in the total only.
    bool capped = !is_trusted_proxy(peer, opts.trusted_proxies);
    if (!limits.open()) {
      if (!evict_oldest_waiting()) return shed(socket, "total");
      limits.open_in_place();
    }
    if (capped && !limits.hold(peer)) {
      limits.close();
      return shed(socket, "client");
    }
    ++g_connections;
    auto conn = std::make_shared<Conn>(std::move(socket));
    uint64_t id;
    {
      std::lock_guard lock(conns_mu);
      id = next_conn++;
      conns.emplace(id, conn);
    }
    auto ex = conn->stream.get_executor();
    asio::co_spawn(ex, session(conn, id, std::move(peer), capped), asio::detached);
  }

  // At the total cap a real client's connection would be refused as surely as a flood's. A real client sends its
  // request at once; a flood's connections sit waiting: so the oldest connection with no request under way is closed
  // to make room (an idle keep-alive connection too — its client simply opens another).
  bool evict_oldest_waiting() {
    std::shared_ptr<Conn> victim;
    {
      std::lock_guard lock(conns_mu);
      for (auto& [_, c] : conns)  // oldest first
        if (c->waiting && !c->evicted.exchange(true)) {
          victim = c;
          break;
        }
    }
    if (!victim) return false;
    asio::post(victim->stream.get_executor(), [victim] {
      if (victim->waiting) victim->stream.cancel();
    });
    metrics::registry().inc("shuzhuan_http_connections_evicted_total");
    return true;
  }

  // A connection beyond the caps: a tiny 503 if the socket takes it without waiting, then closed — nothing read,
  // nothing awaited, so shedding a flood costs no more than accepting it.
  static void shed(tcp::socket& socket, const char* cap) {
    static constexpr std::string_view busy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\nConnection: close\r\n\r\n";
    boost::system::error_code ec;
    socket.non_blocking(true, ec);
    if (!ec) socket.write_some(asio::buffer(busy.data(), busy.size()), ec);
    socket.close(ec);
    metrics::registry().inc("shuzhuan_http_connections_refused_total", metrics::labels({{"cap", cap}}));
  }

  // Graceful stop: refuse new connections, close idle ones, let requests in progress finish.
  void begin_drain() {
    if (draining.exchange(true)) return;
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::vector<std::shared_ptr<Conn>> all;
    {
      std::lock_guard lock(conns_mu);
      for (auto& [_, c] : conns) all.push_back(c);
    }
    for (auto& c : all)
      asio::post(c->stream.get_executor(), [c] {
        if (c->idle) c->stream.cancel();
      });
    deadline.expires_after(opts.shutdown_timeout);
    deadline.async_wait([this](const boost::system::error_code& e) {
      if (!e) {
        log::warn("shutdown deadline reached", {{"seconds", static_cast<int64_t>(opts.shutdown_timeout.count())}});
        ioc.stop();
      }
    });
    maybe_finished();
  }

  void maybe_finished() {
    if (!draining) return;
    std::lock_guard lock(conns_mu);
    if (conns.empty()) deadline.cancel();
  }

  asio::awaitable<void> write_plain_error(beast::tcp_stream& stream, bhttp::status st, const char* code,
                                          const char* msg) {
    bhttp::response<bhttp::string_body> res{st, 11};
    std::string rid = new_request_id();
    add_security_headers(res, rid);
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.keep_alive(false);
    res.body() = json_error_body(code, msg);
    res.prepare_payload();
    stream.expires_after(opts.read_timeout);
    co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
    log::info("access", {{"rid", rid}, {"status", static_cast<int64_t>(st)}, {"error", code}});
  }

  // Answers a failed read as the client deserves (413, 431, 400) or silently for a timeout or a hang-up.
  // Returns true when the connection must close.
  asio::awaitable<bool> read_failed(beast::tcp_stream& stream, const beast::error_code& ec) {
    if (!ec) co_return false;
    if (ec == bhttp::error::body_limit) {
      co_await write_plain_error(stream, bhttp::status::payload_too_large, "payload_too_large", "请求体过大");
      co_await linger(stream);
    }
    else if (ec == bhttp::error::header_limit)
      co_await write_plain_error(stream, bhttp::status::request_header_fields_too_large, "header_too_large", "请求头过大");
    else if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
             ec != asio::error::connection_reset && ec != asio::error::operation_aborted &&
             ec != bhttp::error::partial_message)
      co_await write_plain_error(stream, bhttp::status::bad_request, "bad_request", "无法解析的 HTTP 请求");
    co_return true;
  }

  // A client still sending a refused body would see a reset instead of our 413: stop sending, then read and
  // drop what it sends for a short while (bounded in time and bytes), so it can read the answer.
  asio::awaitable<void> linger(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(3));
    std::vector<char> sink(64 * 1024);
    for (size_t drained = 0; drained < (64u << 20);) {
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      drained += n;
    }
  }

  std::string temp_upload_path() {
    std::error_code ec;
    std::filesystem::create_directories(opts.upload_dir, ec);
    return (std::filesystem::path(opts.upload_dir) / ("upload-" + new_request_id() + new_request_id() + ".part")).string();
  }

  asio::awaitable<void> session(std::shared_ptr<Conn> conn, uint64_t id, std::string peer, bool capped) {
    auto& stream = conn->stream;
    beast::flat_buffer buf;
    const auto header_budget = std::min(opts.header_timeout, opts.read_timeout);
    // A new connection's first header is due header_budget after the connect, however slowly it trickles in.
    stream.expires_after(header_budget);
    for (bool first = true; !draining; first = false) {
      conn->waiting = true;
      // Idle phase: wait for the first byte of the next request.
      if (buf.size() == 0) {
        conn->idle = true;
        if (!first) stream.expires_after(opts.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(buf.prepare(4096), asio::as_tuple(asio::use_awaitable));
        conn->idle = false;
        if (ec) break;
        buf.commit(n);
      }
      conn->idle = false;
      // Read phase: the header, then the body — into memory, or into a file for an upload.
      auto started = steady_clock::now();
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(16 * 1024);
      head.body_limit(boost::none);  // the limit depends on the route: set on the body parser below
      if (!first) stream.expires_after(header_budget);
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buf, head, asio::as_tuple(asio::use_awaitable));
      (void)hn;
      if (co_await read_failed(stream, hec)) break;
      conn->waiting = false;
      stream.expires_at(started + opts.read_timeout);  // the whole request within read_timeout
      auto method = head.get().method_string();
      auto target = head.get().target();
      bool upload = opts.is_upload && opts.is_upload(method, target);
      bool keep_alive = head.get().keep_alive();
      // A declared length over the route's limit is refused before any body is read (chunked bodies are limited
      // by the body parser as they arrive).
      if (auto declared = head.content_length(); declared && *declared > (upload ? opts.upload_limit : opts.body_limit)) {
        co_await read_failed(stream, bhttp::error::body_limit);
        break;
      }
      // A request a trusted proxy forwards counts against its client while it is read and served.
      ClientShare share{limits, {}};
      if (!capped) {
        std::string client = client_ip(peer, std::string(head.get()["X-Forwarded-For"]), opts.trusted_proxies);
        if (client != peer && !limits.hold(client)) {
          metrics::registry().inc("shuzhuan_http_connections_refused_total", metrics::labels({{"cap", "client"}}));
          co_await write_plain_error(stream, bhttp::status::service_unavailable, "too_many_connections", "连接过多，请稍后重试");
          break;
        }
        if (client != peer) share.client = client;
      }
      // An upload is judged on its header: a refusal goes out before a byte of the body is read or stored.
      if (upload && opts.admit_upload && !co_await admitted(stream, head.get(), peer, head.content_length().value_or(0)))
        break;
      // Only now may a client that waits for leave to send its body send it.
      if (expects_continue(head.get())) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
        auto [cec, _] = co_await bhttp::async_write(stream, go_on, asio::as_tuple(asio::use_awaitable));
        if (cec) break;
      }
      if (upload) {
        bhttp::request_parser<bhttp::file_body> parser{std::move(head)};
        parser.body_limit(opts.upload_limit);
        std::string path = temp_upload_path();
        beast::error_code fec;
        parser.get().body().open(path.c_str(), beast::file_mode::write_new, fec);
        if (fec) {
          co_await write_plain_error(stream, bhttp::status::service_unavailable, "upload_unavailable", "无法保存上传的文件");
          break;
        }
        stream.expires_at(started + opts.upload_timeout);
        auto [ec, _] = co_await bhttp::async_read(stream, buf, parser, asio::as_tuple(asio::use_awaitable));
        if (co_await read_failed(stream, ec)) {
          std::error_code rm;
          std::filesystem::remove(path, rm);
          break;
        }
        auto msg = parser.release();
        msg.body().close();
        co_await serve_one(stream, msg, std::string(), path, peer, keep_alive);
        std::error_code rm;
        std::filesystem::remove(path, rm);  // the handler moved it away if it kept it
      } else {
        bhttp::request_parser<bhttp::string_body> parser{std::move(head)};
        parser.body_limit(opts.body_limit);
        auto [ec, _] = co_await bhttp::async_read(stream, buf, parser, asio::as_tuple(asio::use_awaitable));
        if (co_await read_failed(stream, ec)) break;
        auto msg = parser.release();
        std::string body = std::move(msg.body());
        co_await serve_one(stream, msg, std::move(body), std::string(), peer, keep_alive);
      }
      if (!keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (capped) limits.release(peer);
    limits.close();
    --g_connections;
    {
      std::lock_guard lock(conns_mu);
      conns.erase(id);
    }
    maybe_finished();
  }

  // Runs opts.admit_upload on the worker pool; answers a refusal and drains what the client still sends (never
  // stored). False when refused: the connection then closes.
  template <class Fields>
  asio::awaitable<bool> admitted(beast::tcp_stream& stream, const bhttp::header<true, Fields>& h, const std::string& peer,
                                 uint64_t declared) {
    auto started = steady_clock::now();
    Request req = request_of(h, peer);
    req.body_size = declared;
    std::optional<Response> refusal;
    if (!decode_target(h.target(), req)) {
      refusal = Response{};
      refusal->status = 400;
      refusal->body = json_error_body("bad_request", "请求地址格式错误");
    } else {
      auto work = [this, &req]() -> asio::awaitable<std::optional<Response>> { co_return opts.admit_upload(req); };
      refusal = co_await asio::co_spawn(workers, std::move(work), asio::use_awaitable);
    }
    if (!refusal) co_return true;
    co_await write_response(stream, req, *refusal, false);
    log_served(req, *refusal, started);
    co_await linger(stream);
    co_return false;
  }

  void log_served(const Request& req, const Response& res, steady_clock::time_point started) {
    double seconds = duration<double>(steady_clock::now() - started).count();
    record(req, res.status, seconds);
    log::info("access", {{"rid", req.request_id},
                         {"method", req.method},
                         {"path", req.path},
                         {"route", req.route},
                         {"status", res.status},
                         {"us", static_cast<int64_t>(seconds * 1e6)},
                         {"ip", req.peer},
                         {"user", res.actor}});
  }

  template <class Message>
  asio::awaitable<void> serve_one(beast::tcp_stream& stream, Message& msg, std::string body, std::string body_file,
                                  const std::string& peer, bool& keep_alive) {
    auto started = steady_clock::now();
    Request req = request_of(msg.base(), peer);
    req.body = std::move(body);
    req.body_file = std::move(body_file);
    if (!req.body_file.empty()) {
      std::error_code sec;
      req.body_size = std::filesystem::file_size(req.body_file, sec);
    }
    Response res;
    ++g_in_flight;
    if (!decode_target(msg.target(), req)) {
      res.status = 400;
      res.body = json_error_body("bad_request", "请求地址格式错误");
    } else {
      // Run the handler on the worker pool; resume here on the connection's strand.
      auto work = [this, &req]() -> asio::awaitable<Response> { co_return handler(req); };
      res = co_await asio::co_spawn(workers, std::move(work), asio::use_awaitable);
    }
    --g_in_flight;
    if (draining) keep_alive = false;  // tell the client this connection ends with this reply
    co_await write_response(stream, req, res, keep_alive);
    log_served(req, res, started);
  }

  asio::awaitable<void> write_response(beast::tcp_stream& stream, const Request& req, Response& res,
                                       bool keep_alive) {
    auto fill = [&](auto& out) {
      add_security_headers(out, req.request_id);
      if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
      for (auto& [k, v] : res.headers) out.insert(k, v);
      out.keep_alive(keep_alive);
    };
    stream.expires_after(opts.read_timeout);
    if (!res.file_path.empty()) {
      bhttp::response<bhttp::file_body> out{static_cast<bhttp::status>(res.status), 11};
      beast::error_code ec;
      out.body().open(res.file_path.c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        fill(out);
        out.prepare_payload();
        co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
        co_return;
      }
      res.status = 404;
      res.content_type = "application/json; charset=utf-8";
      res.body = json_error_body("not_found", "文件不存在");
    }
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), 11};
    fill(out);
    if (req.method != "HEAD") out.body() = std::move(res.body);
    out.prepare_payload();
    co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
  }
};

Server::Server(ServerOptions opts, std::function<Response(Request&)> handler)
    : impl_(std::make_unique<Impl>(std::move(opts), std::move(handler))) {}

Server::~Server() { impl_->workers.join(); }

bool Server::run(std::string* error) {
  auto& I = *impl_;
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(I.opts.host, ec);
  if (ec) {
    *error = "无效的监听地址: " + I.opts.host;
    return false;
  }
  tcp::endpoint ep{addr, I.opts.port};
  I.acceptor.open(ep.protocol(), ec);
  if (!ec) I.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) I.acceptor.bind(ep, ec);
  if (!ec) I.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = "无法监听 " + I.opts.host + ":" + std::to_string(I.opts.port) + "：" + ec.message();
    return false;
  }
  I.port = I.acceptor.local_endpoint().port();
  I.signals.add(SIGINT);
  I.signals.add(SIGTERM);
  I.signals.async_wait([this](const boost::system::error_code& e, int sig) {
    if (e) return;
    log::info("shutdown requested", {{"signal", sig}});
    impl_->begin_drain();
  });
  asio::co_spawn(I.ioc, I.accept_loop(), asio::detached);
  log::info("listening", {{"host", I.opts.host},
                          {"port", static_cast<int64_t>(I.port.load())},
                          {"max_connections", static_cast<int64_t>(I.connection_cap)},
                          {"max_connections_per_client", static_cast<int64_t>(I.opts.max_connections_per_client)}});
  // run() returns when the drain has closed every connection (no work left) or the deadline stopped it.
  std::vector<std::thread> threads;
  for (int i = 1; i < I.opts.io_threads; ++i) threads.emplace_back([&] { I.ioc.run(); });
  I.ioc.run();
  for (auto& t : threads) t.join();
  log::info("stopped", {{"requests", requests_total()}});
  return true;
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_drain(); });
}

uint16_t Server::bound_port() const { return impl_->port; }

}  // namespace sz::http
