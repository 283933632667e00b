#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace naviny {

enum class Script { latin, cyrillic, other };

// A letter for each script, as the index's alias tables write the scripts an entity is named in.
constexpr char script_letter(Script script) {
  switch (script) {
    case Script::latin:
      return 'l';
    case Script::cyrillic:
      return 'c';
    case Script::other:
      break;
  }
  return 'o';
}

// The alphabet most letters of a (case-folded) word belong to; ties go to Cyrillic, as in
// read_lookalikes_in_word_script.
Script dominant_script(std::string_view folded_word);

// A case-folded word that mixes Latin and Cyrillic letters, read in one alphabet: scraped text
// types Cyrillic words with Latin letters that look the same ("Тeкcac" with Latin e, c, a, c for
// Тексас) and the reverse ("Мinsk" with a Cyrillic М), and such a word should have every form,
// exact included, of the word it looks like. The word is read in the alphabet whose letters are
// not all look-alikes; if each could be, in the one with more letters (ties to Cyrillic: scraped
// text mostly slips Latin letters into Cyrillic words, not the reverse); if neither could be
// ("Putinй"), it is left as written. A word in one alphabet is returned as it came (moved).
std::string read_lookalikes_in_word_script(std::string folded_word);

// Readies a Cyrillic word for the Russian Snowball stemmer: ё becomes е, and Belarusian/Ukrainian
// і becomes и so that Snowball sees its vowels and endings ("лукашэнкі" stems like "лукашэнка").
std::string prepare_for_russian_stemmer(std::string_view folded_word);

// The number of letters (code points) of a UTF-8 word.
std::size_t letter_count(std::string_view utf8);

// The last letter of a UTF-8 word, as bytes.
std::string_view last_letter(std::string_view utf8);

// Whether a (case-folded) letter is a plain vowel of the Latin or Cyrillic alphabet.
bool is_vowel_letter(std::string_view letter);

// True if the first character of a word is an upper-case or title-case letter.
bool starts_with_capital(std::string_view word);

// The word with its first letter in upper case: the name a case-folded form was written as.
std::string with_capital(std::string_view word);

// True if a word has at least two letters and all are upper case: an acronym (NATO, ООН).
bool written_in_capitals(std::string_view word);

// The text without the case endings that Slavic languages hyphenate onto acronyms (NATO-u,
// ЕС-а, ООН-у, MSZ-etu): the acronym does not decline, so its articles are those of the acronym
// alone. At most four lower-case letters after the hyphen, and the word must end there.
std::string without_acronym_case_endings(std::string_view text);

// True for initials as written before or after a surname: capital letters, each followed by a
// period ("В.", "J.", "В.В.").
bool written_as_initials(std::string_view written);

}  // namespace naviny
