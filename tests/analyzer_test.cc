#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "analyzers/declension.h"
#include "analyzers/gazetteer.h"
#include "analyzers/name_key.h"
#include "analyzers/name_key_spellings.h"
#include "analyzers/script.h"
#include "analyzers/tokenizer.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

// "word[begin,end)" for each token, so a table row shows exactly what the tokenizer saw.
std::string tokens_of(std::string_view text) {
  std::string out;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.next(token)) {
    if (!out.empty()) out += ' ';
    out += token.word + "[" + std::to_string(token.begin) + "," + std::to_string(token.end) + ")";
  }
  return out;
}

// "search[position]" for each token, as the indexer would write them.
std::string search_terms_of(Analyzer& analyzer, std::string_view text) {
  std::string out;
  int position = 1;
  analyzer.analyze_text(text, [&](const Token&, const WordForms& forms) {
    if (!out.empty()) out += ' ';
    out += forms.search + "[" + std::to_string(position++) + "]";
  });
  return out;
}

struct TokenCase {
  const char* text;
  const char* expected;
};

void PrintTo(const TokenCase& row, std::ostream* out) {
  *out << '"' << row.text << '"';
}

class TokenizerTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenizerTest, SplitsLikeXapian) {
  EXPECT_EQ(tokens_of(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenizerTest,
    ::testing::Values(TokenCase{"Regime change", "Regime[0,6) change[7,13)"},
                      TokenCase{"U.S. sanctions", "US[0,4) sanctions[5,14)"},
                      TokenCase{"Lukashenka’s rule", "Lukashenka's[0,14) rule[15,19)"},
                      TokenCase{"$2,000.50 in 2011-2012",
                                "2,000.50[1,9) in[10,12) 2011[13,17) 2012[18,22)"},
                      TokenCase{"AT&T and C++", "AT&T[0,4) and[5,8) C++[9,12)"},
                      TokenCase{"Лукашэнкi сям’я", "Лукашэнкi[0,17) сям'я[18,29)"},
                      TokenCase{"«Минск»—Москва", "Минск[2,12) Москва[17,29)"}, TokenCase{"", ""}));

struct FormCase {
  const char* word;
  const char* search;
};

void PrintTo(const FormCase& row, std::ostream* out) {
  *out << row.word;
}

class SearchFormTest : public ::testing::TestWithParam<FormCase> {
 protected:
  static Analyzer& analyzer() {
    static Analyzer shared;  // building the ICU transliterator once keeps the table fast
    return shared;
  }
};

TEST_P(SearchFormTest, FoldsStemsAndRomanizes) {
  EXPECT_EQ(analyzer().analyze_word(GetParam().word).search, GetParam().search);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SearchFormTest,
    ::testing::Values(FormCase{"Sanctions", "sanction"}, FormCase{"Lukashenka's", "lukashenka"},
                      FormCase{"Путина", "putin"}, FormCase{"Путин", "putin"},
                      FormCase{"Лукашенко", "lukashenk"}, FormCase{"Лукашэнка", "lukashenk"},
                      FormCase{"Лукашэнкі", "lukashenk"}, FormCase{"Лукашэнкi", "lukashenk"},
                      FormCase{"Łukašenka", "lukashenka"}, FormCase{"Lukaszenka", "lukashenka"},
                      FormCase{"Ціханоўская", "tsikhanousk"}, FormCase{"Москва", "moskv"},
                      FormCase{"ﬁne", "fine"}, FormCase{"Мinsk", "minsk"},
                      // A surname's -ов/-ев stays in the nominative, as in its other cases; a
                      // lower-case word is stemmed as Snowball does (медведь is a bear).
                      FormCase{"Медведев", "medvedev"}, FormCase{"Медведева", "medvedev"},
                      FormCase{"медведь", "medved"}, FormCase{"Иванов", "ivanov"},
                      FormCase{"городов", "gorod"}));

struct KeyCase {
  const char* a;
  const char* b;
};

class NameKeyTest : public ::testing::Test {
 protected:
  std::string key_of(const char* word) { return analyzer_.analyze_word(word).name_keys.primary; }
  // Two words meet when they share a name key, primary or alternate.
  bool keys_meet(const char* a, const char* b) {
    const WordForms first = analyzer_.analyze_word(a);
    const WordForms second = analyzer_.analyze_word(b);
    return first.name_keys.share_one_with(second.name_keys);
  }
  Analyzer analyzer_;
};

TEST_F(NameKeyTest, VariantsOfOneNameMeet) {
  const std::vector<KeyCase> same{
      {"Lukashenko", "Lukashenka"},      {"Lukashenko", "Лукашэнкі"},
      {"Lukashenko", "Łukašenka"},       {"Lukashenko", "Lukaszenka"},
      {"Lukashenko", "Лукашенко"},       {"Tsikhanouskaya", "Cichanoŭskaja"},
      {"Tsikhanouskaya", "Ціханоўская"}, {"Putin", "Путина"},
      {"Medvedev", "Медведева"},         {"Zelensky", "Зеленский"},
  };
  for (const KeyCase& pair : same) {
    EXPECT_FALSE(key_of(pair.a).empty()) << pair.a;
    EXPECT_TRUE(keys_meet(pair.a, pair.b)) << pair.a << " ~ " << pair.b;
  }
}

// Each row of the spelling-group table joins the two spellings of its example.
TEST_F(NameKeyTest, EverySpellingGroupJoinsItsExample) {
  for (const SpellingGroup& group : kSpellingGroups) {
    const std::string example(group.example);
    const std::size_t space = example.find(' ');
    ASSERT_NE(space, std::string::npos) << group.letters;
    const std::string latin = example.substr(0, space);
    const std::string cyrillic = example.substr(space + 1);
    std::string lower = latin;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_NE(lower.find(group.letters), std::string::npos) << latin << " has no " << group.letters;
    EXPECT_TRUE(keys_meet(latin.c_str(), cyrillic.c_str()))
        << group.letters << ": " << latin << " ~ " << cyrillic;
  }
}

// The groups are tried in order, so a group after a shorter one that begins it would never be read.
TEST(SpellingGroups, NoGroupIsHiddenBehindAnEarlierOne) {
  for (std::size_t later = 0; later < std::size(kSpellingGroups); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      EXPECT_FALSE(kSpellingGroups[later].letters.starts_with(kSpellingGroups[earlier].letters))
          << kSpellingGroups[earlier].letters << " hides " << kSpellingGroups[later].letters;
    }
  }
}

TEST_F(NameKeyTest, DifferentPeopleStayApart) {
  const std::vector<KeyCase> different{
      {"Lukashenko", "Lukashevich"},
      {"Lukashenko", "Lukyanenko"},
      {"Lukashenko", "Lukashuk"},
      {"Лукашенко", "Лукашевич"},
  };
  for (const KeyCase& pair : different) {
    EXPECT_NE(key_of(pair.a), key_of(pair.b)) << pair.a << " vs " << pair.b;
  }
}

TEST(NameKey, NumbersAndShortWordsHaveNoKey) {
  EXPECT_EQ(name_keys("2020").primary, "");
  EXPECT_EQ(name_keys("eu").primary, "");
  EXPECT_EQ(name_keys("lukashenko").primary, "lksnk");
  EXPECT_EQ(name_keys("ola").primary, "ala");
  EXPECT_EQ(name_keys("johnson").primary, "jnsn");
  EXPECT_EQ(name_keys("johnson").alternate, "ansan");
  EXPECT_EQ(name_keys("putina").primary, "patan");
}

// Words that share a name key are one name only if spelt alike once romanised.
TEST(SpeltAsOneName, VariantsAndInflectionsButNotOtherNamesUnderTheKey) {
  struct Pair {
    std::string_view a;
    std::string_view b;
    bool one_name;
  };
  const std::vector<Pair> pairs{
      {"tsikhanouskaya", "tikhanovskaya", true},
      {"lukashenko", "lukashenka", true},
      {"texas", "tekhas", true},    // x ~ ks, kh ~ h
      {"trump", "trumpovi", true},  // Czech dative: the name and a case ending
      {"texas", "teksase", true},   // Bulgarian locative of Тексас
      {"wahl", "val", true},        // w ~ v
      {"yellen", "yelan", true},    // Bulgarian Йелън
      {"wahl", "welle", false},     // Deutsche Welle
      {"yellen", "alina", false},
      {"rubio", "rob", false},
      {"yellen", "yuliyan", false},  // Юлиян
  };
  for (const Pair& pair : pairs) {
    EXPECT_EQ(spelt_as_one_name(pair.a, pair.b), pair.one_name) << pair.a << " vs " << pair.b;
  }
}

// Across scripts a name keeps its first sound, and its first vowel as Cyrillic transcribes it:
// romanised Latin word, romanised Cyrillic word.
TEST(BeginAlikeAcrossScripts, TranscribedVowelsButNotTheirReverseNorALostGlide) {
  struct Pair {
    std::string_view latin;
    std::string_view cyrillic;
    bool alike;
  };
  const std::vector<Pair> pairs{
      {"hayes", "kheys", true},         // Хейс: English a for е
      {"yates", "yeyts", true},         // Йейтс: the swap after a glide
      {"steele", "stil", true},         // Стил: e for и
      {"booker", "buker", true},        // Букер: o for у
      {"trump", "tramp", true},         // Трамп: u for а in a closed syllable
      {"perdue", "pardyu", true},       // Пърдю: Bulgarian ъ before r
      {"mcenany", "makenani", true},    // Макенани: Mc is Мак
      {"elena", "yelena", true},        // Елена
      {"josef", "yuzef", true},         // Юзеф
      {"rubio", "raab", false},         // u in an open syllable is no а
      {"mushe", "masikh", false},       // Muszę: sz is one sound
      {"celje", "salim", false},        // e is no а
      {"kelly", "kale", false},         // Кале
      {"muhammad", "mokhammed", true},  // Мохаммед: u for о
      {"josef", "osof", false},         // Ософ: the glide lost
      {"yellen", "alan", false},        // Алан
  };
  for (const Pair& pair : pairs) {
    EXPECT_EQ(begin_alike_across_scripts(pair.latin, pair.cyrillic), pair.alike)
        << pair.latin << " vs " << pair.cyrillic;
  }
}

// Case forms whose ending changed the stem, so that no name key meets: romanised word, alias.
TEST(DeclinedWithChangedStem, FleetingEAndSoftenedConsonantsButNotOtherWords) {
  struct Pair {
    std::string_view word;
    std::string_view alias;
    bool case_form;
  };
  const std::vector<Pair> pairs{
      {"yegiptu", "yegipet", true},   // Египту, Египет
      {"niemiec", "niemcy", true},    // genitive plural
      {"niemchech", "niemcy", true},  // Niemczech (cz romanised ch)
      {"wengzhech", "wengry", true},  // Węgrzech
      {"wloshech", "wlochy", true},   // Włoszech
      {"polsce", "polska", true},     // k softened before -e
      {"kanadzie", "kanada", true},   // d
      {"egipcie", "egipt", true},     // t, for an alias ending in the consonant
      {"pradze", "praga", true},      // g
      {"praze", "praha", true},       // Czech h
      {"prazi", "praga", true},       // Ukrainian Празі
      {"ameritsi", "amerika", true},  // Ukrainian Америці
      {"france", "franko", false},    // -ce is the locative of nouns in -a only
      {"polnocy", "polen", false},    // a 4-letter stem without its e (poln) is too short
      {"turek", "turkey", false},     // a Turk: one vowel may follow the stem, not two
      {"polsce", "polsko", false},
  };
  for (const Pair& pair : pairs) {
    EXPECT_EQ(declined_with_changed_stem(pair.word, pair.alias), pair.case_form)
        << pair.word << " of " << pair.alias;
  }
}

TEST(SameScriptVariant, CaseFormsOfTheAliasOrItsStemButNotOtherWords) {
  struct Pair {
    std::string_view word;
    std::string_view alias;
    bool one_name;
  };
  const std::vector<Pair> pairs{
      {"kypru", "kypr", true},               // Czech genitive
      {"una", "un", true},                   // Kim Jong Una: a short alias word is its own stem
      {"mayova", "may", true},               // Mayová, the alias and an ending
      {"kennedyho", "kennedy", true},        // Czech: the stem and -yho
      {"rosji", "rosja", true},              // the vowel ending replaced
      {"spojeneho", "spojene", true},        // Spojeného království
      {"latvije", "latvija", true},          // an ending may begin with j
      {"evropeyskata", "evropeyska", true},  // the Bulgarian article
      {"rosiyeyu", "rosiya", true},          // Ukrainian Росією
      {"wloch", "wlochy", true},             // genitive plural: no ending after -y
      {"peskov", "pyeskov", true},           // one letter apart in a long word
      {"virgin", "virginia", false},         // the alias cut short is no case form
      {"dan", "dania", false},
      {"perri", "peru", false},   // rr is no case ending
      {"pero", "peru", false},    // an alias in -u is indeclinable
      {"kenii", "keniya", true},  // Кении of Кения: the stem keeps its i
      {"keni", "keniya", false},
      {"dani", "daniya", false},
      {"davis", "davos", false},  // nor is -is for -os
      {"norwegian", "norwegen", false},
      {"francis", "france", false},   // no Slavic case ending ends in s
      {"francis", "francie", false},  // nor may the letter apart be the last
      // Franciszem (of Franciszek) keeps Francie's i and goes on with consonants: another word
      {"francishem", "francie", false},
      {"francishem", "france", false},  // nor is it France once its e is dropped
      {"niemiec", "niemcy", true},      // the fleeting e of a nominative
      {"navalnym", "navalny", true},    // -m after the name's final vowel
      {"cuomov", "cuomo", true},        // Slovene possessive; Czech Cuomovi, Polish Cuomowi
      {"cuomowi", "cuomo", true},
      {"komisiyata", "komisiya", true},  // the Bulgarian article after -я
      {"pakstan", "pakistan", false},    // Пакстън (Paxton): the letter apart is a syllable
      {"pyeskova", "peskova", true},     // the letter apart keeps the syllables
  };
  for (const Pair& pair : pairs) {
    EXPECT_EQ(same_script_variant(pair.word, pair.alias), pair.one_name)
        << pair.word << " of " << pair.alias;
  }
}

TEST(SyllablesAgree, TranscriptionKeepsSyllablesWhereAKeyKeepsOnlyConsonants) {
  struct Pair {
    std::string_view typed;
    bool typed_in_latin;
    std::string_view spelling;  // romanised, in the other script
    bool agree;
  };
  const std::vector<Pair> pairs{
      {"pence", true, "pens", true},          // Пенс: the silent e is no syllable
      {"pence", true, "pensa", true},         // Пенса: a case ending adds one
      {"maas", true, "maasom", true},         // Маасом: the instrumental's m
      {"maas", true, "masikh", false},        // Масих: -их is part of the name
      {"francis", true, "frans", false},      // Франс, of France Presse
      {"mccain", true, "makkeyn", true},      // Маккейн: Mc is Мак
      {"salisbury", true, "solsberi", true},  // a long name loses an unstressed vowel
      {"kenya", true, "kan", false},          // Кан
      {"lukashenko", false, "lukashenka", true},
      {"putina", false, "putin", true},  // a name typed in Cyrillic may carry an ending
  };
  for (const Pair& pair : pairs) {
    EXPECT_EQ(syllables_agree(pair.typed, pair.typed_in_latin, pair.spelling), pair.agree)
        << pair.typed << " and " << pair.spelling;
  }
}

TEST(NamesAnSApart, TheEnglishStemmerCutsThemAlikeButNeitherIsACaseForm) {
  EXPECT_TRUE(names_an_s_apart("francie", Script::latin, "francis", Script::latin));
  EXPECT_TRUE(names_an_s_apart("adam", Script::latin, "adams", Script::latin));
  EXPECT_TRUE(names_an_s_apart("banks", Script::latin, "banka", Script::latin));
  EXPECT_TRUE(names_an_s_apart("banks", Script::latin, "banka", Script::cyrillic));
  EXPECT_FALSE(names_an_s_apart("merkels", Script::latin, "merkel", Script::latin));
  EXPECT_TRUE(names_an_s_apart("shvets", Script::cyrillic, "shvetsiya", Script::cyrillic));
  EXPECT_FALSE(names_an_s_apart("landsbergisa", Script::latin, "landsbergis", Script::latin));
  EXPECT_FALSE(names_an_s_apart("frans", Script::cyrillic, "francis", Script::latin));
}

// The mixed words below spell their Cyrillic letters (and Latin ones outside ASCII) as \u escapes,
// or their ASCII Latin letters apart, so that the reader sees which letter is in which alphabet.
TEST(LookAlikeLetters, MixedWordsHaveTheFormsOfTheWordTheyLookLike) {
  struct Row {
    std::string written;
    std::string read_as;  // the word in one alphabet, as it reads
    std::string exact;    // the exact form both have
  };
  const std::vector<Row> rows{
      // Oхaйo: х and й are Cyrillic, and й has no Latin look-alike.
      {"O\u0445a\u0439o", "Охайо", "охайо"},
      // Тeкcac: Т and к are Cyrillic.
      {"\u0422e\u043Acac", "Тексас", "тексас"},
      // Мinsk: the М is Cyrillic, and n has no Cyrillic look-alike.
      {"\u041Cinsk", "Minsk", "minsk"},
      // Лукашэнкi with a Latin i, the look-alike of Belarusian і.
      {std::string("Лукашэнк") + "i", "Лукашэнкі", "лукашэнкі"},
      // Украïна with a Latin ï, and Citroёn with a Cyrillic ё.
      {"Укра\u00EFна", "Україна", "україна"},
      {"Citro\u0451n", "Citro\u00EBn", "citro\u00EBn"},
      // Neither can be look-alikes: u, t, n have no Cyrillic twin, nor й a Latin one.
      {"Putin\u0439", "Putin\u0439", "putin\u0439"},
      {"Minsk", "Minsk", "minsk"},
      {"Москва", "Москва", "москва"},
  };
  Analyzer analyzer;
  for (const Row& row : rows) {
    const WordForms written = analyzer.analyze_word(row.written);
    const WordForms read_as = analyzer.analyze_word(row.read_as);
    EXPECT_EQ(written.exact, row.exact) << row.written;
    EXPECT_EQ(written.search, read_as.search) << row.written;
    EXPECT_EQ(written.romanized, read_as.romanized) << row.written;
    EXPECT_EQ(written.name_keys.primary, read_as.name_keys.primary) << row.written;
    EXPECT_EQ(written.name_keys.alternate, read_as.name_keys.alternate) << row.written;
    EXPECT_FALSE(written.search.empty()) << row.written;
  }
}

// Which alphabet a mixed word is read in, when the letters of both could be look-alikes.
TEST(LookAlikeLetters, BothAlphabetsCouldBeLookAlikesSoTheOneWithMoreLettersWins) {
  EXPECT_EQ(read_lookalikes_in_word_script("co\u043E"), "coo");  // two Latin, one Cyrillic
  EXPECT_EQ(read_lookalikes_in_word_script("c\u043E\u043E"), "\u0441\u043E\u043E");
  EXPECT_EQ(read_lookalikes_in_word_script("p\u043E"), "\u0440\u043E");  // a tie: Cyrillic
  // A digit is a letter of neither alphabet, so this is a tie too (were it Latin, and no
  // look-alike, the ё would be read as ë).
  EXPECT_EQ(read_lookalikes_in_word_script("2\u0451e"), "2\u0451\u0435");
}

// An article that writes Тексас with Latin e, c, a and c is found by the word as it reads, in
// ordinary and in exact mode, and by the English name; the snippet marks the word as written.
TEST(LookAlikeLetters, ArticleTypedWithLookAlikesIsFoundByTheWordItReadsAs) {
  testing::TempDir dir;
  const std::string mixed = "\u0422e\u043Acac";  // Т and к Cyrillic
  testing::write_file(dir / "corpus/texas.txt",
                      "Выборы\n\nГубернатор штата " + mixed + " подписал закон о выборах.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  Searcher searcher(dir / "db");
  for (const bool exact : {false, true}) {
    SearchRequest request;
    request.query = "Тексас";
    request.exact = exact;
    const SearchResults results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 1U) << "exact: " << exact;
    const Snippet& snippet = results.hits[0].snippet;
    ASSERT_EQ(snippet.highlights.size(), 1U) << "exact: " << exact;
    const auto [begin, end] = snippet.highlights.front();
    EXPECT_EQ(snippet.text.substr(begin, end - begin), mixed) << "exact: " << exact;
  }
  EXPECT_EQ(testing::search_ids(dir / "db", "Texas"), std::vector<std::string>{"texas.txt"});
}

TEST(AnalyzerChain, PositionsFollowTheText) {
  Analyzer analyzer;
  EXPECT_EQ(search_terms_of(analyzer, "Владимир Путин met Vladimir Putin"),
            "vladimir[1] putin[2] met[3] vladimir[4] putin[5]");
}

TEST(AnalyzerChain, FingerprintNamesVersionIcuAndRules) {
  Analyzer analyzer;
  EXPECT_NE(analyzer.fingerprint().find("naviny-analyzer/"), std::string::npos);
  EXPECT_NE(analyzer.fingerprint().find(" icu/"), std::string::npos);
  EXPECT_NE(analyzer.fingerprint().find(" rules/"), std::string::npos);
}

// Case endings hyphenated onto an acronym are taken off a query; other hyphenated words stay.
TEST(AcronymCaseEndings, TakenOffOnlyAfterAnAcronym) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"NATO-u", "NATO"},
      {"ООН-у and ЕС-а", "ООН and ЕС"},
      {"\"MSZ-etu Rosji\"", "\"MSZ Rosji\""},
      {"COVID-19", "COVID-19"},
      {"SARS-CoV-2", "SARS-CoV-2"},
      {"NATO-Russia", "NATO-Russia"},
      {"Biden-a", "Biden-a"},
      {"USA-based", "USA-based"},  // five letters: a word, not an ending
  };
  for (const auto& [typed, read] : cases) {
    EXPECT_EQ(without_acronym_case_endings(typed), read) << typed;
  }
}

}  // namespace
}  // namespace naviny
