#include "analyzers/declension.h"

#include <algorithm>

namespace naviny {
namespace {

// Shorter stems are too often the start of an unrelated word: Polen's "poln" begins Północy, and
// Turek ("a Turk") is "turk" without its e.
constexpr std::size_t kMinWordLetters = 4;
constexpr std::size_t kMinRestoredStemLetters = 4;  // Prag(a)
constexpr std::size_t kMinStemWithoutELetters = 5;  // Niemc(y), Египт(у)
constexpr std::size_t kMaxEndingAfterFleetingE = 2;

// A case ending that softened the consonant before it, in romanised spelling, the consonant it
// stands for, and the nominative ending the alias must then have: only feminine nouns in -a take
// -ce, -dze (Polska, Praga), and only plurals in -y the irregular locatives in -ech (Niemcy,
// Węgry, Włochy). Requiring these keeps English names in -ce (Pence, France) away from Slavic
// aliases in -ko.
struct Alternation {
  std::string_view ending;
  std::string_view consonant;
  std::string_view nominative;  // "" for a noun that ends in the consonant
  bool or_bare = false;         // whether an alias ending in the consonant also counts
};

constexpr Alternation kAlternations[] = {
    {"chech", "c", "y"},       // Polish Niemczech (cz romanised ch)
    {"zhech", "r", "y"},       // Węgrzech (rz as zh)
    {"shech", "ch", "y"},      // Włoszech (sz as sh)
    {"dzie", "d", "a", true},  // Kanadzie; Londynie needs no change
    {"cie", "t", "a", true},   // Egipcie, Budapeszcie
    {"zhe", "r", "a", true},   // Piotrze
    {"dze", "g", "a"},         // Pradze, Rydze
    {"ce", "k", "a"},          // Polsce, Ameryce; Czech Americe
    {"ze", "h", "a"},          // Czech Praze
    {"ze", "g", "a"},          // Belarusian Празе
    {"zi", "g", "a"},          // Ukrainian Празі
    {"tsi", "k", "a"},         // Ukrainian Америці
    {"tse", "k", "a"},         // Belarusian Амерыцэ
    {"tsy", "k", "a"},         // Belarusian Амерыцы
};

// The alias is the stem, or the stem and one vowel (Niemc-y).
bool is_alias_of_stem(std::string_view alias, std::string_view stem) {
  return alias == stem || (alias.size() == stem.size() + 1 && alias.starts_with(stem) &&
                           is_latin_vowel(alias.back()));
}

// Whether the alias is the word with the rule's ending read back as its consonant (the stem) and
// the nominative ending, or, if the rule allows, the stem alone. Compared piece by piece: this runs
// for every rule on many candidate aliases of every article, where building the stem cost time.
bool restores_alias(std::string_view word, std::string_view alias, const Alternation& rule) {
  if (!word.ends_with(rule.ending)) return false;
  const std::string_view kept = word.substr(0, word.size() - rule.ending.size());
  if (kept.size() + rule.consonant.size() < kMinRestoredStemLetters) return false;
  if (!alias.starts_with(kept) || !alias.substr(kept.size()).starts_with(rule.consonant)) {
    return false;
  }
  const std::string_view after_stem = alias.substr(kept.size() + rule.consonant.size());
  return after_stem == rule.nominative || (rule.or_bare && after_stem.empty());
}

}  // namespace

bool is_latin_vowel(char letter) {
  switch (letter) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

std::string without_fleeting_e(std::string_view word) {
  if (word.size() < kMinWordLetters || is_latin_vowel(word.back()) ||
      word[word.size() - 2] != 'e') {
    return {};
  }
  std::size_t cut = word.size() - 2;
  if (cut >= 2 && word[cut - 1] == 'i' && !is_latin_vowel(word[cut - 2])) --cut;
  return std::string(word.substr(0, cut)) + word.back();
}

bool declined_with_changed_stem(std::string_view word, std::string_view alias) {
  if (std::ranges::any_of(kAlternations, [&](const Alternation& rule) {
        return restores_alias(word, alias, rule);
      })) {
    return true;
  }
  const std::string word_stem = without_fleeting_e(word);
  if (word_stem.size() >= kMinStemWithoutELetters && is_alias_of_stem(alias, word_stem))
    return true;
  const std::string alias_stem = without_fleeting_e(alias);
  if (alias_stem.size() < kMinStemWithoutELetters || !word.starts_with(alias_stem)) return false;
  const std::string_view ending = word.substr(alias_stem.size());
  return !ending.empty() && ending.size() <= kMaxEndingAfterFleetingE &&
         is_latin_vowel(ending.front());
}

}  // namespace naviny
