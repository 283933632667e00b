#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace naviny {

// Coarse keys of a romanised (unstemmed) word that different romanisations and inflections of one
// name share: Slavic case endings are cut (after the first vowel, as Snowball does), vowels are
// dropped, and consonants that schemes spell differently fall into one class (sh/sch/s, zh/z,
// kh/h/g/ch/tsch, v/w, ts/c, and z after l, m, n as German writes ц: Jelzin ~ Ельцин).
// "lukashenko", "lukashenka" and "lukashenki" give "lksnk"; "lukashevich" gives "lksvg" and stays
// apart. Short skeletons (three consonants or fewer) keep a slot 'a' for each vowel run but the
// last ("putin" gives "patan", "ola" gives "ala"), so that they collide less with common words.
struct NameKeys {
  std::string primary;  // empty when the word carries no usable key
  // The primary key reads Latin "j" and "c" as English does (Johnson ~ Джонсон,
  // Clinton ~ Клинтон); the alternate, when it differs, as Slavic spellings do
  // (Janukowycz ~ Янукович, Cichanoŭskaja ~ Ціханоўская, Morawiecki ~ Моравецкий). Words
  // spelled the German way (sch, -yj) take the Slavic reading as primary and a German one as
  // alternate (Schirinowski ~ Жириновский). The analyzer fills an empty alternate of a Polish
  // word with ę or ą from the word read without the nasals (Wałęsa ~ Walesa).
  std::string alternate;

  // Both keys, primary first, for looking a word up under either; either may be empty.
  std::array<const std::string*, 2> both() const { return {&primary, &alternate}; }
  // Whether a non-empty key of this word is a key of the other: the two may be one name.
  bool share_one_with(const NameKeys& other) const {
    for (const std::string* key : both()) {
      if (!key->empty() && (*key == other.primary || *key == other.alternate)) return true;
    }
    return false;
  }
};

NameKeys name_keys(std::string_view romanized);

// Whether a romanised word ends in a Slavic surname suffix with v (-ov, -eva, -owa, -ovu, ...),
// which its name key leaves out: Borisov shares a key with Бориса, of the given name Борис.
bool ends_in_v_suffix(std::string_view romanized);

// Whether a romanised Cyrillic word is a surname in -ов or -ев, in any case (Христов, Христова,
// Иванову). Not every v ending is one: Ukrainian Трампові is Trump in the dative.
bool is_cyrillic_v_surname(std::string_view romanized);

// Whether a typed romanised word has a surname suffix in v, or in its Belarusian spelling -оў,
// -аў, -еў (Kazlou for Козлов, Sannikau for Санников).
bool has_v_surname_suffix(std::string_view romanized);

// The most letters a Slavic case ending adds to a name (Trump-ovi, Biden-em, Merkel-ová).
inline constexpr std::size_t kMaxCaseEndingLetters = 4;

// Whether two romanised (unstemmed) words that share a name key are spelt alike enough to be one
// name. Keys drop vowels and merge consonants, so Yellen shares one with Юлиян and Rubio with
// Рааб. Once the letters that schemes write differently are folded (kh/h, x/ks, w/v, j/y, ts/c,
// doubled letters), the two must differ in at most a third of their letters, or one must be the
// other with a case ending added (Trumpovi, Тексасе).
bool spelt_as_one_name(std::string_view a, std::string_view b);

// Whether two romanised words have the same consonants in the same order once spelling variants
// are folded: they differ in vowels only (Saeed, Said).
bool differ_in_vowels_only(std::string_view a, std::string_view b);

// Whether a romanised word begins with the sounds of a romanised beginning, vowels as slots, under
// some reading of each: the letter groups of kSpellingGroups are one sound, and a silent h none
// (Джонсон, romanised dzhonson, begins as Johns does; Luksemburg not as Лукаш, lukash).
bool begins_as_said(std::string_view word, std::string_view beginning);

// Whether a romanised word is another with the vowels that end it cut off: Roman of Romania, a
// name of its own, not a case form (those add an ending to the stem, or replace the vowel).
bool is_bare_stem_of(std::string_view word, std::string_view name);

// Whether two romanised words in different scripts that share a name key agree in the vowel of
// their first syllable, give or take what transliteration swaps (English a for э and ей: Jackson,
// Джексон; e for и; o for у). Across scripts spellings differ too much for spelt_as_one_name
// (Pence, Пенс; Trudeau, Трюдо), but a key that keeps no vowels joins names that differ in their
// first: Yellen and Юлиян, Kerry and Корея, Harry and Гор, Kenya and Кан.
bool first_vowels_agree(std::string_view a, std::string_view b);

// Whether a romanised Latin and a romanised Cyrillic spelling of a name begin alike. A Latin j or
// y before a vowel is a sound Cyrillic writes with й, е, ю or я, never with a bare vowel (Josef is
// Йозеф or Юзеф, not Ософ; Yellen is Йеллен, not Алан). The first vowels agree, or differ only
// the way Cyrillic transcribes a Latin vowel (Hayes, Хейс; Trump, Трамп; Booker, Букер;
// Muhammad, Мохаммед), and not back: Celje is no Салим, Kelly no Кале.
bool begin_alike_across_scripts(std::string_view latin, std::string_view cyrillic);

// Whether a romanised word in another script that shares a name key with a typed name has as many
// syllables (groups of vowels) as the name, or one more for a case ending, which ends it in a vowel
// or the m of the instrumental (Пенса for Pence, Маасом for Maas); a
// name typed in Cyrillic may have one more itself. A key keeps only consonants; transliteration
// keeps syllables too: Francis has two, Франс (France) one; Maas one, Масих two. In an English name
// typed in Latin letters a silent final e makes none (Pence, Wayne) and Mc makes one (Маккейн);
// a long one may lose an unstressed vowel (Salisbury, Солсбери).
bool syllables_agree(std::string_view typed, bool typed_in_latin, std::string_view spelling);

// The syllables of a romanised word: its groups of vowels.
std::size_t syllables(std::string_view romanized);

}  // namespace naviny
