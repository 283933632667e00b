#pragma once

#include <string>
#include <string_view>

namespace naviny {

// A coarse key of a Latin search form that different romanisations and inflections of one name
// share: Slavic case endings are cut (after the first vowel, as Snowball does), vowels are
// dropped, and consonants that schemes spell differently fall into one class (sh/s, zh/z,
// kh/h/g/ch, v/w, ts/c). "lukashenko", "lukashenka" and "lukashenk" give "lksnk";
// "lukashevich" gives "lksvg" and stays apart. Empty when the word carries no usable key.
std::string name_key(std::string_view search_form);

}  // namespace naviny
