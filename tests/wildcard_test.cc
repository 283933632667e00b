// Wildcards in every script (issue 19): the beginning of a word, typed in Latin or Cyrillic
// letters, finds the words a reader means, although the index holds them as romanised stems.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/errors.h"
#include "searcher/wildcards.h"
#include "test_support.h"

namespace naviny {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAreArray;

struct Article {
  const char* file;
  const char* text;
};

// Trump in Latin letters (with Polish and Czech case endings) and in Cyrillic, Lukashenko in
// Russian and Polish, a name whose key begins like his (Luksemburg), Johnson in English and in
// Russian (whose romanisation spells the English j as dzh), a name that begins with the same
// letters but not the same sounds (Jonas), and a word whose stem is shorter than its typed
// beginning (санкции, stem `sankts`, typed санкци*).
constexpr Article kArticles[] = {
    {"trump_en.txt", "Visit\n\nPresident Trump spoke to the press in Washington."},
    {"trump_pl.txt",
     "Wizyta\n\nDonald Trump przyleciał do Warszawy. Prezydentowi Trumpowi podziękował premier."},
    {"trumpa_cs.txt", "Návštěva\n\nSetkání Trumpa s premiérem bylo krátké."},
    {"tramp_ru.txt", "Визит\n\nДональд Трамп прилетел в Варшаву."},
    {"trampa_ru.txt", "Переговоры\n\nВстреча Трампа и премьера прошла в Варшаве."},
    {"tramp_title_ru.txt", "Трамп в Варшаве\n\nВстреча прошла без журналистов."},
    {"lukashenko_ru.txt", "Минск\n\nАлександр Лукашенко провёл совещание."},
    {"lukaszenka_pl.txt", "Mińsk\n\nAleksander Łukaszenka spotkał się z ministrami."},
    {"luksemburg_pl.txt",
     "Europa\n\nPremier Luksemburga odwiedził Brukselę. Luksemburg jest mały."},
    {"johnson_en.txt", "London\n\nBoris Johnson met the press."},
    {"dzhonson_ru.txt", "Лондон\n\nБорис Джонсон встретился с журналистами."},
    {"jonas_en.txt", "Vilnius\n\nJonas Valančiūnas returned home."},
    {"sanktsii_ru.txt", "Экономика\n\nЕвросоюз ввёл новые санкции против Минска."},
    {"weather_en.txt", "Weather\n\nRain and wind over the coast."},
};

std::filesystem::path written_corpus() {
  static const testing::TempDir dir;
  for (const Article& article : kArticles) {
    testing::write_file(dir / "corpus" / article.file, article.text);
  }
  return dir / "corpus";
}

using WildcardSearch = testing::IndexedOnce<written_corpus>;

const std::vector<std::string> kTrumpInBothScripts = {"trump_en.txt",  "trump_pl.txt",
                                                      "trumpa_cs.txt", "tramp_ru.txt",
                                                      "trampa_ru.txt", "tramp_title_ru.txt"};

struct WildcardCase {
  std::string query;
  std::vector<std::string> finds;  // exactly these articles, in any order
};

TEST_F(WildcardSearch, ABeginningFindsItsWordsInEveryScript) {
  const WildcardCase cases[] = {
      {"Трамп*", kTrumpInBothScripts},
      {"Trump*", kTrumpInBothScripts},
      // Łukaszenka romanises as Лукашенко does; Luksemburg only shares the beginning of a key.
      {"Лукаш*", {"lukashenko_ru.txt", "lukaszenka_pl.txt"}},
      {"санкци*", {"sanktsii_ru.txt"}},
      // dzh is the English j: Johns* and Джонс* find Johnson in both scripts, and not Jonas.
      {"Johns*", {"johnson_en.txt", "dzhonson_ru.txt"}},
      {"Джонс*", {"johnson_en.txt", "dzhonson_ru.txt"}},
      {"title:Trump*", {"tramp_title_ru.txt"}},
      {"title:Трамп*", {"tramp_title_ru.txt"}},
  };
  for (const WildcardCase& wildcard : cases) {
    SCOPED_TRACE(wildcard.query);
    EXPECT_THAT(testing::search_ids(db(), wildcard.query),
                UnorderedElementsAreArray(wildcard.finds));
  }
}

TEST_F(WildcardSearch, TrumpInEitherScriptFindsTheSameArticles) {
  const std::vector<std::string> cyrillic = testing::search_ids(db(), "Трамп*");
  const std::vector<std::string> latin = testing::search_ids(db(), "Trump*");
  ASSERT_THAT(cyrillic, Not(IsEmpty()));
  EXPECT_THAT(latin, UnorderedElementsAreArray(cyrillic));
  EXPECT_THAT(cyrillic,
              AllOf(::testing::Contains("trump_pl.txt"), ::testing::Contains("tramp_ru.txt")));
}

// The snippet shows why the article matched: the words the wildcard expanded to are marked.
TEST_F(WildcardSearch, TheSnippetMarksTheWordsTheWildcardFound) {
  const testing::CliResult result =
      testing::run_cli({"search", "--db", db().string(), "--color", "never", "Трамп*"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("**Трамп"));
  EXPECT_THAT(result.out, HasSubstr("**Trump"));
}

// An article of kMaxWildcardTerms words beginning with zyxb and one more beginning with zyxd.
std::filesystem::path corpus_of_many_words() {
  static const testing::TempDir dir;
  constexpr std::string_view kConsonants = "bcdfghkmnprt";  // no English suffix among them
  std::string body;
  for (std::size_t n = 0; n < kMaxWildcardTerms; ++n) {
    body += " zyxb";
    for (std::size_t rest = n, letter = 0; letter < 3; ++letter, rest /= kConsonants.size()) {
      body += kConsonants[rest % kConsonants.size()];
    }
  }
  testing::write_file(dir / "corpus/words.txt", "Words\n\n" + body + " zyxdddd.\n");
  return dir / "corpus";
}

using WildcardBound = testing::IndexedOnce<corpus_of_many_words>;

TEST_F(WildcardBound, AWildcardOfTooManyWordsAsksForMoreLetters) {
  EXPECT_THAT(testing::search_ids(db(), "zyxb*"), ::testing::ElementsAre("words.txt"));
  try {
    testing::search_ids(db(), "zyx*");
    ADD_FAILURE() << "zyx* stands for " << kMaxWildcardTerms + 1 << " words, but was searched";
  } catch (const QueryError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr("'zyx*'"), HasSubstr("more letters")));
  }
}

}  // namespace
}  // namespace naviny
