#pragma once

#include <string>
#include <string_view>

namespace naviny {

// Coarse keys of a romanised (unstemmed) word that different romanisations and inflections of one
// name share: Slavic case endings are cut (after the first vowel, as Snowball does), vowels are
// dropped, and consonants that schemes spell differently fall into one class (sh/s, zh/z,
// kh/h/g/ch, v/w, ts/c). "lukashenko", "lukashenka" and "lukashenki" give "lksnk";
// "lukashevich" gives "lksvg" and stays apart. A word with fewer than two consonants keeps its
// vowels as 'a' ("ola" gives "ala"), so that short names still have a key.
struct NameKeys {
  std::string primary;    // empty when the word carries no usable key
  std::string alternate;  // a second reading, or empty: initial Latin "j" as in English
                          // (Johnson ~ Джонсон) first, as in Polish (Janukowycz ~ Янукович) here
};

NameKeys name_keys(std::string_view romanized);

}  // namespace naviny
