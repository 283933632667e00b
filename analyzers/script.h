#pragma once

#include <string>
#include <string_view>

namespace naviny {

enum class Script { latin, cyrillic, other };

// The alphabet most letters of a (case-folded) word belong to. Ties go to Cyrillic, because a
// Latin look-alike inside a Cyrillic word ("Лукашэнкi" typed with a Latin i) is the common case.
Script dominant_script(std::string_view folded_word);

// Readies a Cyrillic word for the Russian Snowball stemmer: Latin look-alikes become Cyrillic,
// ё becomes е, and Belarusian/Ukrainian і becomes и so that Snowball sees its vowels and endings
// ("лукашэнкі" stems like "лукашэнка").
std::string prepare_for_russian_stemmer(std::string_view folded_word);

// True if the first character of a word is an upper-case or title-case letter.
bool starts_with_capital(std::string_view word);

// True if a word has at least two letters and all are upper case: an acronym (NATO, ООН).
bool written_in_capitals(std::string_view word);

// True for initials as written before or after a surname: capital letters, each followed by a
// period ("В.", "J.", "В.В.").
bool written_as_initials(std::string_view written);

// Cyrillic look-alikes inside a Latin word become Latin ("Мinsk" typed with a Cyrillic М).
std::string repair_latin_lookalikes(std::string_view folded_word);

}  // namespace naviny
