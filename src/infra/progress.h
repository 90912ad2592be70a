// A progress bar for the command line's own long work, drawn only when standard output is a terminal.
#pragma once
#include <cstdint>
#include <string>

namespace sz {

class TerminalProgress {
 public:
  explicit TerminalProgress(std::string label);
  ~TerminalProgress();
  void update(int64_t done, int64_t total);

 private:
  std::string label_;
  bool tty_;
  int last_percent_ = -1;
};

}  // namespace sz
