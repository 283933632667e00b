#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
class Transliterator;
U_NAMESPACE_END

namespace naviny {

// Turns a case-folded, stemmed word in any Cyrillic or Latin alphabet into the one Latin search
// form naviny indexes: Cyrillic letters by English press spelling (х kh, ц ts, ш sh, ў u),
// Slavic Latin letters likewise (š sh, ł l, sz sh, cz ch, ż zh), other marks dropped.
// The rules are ours (ICU's built-in transforms disagree with the press and with each other).
class Romanizer {
 public:
  Romanizer();
  ~Romanizer();
  Romanizer(const Romanizer&) = delete;
  Romanizer& operator=(const Romanizer&) = delete;

  std::string romanize(std::string_view word) const;

  // The ICU rule text, hashed into the analyzer fingerprint.
  static std::string_view rules();

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
  const icu::Normalizer2* nfc_;  // owned by ICU, lives as long as the process
  const icu::Normalizer2* nfd_;
};

}  // namespace naviny
