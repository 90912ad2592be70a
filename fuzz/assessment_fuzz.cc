// Assessment scoring: answers as the API takes them, scored against the published 2024 model. Any answers end in
// an evaluation or a 422; an evaluation's score lies within the model's maximum and its level is one of the model's.
#include <cstdint>

#include "assessment/api.h"
#include "assessment/service.h"
#include "fuzz_data.h"
#include "infra/json.h"

namespace {
sz::assessment::Model load() {
  auto l = sz::assessment::parse_model(sz::fuzz::data_file("data/assessment/2024-public-1.json"));
  if (!l) __builtin_trap();
  return l->model;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sz::assessment::Model model = load();
  static const int64_t max_score = [] {
    int64_t s = 0;
    for (const auto& d : model.dimensions) s += d.max;
    return s;
  }();
  auto o = sz::json::parse_object(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!o) return 0;
  auto answers = sz::assessment::answers_from(*o);
  if (!answers) return 0;
  auto e = sz::assessment::evaluate(model, *answers);
  if (!e) {
    if (e.error().status != 422) __builtin_trap();
    return 0;
  }
  if (e->score < 0 || e->score > max_score) __builtin_trap();
  if (e->level < 0 || e->level > static_cast<int>(model.levels.size())) __builtin_trap();
  return 0;
}
