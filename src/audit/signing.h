// The audit chain's signing key and checkpoint directory as configured (audit.*): used by serve's timer, by
// backups and by `shuzhuan audit checkpoint`. The key is a file, never a row of the store.
#pragma once
#include <string>

#include "infra/config.h"
#include "infra/sm2.h"

namespace sz::audit {

struct ConfiguredAnchor {
  crypto::Sm2Key key;
  std::string dir;
  int64_t interval = 3600;
};

// Loads audit.signing_key. When that key is left at its default path (var/) and no key is there yet — a first start,
// the demo — a new pair is generated there and a warning logged; a configured path that has no key is an error,
// never silently replaced (a key generated over a missing mount would anchor nothing anyone checks).
Result<ConfiguredAnchor> configured_anchor(const config::Settings& s);

// The age past which `audit verify` calls the newest checkpoint stale: the interval plus the grace.
int64_t checkpoint_max_age(const config::Settings& s);

}  // namespace sz::audit
