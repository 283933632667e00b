#pragma once

// The one analysis chain of naviny, run on article text at index time and on query words at
// search time, so that both sides always agree:
//   word -> NFKC case fold -> look-alike letters read in the word's own alphabet (exact form)
//        -> stem in that alphabet (Russian Snowball for Cyrillic, English for Latin)
//        -> romanize (search form)
//        -> name key of the unstemmed romanized word (coarse, for spelling variants of names)

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "analyzers/tokenizer.h"
#include "common/hash.h"

namespace naviny {

struct WordForms {
  std::string exact;      // case-folded surface form, for exact mode
  std::string search;     // the folded, romanized, stemmed form that ordinary search matches
  std::string romanized;  // the unstemmed romanized word, a-z only, or empty: for spelling
  // The name keys of the unstemmed romanized word: the only "name key" naviny has (name_key.h).
  NameKeys name_keys;
  // Starts with a capital letter. Only such words are indexed under their name keys: names are
  // capitalised, and the coarse keys of common words would collide with them.
  bool capitalized = false;
  // dominant_script(exact), kept because entity recognition compares it for every candidate alias
  // of every word, and the ICU look-ups per letter cost ~7 % of indexing.
  Script script = Script::other;
};

class Analyzer {
 public:
  // Bump whenever a change to the chain changes any term it produces.
  static constexpr int kVersion = 6;

  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The forms of one word (a Token::word or a query word). The reference stays valid until the
  // next call to analyze_text(). Not thread-safe: use one Analyzer per thread.
  const WordForms& analyze_word(std::string_view word);

  // Calls on_token(const Token&, const WordForms&) for every word of `text`, in order.
  template <typename OnToken>
  void analyze_text(std::string_view text, OnToken&& on_token) {
    trim_cache();
    Tokenizer tokenizer(text);
    Token token;
    while (tokenizer.next(token)) on_token(token, analyze_word(token.word));
  }

  // Names this chain: analyzer version, ICU version and a hash of the rules. Stored in the
  // index, so that a binary with a different chain refuses to search it.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  WordForms compute(std::string_view word) const;
  void trim_cache();

  struct Parts;
  std::unique_ptr<Parts> parts_;
  StringMap<WordForms> cache_;
  std::string fingerprint_;
};

// One word of a text, located, with everything the chain derives from it.
struct AnalyzedWord {
  Token token;
  WordForms forms;
  bool starts_sentence = false;  // first word of the text or after . ! ? … or a line break
  // Written as a name: capitalised, and either inside a sentence or, at the start of one, not
  // also written in lower case in the same text ("Кары" opening a sentence is "кары", penalties).
  // Only such words are indexed under name keys and recognised as entities.
  bool name_like = false;
  bool initials = false;  // "В." or "В.В." beside a surname
};

// The words of `text`; `name_like` is judged against `text` and the words of `context` (the
// rest of the same article, e.g. its title), which may be null.
std::vector<AnalyzedWord> analyze_words(Analyzer& analyzer, std::string_view text,
                                        const std::vector<AnalyzedWord>* context = nullptr);

}  // namespace naviny
