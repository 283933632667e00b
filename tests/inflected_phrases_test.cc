// A phrase typed in one case form finds the articles that write it in another: the Slavic
// languages decline the adjectives and common nouns of an organisation's name, which the
// gazetteer may not know (issues 19 and 21).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "searcher/inflected_phrases.h"
#include "test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

struct AlikeCase {
  std::string a;
  std::string b;
  bool alike;
};

class InflectedAlike : public ::testing::TestWithParam<AlikeCase> {};

TEST_P(InflectedAlike, ReadsTheEndingsOfTheDeclensions) {
  const AlikeCase& c = GetParam();
  EXPECT_EQ(inflected_alike(c.a, c.b), c.alike) << c.a << " / " << c.b;
  EXPECT_EQ(inflected_alike(c.b, c.a), c.alike) << c.b << " / " << c.a;
}

INSTANTIATE_TEST_SUITE_P(
    Table, InflectedAlike,
    ::testing::Values(
        // Adjectives and nouns of Czech, Polish, Slovene, Russian, Ukrainian and Bulgarian.
        AlikeCase{"nová", "nové", true}, AlikeCase{"vlámská", "vlámského", true},
        AlikeCase{"zdrowia", "zdrowie", true}, AlikeCase{"europejska", "europejskiej", true},
        AlikeCase{"agencija", "agencije", true}, AlikeCase{"міжнародна", "міжнародної", true},
        AlikeCase{"министерство", "министерством", true},
        // The Bulgarian article, and the e a masculine adjective drops before it.
        AlikeCase{"европейска", "европейската", true},
        AlikeCase{"национален", "националния", true},
        // Another word that begins alike, and the same word in the other script.
        AlikeCase{"nová", "nováková", false}, AlikeCase{"rada", "radar", false},
        AlikeCase{"agencija", "agentura", false}, AlikeCase{"nova", "нова", false}));

const std::vector<testing::TitledArticle>& organisation_articles() {
  static const std::vector<testing::TitledArticle> articles{
      {"nva_nominative_cs.txt", "Volby", "Nová vlámská aliance oznámila, že vyhrála volby."},
      {"nva_genitive_cs.txt", "Vláda padla", "Po odchodu Nové vlámské aliance je vláda v menšině."},
      {"ema_bg.txt", "Ваксини", "Европейската агенция по лекарствата одобри ваксината."},
      {"headquarters_bg.txt", "Мерки", "Националният оперативен щаб обяви нови мерки."},
      {"nsa_sl.txt", "Prisluškovanje", "Agencije za nacionalno varnost je prisluškovala tudi nam."},
      {"itf_uk.txt", "Страйк", "Представник Міжнародної федерації працівників транспорту заявив."},
      {"health_pl.txt", "Szczepionki",
       "Rzecznik Ministerstwa Zdrowia powiedział, że szczepionki są bezpieczne."},
      {"mfa_bg.txt", "Протест", "Руското външно министерство заяви, че ще отговори."},
      {"mfa_ru.txt", "Протест", "МИД России заявил о протесте."},
      {"police_en.txt", "Border", "Foreign police officers arrived at the border."},
      {"policy_en.txt", "Debate", "The foreign policy of the union changed."},
  };
  return articles;
}

using InflectedPhrases = testing::IndexedArticles<organisation_articles>;

struct PhraseCase {
  std::string query;
  std::vector<std::string> expected;
};

TEST_F(InflectedPhrases, APhraseInOneCaseFindsTheOthers) {
  const std::vector<PhraseCase> cases{
      {"\"Nová vlámská aliance\"", {"nva_nominative_cs.txt", "nva_genitive_cs.txt"}},
      {"\"Nové vlámské aliance\"", {"nva_nominative_cs.txt", "nva_genitive_cs.txt"}},
      {"\"Европейска агенция по лекарствата\"", {"ema_bg.txt"}},
      {"\"Национален оперативен щаб\"", {"headquarters_bg.txt"}},
      {"\"Agencija za nacionalno varnost\"", {"nsa_sl.txt"}},
      {"\"Міжнародна федерація працівників транспорту\"", {"itf_uk.txt"}},
      {"\"Ministerstwo Zdrowia\"", {"health_pl.txt"}},
  };
  for (const PhraseCase& c : cases) {
    EXPECT_THAT(testing::search_ids(db(), c.query), UnorderedElementsAreArray(c.expected))
        << c.query;
  }
}

TEST_F(InflectedPhrases, AReadingThatNamesAnEntityFindsItsArticles) {
  // Bulgarian writes the ministry's name with the article (Руското), which the phrase typed
  // without it does not name; in that form it names the ministry, whose articles say МИД России.
  EXPECT_THAT(testing::search_ids(db(), "\"Руско външно министерство\""),
              UnorderedElementsAreArray({"mfa_bg.txt", "mfa_ru.txt"}));
}

TEST_F(InflectedPhrases, TheFormTypedRanksFirst) {
  EXPECT_THAT(testing::search_ids(db(), "\"Nová vlámská aliance\""),
              ElementsAre("nva_nominative_cs.txt", "nva_genitive_cs.txt"));
  EXPECT_THAT(testing::search_ids(db(), "\"Nové vlámské aliance\""),
              ElementsAre("nva_genitive_cs.txt", "nva_nominative_cs.txt"));
}

TEST_F(InflectedPhrases, WordsKeepTheirOrder) {
  EXPECT_THAT(testing::search_ids(db(), "\"aliance vlámská Nová\""), IsEmpty());
}

TEST_F(InflectedPhrases, AnEnglishWordIsNoCaseFormOfAnother) {
  // policy and police share a stem and two endings of the Slavic tables, but the articles that
  // write "police" are English ones.
  EXPECT_THAT(testing::search_ids(db(), "\"foreign policy\""), ElementsAre("policy_en.txt"));
}

}  // namespace
}  // namespace naviny
