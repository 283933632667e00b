#include "analyzers/legal_forms.h"

#include <array>
#include <string_view>

#include "common/text.h"

namespace naviny {
namespace {

// Case-folded, as the tokenizer splits them ("S.A." is "sa", "a.s." is "a s"). Longer forms that
// begin like shorter ones come first.
constexpr std::array kLegalForms = {
    // English and international
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp",
    "plc", "lp", "jsc", "pjsc", "ojsc", "cjsc", "holding", "holdings", "group", "nv", "bv", "sa",
    "se", "ag", "gmbh", "kg", "spa", "ab", "asa", "oyj",
    // Polish, Czech, Slovak, Slovene, Baltic, Hungarian
    "sp z o o", "spółka akcyjna", "spol s r o", "s r o", "a s", "d o o", "d d", "uab", "sia", "as",
    "kft", "zrt", "nyrt", "grupa", "skupina",
    // Russian, Ukrainian, Belarusian, Bulgarian, Kazakh
    "ооо", "оао", "зао", "пао", "ао", "нао", "тов", "пат", "прат", "ат", "тоо", "аат", "зат", "таа",
    "ад", "еад", "оод", "еоод", "группа", "холдинг", "група"};

// How many of `words`, from `at` stepping by `step`, one legal form takes; 0 if none.
std::size_t legal_form_at(const std::vector<AnalyzedWord>& words, std::ptrdiff_t at,
                          std::ptrdiff_t step) {
  for (const std::string_view form : kLegalForms) {
    const std::vector<std::string_view> parts = split(form, ' ');
    std::ptrdiff_t position = step > 0 ? at : at - static_cast<std::ptrdiff_t>(parts.size()) + 1;
    if (position < 0 || position + parts.size() > words.size()) continue;
    bool same = true;
    for (const std::string_view part : parts) {
      same = same && words[static_cast<std::size_t>(position++)].forms.exact == part;
    }
    if (same) return parts.size();
  }
  return 0;
}

}  // namespace

std::pair<std::size_t, std::size_t> without_legal_forms(const std::vector<AnalyzedWord>& words) {
  std::size_t first = 0;
  std::size_t last = words.size();
  while (first < last) {
    const std::size_t taken = legal_form_at(words, static_cast<std::ptrdiff_t>(last) - 1, -1);
    if (taken == 0 || taken >= last - first) break;
    last -= taken;
  }
  while (first < last) {
    const std::size_t taken = legal_form_at(words, static_cast<std::ptrdiff_t>(first), 1);
    if (taken == 0 || taken >= last - first) break;
    first += taken;
  }
  return {first, last};
}

}  // namespace naviny
