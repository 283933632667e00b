#include "analyzers/name_key.h"

#include <algorithm>

#include "analyzers/name_key_spellings.h"
#include "common/text.h"

namespace naviny {
namespace {

constexpr std::size_t kMinKeyConsonants = 2;
// Keys of at most this many consonants keep a slot for each inner vowel run ("kerry" gives "kar",
// not "kr"): short skeletons collide with common words. On SlavicNER this raised macro precision
// from 0.656 to 0.709 for 0.023 less person recall (bench/HISTORY.md, issue 3).
constexpr std::size_t kMaxConsonantsWithVowelSlots = 3;
constexpr std::size_t kMinShortWordLetters = 3;
constexpr std::size_t kMinVStemLetters = 4;
constexpr std::size_t kMinFrenchIerLetters = 6;  // Barnier, not Brier
constexpr char kVowelClass = 'a';

// Case endings of Russian (romanised) and Polish/Czech nouns and adjectives whose consonants
// would otherwise survive into the key. Longest first. Polish and German spellings write v as w,
// so endings are looked for with w read as v (Medwedew, Zacharowa, Patruszew). Belarusian writes
// the unstressed o of -ova and -ov as a (Kalesnikava ~ Колесникова, Barysaw ~ Борисов), Ukrainian
// writes -ov of place names as -iv (Kharkiv ~ Kharkov). Slovene and Czech add -i to a name in -ev
// (Ženevi ~ Ženeva, Женева).
constexpr std::string_view kEndings[] = {
    "ovovou", "evovou", "ovova", "evova", "ovove", "evove", "ovymi", "evymi", "ovykh", "evykh",
    "ovogo",  "evogo",  "ovomu", "evomu", "ovym",  "evym",  "ovoy",  "evoy",  "ovoj",  "evoj",
    "ovoi",   "evoi",   "ovej",  "evej",  "avay",  "avaj",  "ovie",  "avie",  "ovi",   "evi",
    "ova",    "eva",    "ava",   "ovu",   "evu",   "avu",   "ovy",   "evy",   "avy",   "ove",
    "eve",    "ave",    "yakh",  "ykh",   "ikh",   "akh",   "ach",   "yami",  "ami",   "ymi",
    "imi",    "ogo",    "ego",   "omu",   "emu",   "yam",   "ov",    "ev",    "av",    "iv",
    "om",     "em",     "am",    "ym",    "im",    "ih",    "yh"};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

// A vowel of a romanised word's syllables. Here j is a consonant (Jackson, Джексон's dzh), as the
// romanisation writes й as y.
bool is_syllable_vowel(char c) {
  return c != 'j' && is_vowel(c);
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

// Runs of consonants: "medved" has three, "andr" one.
std::size_t consonant_runs(std::string_view word) {
  std::size_t runs = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!is_vowel(word[i]) && (i == 0 || is_vowel(word[i - 1]))) ++runs;
  }
  return runs;
}

// -ev, -av and -iv and their case forms (with w read as v) are cut only from a stem of at least
// kMinVStemLetters letters and two runs of consonants: Medwedew ~ Медведев and Kalesnikava ~
// Колесникова lose theirs, but Kiev keeps its -ev as "kiyev" (Киев) does, and Ottawa, Renew
// and Andrew keep theirs. The -ov endings go after any stem: Czech and Slovak add -ová to any
// foreign name (Mayová ~ May).
bool stem_keeps_name(std::string_view ending, std::string_view stem) {
  const bool v_ending = ending.size() >= 2 && ending[1] == 'v' && ending[0] != 'o';
  return !v_ending || (stem.size() >= kMinVStemLetters && consonant_runs(stem) >= 2);
}

std::string_view cut_ending(std::string_view word) {
  const std::size_t rv = first_vowel_end(word);
  std::string v_for_w(word);
  std::replace(v_for_w.begin(), v_for_w.end(), 'w', 'v');
  for (const std::string_view ending : kEndings) {
    if (word.size() >= rv + ending.size() && word.size() >= kMinShortWordLetters + ending.size() &&
        std::string_view(v_for_w).ends_with(ending) &&
        stem_keeps_name(ending, word.substr(0, word.size() - ending.size()))) {
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

// How to read the Latin letters that English, Slavic and German spellings use differently.
enum class Reading {
  english,  // initial j as in Johnson (Джонсон), c before a/o/u as in Clinton (Клинтон)
  slavic,  // initial j as in Janukowycz (Янукович), c always as in Cichanoŭskaja (Ціханоўская),
           // ck as in Morawiecki (Моравецкий)
  // German, for the alternate key of German-looking words (whose primary is the Slavic
  // reading, with sch as ш): z as ц (Tscherniwzi ~ Чернівці), sch as ж (Schirinowski ~
  // Жириновский, Saluschnyj ~ Залужный), s before a vowel as з (Selenskyj ~ Зеленский), x as ks
  german_voiced,
};

// German spellings of Slavic names (sch for ш and ж, tsch for ч) and German or Czech -yj for
// -ый. Only such words get the German reading, as their alternate key: their primary key is the
// Slavic reading, and Polish z (з) and English c (к) keep theirs.
bool looks_german(std::string_view word) {
  return word.find("sch") != std::string_view::npos || word.starts_with("sj") ||
         word.ends_with("yj");
}

// Polish surnames in -owski, -ewska, -owicz write c as ц, never as English k or s: Cichanowska
// is Ціханоўская, not Сеченовском. Such words get the Slavic reading alone.
bool looks_polish(std::string_view word) {
  constexpr std::string_view kSuffixes[] = {"owski",   "owska", "ewski", "ewska",  "owskiego",
                                            "owskiej", "wicz",  "wicza", "wiczem", "wiczowi"};
  return std::ranges::any_of(kSuffixes,
                             [&](std::string_view suffix) { return word.ends_with(suffix); });
}

// Polish ck is цк (Morawiecki ~ Моравецкий, Łuck ~ Луцк) in its usual places: -cki, -cka,
// -cku, -cky and at the end. Elsewhere it is German or English k (Juncker ~ Юнкер).
bool polish_ck_follows(std::string_view after) {
  return after.empty() || after.front() == 'i' || after.front() == 'y' || after.front() == 'a' ||
         after.front() == 'u';
}

// The group of kSpellingGroups that `rest`, the rest of a word, begins with, if any.
const SpellingGroup* spelling_group_at(std::string_view rest) {
  for (const SpellingGroup& group : kSpellingGroups) {
    if (!rest.starts_with(group.letters)) continue;
    const std::string_view after = rest.substr(group.letters.size());
    if (group.only_at_word_end && !after.empty()) continue;
    if (!group.unless_followed_by.empty() && after.starts_with(group.unless_followed_by)) continue;
    return &group;
  }
  return nullptr;
}

// One pass over the word, writing consonant classes. Returns the writer for the caller to judge.
KeyWriter skeleton(std::string_view word, Reading reading, bool keep_vowels) {
  KeyWriter out(keep_vowels);
  const bool voiced = reading == Reading::german_voiced;
  for (std::size_t i = 0; i < word.size();) {
    const std::string_view rest = word.substr(i);
    const char c = word[i];
    const char next = rest.size() > 1 ? rest[1] : '\0';
    if (const SpellingGroup* group = spelling_group_at(rest)) {
      for (const char cls :
           voiced && !group->german_classes.empty() ? group->german_classes : group->classes) {
        out.consonant(cls);
      }
      i += group->letters.size();
    } else if (rest.starts_with("ck") &&
               !(reading == Reading::slavic && polish_ck_follows(rest.substr(2)))) {
      out.consonant('k'), i += 2;
    } else if (i == 0 && rest.starts_with("mc")) {
      out.consonant('m'), out.vowel(false), out.consonant('k'), i += 2;  // McCain ~ Маккейн
    } else if (c == 'u' && i == 0 && is_vowel(next)) {
      out.consonant('v'), ++i;  // English w as Cyrillic у: Warren ~ Уоррен, Williamson ~ Уильямсон
    } else if (c == 'j' && reading == Reading::english &&
               (i == 0 || ((word[i - 1] == 'a' || word[i - 1] == 'o') && is_vowel(next)))) {
      out.consonant('j'), ++i;  // and between a or o and a vowel: Major ~ Мейджър
    } else if (c == 'u' && i > 0 && is_open_vowel(word[i - 1]) && next != '\0' && !is_vowel(next) &&
               !word.starts_with("iou") &&                              // French iou is ю: Iouliia
               !(reading == Reading::english && word[i - 1] == 'o')) {  // Bourla ~ Бурла
      out.consonant('v'), ++i;  // Belarusian ў: Tsikhanouskaya ~ Tsikhanovskaya
    } else if (is_vowel(c)) {
      out.vowel(i == 0), ++i;
    } else {
      switch (c) {
        case 'c':
          if (reading != Reading::english) {
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
        case 's': {
          // German s before a vowel is з (Selenskyj ~ Зеленский), and so is English s between
          // vowels (Roosevelt ~ Рузвельт, Joseph ~ Джозеф); the Slavic reading keeps s.
          const bool after_vowel = i > 0 && is_vowel(word[i - 1]) && word[i - 1] != 'j';
          const bool voiced_s = (voiced && (i == 0 || word[i - 1] != 's')) ||
                                (reading == Reading::english && after_vowel);
          out.consonant(voiced_s && is_vowel(next) ? 'z' : 's');
          break;
        }
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
        case 'z':  // German z is ц; so is z after l, m, n in any spelling: Jelzin ~ Ельцин
          out.consonant(
              voiced || (i > 0 && (word[i - 1] == 'l' || word[i - 1] == 'm' || word[i - 1] == 'n'))
                  ? 'c'
                  : 'z');
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

// Cyrillic spellings devoice a final d as Russian speech does, or keep it (Verhofstadt ~
// Верхофстат ~ Верхофстад, Madrid ~ Мадрит): long keys end in t for both, inflected forms too
// (Kaliningradu), as keys drop vowels. Short keys keep their d: Rudd is no Rutte.
std::string with_final_d_devoiced(std::string key) {
  if (key.ends_with('d')) {
    key.pop_back();
    if (!key.ends_with('t')) key.push_back('t');
  }
  return key;
}

std::string key_of(std::string_view word, Reading reading) {
  // French -ier is -ье or -ие in Cyrillic (Barnier ~ Барнье ~ Барние); English names keep the r
  // (Collier ~ Кольер), and the Slavic reading, the other key, keeps it too.
  if (reading == Reading::english && word.size() >= kMinFrenchIerLetters && word.ends_with("ier")) {
    word.remove_suffix(1);
  }
  KeyWriter consonants_only = skeleton(word, reading, false);
  if (consonants_only.consonants() > kMaxConsonantsWithVowelSlots) {
    return with_final_d_devoiced(consonants_only.take());
  }
  if (word.size() < kMinShortWordLetters) return {};
  KeyWriter with_vowels = skeleton(word, reading, true);
  if (with_vowels.consonants() == 0) return {};
  std::string key = with_vowels.take();
  if (consonants_only.consonants() >= kMinKeyConsonants && key.back() == kVowelClass)
    key.pop_back();
  return key;
}

}  // namespace

bool ends_in_v_suffix(std::string_view romanized) {
  const std::string_view ending = romanized.substr(cut_ending(romanized).size());
  return ending.size() >= 2 && (ending[1] == 'v' || ending[1] == 'w');
}

bool is_cyrillic_v_surname(std::string_view romanized) {
  constexpr std::string_view kCaseForms[] = {"ov", "ova", "ovu", "ovoy", "ovym", "ovy", "ove",
                                             "ev", "eva", "evu", "evoy", "evym", "evy", "eve"};
  return std::ranges::any_of(kCaseForms, [&](std::string_view ending) {
    return romanized.size() >= kMinShortWordLetters + ending.size() && romanized.ends_with(ending);
  });
}

bool has_v_surname_suffix(std::string_view romanized) {
  return ends_in_v_suffix(romanized) || romanized.ends_with("ou") || romanized.ends_with("au") ||
         romanized.ends_with("eu");
}

NameKeys name_keys(std::string_view romanized) {
  for (const char c : romanized) {
    if (c < 'a' || c > 'z') return {};  // numbers, other scripts: no name
  }
  const std::string_view word = cut_ending(romanized);
  NameKeys keys;
  if (looks_german(romanized)) {
    keys.primary = key_of(word, Reading::slavic);
    keys.alternate = key_of(word, Reading::german_voiced);
  } else if (looks_polish(romanized)) {
    keys.primary = key_of(word, Reading::slavic);
  } else {
    keys.primary = key_of(word, Reading::english);
    keys.alternate = key_of(word, Reading::slavic);
  }
  if (keys.alternate == keys.primary) keys.alternate.clear();
  return keys;
}

namespace {

constexpr std::size_t kMinNameLetters = 3;

std::string folded_spelling(std::string_view word) {
  constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
      {"kh", "h"}, {"ph", "f"}, {"ck", "k"}, {"ts", "c"}, {"x", "ks"},
      {"w", "v"},  {"j", "i"},  {"y", "i"},  {"q", "k"}};
  std::string folded;
  for (std::size_t i = 0; i < word.size();) {
    const auto fold = std::ranges::find_if(
        kFolds, [&](const auto& pair) { return word.substr(i).starts_with(pair.first); });
    const std::string_view letters =
        fold == std::end(kFolds) ? word.substr(i, 1) : std::string_view(fold->second);
    i += fold == std::end(kFolds) ? 1 : fold->first.size();
    for (const char letter : letters) {
      if (folded.empty() || folded.back() != letter) folded.push_back(letter);
    }
  }
  return folded;
}

}  // namespace

bool spelt_as_one_name(std::string_view a, std::string_view b) {
  const std::string first = folded_spelling(a);
  const std::string second = folded_spelling(b);
  const std::string& shorter = first.size() <= second.size() ? first : second;
  const std::string& longer = first.size() <= second.size() ? second : first;
  return spelt_close(first, second) ||
         (shorter.size() >= kMinNameLetters && longer.starts_with(shorter) &&
          longer.size() <= shorter.size() + kMaxCaseEndingLetters);
}

namespace {

// Where the vowel of a romanised word's first syllable is, or npos; a y or a leading u before a
// vowel is a glide (Юлия is yuliya, Уэйн ueyn as in Wayne).
std::size_t first_vowel_at(std::string_view romanized) {
  std::size_t i = 0;
  while (i < romanized.size() && !is_syllable_vowel(romanized[i])) ++i;
  if (i == romanized.size()) return std::string_view::npos;
  const auto vowel_follows = [&] {
    return i + 1 < romanized.size() && is_syllable_vowel(romanized[i + 1]);
  };
  if (i == 0 && romanized[i] == 'u' && vowel_follows()) ++i;  // Уэйн, Уест (uyest)
  if (romanized[i] == 'y' && vowel_follows() && romanized[i + 1] != 'y') ++i;
  return i;
}

// The vowel of a romanised word's first syllable (first_vowel_at); a y after a consonant is an i.
char first_vowel(std::string_view romanized) {
  const std::size_t at = first_vowel_at(romanized);
  if (at == std::string_view::npos) return '\0';
  return romanized[at] == 'y' ? 'i' : romanized[at];
}

}  // namespace

bool first_vowels_agree(std::string_view a, std::string_view b) {
  constexpr std::string_view kSwapped[] = {"ae", "ei", "ou"};
  const char first = first_vowel(a);
  const char second = first_vowel(b);
  if (first == second || first == '\0' || second == '\0') return true;
  return std::ranges::any_of(kSwapped, [&](std::string_view pair) {
    return (pair[0] == first && pair[1] == second) || (pair[0] == second && pair[1] == first);
  });
}

namespace {

// A romanised Latin word that opens with j or y before a vowel (Josef, Yellen, Yousaf).
bool opens_with_a_glide(std::string_view latin) {
  return latin.size() > 1 && (latin[0] == 'j' || latin[0] == 'y') && is_syllable_vowel(latin[1]) &&
         latin[1] != 'y';
}

// The first vowel of a Latin name as Cyrillic may write it, besides as itself: a for э and ей
// (Hayes, Хейс), e for и (Steele, Стил), o for у (Booker, Букер) and u for о, as names from Arabic
// and Czech ů have it (Muhammad, Мохаммед; Bůh, Бог); u for а in a closed syllable (Trump, Трамп;
// not Rubio, Рааб); before r, e, i and u for the Bulgarian ъ, romanised a (Perdue, Пърдю).
std::string cyrillic_readings_of_first_vowel(std::string_view latin) {
  const std::size_t at = first_vowel_at(latin);
  if (at == std::string_view::npos) return "";
  const char vowel = first_vowel(latin);
  const auto consonant_at = [&](std::size_t i) {
    return i < latin.size() && !is_syllable_vowel(latin[i]);
  };
  // One consonant sound may take two letters (Polish sz of Muszę, English th); a doubled letter
  // closes the syllable (Rudd).
  const auto one_sound = [&](std::size_t i) {
    constexpr std::string_view kDigraphs[] = {"sh", "ch", "zh", "kh", "th", "ph",
                                              "ts", "sz", "cz", "rz", "dz"};
    const std::string_view pair = latin.substr(i, 2);
    return std::ranges::find(kDigraphs, pair) != std::end(kDigraphs) ? 2 : 1;
  };
  std::string readings;
  if (vowel == 'a') readings += 'e';
  if (vowel == 'e') readings += 'i';
  if (vowel == 'o') readings += 'u';
  if (vowel == 'u') readings += 'o';
  const std::size_t after_consonant = at + 1 + (consonant_at(at + 1) ? one_sound(at + 1) : 0);
  const bool closed =
      consonant_at(at + 1) && (consonant_at(after_consonant) || after_consonant == latin.size());
  if (vowel == 'u' && closed) readings += 'a';
  if ((vowel == 'e' || vowel == 'i' || vowel == 'u') && at + 1 < latin.size() &&
      latin[at + 1] == 'r') {
    readings += 'a';
  }
  return readings;
}

}  // namespace

bool begin_alike_across_scripts(std::string_view latin, std::string_view cyrillic) {
  if (opens_with_a_glide(latin) && !cyrillic.empty() && is_syllable_vowel(cyrillic[0]) &&
      cyrillic[0] != 'y') {
    return false;
  }
  // Mc is said, and written in Cyrillic, as Мак (McEnany, Макинани).
  const std::string as_said =
      latin.starts_with("mc") ? "mac" + std::string(latin.substr(2)) : std::string(latin);
  const char in_latin = first_vowel(as_said);
  const char in_cyrillic = first_vowel(cyrillic);
  if (in_latin == in_cyrillic || in_latin == '\0' || in_cyrillic == '\0') return true;
  return cyrillic_readings_of_first_vowel(as_said).find(in_cyrillic) != std::string::npos;
}

namespace {

// Of the syllables written in an English name, one may go unsaid from this many up.
constexpr std::size_t kMinSyllablesToElide = 4;

// The syllable a case ending adds to a foreign name ends it in a vowel, or in the m of the
// instrumental (Пенса, Маасом); Масих's -их is part of the name.
bool ends_like_a_case_ending(std::string_view romanized) {
  const std::size_t size = romanized.size();
  return size > 0 &&
         (is_syllable_vowel(romanized[size - 1]) ||
          (size > 1 && romanized[size - 1] == 'm' && is_syllable_vowel(romanized[size - 2])));
}

}  // namespace

std::size_t syllables(std::string_view romanized) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < romanized.size(); ++i) {
    if (is_syllable_vowel(romanized[i]) && (i == 0 || !is_syllable_vowel(romanized[i - 1])))
      ++count;
  }
  return count;
}

namespace {

std::size_t english_syllables(std::string_view romanized) {
  const bool silent_e = romanized.size() > 3 && romanized.ends_with('e') &&
                        !is_vowel(romanized[romanized.size() - 2]);
  return syllables(romanized.substr(0, romanized.size() - (silent_e ? 1 : 0))) +
         (romanized.starts_with("mc") ? 1 : 0);
}

}  // namespace

bool syllables_agree(std::string_view typed, bool typed_in_latin, std::string_view spelling) {
  const std::size_t typed_count = typed_in_latin ? english_syllables(typed) : syllables(typed);
  const std::size_t spelling_count = syllables(spelling);
  // A long English name loses an unstressed vowel in transcription (Salisbury, Солсбери).
  const bool may_lose_one =
      typed_count > 0 && (!typed_in_latin || typed_count >= kMinSyllablesToElide);
  const std::size_t fewest = may_lose_one ? typed_count - 1 : typed_count;
  if (spelling_count == typed_count + 1) return ends_like_a_case_ending(spelling);
  return spelling_count >= fewest && spelling_count <= typed_count;
}

bool differ_in_vowels_only(std::string_view a, std::string_view b) {
  const auto consonants = [](std::string_view word) {
    std::string kept;
    for (const char letter : folded_spelling(word)) {
      if (!is_vowel(letter) && (kept.empty() || kept.back() != letter)) kept.push_back(letter);
    }
    return kept;
  };
  return consonants(a) == consonants(b);
}

bool begins_as_said(std::string_view word, std::string_view beginning) {
  constexpr Reading kReadings[] = {Reading::english, Reading::slavic};
  for (const Reading word_reading : kReadings) {
    const std::string said = skeleton(word, word_reading, true).take();
    for (const Reading beginning_reading : kReadings) {
      const std::string begun = skeleton(beginning, beginning_reading, true).take();
      if (!begun.empty() && said.starts_with(begun)) return true;
    }
  }
  return false;
}

bool is_bare_stem_of(std::string_view word, std::string_view name) {
  return word.size() >= kMinNameLetters && word.size() < name.size() && name.starts_with(word) &&
         std::ranges::all_of(name.substr(word.size()),
                             [](char letter) { return is_vowel(letter); });
}

}  // namespace naviny
