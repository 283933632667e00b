#include "analyzers/name_key.h"

namespace naviny {
namespace {

constexpr std::size_t kMinKeyConsonants = 2;

// Case endings of Russian (romanised) and Polish/Czech nouns and adjectives whose consonants
// would otherwise survive into the key. Longest first.
constexpr std::string_view kEndings[] = {
    "ovymi", "evymi", "ovykh", "evykh", "ovogo", "evogo", "ovomu", "evomu", "ovym",
    "evym",  "ovoy",  "evoy",  "ovoj",  "evoj",  "owie",  "ovie",  "owi",   "ovi",
    "ova",   "eva",   "ovu",   "evu",   "ovy",   "evy",   "ove",   "eve",   "ykh",
    "ikh",   "akh",   "yakh",  "ach",   "ami",   "ymi",   "imi",   "ogo",   "ego",
    "omu",   "emu",   "ov",    "ev",    "ow",    "om",    "em",    "ym",    "im"};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

// Snowball's RV: the part after the first vowel. Endings are cut only there, so "kiev" and
// "киев" (stemmed to "ки") meet, and short words keep their consonants.
std::size_t first_vowel_end(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (is_vowel(word[i])) return i + 1;
  }
  return word.size();
}

std::string_view cut_ending(std::string_view word) {
  const std::size_t rv = first_vowel_end(word);
  for (const std::string_view ending : kEndings) {
    if (word.size() >= rv + ending.size() && word.ends_with(ending)) {
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

bool starts_with_at(std::string_view word, std::size_t i, std::string_view piece) {
  return word.substr(i).starts_with(piece);
}

}  // namespace

std::string name_key(std::string_view search_form) {
  for (const char c : search_form) {
    if (c < 'a' || c > 'z') return {};  // numbers, other scripts: no name
  }
  const std::string_view word = cut_ending(search_form);
  std::string key;
  std::size_t consonants = 0;
  auto emit = [&](char cls) {
    if (key.empty() || key.back() != cls) {
      key.push_back(cls);
      if (cls != 'a') ++consonants;
    }
  };
  if (!word.empty() && is_vowel(word[0])) emit('a');
  for (std::size_t i = 0; i < word.size();) {
    const char c = word[i];
    const char next = i + 1 < word.size() ? word[i + 1] : '\0';
    if (starts_with_at(word, i, "shch")) {
      emit('s'), i += 4;
    } else if (starts_with_at(word, i, "dzh")) {
      emit('j'), i += 3;
    } else if (starts_with_at(word, i, "sch") || starts_with_at(word, i, "sh")) {
      emit('s'), i += c == 's' && next == 'c' ? 3 : 2;
    } else if (starts_with_at(word, i, "zh")) {
      emit('z'), i += 2;
    } else if (starts_with_at(word, i, "kh") || starts_with_at(word, i, "ch")) {
      emit('g'), i += 2;
    } else if (starts_with_at(word, i, "ts") || starts_with_at(word, i, "tz")) {
      emit('c'), i += 2;
    } else if (starts_with_at(word, i, "ph")) {
      emit('f'), i += 2;
    } else if (starts_with_at(word, i, "th")) {
      emit('t'), i += 2;
    } else if (starts_with_at(word, i, "ck")) {
      emit('k'), i += 2;
    } else if (c == 'u' && i > 0 && is_vowel(word[i - 1]) && next != '\0' && !is_vowel(next)) {
      emit('v'), ++i;  // Belarusian ў: Tsikhanouskaya ~ Tsikhanovskaya
    } else if (is_vowel(c)) {
      ++i;
    } else {
      switch (c) {
        case 'c':
          emit(next == 'e' || next == 'i' || next == 'y' ? 'c' : 'k');
          break;
        case 'h':
          emit('g');
          break;
        case 'q':
          emit('k');
          break;
        case 'w':
          emit('v');
          break;
        case 'x':
          emit('k'), emit('s');
          break;
        default:
          emit(c);
          break;
      }
      ++i;
    }
  }
  if (consonants < kMinKeyConsonants) return {};
  return key;
}

}  // namespace naviny
