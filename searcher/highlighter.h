#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"

namespace naviny {

struct Snippet {
  std::string text;
  // Byte ranges of `text` to highlight, in order and not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// Finds the best passage of an article for a query and marks the words that matched it, as they
// stand in the original text, whatever script they are in. Xapian's MSet::snippet re-tokenises
// with its own rules and so misses matches found through transliteration or name keys; this runs
// the same analysis chain as the index and compares analysed forms.
class Highlighter {
 public:
  Highlighter(const Xapian::Query& query, Analyzer& analyzer);

  Snippet snippet(std::string_view text, std::size_t max_bytes = 300) const;

 private:
  bool matches(const WordForms& forms) const;

  Analyzer& analyzer_;
  std::unordered_set<std::string> search_forms_;
  std::unordered_set<std::string> exact_forms_;
  std::unordered_set<std::string> keys_;
  // Whether each distinct word seen so far matches. The hits of one page share most words, and
  // this table stays small enough for the CPU caches, unlike the analyzer's memo of every word
  // the process has met, whose look-ups (a cache miss each) dominated a search's time.
  mutable std::unordered_map<std::string, bool> matched_words_;
};

}  // namespace naviny
