#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace naviny {

struct Snippet {
  std::string text;
  // Byte ranges of `text` to highlight, in order and not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// Finds the best passage of an article for a query and marks the words that matched it, as they
// stand in the original text, whatever script they are in. Xapian's MSet::snippet re-tokenises
// with its own rules and so misses matches found through transliteration or name keys. This asks
// the index instead: the positions at which the article's query terms were indexed are the
// numbers of the body words that matched (the indexer numbers every token of the stored body),
// so the body is only tokenised, never analysed again.
class Highlighter {
 public:
  Highlighter(const Xapian::Database& db, const Xapian::Query& query);

  // `docid` is the article's id in `db`, `body` its stored body.
  Snippet snippet(Xapian::docid docid, std::string_view body, std::size_t max_bytes = 300) const;

 private:
  // Numbers (from 0) of the body words indexed under a query term.
  std::vector<std::size_t> matched_words(Xapian::docid docid) const;

  const Xapian::Database& db_;
  std::vector<std::string> terms_;  // positional query terms of the body, without duplicates
};

}  // namespace naviny
