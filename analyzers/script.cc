#include "analyzers/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace naviny {
namespace {

struct LookAlike {
  UChar32 latin;
  UChar32 cyrillic;
};

// Lower case only: words are case-folded before they get here.
constexpr LookAlike kLookAlikes[] = {
    {'a', 0x0430}, {'c', 0x0441}, {'e', 0x0435}, {'i', 0x0456}, {'j', 0x0458}, {'k', 0x043A},
    {'m', 0x043C}, {'o', 0x043E}, {'p', 0x0440}, {'s', 0x0455}, {'x', 0x0445}, {'y', 0x0443},
};

constexpr UChar32 kCyrillicYo = 0x0451;
constexpr UChar32 kCyrillicIe = 0x0435;
constexpr UChar32 kCyrillicI = 0x0438;
constexpr UChar32 kCyrillicDottedI = 0x0456;

template <typename MapCodePoint>
std::string map_code_points(std::string_view word, MapCodePoint&& map) {
  std::string out;
  out.reserve(word.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) c = 0xFFFD;
    const UChar32 mapped = map(c);
    char buffer[U8_MAX_LENGTH];
    int32_t written = 0;
    U8_APPEND_UNSAFE(buffer, written, mapped);  // buffer holds any one code point
    out.append(buffer, static_cast<std::size_t>(written));
  }
  return out;
}

}  // namespace

bool written_as_initials(std::string_view written) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(written.data());
  const auto size = static_cast<int32_t>(written.size());
  if (size == 0) return false;
  for (int32_t offset = 0; offset < size;) {
    UChar32 letter;
    U8_NEXT(bytes, offset, size, letter);
    if (letter < 0 || !u_isupper(letter) || offset >= size || written[offset] != '.') return false;
    ++offset;
  }
  return true;
}

bool starts_with_capital(std::string_view word) {
  if (word.empty()) return false;
  UChar32 first;
  int32_t offset = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), offset, static_cast<int32_t>(word.size()),
          first);
  return first >= 0 && (u_isupper(first) || u_istitle(first));
}

bool written_in_capitals(std::string_view word) {
  int letters = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  for (int32_t offset = 0; offset < static_cast<int32_t>(word.size());) {
    UChar32 c;
    U8_NEXT(bytes, offset, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

Script dominant_script(std::string_view folded_word) {
  int latin = 0;
  int cyrillic = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded_word.data());
  const auto length = static_cast<int32_t>(folded_word.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0x80) {
      latin += (c >= 'a' && c <= 'z') ? 1 : 0;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_CYRILLIC) ++cyrillic;
    if (script == USCRIPT_LATIN) ++latin;
  }
  if (cyrillic > 0 && cyrillic >= latin) return Script::cyrillic;
  if (latin > 0) return Script::latin;
  return Script::other;
}

std::string prepare_for_russian_stemmer(std::string_view folded_word) {
  return map_code_points(folded_word, [](UChar32 c) {
    if (c == kCyrillicYo) return kCyrillicIe;
    if (c == kCyrillicDottedI || c == 'i') return kCyrillicI;
    for (const LookAlike& pair : kLookAlikes) {
      if (c == pair.latin) return pair.cyrillic;
    }
    return c;
  });
}

std::string repair_latin_lookalikes(std::string_view folded_word) {
  bool ascii = true;
  for (const char c : folded_word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(folded_word);
  return map_code_points(folded_word, [](UChar32 c) {
    for (const LookAlike& pair : kLookAlikes) {
      if (c == pair.cyrillic) return pair.latin;
    }
    return c;
  });
}

}  // namespace naviny
