#include "records/rules.h"

#include "infra/clock.h"
#include "infra/text.h"

namespace sz::records {

Status check_decision(const Decision& d, const std::string& today, const char* day_label) {
  if (!day_number(d.on)) return err::invalid("on", std::string(day_label) + "应为有效日期 YYYY-MM-DD");
  if (d.on > today) return err::invalid("on", std::string(day_label) + "不能晚于今天");
  if (text::trim(d.decided_by).empty() || text::utf8_length(d.decided_by) > 100)
    return err::invalid("decided_by", "请填写作出决定的单位或组织（1–100个字符）");
  if (text::trim(d.evidence).empty() || text::utf8_length(d.evidence) > 500)
    return err::invalid("evidence", "请填写佐证（文号、纪要或文件名称，1–500个字符）");
  return ok();
}

}  // namespace sz::records
