#include "analyzers/case_folder.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/errors.h"

namespace naviny {

CaseFolder::CaseFolder() {
  UErrorCode status = U_ZERO_ERROR;
  normalizer_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check_icu(status, "Normalizer2::getNFKCCasefoldInstance");
}

std::string CaseFolder::fold(std::string_view utf8) const {
  bool plain_ascii = true;
  for (const char c : utf8) plain_ascii = plain_ascii && static_cast<unsigned char>(c) < 0x80;
  if (plain_ascii) {
    std::string folded(utf8);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString folded = normalizer_->normalize(source, status);
  check_icu(status, "Normalizer2::normalize");
  std::string result;
  folded.toUTF8String(result);
  return result;
}

}  // namespace naviny
