#include "infra/http/connection_limits.h"

namespace sz::http {

bool ConnectionLimits::open() {
  std::lock_guard lock(mu_);
  if (open_ >= total_cap_) return false;
  ++open_;
  return true;
}

void ConnectionLimits::open_in_place() {
  std::lock_guard lock(mu_);
  ++open_;
}

void ConnectionLimits::close() {
  std::lock_guard lock(mu_);
  if (open_ > 0) --open_;
}

bool ConnectionLimits::hold(const std::string& client) {
  std::lock_guard lock(mu_);
  size_t& n = held_[client];
  if (n >= per_client_cap_) return false;
  ++n;
  return true;
}

void ConnectionLimits::release(const std::string& client) {
  std::lock_guard lock(mu_);
  auto it = held_.find(client);
  if (it == held_.end()) return;
  if (--it->second == 0) held_.erase(it);  // a flood of distinct addresses leaves nothing behind
}

size_t ConnectionLimits::open_now() const {
  std::lock_guard lock(mu_);
  return open_;
}

}  // namespace sz::http
