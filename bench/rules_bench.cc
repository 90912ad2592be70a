// Micro-benchmarks of the pure rules on the hot paths: credit-code checks (every import row), name grams
// (every write and search) and scoring an assessment (every keystroke in the questionnaire's live score).
#include <benchmark/benchmark.h>

#include "assessment/rules.h"
#include "registry/rules.h"

namespace {
void BM_CreditCode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(sz::registry::credit_code_problem("91410000170001401D"));
}
BENCHMARK(BM_CreditCode);

void BM_NameGrams(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(sz::registry::name_grams("巩义恒泰耐火材料有限公司"));
}
BENCHMARK(BM_NameGrams);

void BM_Evaluate(benchmark::State& state) {
  sz::assessment::Model m;
  m.dimensions = {{"基础", "", 100000}};
  for (int no = 1; no <= 15; ++no) {
    sz::assessment::Question q;
    q.no = no;
    q.dimension = "基础";
    q.multi = no % 2 == 0;
    for (char l = 'A'; l <= 'E'; ++l) q.options.push_back({std::string(1, l), "", 1000});
    q.max = q.multi ? 5000 : 1000;
    m.questions.push_back(q);
  }
  for (int i = 0; i < 16; ++i) m.scenes.push_back({"s" + std::to_string(i), "g", i < 10});
  m.levels = {{1, "一级", 20000, 6, 3}, {2, "二级", 40000, 6, 3}, {3, "三级", 60000, 8, 5}, {4, "四级", 80000, 10, 6}};
  sz::assessment::Answers a;
  for (int no = 1; no <= 15; ++no) a.choices[no] = no % 2 ? std::vector<std::string>{"B"} : std::vector<std::string>{"B", "C", "D"};
  for (int i = 0; i < 16; ++i) a.scenes["s" + std::to_string(i)] = i % 4 + 1;
  for (auto _ : state) benchmark::DoNotOptimize(sz::assessment::evaluate(m, a));
}
BENCHMARK(BM_Evaluate);
}  // namespace

BENCHMARK_MAIN();
