#pragma once

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace naviny {

// Unicode NFKC with full case folding (ICU's NFKC_Casefold), which also drops default-ignorable
// characters such as soft hyphens and zero-width joiners that would split search terms.
class CaseFolder {
 public:
  CaseFolder();
  std::string fold(std::string_view utf8) const;

 private:
  const icu::Normalizer2* normalizer_;  // owned by ICU, lives as long as the process
};

}  // namespace naviny
