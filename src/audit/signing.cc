#include "audit/signing.h"

#include <filesystem>

#include "infra/log.h"

namespace sz::audit {

namespace fs = std::filesystem;

Result<ConfiguredAnchor> configured_anchor(const config::Settings& s) {
  const std::string& private_path = s.get("audit.signing_key");
  if (private_path.empty()) return err::invalid("audit.signing_key", "未配置审计签名私钥（audit.signing_key）");
  std::error_code ec;
  if (!fs::exists(private_path, ec) && s.source("audit.signing_key") == "默认") {
    const std::string& public_path = s.get("audit.verify_key");
    for (const auto& p : {private_path, public_path})
      if (fs::path(p).has_parent_path()) fs::create_directories(fs::path(p).parent_path(), ec);
    auto made = crypto::Sm2Key::generate(private_path, public_path);
    if (made)
      log::warn("audit signing key generated", {{"private_key", private_path},
                                                {"public_key", public_path},
                                                {"note", "move the private key out of reach of the database's holders (docs/operations.md)"}});
    else if (made.error().status != 409)  // 409: another process starting at the same moment made it first
      return made.error();
  }
  SZ_ASSIGN(auto key, crypto::Sm2Key::load_private(private_path));
  return ConfiguredAnchor{std::move(key), s.get("audit.checkpoint_dir"), s.get_int("audit.checkpoint_interval")};
}

int64_t checkpoint_max_age(const config::Settings& s) {
  return s.get_int("audit.checkpoint_interval") + s.get_int("audit.checkpoint_grace");
}

}  // namespace sz::audit
