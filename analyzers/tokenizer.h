#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace naviny {

// One word of a UTF-8 text, located by byte offsets so that a highlighter can mark it.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  // The word as Xapian's QueryParser sees it in a query: "U.S." gives "US", a typographic
  // apostrophe becomes ', and "C++" keeps its suffix. Not yet case-folded.
  std::string word;
};

// Splits text into words with the same rules as Xapian's TermGenerator and QueryParser (word
// characters are letters, marks, digits and connector punctuation; apostrophes and '&' join
// words, digits join across '.' and ','), so that a query word and a text word meet.
class Tokenizer {
 public:
  // Words longer than this many bytes are skipped, as Xapian's TermGenerator does.
  static constexpr std::size_t kMaxWordBytes = 64;

  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Fills `token` with the next word; false at the end of the text.
  bool next(Token& token);

 private:
  bool read_acronym(std::size_t start, Token& token);
  void read_word(std::size_t start, Token& token);

  std::string_view text_;
  std::size_t offset_ = 0;
};

}  // namespace naviny
