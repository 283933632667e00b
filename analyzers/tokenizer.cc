#include "analyzers/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace naviny {
namespace {

constexpr UChar32 kEnd = -1;
constexpr UChar32 kRightSingleQuote = 0x2019;
constexpr UChar32 kModifierApostrophe = 0x02BC;
constexpr int kMaxSuffixChars = 3;  // "C++", "C#": as Xapian

struct Decoded {
  UChar32 code_point;
  std::size_t next;  // offset just after it
};

Decoded decode_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {kEnd, offset};
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte < 0x80) return {byte, offset + 1};
  auto index = static_cast<int32_t>(offset);
  UChar32 code_point;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), index, static_cast<int32_t>(text.size()),
          code_point);
  return {code_point < 0 ? 0xFFFD : code_point, static_cast<std::size_t>(index)};
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (c == kEnd) return false;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return c != kModifierApostrophe;
    default:
      return false;
  }
}

bool is_digit(UChar32 c) {
  return c >= 0 && u_isdigit(c);
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == kRightSingleQuote || c == kModifierApostrophe;
}

// Signs that romanisation schemes put inside words for ъ, ь or a syllable break (ISO 9 ʺ,
// GOST 7.79 `, BGN/PCGN ” and ·). Between letters they join the word, as an apostrophe does.
bool is_romanisation_sign(UChar32 c) {
  return c == '"' || c == '`' || c == 0x00B7 || c == 0x02B9 || c == 0x02BA || c == 0x201D;
}

}  // namespace

bool Tokenizer::next(Token& token) {
  while (offset_ < text_.size()) {
    const Decoded here = decode_at(text_, offset_);
    if (!is_word_char(here.code_point)) {
      offset_ = here.next;
      continue;
    }
    const std::size_t start = offset_;
    if (!read_acronym(start, token)) read_word(start, token);
    if (token.word.size() <= kMaxWordBytes) return true;
  }
  return false;
}

// "U.S." and "U.S.A." are one word, "US"/"USA", as in Xapian.
bool Tokenizer::read_acronym(std::size_t start, Token& token) {
  std::string letters;
  std::size_t offset = start;
  for (;;) {
    const Decoded letter = decode_at(text_, offset);
    if (letter.code_point == kEnd || !u_isupper(letter.code_point)) break;
    if (letter.next >= text_.size() || text_[letter.next] != '.') break;
    letters.append(text_.substr(offset, letter.next - offset));
    offset = letter.next + 1;
  }
  const bool acronym = letters.size() >= 2 && !is_word_char(decode_at(text_, offset).code_point);
  if (!acronym) return false;
  token.begin = start;
  token.end = offset;
  token.word = std::move(letters);
  offset_ = offset;
  return true;
}

void Tokenizer::read_word(std::size_t start, Token& token) {
  token.begin = start;
  token.word.clear();
  std::size_t offset = start;
  UChar32 previous = kEnd;
  for (;;) {
    const Decoded here = decode_at(text_, offset);
    if (is_word_char(here.code_point)) {
      token.word.append(text_.substr(offset, here.next - offset));
      previous = here.code_point;
      offset = here.next;
      continue;
    }
    const Decoded after = decode_at(text_, here.next);
    const bool joins =
        is_word_char(after.code_point) &&
        (is_apostrophe(here.code_point) || here.code_point == '&' ||
         (is_romanisation_sign(here.code_point) && previous != kEnd && !is_digit(previous)) ||
         ((here.code_point == '.' || here.code_point == ',') && is_digit(previous) &&
          is_digit(after.code_point)));
    if (!joins) break;
    if (is_apostrophe(here.code_point)) {
      token.word.push_back('\'');
    } else {
      token.word.append(text_.substr(offset, here.next - offset));
    }
    offset = here.next;
  }
  // A trailing "++" or "#" belongs to the word when nothing word-like follows it.
  std::size_t suffix_end = offset;
  int suffix_chars = 0;
  while (suffix_end < text_.size() && suffix_chars < kMaxSuffixChars &&
         (text_[suffix_end] == '+' || text_[suffix_end] == '#')) {
    ++suffix_end;
    ++suffix_chars;
  }
  if (suffix_chars > 0 && !is_word_char(decode_at(text_, suffix_end).code_point)) {
    token.word.append(text_.substr(offset, suffix_end - offset));
    offset = suffix_end;
  }
  token.end = offset;
  offset_ = offset;
}

}  // namespace naviny
