#pragma once

// The letter groups that romanisation schemes spell one sound with, as data: name_key.cc reads
// them, and a table test checks that each joins the two spellings of its example.

#include <string_view>

namespace naviny {

// A group of letters read as one sound of a name key (name_key.h), written as consonant classes.
struct SpellingGroup {
  std::string_view letters;
  std::string_view classes;         // the consonant classes written for them
  std::string_view german_classes;  // under the German reading, where they differ
  // The group is not read when these letters follow it: a longer group begins there.
  std::string_view unless_followed_by;
  bool only_at_word_end = false;
  // Two spellings of one name that share a key because of this group: a Latin one, a Cyrillic one.
  std::string_view example;
};

// Tried in this order at each letter of a word; the first that fits is read. A group comes before
// every shorter one it begins with (tsch before tch before ts).
inline constexpr SpellingGroup kSpellingGroups[] = {
    {"schtsch", "s", "", "", false, "Juschtschenko Ющенко"},  // German щ
    {"schsch", "s", "z", "", false, "Saporischschja Запорожье"},
    {"tsch", "g", "", "", false, "Gorbatschow Горбачёв"},  // German ч
    {"tch", "g", "", "", false, "Thatcher Тэтчер"},        // English ч
    {"shch", "s", "", "", false, "Khrushchev Хрущёв"},
    {"dzh", "j", "", "", false, "Dzhokhar Джохар"},
    {"sch", "s", "z", "", false, "Schirinowski Жириновский"},
    {"tts", "c", "", "", false, "Watts Уоттс"},
    {"sh", "s", "", "", false, "Sharansky Щаранский"},
    {"zh", "z", "", "", false, "Zhukov Жуков"},
    {"kh", "g", "", "", false, "Khodorkovsky Ходорковский"},
    {"ch", "g", "", "", false, "Chernenko Черненко"},
    {"ts", "c", "", "", false, "Tsvetkov Цветков"},
    {"tz", "c", "", "", false, "Kuntz Кунц"},
    {"tc", "c", "", "", false, "Tcvetkov Цветков"},  // passports of 1997-2010
    {"ph", "f", "", "", false, "Philip Филип"},
    {"th", "t", "", "", false, "Thomas Томас"},
    {"dt", "t", "", "sch", false, "Verhofstadt Верхофстат"},  // German dt
    {"zk", "ck", "", "", true, "Donezk Донецк"},              // German -ezk
};

}  // namespace naviny
