// The dictionary check of passwords: Debian's cracklib (libcrack2, dictionary from cracklib-runtime), which finds
// English words under common disguises (Password1, Qwerty123). Not pure: it reads the dictionary files.
#pragma once
#include <optional>
#include <string>

#include "auth/rules.h"

namespace sz::auth {

class Dictionary {
 public:
  // `path`: the dictionary's prefix (e.g. /var/cache/cracklib/cracklib_dict); "" for the one libcrack2 was built with.
  // Throws when the dictionary cannot be read, so a node never starts without its password check.
  explicit Dictionary(std::string path);
  // The Chinese reason when cracklib refuses the password, nullopt when it accepts it.
  std::optional<std::string> problem(const std::string& password, const PasswordOwner& owner) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace sz::auth
