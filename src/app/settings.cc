#include "app/settings.h"

#include "infra/http/client_ip.h"

namespace sz::app {

namespace {
// Empty, or scheme://host[:port] of http or https with no path.
config::Check public_origin() {
  return [](const std::string& v) -> std::optional<std::string> {
    if (v.empty()) return std::nullopt;
    auto scheme_end = v.find("://");
    std::string authority = scheme_end == std::string::npos ? "" : v.substr(scheme_end + 3);
    if (authority.ends_with("/")) authority.pop_back();
    if (http::origin_of_url(v).empty() || authority.find_first_of("/?#") != std::string::npos)
      return "应为 https://域名[:端口] 形式的地址（不含路径）";
    return std::nullopt;
  };
}
}  // namespace

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
      {"server.header_timeout", "10", "请求头须在此时限内收齐（秒；新连接自建立起计），连上不发的连接到时关闭", integer_between(1, 3600)},
      {"server.idle_timeout", "15", "长连接空闲时限（秒）", integer_between(1, 3600)},
      {"server.max_connections", "10000", "同时保持的连接总数上限（另受文件描述符上限约束：不超过其一半），超出的连接立即关闭",
       integer_between(1, 1000000)},
      {"server.max_connections_per_client", "128",
       "每个客户端地址同时保持的连接上限（经可信代理时按转发的客户端地址计其进行中的请求；代理自身的连接不计）",
       integer_between(1, 1000000)},
      {"server.shutdown_timeout", "30", "收到 SIGTERM 后等待进行中请求完成的时限（秒）", integer_between(1, 3600)},
      {"server.body_limit", "1048576", "请求体上限（字节），超过返回 413", integer_between(1024, 1LL << 32)},
      {"server.upload_limit", "209715200", "上传文件上限（字节），超过返回 413", integer_between(1024, 1LL << 40)},
      {"server.web_root", "", "前端构建目录（空：自动查找 web/dist）", any_text()},
      {"server.secure_cookies", "false", "会话 Cookie 总是加 Secure（经 HTTPS 的请求无论此项都会加）", boolean()},
      {"server.public_origin", "",
       "本站对外地址，如 https://szzx.example.gov.cn：浏览器写请求的 Origin/Referer 须与之一致；空：按请求的 Host（或可信代理的 "
       "X-Forwarded-Host/-Proto）判断",
       public_origin()},
      {"server.hsts_max_age", "31536000", "经 HTTPS 提供服务时 Strict-Transport-Security 的 max-age（秒），0 为不发送",
       integer_between(0, 63072000)},
      {"server.trusted_proxies", "", "可信反向代理地址（逗号分隔）：只有来自这些地址的 X-Forwarded-For 才被采信", ip_list()},
      {"server.metrics_allow", "127.0.0.1,::1", "允许读取 /metrics 的客户端地址（逗号分隔）", ip_list()},
      {"auth.lockout_failures", "5", "同一用户名在同一地址连续登录失败多少次后，在该地址暂停登录（不论用户名是否存在）",
       integer_between(1, 100)},
      {"auth.lockout_minutes", "15", "暂停登录的时长（分钟），也是一次失败被记住的时长", integer_between(1, 1440)},
      {"auth.login_per_address_per_minute", "20",
       "本节点每个客户端地址每分钟最多开始的登录尝试（含修改密码时核对原密码；成功的不计），超出返回 429",
       integer_between(1, 100000)},
      {"auth.login_per_node_per_second", "10", "本节点每秒最多开始的登录尝试（所有地址合计），超出返回 429",
       integer_between(1, 100000)},
      {"auth.hash_threads", "1", "本节点计算密码哈希（argon2id，每次约 0.1 秒、64 MiB）的线程数，以较低优先级运行",
       integer_between(1, 64)},
      {"auth.hash_queue", "3", "等待计算密码哈希的请求上限：排满后新的登录立即返回 503，而不是占住处理请求的工作线程排队等待",
       integer_between(0, 1000)},
      {"auth.cracklib_dict", "", "cracklib 字典路径前缀（空：libcrack2 的默认，Debian 为 /var/cache/cracklib/cracklib_dict）",
       any_text()},
      {"auth.session_idle_minutes", "30", "会话空闲超时（分钟）", integer_between(1, 1440)},
      {"auth.session_max_hours", "12", "会话最长有效期（小时）", integer_between(1, 720)},
      {"auth.require_admin_totp", "true",
       "管理员（市级、系统、安全、审计管理员）登录须用动态口令（TOTP）；未启用的须在下次登录时先绑定身份验证器",
       boolean()},
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
