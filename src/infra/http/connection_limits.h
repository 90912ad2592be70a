// How many connections the server holds, in total and per client address, so that one client — or a flood from
// many — cannot take every file descriptor of the process. Thread-safe: the acceptor and every connection use it.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sz::http {

class ConnectionLimits {
 public:
  ConnectionLimits(size_t total, size_t per_client) : total_cap_(total), per_client_cap_(per_client) {}
  // A new connection; false (and nothing counted) when the total is reached.
  bool open();
  // A connection taken in place of one being closed (see Server): counted at once, beyond the cap until that one
  // has gone.
  void open_in_place();
  void close();
  // A connection — or a request a trusted proxy forwarded — held for `client`; false (nothing counted) when the
  // client already holds its share.
  bool hold(const std::string& client);
  void release(const std::string& client);
  size_t open_now() const;

 private:
  const size_t total_cap_, per_client_cap_;
  mutable std::mutex mu_;
  size_t open_ = 0;
  std::unordered_map<std::string, size_t> held_;
};

}  // namespace sz::http
