// A 通报 as documents, from its snapshot alone: a Chinese PDF (tables, bar charts, page numbers, the issuing body)
// and an .xlsx workbook. Nothing here reads the store or the clock, so the same snapshot renders to the same bytes
// any time later (with the same fonts).
#pragma once
#include <boost/json/object.hpp>

#include <string>

#include "infra/result.h"

namespace sz::reports {

// `snapshot_sm3` is printed in the document so a reader can check a figure against the frozen data.
Status render_pdf(const boost::json::object& snapshot, const std::string& snapshot_sm3, const std::string& path);
Status render_xlsx(const boost::json::object& snapshot, const std::string& snapshot_sm3, const std::string& path);

}  // namespace sz::reports
