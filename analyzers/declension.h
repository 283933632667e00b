#pragma once

#include <string>
#include <string_view>

namespace naviny {

// A vowel of a romanised word (y included: Rosji, Niemcy).
bool is_latin_vowel(char letter);

// The romanised word without the e that Slavic declension drops before a final consonant
// (Biden, Bidna; Wiedeń, Wiedniu; Niemiec, Niemcy; Египет, Египту), and the i that softens it
// (Niemiec): empty if it has none.
std::string without_fleeting_e(std::string_view word);

// Whether a romanised word is a case form of a one-script alias whose stem the ending changed, so
// that no name key of the two meets: the fleeting e (Египту of Египет, Niemiec of Niemcy) and the
// consonants that Polish, Czech, Ukrainian and Belarusian soften before a locative or dative
// ending (Niemczech of Niemcy, Polsce of Polska, Kanadzie of Kanada, Pradze of Praga, Praze of
// Praha, Празі of Прага, Америці of Америка).
bool declined_with_changed_stem(std::string_view word, std::string_view alias);

}  // namespace naviny
