#pragma once

// Did you mean: corrections for misspelt query words, drawn from the names the gazetteer knows
// (its one-word aliases) and the words the index holds (their exact forms), in the script the
// word was typed in, and offered only when they find articles.

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "searcher/entity_filter.h"

namespace naviny {

class QueryBuilder;

// Edits between two words, letter by letter (code points, not bytes): insertions, deletions,
// replacements and swaps of two neighbouring letters, each one edit (the optimal string alignment
// distance: Zelenksy is one edit from Zelensky, Levenshtein would count two). Counting stops above
// `bound`: any greater distance is returned as bound + 1.
std::size_t spelling_distance(std::u32string_view a, std::u32string_view b, std::size_t bound);

// The letters (code points) of UTF-8 text; a malformed byte becomes U+FFFD.
std::u32string letters_of(std::string_view utf8);

// Whether a romanized word is a romanized name with a case ending in place of its final vowels
// (Cichanouskou of Cichanouska, Irlandii of Irlandia, Trumpovi of Trump), not a misspelling of it
// (Tsikhanovskya of Tsikhanovskaya; Pompoe, two letters of Pompeo swapped).
bool is_case_form_of(std::string_view word, std::string_view name);

// Suggests corrections for a query's words. A word needs none if the index has it (by search form
// or spelling), or if it names an entity by its search form (Пуціна, inflected, names Putin).
// One that names an entity only by a likeness of spelling is corrected to the nearest alias of
// that entity in its script (Tsikhanovskya to Tsikhanovskaya), unless it is a case form of one.
// Any other word, a spelling neither the index nor the gazetteer has, is corrected to the nearest
// one-word alias or index word of its script that finds articles, and no fewer than the word
// finds through the name keys it shares with names (Lukahsenko finds some of Lukashenko's
// articles by his key).
// Nearest is fewest edits (spelling_distance; one for a word of under kLongWordLetters letters,
// two from there), then the spelling the corpus writes most often. Index words are sought among
// those beginning with the word's first letter (a scan of that part of the term list: at most
// some 13,000 terms for 4,159 articles); aliases among all. A Latin word with no such correction
// may take the nearest word of the spelling table (the romanized words of every article, which
// Xapian looks up by trigram), on the same condition.
//
// Each correction is checked by searching it: one Xapian match per candidate tried, at most
// kCandidatesTried per word, and one for the word itself. A word the index has costs a term
// look-up or two. The gazetteer's aliases are read once per Searcher, on first need.
class SpellingSuggester {
 public:
  static constexpr std::size_t kLongWordLetters = 8;
  static constexpr std::size_t kCandidatesTried = 3;
  // Only the first plain words of a query are checked: a made-up one costs some 1.4 ms of CPU
  // (4,159 articles), and a query of 450 made-up words would take over a second.
  static constexpr std::size_t kMaxWordsChecked = 16;

  // `builder` builds the queries that check a correction; it must outlive this.
  SpellingSuggester(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer,
                    std::shared_ptr<IndexGazetteer> gazetteer, QueryBuilder& builder);

  // The query with each misspelt plain word (not an operator, field, phrase, number or word in
  // capitals) replaced by its correction, capitalised as typed; empty if no word needs one, or if
  // the corrected query finds nothing.
  std::string suggestion(const std::string& query);

 private:
  struct Spelling {
    std::string exact;
    std::string romanized;  // empty for a word of the index
    std::u32string exact_letters;
    std::u32string romanized_letters;
    Script script;
    std::string id;  // of the entity, for an alias
  };
  struct Candidate {
    const Spelling* spelling;
    std::size_t edits;
    Xapian::doccount frequency;  // articles that have the spelling
  };

  std::optional<std::string> correction(const AnalyzedWord& word);
  // Whether the index has the word, by search form or as written.
  bool in_index(const WordForms& forms) const;
  // Whether the index has a case form of the (case-folded) word other than itself.
  bool in_another_case_form(const std::string& exact) const;
  std::optional<std::string> likeness_correction(const AnalyzedWord& word,
                                                 const std::vector<std::string>& ids);
  std::optional<std::string> first_that_finds(std::vector<Candidate> candidates,
                                              const AnalyzedWord& word, Xapian::doccount wanted);
  void add_index_words(const AnalyzedWord& word, std::size_t bound,
                       std::vector<Spelling>& words) const;
  const std::vector<Spelling>& aliases();
  std::string as_typed(const AnalyzedWord& word, const std::string& exact) const;
  Xapian::doccount matches(const std::string& text);

  Xapian::Database db_;
  std::shared_ptr<Analyzer> analyzer_;
  std::shared_ptr<IndexGazetteer> gazetteer_;
  QueryBuilder& builder_;
  std::optional<std::vector<Spelling>> aliases_;  // read on first need
};

}  // namespace naviny
