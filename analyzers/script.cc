#include "analyzers/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace naviny {
namespace {

struct LookAlike {
  UChar32 latin;
  UChar32 cyrillic;
};

// Lower case only: words are case-folded before they get here. So B В, H Н and T Т, alike only as
// capitals, are left out, because their lower-case letters look nothing alike. м and к are in,
// though they too are closest as capitals, because a Cyrillic М or К typed into a Latin name
// ("Мinsk") is common. ë ё and ï ї are in for the reason і is: a keyboard without the Cyrillic
// letter sends typists to its Latin twin ("Украïна").
constexpr LookAlike kLookAlikes[] = {
    {'a', 0x0430}, {'c', 0x0441}, {'e', 0x0435},    {'i', 0x0456},    {'j', 0x0458},
    {'k', 0x043A}, {'m', 0x043C}, {'o', 0x043E},    {'p', 0x0440},    {'s', 0x0455},
    {'x', 0x0445}, {'y', 0x0443}, {0x00EB, 0x0451}, {0x00EF, 0x0457},
};

constexpr UChar32 kNoLookAlike = U_SENTINEL;

UChar32 cyrillic_lookalike(UChar32 latin) {
  for (const LookAlike& pair : kLookAlikes) {
    if (latin == pair.latin) return pair.cyrillic;
  }
  return kNoLookAlike;
}

UChar32 latin_lookalike(UChar32 cyrillic) {
  for (const LookAlike& pair : kLookAlikes) {
    if (cyrillic == pair.cyrillic) return pair.latin;
  }
  return kNoLookAlike;
}

constexpr UChar32 kCyrillicYo = 0x0451;
constexpr UChar32 kCyrillicIe = 0x0435;
constexpr UChar32 kCyrillicI = 0x0438;
constexpr UChar32 kCyrillicDottedI = 0x0456;

// The alphabet of one code point of a case-folded word; digits, marks and punctuation, and
// letters of other alphabets, are Script::other.
Script script_of(UChar32 c) {
  if (c < 0) return Script::other;  // a malformed byte
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? Script::latin : Script::other;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return Script::other;
  if (script == USCRIPT_CYRILLIC) return Script::cyrillic;
  if (script == USCRIPT_LATIN) return Script::latin;
  return Script::other;
}

bool plain_ascii(std::string_view word) {
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

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

std::size_t letter_count(std::string_view utf8) {
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }));
}

std::string_view last_letter(std::string_view utf8) {
  std::size_t start = utf8.size();
  while (start > 0 && (static_cast<unsigned char>(utf8[start - 1]) & 0xC0) == 0x80) --start;
  return utf8.substr(start > 0 ? start - 1 : 0);
}

bool is_vowel_letter(std::string_view letter) {
  static constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "y", "а", "е", "и",
                                                 "о", "у", "ы", "э", "ю", "я", "і", "ї", "є"};
  return std::ranges::find(kVowels, letter) != std::end(kVowels);
}

bool starts_with_capital(std::string_view word) {
  if (word.empty()) return false;
  UChar32 first;
  int32_t offset = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), offset, static_cast<int32_t>(word.size()),
          first);
  return first >= 0 && (u_isupper(first) || u_istitle(first));
}

std::string with_capital(std::string_view word) {
  if (word.empty()) return {};
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  int32_t offset = 0;
  UChar32 first;
  U8_NEXT(bytes, offset, static_cast<int32_t>(word.size()), first);
  if (first < 0) return std::string(word);
  char buffer[U8_MAX_LENGTH];
  int32_t written = 0;
  U8_APPEND_UNSAFE(buffer, written, u_toupper(first));  // buffer holds any one code point
  return std::string(buffer, static_cast<std::size_t>(written)) +
         std::string(word.substr(static_cast<std::size_t>(offset)));
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

std::string without_acronym_case_endings(std::string_view text) {
  constexpr int kMaxEndingLetters = 4;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  const auto letter_at = [&](int32_t offset, int32_t* next) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    *next = offset;
    return c;
  };
  std::string out;
  int32_t copied = 0;
  int capitals = 0;  // upper-case letters of the word so far, or -1 once another letter is seen
  for (int32_t offset = 0; offset < length;) {
    int32_t next = 0;
    const UChar32 c = letter_at(offset, &next);
    if (c >= 0 && u_isalpha(c)) {
      if (capitals >= 0) capitals = u_isupper(c) ? capitals + 1 : -1;
      offset = next;
      continue;
    }
    if (c == '-' && capitals >= 2) {
      int32_t end = next;
      int ending = 0;
      for (int32_t after = 0; end < length && ending <= kMaxEndingLetters; end = after, ++ending) {
        const UChar32 e = letter_at(end, &after);
        if (e < 0 || !u_isalpha(e)) break;
        if (!u_islower(e)) ending = kMaxEndingLetters + 1;
      }
      if (ending >= 1 && ending <= kMaxEndingLetters) {
        out.append(text.substr(static_cast<std::size_t>(copied),
                               static_cast<std::size_t>(offset - copied)));
        copied = end;
        next = end;
      }
    }
    capitals = 0;
    offset = next;
  }
  return out.append(text.substr(static_cast<std::size_t>(copied)));
}

Script dominant_script(std::string_view folded_word) {
  int latin = 0;
  int cyrillic = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded_word.data());
  const auto length = static_cast<int32_t>(folded_word.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    const Script script = script_of(c);
    if (script == Script::latin) ++latin;
    if (script == Script::cyrillic) ++cyrillic;
  }
  if (cyrillic > 0 && cyrillic >= latin) return Script::cyrillic;
  if (latin > 0) return Script::latin;
  return Script::other;
}

std::string read_lookalikes_in_word_script(std::string folded_word) {
  if (plain_ascii(folded_word)) return folded_word;
  int latin = 0;
  int cyrillic = 0;
  bool latin_all_lookalikes = true;
  bool cyrillic_all_lookalikes = true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded_word.data());
  const auto length = static_cast<int32_t>(folded_word.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    switch (script_of(c)) {
      case Script::latin:
        ++latin;
        latin_all_lookalikes = latin_all_lookalikes && cyrillic_lookalike(c) != kNoLookAlike;
        break;
      case Script::cyrillic:
        ++cyrillic;
        cyrillic_all_lookalikes = cyrillic_all_lookalikes && latin_lookalike(c) != kNoLookAlike;
        break;
      case Script::other:
        break;
    }
  }
  if (latin == 0 || cyrillic == 0) return folded_word;
  const bool to_cyrillic = latin_all_lookalikes && (!cyrillic_all_lookalikes || cyrillic >= latin);
  if (!to_cyrillic && !cyrillic_all_lookalikes) return folded_word;
  return map_code_points(folded_word, [to_cyrillic](UChar32 c) {
    const UChar32 twin = to_cyrillic ? cyrillic_lookalike(c) : latin_lookalike(c);
    return twin == kNoLookAlike ? c : twin;
  });
}

std::string prepare_for_russian_stemmer(std::string_view folded_word) {
  return map_code_points(folded_word, [](UChar32 c) {
    if (c == kCyrillicYo) return kCyrillicIe;
    if (c == kCyrillicDottedI) return kCyrillicI;
    return c;
  });
}

}  // namespace naviny
