#include "audit/rules.h"

#include <map>

#include "infra/crypto.h"

namespace sz::audit {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {
void put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}
}  // namespace

std::string link_hash(const Entry& e) {
  std::string s;
  put(s, std::to_string(e.seq));
  put(s, std::to_string(e.at));
  put(s, e.actor.user_id ? std::to_string(*e.actor.user_id) : "");
  put(s, e.actor.name);
  put(s, e.actor.roles);
  put(s, e.actor.request_id);
  put(s, e.actor.ip);
  put(s, e.action);
  put(s, e.entity_type);
  put(s, e.entity_id);
  put(s, e.before_json);
  put(s, e.after_json);
  put(s, e.prev_hash);
  return crypto::sm3_hex(s);
}

namespace {
const std::map<std::string, std::string> kActionNames = {
    {"user.create", "新增用户"},        {"user.lock", "锁定用户"},          {"user.unlock", "解锁用户"},
    {"user.password", "修改密码"},      {"user.totp_enrol", "启用双因素登录"}, {"user.totp_reset", "重置双因素登录"},
    {"enterprise.create", "新增企业"},  {"provider.create", "新增服务商"},
    {"audit.export", "导出审计日志"},   {"job.complete", "任务完成"},       {"enterprise.level", "更新数字化水平等级"},
    {"assessment.create", "新建评测"},   {"assessment.save", "保存评测答卷"}, {"assessment.submit", "提交评测"},
    {"assessment.assign", "指派现场评定专家"}, {"enterprise.update", "修改企业信息"},
    {"enterprise.year", "填报年度数据"},     {"enterprise.withdraw_request", "申请退出试点"},
    {"enterprise.withdraw", "退出试点"},     {"enterprise.withdraw_approve", "批准退出申请"},
    {"enterprise.withdraw_reject", "驳回退出申请"}, {"enterprise.import", "导入企业"},
    {"enterprise.export", "导出企业"},       {"stats.export", "导出数据驾驶舱"},       {"document.upload", "上传资料"},
    {"industry.create", "添加细分行业"},     {"lpr.create", "新增 LPR"},        {"lpr.update", "修改 LPR"},
    {"lpr.delete", "删除 LPR"},
    {"diagnosis.create", "登记诊断"},       {"project.create", "申报项目"},      {"project.submit", "提交申报"},
    {"project.approve", "立项"},            {"project.return", "退回修改"},      {"project.start", "开始实施"},
    {"project.apply_acceptance", "申请验收"}, {"project.district_approve", "区县审核通过"},
    {"project.district_return", "区县退回"}, {"project.schedule_onsite", "安排现场验收"}, {"project.pass", "验收通过"},
    {"project.fail", "验收不通过"},         {"project.pay_out", "补助兑现"},     {"project.plan_propose", "提交方案调整"},
    {"project.plan_approve", "同意方案调整"}, {"project.plan_reject", "不同意方案调整"}, {"project.contract", "登记合同"},
    {"project.milestone", "里程碑完成"},    {"project.cost", "登记费用"},        {"project.expert", "指派项目专家"},
    {"project.supervision", "登记监管意见"}, {"project.rectify", "登记整改"},     {"project.outcomes", "填报成效指标"},
    {"project.material", "提交验收材料"},   {"project.rating", "评价服务商"},    {"expert.save", "维护专家信息"},
    {"review.create", "组织评审"},          {"review.abstain", "专家回避"},      {"review.recuse", "责令回避"},
    {"review.score", "提交评分"},           {"review.reopen", "重新开放评分"},   {"review.consensus", "评审综合意见"},
    {"subsidy.approve", "核定补助"},        {"subsidy.cancel", "撤销补助核定"},  {"payment.schedule", "安排拨付"},
    {"payment.approve", "审批拨付"},        {"payment.pay", "拨付"},             {"payment.return", "退回拨付"},
    {"payment.cancel", "取消拨付"},         {"fund.create", "登记专项资金"},     {"fund.budget", "调整资金预算"},
    {"loan.create", "登记数字贷"},          {"loan.apply", "申请贴息"},          {"loan.confirm", "确认实际利息"},
    {"loan_pool.add", "推荐入中长期贷款项目库"}, {"enterprise.accepted", "验收通过"},
    {"article.create", "撰写发布内容"},     {"article.update", "修改发布内容"},  {"article.submit", "提交审核"},
    {"provider.update", "修改服务商资料"}, {"provider.apply", "提交入库申请"}, {"provider.start_notice", "开始公示"},
    {"provider.admit", "准予入库"},         {"provider.reject", "不予入库"},     {"provider.warn", "警告服务商"},
    {"provider.order_rectification", "责令限期整改"}, {"provider.rectified", "整改完成"}, {"provider.remove", "服务商出库"},
    {"provider.objection", "登记公示异议"}, {"provider.objection_resolve", "处理公示异议"}, {"provider.appeal", "服务商申诉"},
    {"provider.appeal_decide", "处理申诉"}, {"provider.appeal_overturned", "撤销处理决定"}, {"provider.select", "公开遴选入选"},
    {"provider.deselect", "取消遴选"},       {"provider.evaluation", "服务商定期考核"},
    {"product.create", "申报产品"},         {"product.update", "修改产品"},      {"product.submit", "提交产品评审"},
    {"product.list", "产品上架"},           {"product.reject", "产品未通过"},    {"product.delist", "产品下架"},
    {"product.revise", "产品重新申报"},     {"scenario.create", "新增场景"},     {"scenario.link", "场景关联产品"},
    {"scenario.unlink", "取消场景关联"},   {"need.create", "发布需求"},         {"need.propose", "响应需求"},
    {"need.match", "需求对接"},             {"need.close", "关闭需求"},          {"need.message", "需求留言"},
    {"chain.create", "登记链式转型模式"},   {"recognition.create", "登记智能工厂（车间、场景）认定"},
    {"park.create", "登记小微企业园"}, {"enterprise.cloud", "上云用平台（平台报送）"},
    {"platform.create", "登记工业互联网平台"}, {"platform.update", "修改工业互联网平台"},
    {"platform.key_issue", "签发平台接口密钥"}, {"platform.key_revoke", "吊销平台接口密钥"},
    {"platform.cloud_batch", "上云用平台批次"}, {"platform.evaluate", "平台考评"},
    {"sample.propose", "推荐样本企业"}, {"sample.deliberate", "样本企业专家审议"},
    {"demand_list.draft", "起草“N+X”需求清单"}, {"demand_list.confirm", "确定“N+X”需求清单"},     {"training.create", "登记培训"},     {"training.attend", "登记参训企业"},
    {"match_event.create", "发布对接会"},   {"match_event.register", "报名对接会"},
    {"article.publish", "审核发布"},        {"article.reject", "退回修改"},      {"article.withdraw", "撤回发布"},
    {"project.terminate", "终止项目"},      {"review.cancel", "撤销评审（项目终止）"}, {"loan.reopen", "退回已确认的利息"},
    {"chain.complete", "登记链式模式建成"}, {"chain.recognize", "登记工信部链式典型案例认定"},
    {"park.transform", "登记园区数字化改造完成"}, {"lighthouse.designate", "认定“小灯塔”企业"},
    {"workshop.create", "登记数字工坊"},    {"platform.node", "登记标识解析二级节点"},
    {"scenario.select", "专家委员会评定可复制可推广场景"}, {"stats.repair", "按明细重建汇总表"},
};
const std::map<std::string, std::string> kEntityNames = {
    {"user", "用户"}, {"enterprise", "企业"}, {"provider", "服务商"}, {"job", "任务"}, {"audit", "审计日志"},
    {"assessment", "评测"}, {"document", "资料"}, {"industry", "行业"}, {"lpr", "LPR 利率"}, {"project", "项目"}, {"review", "评审"}, {"expert", "专家"},
    {"subsidy", "补助"}, {"fund", "专项资金"}, {"article", "发布内容"}, {"evaluation", "考核报告"}, {"product", "产品"}, {"scenario", "场景"}, {"need", "需求"}, {"match_event", "供需对接会"}, {"chain", "链式模式"},
    {"park", "小微企业园"}, {"platform", "工业互联网平台"}, {"sample", "样本企业"}, {"demand_list", "需求清单"}, {"training", "培训"},
    {"workshop", "数字工坊"}, {"scenario_selection", "场景评定"}, {"summary", "汇总表"},
};
}  // namespace

std::string action_name(const std::string& action) {
  auto it = kActionNames.find(action);
  return it == kActionNames.end() ? action : it->second;
}

std::string entity_type_name(const std::string& t) {
  auto it = kEntityNames.find(t);
  return it == kEntityNames.end() ? t : it->second;
}

std::string field_name(const std::string& f) {
  static const std::map<std::string, std::string> kFields = {
      {"name", "名称"}, {"username", "用户名"}, {"display_name", "姓名"}, {"roles", "角色"}, {"district", "所属区县"},
      {"enterprise_id", "所属企业"}, {"provider_id", "所属服务商"}, {"locked_by_admin", "管理员锁定"},
      {"totp_enrolled", "双因素登录"}, {"password", "密码"}, {"credit_code", "统一社会信用代码"}, {"industry", "行业"}, {"batch", "试点批次"},
      {"status", "状态"}, {"address", "地址"}, {"legal_rep", "法定代表人"}, {"contact_name", "联系人"},
      {"contact_phone", "联系电话"}, {"tier", "企业梯度"}, {"scale_above", "规上企业"}, {"scale_source", "规上认定方式"},
      {"cloud", "上云用云"}, {"cloud_stars", "上云星级"}, {"key_cultivation", "重点培育"},
      {"credit_code_override", "信用代码例外理由"}, {"level", "数字化水平等级"}, {"level_source", "等级来源"},
      {"score", "得分"}, {"kind", "类型"}, {"model_version", "模型版本"}, {"year", "年度"}, {"revenue", "营业收入（分）"},
      {"employees", "员工人数"}, {"rd_spending", "研发投入（分）"}, {"invention_patents", "新增发明专利"},
      {"reason", "原因"}, {"replacement", "增补企业"}, {"decision_note", "审批意见"}};
  auto it = kFields.find(f);
  return it == kFields.end() ? f : it->second;
}

bool is_personal_field(const std::string& f) {
  return f == "contact_name" || f == "contact_phone" || f == "phone" || f == "mobile" || f == "id_number" ||
         f == "email";
}

bool ChainChecker::add(const Entry& e) {
  if (e.seq != last_seq_ + 1) {
    reason_ = "序号不连续：期望 " + std::to_string(last_seq_ + 1) + "，实际 " + std::to_string(e.seq);
    return false;
  }
  if (e.prev_hash != last_hash_) {
    reason_ = "前序哈希不匹配（上一条记录被修改或删除）";
    return false;
  }
  if (link_hash(e) != e.hash) {
    reason_ = "记录内容与哈希不符（记录被修改）";
    return false;
  }
  ++count_;
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return true;
}

}  // namespace sz::audit
