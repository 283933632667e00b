#include "analyzers/name_key.h"

namespace naviny {
namespace {

constexpr std::size_t kMinKeyConsonants = 2;
// Keys of at most this many consonants keep a slot for each inner vowel run ("kerry" gives "kar",
// not "kr"): short skeletons collide with common words. On SlavicNER this raised macro precision
// from 0.656 to 0.709 for 0.023 less person recall (bench/README.md).
constexpr std::size_t kMaxConsonantsWithVowelSlots = 3;
constexpr std::size_t kMinShortWordLetters = 3;
constexpr char kVowelClass = 'a';

// Case endings of Russian (romanised) and Polish/Czech nouns and adjectives whose consonants
// would otherwise survive into the key. Longest first.
constexpr std::string_view kEndings[] = {
    "ovovou", "evovou", "ovova", "evova", "ovove", "evove", "ovymi", "evymi", "ovykh", "evykh",
    "ovogo",  "evogo",  "ovomu", "evomu", "ovym",  "evym",  "ovoy",  "evoy",  "ovoj",  "evoj",
    "ovoi",   "evoi",   "owie",  "ovie",  "owi",   "ovi",   "ova",   "eva",   "ovu",   "evu",
    "ovy",    "evy",    "ove",   "eve",   "yakh",  "ykh",   "ikh",   "akh",   "ach",   "yami",
    "ami",    "ymi",    "imi",   "ogo",   "ego",   "omu",   "emu",   "yam",   "ov",    "ev",
    "ow",     "om",     "em",    "am",    "ym",    "im",    "ih",    "yh"};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

// English reads c and g soft before these letters.
bool softens(char next) {
  return next == 'e' || next == 'i' || next == 'y';
}

bool is_open_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'o';
}

// Snowball's RV: the part after the first vowel. Endings are cut only there, so short words keep
// their consonants.
std::size_t first_vowel_end(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (is_vowel(word[i])) return i + 1;
  }
  return word.size();
}

std::string_view cut_ending(std::string_view word) {
  const std::size_t rv = first_vowel_end(word);
  for (const std::string_view ending : kEndings) {
    if (word.size() >= rv + ending.size() && word.size() >= kMinShortWordLetters + ending.size() &&
        word.ends_with(ending)) {
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

class KeyWriter {
 public:
  explicit KeyWriter(bool keep_vowels) : keep_vowels_(keep_vowels) {}

  void consonant(char cls) {
    if (key_.empty() || key_.back() != cls) {
      key_.push_back(cls);
      ++consonants_;
    }
  }
  void vowel(bool at_start) {
    if ((keep_vowels_ || at_start) && (key_.empty() || key_.back() != kVowelClass)) {
      key_.push_back(kVowelClass);
    }
  }
  std::size_t consonants() const { return consonants_; }
  std::string take() { return std::move(key_); }

 private:
  bool keep_vowels_;
  std::string key_;
  std::size_t consonants_ = 0;
};

// How to read the Latin letters that English and Slavic spellings use differently.
enum class Reading {
  english,  // initial j as in Johnson (Джонсон), c before a/o/u as in Clinton (Клинтон)
  slavic,  // initial j as in Janukowycz (Янукович), c always as in Cichanoŭskaja (Ціханоўская)
};

// One pass over the word, writing consonant classes. Returns the writer for the caller to judge.
KeyWriter skeleton(std::string_view word, Reading reading, bool keep_vowels) {
  KeyWriter out(keep_vowels);
  for (std::size_t i = 0; i < word.size();) {
    const std::string_view rest = word.substr(i);
    const char c = word[i];
    const char next = rest.size() > 1 ? rest[1] : '\0';
    if (rest.starts_with("shch")) {
      out.consonant('s'), i += 4;
    } else if (rest.starts_with("dzh")) {
      out.consonant('j'), i += 3;
    } else if (rest.starts_with("sch") || rest.starts_with("tts")) {
      out.consonant(c == 's' ? 's' : 'c'), i += 3;
    } else if (rest.starts_with("sh")) {
      out.consonant('s'), i += 2;
    } else if (rest.starts_with("zh")) {
      out.consonant('z'), i += 2;
    } else if (rest.starts_with("kh") || rest.starts_with("ch")) {
      out.consonant('g'), i += 2;
    } else if (rest.starts_with("ts") || rest.starts_with("tz") ||
               (rest.starts_with("tc") && !rest.starts_with("tch"))) {
      out.consonant('c'), i += 2;
    } else if (rest.starts_with("ph")) {
      out.consonant('f'), i += 2;
    } else if (rest.starts_with("th")) {
      out.consonant('t'), i += 2;
    } else if (rest == "dt") {
      out.consonant('d'), i += 2;  // Verhofstadt ~ Верхофстад
    } else if (rest.starts_with("ck")) {
      out.consonant('k'), i += 2;
    } else if (i == 0 && rest.starts_with("mc")) {
      out.consonant('m'), out.vowel(false), out.consonant('k'), i += 2;  // McCain ~ Маккейн
    } else if (c == 'u' && i == 0 && is_vowel(next)) {
      out.consonant('v'), ++i;  // English w as Cyrillic у: Warren ~ Уоррен, Williamson ~ Уильямсон
    } else if (c == 'j' && i == 0 && reading == Reading::english) {
      out.consonant('j'), ++i;
    } else if (c == 'u' && i > 0 && is_open_vowel(word[i - 1]) && next != '\0' && !is_vowel(next) &&
               !word.starts_with("iou")) {  // French iou is ю: Iouliia
      out.consonant('v'), ++i;              // Belarusian ў: Tsikhanouskaya ~ Tsikhanovskaya
    } else if (is_vowel(c)) {
      out.vowel(i == 0), ++i;
    } else {
      switch (c) {
        case 'c':
          if (reading == Reading::slavic) {
            out.consonant('c');
          } else {
            out.consonant(softens(next) ? 's' : 'k');  // Pence ~ Пенс, Clinton ~ Клинтон
          }
          break;
        case 'g':  // Sturgeon ~ Стърджън, Nigel ~ Найджел; Slavic g is always hard
          out.consonant(reading == Reading::english && softens(next) ? 'j' : 'g');
          break;
        case 'h':  // silent after a vowel before a consonant: Johnson ~ Джонсон
          if (!(i > 0 && is_vowel(word[i - 1]) && next != '\0' && !is_vowel(next))) {
            out.consonant('g');
          }
          break;
        case 'q':
          out.consonant('k');
          break;
        case 'w':
          out.consonant('v');
          break;
        case 'x':  // English ks; Slavic scholarly and GOST spellings write х as x (ètix ~ этих)
          if (reading == Reading::slavic) {
            out.consonant('g');
          } else {
            out.consonant('k'), out.consonant('s');
          }
          break;
        default:
          out.consonant(c);
          break;
      }
      ++i;
    }
  }
  return out;
}

std::string key_of(std::string_view word, Reading reading) {
  KeyWriter consonants_only = skeleton(word, reading, false);
  if (consonants_only.consonants() > kMaxConsonantsWithVowelSlots) return consonants_only.take();
  if (word.size() < kMinShortWordLetters) return {};
  KeyWriter with_vowels = skeleton(word, reading, true);
  if (with_vowels.consonants() == 0) return {};
  std::string key = with_vowels.take();
  if (consonants_only.consonants() >= kMinKeyConsonants && key.back() == kVowelClass)
    key.pop_back();
  return key;
}

}  // namespace

NameKeys name_keys(std::string_view romanized) {
  for (const char c : romanized) {
    if (c < 'a' || c > 'z') return {};  // numbers, other scripts: no name
  }
  const std::string_view word = cut_ending(romanized);
  NameKeys keys;
  keys.primary = key_of(word, Reading::english);
  keys.alternate = key_of(word, Reading::slavic);
  if (keys.alternate == keys.primary) keys.alternate.clear();
  return keys;
}

}  // namespace naviny
