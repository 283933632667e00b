#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "searcher/snippet.h"

namespace naviny {

// Finds the best passage of an article for a query and marks the words that matched it, as they
// stand in the original text, whatever script they are in. Xapian's MSet::snippet re-tokenises
// with its own rules and so misses matches found through transliteration or name keys. This asks
// the index instead: the positions at which the article's query terms were indexed are the
// numbers of the body words that matched (the indexer numbers every token of the stored body),
// so the body is only tokenised, never analysed again. Exact forms (of `--exact` and of the
// spellings a name query lists) are indexed without positions: their words are found among the
// positions of their search forms, and only the words there that have the exact form are
// analysed.
//
// An article can also match through an entity it mentions (`person:Putin`, or a name the query
// names an entity by) in words no query word reaches (Путина for Putin). Entity terms carry the
// positions of their mentions' words (recogniser version 9 on), so the words of each mention of
// a queried entity are marked too, unless a word of the mention is marked already (Lukashenko
// alone in "Alexander Lukashenko" for the query Lukashenko). An article that matched only in
// its title, or that was tagged before entity terms had positions, shows the opening of its
// body, unmarked.
class Highlighter {
 public:
  // Long enough for two or three lines of a terminal, whatever the script: the length is in
  // characters, so a Cyrillic passage shows as many words as a Latin one.
  static constexpr std::size_t kSnippetCharacters = 240;

  // `analyzer` finds the words of the query's exact forms, which are indexed without positions;
  // it must outlive the highlighter. `exact_query`: the query was built in exact mode, where
  // search forms stand only for exact forms.
  Highlighter(const Xapian::Database& db, const Xapian::Query& query, Analyzer& analyzer,
              bool exact_query = false);

  // `docid` is the article's id in `db`, `body` its stored body. The snippet holds at most
  // `max_characters` characters (code points; each run of white space shows as one space),
  // counting the ellipses that say where the body goes on, and is cut only between words, unless
  // a single word is longer. It is the passage with the most marked words that fits.
  Snippet snippet(Xapian::docid docid, std::string_view body,
                  std::size_t max_characters = kSnippetCharacters) const;

 private:
  // Numbers (from 0) of the body words to mark, in order, without duplicates; `texts`: the
  // body's words as the tokenizer gives them, read only if the query has exact forms.
  std::vector<std::size_t> marked_words(Xapian::docid docid,
                                        const std::vector<std::string>& texts) const;
  // Numbers of the body words indexed under `term`, in order.
  std::vector<std::size_t> body_words(Xapian::docid docid, const std::string& term) const;

  const Xapian::Database& db_;
  Analyzer& analyzer_;
  std::vector<std::string> terms_;  // positional query terms of the body, without duplicates
  // The query's exact forms (of exact-form and name-spelling terms), by the search-form terms
  // whose positions hold their words.
  std::map<std::string, std::vector<std::string>> exact_forms_by_search_term_;
  std::vector<std::string> entity_terms_;  // the query's entity terms, without duplicates
};

}  // namespace naviny
