// libFuzzer target: the analysis chain on arbitrary bytes, as article text (analyze_words, with a
// title as context) and as one query word (Analyzer::analyze_word).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static naviny::Analyzer analyzer;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // The whole input as one word, as a query word reaches the chain.
  (void)analyzer.analyze_word(bytes);

  // The first line as a title, the rest as a body judged against it, as the indexer does.
  const std::size_t newline = bytes.find('\n');
  const std::string_view title = bytes.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);
  const std::vector<naviny::AnalyzedWord> title_words = naviny::analyze_words(analyzer, title);
  const std::vector<naviny::AnalyzedWord> body_words =
      naviny::analyze_words(analyzer, body, &title_words);
  for (const naviny::AnalyzedWord& word : body_words) {
    // Every token must lie inside the text it came from.
    if (word.token.begin > word.token.end || word.token.end > body.size()) __builtin_trap();
  }
  return 0;
}
