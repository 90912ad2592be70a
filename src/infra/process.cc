#include "infra/process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

extern char** environ;

namespace sz::process {

Status run(const std::vector<std::string>& argv) {
  char err_path[] = "/tmp/sz-proc-XXXXXX";
  int err_fd = mkstemp(err_path);
  if (err_fd < 0) return err::internal("mkstemp failed");
  unlink(err_path);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    close(err_fd);
    return err::invalid("", "找不到程序 " + argv[0] + "（请安装 PostgreSQL 客户端）");
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::string err_text;
  lseek(err_fd, 0, SEEK_SET);
  char buf[4096];
  ssize_t n;
  while ((n = read(err_fd, buf, sizeof buf)) > 0 && err_text.size() < 8192) err_text.append(buf, static_cast<size_t>(n));
  close(err_fd);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Error{500, "process_failed", argv[0] + " 执行失败：" + err_text.substr(0, 500), {}, err_text};
  return ok();
}

}  // namespace sz::process
