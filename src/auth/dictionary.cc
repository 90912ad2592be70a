#include "auth/dictionary.h"

#include <crack.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace sz::auth {
namespace {
// FascistCheckUser keeps its state in static buffers: one call at a time in the whole process.
std::mutex& cracklib_lock() {
  static std::mutex m;
  return m;
}

// cracklib answers in English (the server never sets a locale); the user reads Chinese.
std::string reason_zh(std::string_view why) {
  if (why.find("dictionary word") != std::string_view::npos) return "密码基于字典中的常见单词，容易被猜中，请换一个";
  if (why.find("simplistic") != std::string_view::npos) return "密码过于简单（连续或有规律的字符），请换一个";
  if (why.find("DIFFERENT") != std::string_view::npos) return "密码中不同的字符太少，请换一个";
  if (why.find("username") != std::string_view::npos || why.find("password entry") != std::string_view::npos)
    return "密码不能由用户名或姓名变化而来";
  return "密码过于简单，容易被猜中，请换一个";
}
}  // namespace

Dictionary::Dictionary(std::string path) : path_(path.empty() ? GetDefaultCracklibDict() : std::move(path)) {
  if (!std::filesystem::exists(path_ + ".pwd"))
    throw std::runtime_error("cracklib 字典不存在：" + path_ + ".pwd（请安装 cracklib-runtime，或设置 auth.cracklib_dict）");
}

std::optional<std::string> Dictionary::problem(const std::string& password, const PasswordOwner& owner) const {
  std::lock_guard lock(cracklib_lock());
  const char* why = FascistCheckUser(password.c_str(), path_.c_str(), owner.username.c_str(), owner.display_name.c_str());
  if (!why) return std::nullopt;
  if (std::string_view(why).find("error loading dictionary") != std::string_view::npos)
    throw std::runtime_error("cracklib 无法读取字典：" + path_);
  return reason_zh(why);
}

}  // namespace sz::auth
