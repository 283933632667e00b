#pragma once

#include <string>
#include <string_view>

namespace naviny {

// Coarse keys of a romanised (unstemmed) word that different romanisations and inflections of one
// name share: Slavic case endings are cut (after the first vowel, as Snowball does), vowels are
// dropped, and consonants that schemes spell differently fall into one class (sh/s, zh/z,
// kh/h/g/ch, v/w, ts/c). "lukashenko", "lukashenka" and "lukashenki" give "lksnk";
// "lukashevich" gives "lksvg" and stays apart. Short skeletons (three consonants or fewer) keep
// a slot 'a' for each vowel run but the last ("putin" gives "patan", "ola" gives "ala"), so that
// they collide less with common words.
struct NameKeys {
  std::string primary;  // empty when the word carries no usable key
  // The primary key reads Latin "j" and "c" as English does (Johnson ~ Джонсон,
  // Clinton ~ Клинтон); the alternate, when it differs, as Slavic spellings do
  // (Janukowycz ~ Янукович, Cichanoŭskaja ~ Ціханоўская).
  std::string alternate;
};

NameKeys name_keys(std::string_view romanized);

}  // namespace naviny
