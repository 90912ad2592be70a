#include "app/settings.h"

namespace sz::app {

config::Settings platform_settings() {
  using namespace config;
  return Settings({
      {"db", "sqlite:var/shuzhuan.db", "数据库：sqlite:路径 或 postgresql://用户:密码@主机/库", any_text(), true},
      {"sqlite.synchronous", "FULL",
       "SQLite 提交的落盘方式：FULL 每次提交都同步写前日志（断电不丢已确认的提交）；NORMAL 较快，但断电可能丢失最后几次已确认的提交",
       one_of({"FULL", "NORMAL"})},
      {"server.host", "127.0.0.1", "监听地址", any_text()},
      {"server.port", "8080", "监听端口", integer_between(0, 65535)},
      {"server.io_threads", "2", "I/O 线程数", integer_between(1, 64)},
      {"server.workers", "8", "处理请求的工作线程数（每线程一个数据库连接）", integer_between(1, 256)},
      {"server.read_timeout", "15", "读取一个完整请求的时限（秒）", integer_between(1, 3600)},
      {"server.idle_timeout", "60", "长连接空闲时限（秒）", integer_between(1, 3600)},
      {"server.shutdown_timeout", "30", "收到 SIGTERM 后等待进行中请求完成的时限（秒）", integer_between(1, 3600)},
      {"server.body_limit", "1048576", "请求体上限（字节），超过返回 413", integer_between(1024, 1LL << 32)},
      {"server.upload_limit", "209715200", "上传文件上限（字节），超过返回 413", integer_between(1024, 1LL << 40)},
      {"server.web_root", "", "前端构建目录（空：自动查找 web/dist）", any_text()},
      {"server.secure_cookies", "false", "会话 Cookie 加 Secure（经 HTTPS 提供服务时设为 true）", boolean()},
      {"server.trusted_proxies", "", "可信反向代理地址（逗号分隔）：只有来自这些地址的 X-Forwarded-For 才被采信", ip_list()},
      {"server.metrics_allow", "127.0.0.1,::1", "允许读取 /metrics 的客户端地址（逗号分隔）", ip_list()},
      {"auth.lockout_failures", "5", "连续登录失败多少次后锁定", integer_between(1, 100)},
      {"auth.lockout_minutes", "15", "自动锁定时长（分钟）", integer_between(1, 1440)},
      {"auth.session_idle_minutes", "30", "会话空闲超时（分钟）", integer_between(1, 1440)},
      {"auth.session_max_hours", "12", "会话最长有效期（小时）", integer_between(1, 720)},
      {"jobs.threads", "1", "后台任务线程数", integer_between(0, 16)},
      {"jobs.lease_seconds", "30", "任务租约（秒）：节点失联超过此时长，任务由其他节点接手重跑", integer_between(2, 3600)},
      {"jobs.dir", "var/jobs", "任务结果文件目录（多节点部署时须为共享目录）", any_text()},
      {"documents.dir", "var/documents", "上传资料的存储目录（按内容哈希存放；多节点部署时须为共享目录）", any_text()},
      {"public.query_interval_seconds", "10", "公开查询（企业、服务商、产品）每个客户端两次查询的最短间隔（秒），即“查询间隔10秒”",
       integer_between(1, 3600)},
      {"reports.live_min_interval_seconds", "0",
       "驾驶舱达标预测的最短重算间隔（秒）：0 表示数据一有变化即重算；省级、全国部署可设为 60 等，期间各请求共用同一次计算（页面显示计算时间）",
       integer_between(0, 3600)},
      {"audit.signing_key", "var/audit-signing.key",
       "审计链签名私钥（SM2，PEM）：不得放在数据库里，也不要让数据库管理员读到；默认路径下没有时，服务启动会在那里生成一对",
       any_text()},
      {"audit.verify_key", "var/audit-verify.pub", "审计链验证公钥（SM2，PEM）：shuzhuan audit verify 只用它核对签名检查点", any_text()},
      {"audit.checkpoint_dir", "var/audit-checkpoints",
       "签名检查点目录：每天一个只追加的文件（多节点部署时须为共享目录，最好另有只追加的备份）", any_text()},
      {"audit.checkpoint_interval", "3600", "为审计链头签名的间隔（秒）：此间隔内新增的记录在下一次签名前被删除不会被发现",
       integer_between(10, 86400)},
      {"audit.checkpoint_grace", "900", "最新签名检查点允许超过间隔多久（秒），再久 audit verify 即判为失败", integer_between(0, 86400)},
      {"log.level", "info", "日志级别", one_of({"debug", "info", "warn", "error"})},
      {"node.name", "", "本节点名称（空：主机名-进程号），用于任务租约与状态页", any_text()},
  });
}

}  // namespace sz::app
