#include "analyzers/field_values.h"

#include <utility>

#include "analyzers/case_folder.h"
#include "common/text.h"

namespace naviny {
namespace {

// Three-letter codes (ISO 639-2/B, 639-2/T and 639-3, where they differ) and the ISO 639-1 code
// of the same language: those of the corpus's languages, of its neighbours and of the languages
// news in Europe is most often written in.
constexpr std::pair<std::string_view, std::string_view> kThreeLetterCodes[] = {
    {"ara", "ar"}, {"bel", "be"}, {"bos", "bs"}, {"bul", "bg"}, {"ces", "cs"}, {"chi", "zh"},
    {"cze", "cs"}, {"dan", "da"}, {"deu", "de"}, {"dut", "nl"}, {"ell", "el"}, {"eng", "en"},
    {"est", "et"}, {"fin", "fi"}, {"fra", "fr"}, {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"},
    {"gre", "el"}, {"heb", "he"}, {"hrv", "hr"}, {"hun", "hu"}, {"hye", "hy"}, {"arm", "hy"},
    {"ita", "it"}, {"jpn", "ja"}, {"kat", "ka"}, {"kaz", "kk"}, {"lav", "lv"}, {"lit", "lt"},
    {"mac", "mk"}, {"mkd", "mk"}, {"nld", "nl"}, {"nor", "no"}, {"pol", "pl"}, {"por", "pt"},
    {"ron", "ro"}, {"rum", "ro"}, {"rus", "ru"}, {"slk", "sk"}, {"slo", "sk"}, {"slv", "sl"},
    {"spa", "es"}, {"srp", "sr"}, {"swe", "sv"}, {"tur", "tr"}, {"ukr", "uk"}, {"zho", "zh"},
    {"aze", "az"},
};

}  // namespace

std::string folded_field_value(std::string_view value) {
  const CaseFolder folder;
  return folder.fold(trim(value));
}

std::string language_code(std::string_view value) {
  std::string code = folded_field_value(value);
  if (const auto subtag = code.find_first_of("-_"); subtag != std::string::npos && subtag > 0) {
    code.resize(subtag);
  }
  for (const auto& [three, two] : kThreeLetterCodes) {
    if (code == three) return std::string(two);
  }
  return code;
}

}  // namespace naviny
