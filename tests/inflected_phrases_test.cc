// A phrase typed in one case form finds the articles that write it in another: the Slavic
// languages decline the adjectives and common nouns of an organisation's name, which the
// gazetteer may not know (issues 19 and 21).

#include "searcher/inflected_phrases.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

struct CaseFormCase {
  std::string word;
  std::string other;
  bool case_form;  // of each other
};

class CaseFormsOf : public ::testing::TestWithParam<CaseFormCase> {};

TEST_P(CaseFormsOf, ReadsTheEndingsOfTheDeclensions) {
  const CaseFormCase& c = GetParam();
  EXPECT_EQ(std::ranges::count(case_forms_of(c.word), c.other), c.case_form ? 1 : 0)
      << c.other << " as a case form of " << c.word;
  EXPECT_EQ(std::ranges::count(case_forms_of(c.other), c.word), c.case_form ? 1 : 0)
      << c.word << " as a case form of " << c.other;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CaseFormsOf,
    ::testing::Values(
        // Adjectives and nouns of Czech, Polish, Slovene, Russian, Ukrainian and Bulgarian.
        CaseFormCase{"nová", "nové", true}, CaseFormCase{"vlámská", "vlámského", true},
        CaseFormCase{"zdrowia", "zdrowie", true}, CaseFormCase{"europejska", "europejskiej", true},
        CaseFormCase{"agencija", "agencije", true}, CaseFormCase{"міжнародна", "міжнародної", true},
        CaseFormCase{"министерство", "министерством", true},
        // The Bulgarian article, and the e a masculine adjective drops before it.
        CaseFormCase{"европейска", "европейската", true},
        CaseFormCase{"национален", "националния", true},
        // Another word that begins alike, and the same word in the other script.
        CaseFormCase{"nová", "nováková", false}, CaseFormCase{"rada", "radar", false},
        CaseFormCase{"agencija", "agentura", false}, CaseFormCase{"nova", "нова", false}));

const std::vector<testing::TitledArticle>& organisation_articles() {
  static const std::vector<testing::TitledArticle> articles{
      {"nva_nominative_cs.txt", "Volby", "Nová vlámská aliance oznámila, že vyhrála volby."},
      {"nva_genitive_cs.txt", "Vláda padla", "Po odchodu Nové vlámské aliance je vláda v menšině."},
      {"nva_title_cs.txt", "Odchod Nové vlámské aliance", "Strana odešla z vlády, je to konec."},
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
      {"\"Nová vlámská aliance\"",
       {"nva_nominative_cs.txt", "nva_genitive_cs.txt", "nva_title_cs.txt"}},
      {"\"Nové vlámské aliance\"",
       {"nva_nominative_cs.txt", "nva_genitive_cs.txt", "nva_title_cs.txt"}},
      {"title:\"Nová vlámská aliance\"", {"nva_title_cs.txt"}},
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
  EXPECT_EQ(testing::search_ids(db(), "\"Nová vlámská aliance\"").front(), "nva_nominative_cs.txt");
  EXPECT_EQ(testing::search_ids(db(), "\"Nové vlámské aliance\"").back(), "nva_nominative_cs.txt");
}

TEST_F(InflectedPhrases, AWordInAnotherCaseIsNoMisspelling) {
  // федерація is not in the index, федерації is: the phrase reads it so, and "did you mean"
  // would offer a phrase of mixed cases.
  const testing::CliResult result = testing::run_cli(
      {"search", "--db", db().string(), "\"Міжнародна федерація працівників транспорту\""});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, ::testing::HasSubstr("1 result"));
  EXPECT_THAT(result.out, ::testing::Not(::testing::HasSubstr("did you mean")));
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
