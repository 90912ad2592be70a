#include "infra/http/server.h"

#include <spdlog/spdlog.h>
#include <sodium.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/url/parse.hpp>
#include <thread>

namespace sz::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono;

namespace {

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

// Percent-decoded path and query through Boost.URL; a malformed target is answered with 400.
bool decode_target(std::string_view target, Request& req) {
  auto u = boost::urls::parse_origin_form(target);
  if (!u) return false;
  req.path = std::string(u->path());
  for (auto p : u->params()) req.query.emplace_back(std::string(p.key), std::string(p.value));
  return true;
}

void add_security_headers(bhttp::fields& f, const std::string& request_id) {
  f.set("X-Content-Type-Options", "nosniff");
  f.set("X-Frame-Options", "DENY");
  f.set("Referrer-Policy", "no-referrer");
  // Element Plus sets style attributes, hence 'unsafe-inline' for styles only; no inline scripts.
  f.set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  f.set("X-Request-Id", request_id);
}

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  std::function<Response(Request&)> handler;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  std::atomic<uint16_t> port{0};

  Impl(ServerOptions o, std::function<Response(Request&)> h)
      : opts(std::move(o)), handler(std::move(h)), ioc(opts.io_threads), workers(opts.worker_threads) {}

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
        continue;
      }
      auto ex = socket.get_executor();
      asio::co_spawn(ex, session(beast::tcp_stream(std::move(socket))), asio::detached);
    }
  }

  // Writes a short error and reports that the connection must close.
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
    spdlog::info(R"({{"msg":"access","rid":"{}","status":{},"error":"{}"}})", rid, static_cast<int>(st), code);
  }

  asio::awaitable<void> session(beast::tcp_stream stream) {
    beast::flat_buffer buf;
    std::string peer;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) peer = ep.address().to_string();
    }
    for (;;) {
      // Idle phase: wait for the first byte of the next request.
      if (buf.size() == 0) {
        stream.expires_after(opts.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(buf.prepare(4096), asio::as_tuple(asio::use_awaitable));
        if (ec) break;
        buf.commit(n);
      }
      // Read phase: the whole request must arrive within read_timeout, however slowly it trickles.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(opts.body_limit);
      parser.header_limit(16 * 1024);
      stream.expires_after(opts.read_timeout);
      auto [ec, _] = co_await bhttp::async_read(stream, buf, parser, asio::as_tuple(asio::use_awaitable));
      if (ec == bhttp::error::body_limit) {
        co_await write_plain_error(stream, bhttp::status::payload_too_large, "payload_too_large", "请求体过大");
        break;
      }
      if (ec == bhttp::error::header_limit) {
        co_await write_plain_error(stream, bhttp::status::request_header_fields_too_large, "header_too_large",
                                   "请求头过大");
        break;
      }
      if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
          ec == asio::error::connection_reset)
        break;
      if (ec) {
        co_await write_plain_error(stream, bhttp::status::bad_request, "bad_request", "无法解析的 HTTP 请求");
        break;
      }
      auto msg = parser.release();
      bool keep_alive = msg.keep_alive();
      co_await serve_one(stream, msg, peer, keep_alive);
      if (!keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> serve_one(beast::tcp_stream& stream, bhttp::request<bhttp::string_body>& msg,
                                  const std::string& peer, bool keep_alive) {
    auto started = steady_clock::now();
    Request req;
    req.method = std::string(msg.method_string());
    req.peer = peer;
    req.request_id = new_request_id();
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[name] = std::string(f.value());
    }
    req.body = std::move(msg.body());
    Response res;
    if (!decode_target(msg.target(), req)) {
      res.status = 400;
      res.body = json_error_body("bad_request", "请求地址格式错误");
    } else {
      // Run the handler on the worker pool; resume here on the connection's executor.
      auto work = [this, &req]() -> asio::awaitable<Response> { co_return handler(req); };
      res = co_await asio::co_spawn(workers, std::move(work), asio::use_awaitable);
    }
    co_await write_response(stream, req, res, keep_alive);
    auto us = duration_cast<microseconds>(steady_clock::now() - started).count();
    spdlog::info(
        R"({{"msg":"access","rid":"{}","method":"{}","path":"{}","route":"{}","status":{},"us":{},"ip":"{}","user":"{}"}})",
        req.request_id, req.method, req.path, req.route, res.status, us, req.peer, res.actor);
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

Server::~Server() {
  impl_->workers.join();
}

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
  asio::signal_set signals(I.ioc, SIGINT, SIGTERM);
  signals.async_wait([this](const boost::system::error_code&, int) { stop(); });
  asio::co_spawn(I.ioc, I.accept_loop(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < I.opts.io_threads; ++i) threads.emplace_back([&] { I.ioc.run(); });
  I.ioc.run();
  for (auto& t : threads) t.join();
  return true;
}

void Server::stop() {
  asio::post(impl_->ioc, [this] {
    boost::system::error_code ec;
    impl_->acceptor.close(ec);
    impl_->ioc.stop();
  });
}

uint16_t Server::bound_port() const { return impl_->port; }

}  // namespace sz::http
