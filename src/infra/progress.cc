#include "infra/progress.h"

#include <unistd.h>

#include <cstdio>

namespace sz {

TerminalProgress::TerminalProgress(std::string label) : label_(std::move(label)), tty_(isatty(STDOUT_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() {
  if (tty_ && last_percent_ >= 0) std::printf("\n");
}

void TerminalProgress::update(int64_t done, int64_t total) {
  if (!tty_ || total <= 0) return;
  int percent = static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  const int width = 30;
  int filled = percent * width / 100;
  std::printf("\r%s [%.*s%*s] %3d%% (%lld/%lld)", label_.c_str(), filled, "##############################",
              width - filled, "", percent, static_cast<long long>(done), static_cast<long long>(total));
  std::fflush(stdout);
}

}  // namespace sz
