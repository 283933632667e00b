// Tokens per second through the whole analysis chain, on the seed articles. "Cold" builds a new
// Analyzer (empty word memo) per iteration, as a first indexing run sees new vocabulary; "warm"
// reuses one, as a long run over Zipfian text mostly does.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/analyzer.h"

namespace {

std::string seed_text() {
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(NAVINY_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    text += buffer.str() + "\n";
  }
  // A Cyrillic share, so both stemmers and the romanizer are exercised.
  text +=
      "Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным в Сочи. "
      "Святлана Ціханоўская сустрэлася з дыпламатамі ў Вільні. ";
  return text;
}

std::size_t analyze_all(naviny::Analyzer& analyzer, const std::string& text) {
  std::size_t tokens = 0;
  analyzer.analyze_text(text, [&](const naviny::Token&, const naviny::WordForms& forms) {
    benchmark::DoNotOptimize(forms.search.data());
    ++tokens;
  });
  return tokens;
}

void BM_AnalyzeWarm(benchmark::State& state) {
  const std::string text = seed_text();
  naviny::Analyzer analyzer;
  std::size_t tokens = analyze_all(analyzer, text);
  for (auto _ : state) tokens = analyze_all(analyzer, text);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeWarm)->Unit(benchmark::kMicrosecond);

void BM_AnalyzeCold(benchmark::State& state) {
  const std::string text = seed_text();
  std::size_t tokens = 0;
  for (auto _ : state) {
    naviny::Analyzer analyzer;
    tokens = analyze_all(analyzer, text);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeCold)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
