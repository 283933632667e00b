#include "analyzers/transliteration.h"

#include <unicode/normalizer2.h>
#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/errors.h"

namespace naviny {
namespace {

// Input is already NFKC case-folded, so only lower-case letters need rules. ICU applies the
// first rule that matches at each position, so longer patterns come first.
// The normalisation steps around the rules (NFC before; NFD, mark removal, NFC and the removal of
// kDroppedMarks after) are done in romanize() rather than as `::NFC ;` rule lines: any `::` line
// makes ICU load its whole transliterator registry, 15–20 ms at every process start.
constexpr std::string_view kRules = R"RULES(
щ > shch ; ш > sh ; ж > zh ; ч > ch ; х > kh ; ц > ts ;
[ъь] е > ye ; [ъь] ё > yo ; [ъь] ю > yu ; [ъь] я > ya ; [ъь] и > yi ;
[aeiouy] { е > ye ; ^ е > ye ; е > e ;
ю > yu ; я > ya ; є > ye ; ї > yi ; ё > e ; й > y ; ы > y ;
а > a ; б > b ; в > v ; г > g ; ґ > g ; д > d ; з > z ; и > i ; і > i ;
к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ў > u ;
ф > f ; э > e ; ъ > a ; ь > ;
қ > k ; ғ > g ; ҳ > kh ; ң > n ; ә > a ; ө > o ; ү > u ; ұ > u ; һ > h ;
ђ > dj ; ј > y ; љ > ly ; њ > ny ; ћ > ch ; џ > dzh ; ѓ > gj ; ќ > kj ; ѕ > dz ;
ł > l ; ß > ss ; æ > ae ; ø > o ; œ > oe ; đ > dj ; ð > d ; þ > th ; ı > i ;
š > sh ; ž > zh ; č > ch ; ř > rzh ; ć > ch ; ż > zh ; ś > s ; ź > z ; ŭ > u ; ń > n ;
ŝ > shch ; û > yu ; â > ya ;
ą } [a-z] > on ; ą > a ; ę } [a-z] > en ; ę > e ;
szcz > shch ; sz > sh ; cz > ch ; rz > zh ;
)RULES";

// Quotes, apostrophes and the prime-like letters that romanisations use for ь and ъ.
constexpr std::u16string_view kDroppedMarks =
    u"\u0022\u0027\u0060\u00B7\u02B9\u02BA\u02BB\u02BC\u2019\u201D";

const icu::Normalizer2& normalizer(bool composed) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = composed ? icu::Normalizer2::getNFCInstance(status)
                                              : icu::Normalizer2::getNFDInstance(status);
  check_icu(status, composed ? "Normalizer2::getNFCInstance" : "Normalizer2::getNFDInstance");
  return *instance;
}

icu::UnicodeString normalized(const icu::Normalizer2& form, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString result = form.normalize(text, status);
  check_icu(status, "Normalizer2::normalize");
  return result;
}

bool is_dropped(UChar32 c) {
  return u_charType(c) == U_NON_SPACING_MARK ||
         (c <= 0xFFFF && kDroppedMarks.find(static_cast<char16_t>(c)) != std::u16string_view::npos);
}

}  // namespace

std::string_view Romanizer::rules() {
  return kRules;
}

Romanizer::Romanizer() : nfc_(&normalizer(true)), nfd_(&normalizer(false)) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString rule_text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(kRules.data(), static_cast<int32_t>(kRules.size())));
  transliterator_.reset(icu::Transliterator::createFromRules("naviny-romanize", rule_text,
                                                             UTRANS_FORWARD, parse_error, status));
  check_icu(status, "Transliterator::createFromRules (naviny romanization rules)");
}

Romanizer::~Romanizer() = default;

std::string Romanizer::romanize(std::string_view word) const {
  icu::UnicodeString text = normalized(*nfc_, icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                  word.data(), static_cast<int32_t>(word.size()))));
  transliterator_->transliterate(text);
  const icu::UnicodeString decomposed = normalized(*nfd_, text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (!is_dropped(c)) kept.append(c);
  }
  std::string result;
  normalized(*nfc_, kept).toUTF8String(result);
  return result;
}

}  // namespace naviny
