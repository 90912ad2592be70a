// The request bodies of the busiest writes, decoded as their routes decode them: any bytes end in a decoded input
// or a 4xx naming the field — never a crash. The first byte picks the body; the rest is the JSON.
#include <cstdint>

#include "assessment/api.h"
#include "fuzz_data.h"
#include "infra/json.h"
#include "projects/api.h"
#include "registry/api.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = sz::fuzz::install_ranges();
  (void)ready;
  if (size == 0) return 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto o = sz::json::parse_object(body);
  if (!o) {
    if (o.error().status < 400 || o.error().status >= 500) __builtin_trap();
    return 0;
  }
  auto expect_4xx = [](const auto& r) {
    if (!r && (r.error().status < 400 || r.error().status >= 500)) __builtin_trap();
  };
  switch (data[0] % 4) {
    case 0: expect_4xx(sz::registry::enterprise_input(*o)); break;         // POST/PATCH /enterprises
    case 1: expect_4xx(sz::registry::proposed_replacement(*o)); break;     // POST /enterprises/{id}/withdrawals
    case 2: expect_4xx(sz::projects::new_project_input(*o)); break;        // POST /projects
    case 3: expect_4xx(sz::assessment::answers_from(*o)); break;           // PUT /assessments/{id}, POST /score
  }
  return 0;
}
