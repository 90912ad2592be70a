// Pure rules of the records area: what makes a recorded decision (建成、认定、改造完成、评选) acceptable.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "infra/result.h"

namespace sz::records {

// A dated fact with its evidence: the day it took effect, who decided it (the issuing body or committee), the document
// or minutes it rests on (文号、纪要), and the account that recorded it and when.
struct Decision {
  std::string on, decided_by, evidence;
  std::optional<int64_t> recorded_by;
  std::string recorded_by_name;  // filled when read
  int64_t recorded_at = 0;
};
// The decision's fields as a caller sent them, checked: a real day not after `today`, a named body, some evidence.
// A decision counts from its day, so a day still to come would count what has not happened.
Status check_decision(const Decision& d, const std::string& today, const char* day_label);

}  // namespace sz::records
