// libFuzzer target: the analysis chain on arbitrary bytes, as article text (analyze_words, with a
// title as context) and as one query word (Analyzer::analyze_word).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "common/utf8.h"

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
  const bool valid_utf8 = !naviny::first_invalid_utf8(body);
  for (const naviny::AnalyzedWord& word : body_words) {
    // Every token lies inside the text it came from, and in UTF-8 text it starts and ends at
    // character boundaries, so that a highlighter can cut there.
    if (word.token.begin >= word.token.end || word.token.end > body.size()) __builtin_trap();
    if (valid_utf8 && naviny::first_invalid_utf8(
                          body.substr(word.token.begin, word.token.end - word.token.begin))) {
      __builtin_trap();
    }
  }
  return 0;
}
