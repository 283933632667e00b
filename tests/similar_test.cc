#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyzers/analyzer.h"
#include "common/errors.h"
#include "searcher/searcher.h"
#include "searcher/stopwords.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class Similar : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "corpus");
    testing::write_file(dir_ / "corpus/entities.tsv",
                        "belaruskali\torg\tBelaruskali\tBelaruskali|Беларуськалий\t\n"
                        "lithuania\tplace\tLithuania\tLithuania|Литва\t\n"
                        "minsk\tplace\tMinsk\tMinsk|Минск\t\n");
    testing::write_file(dir_ / "corpus/potash.txt",
                        "Potash sanctions bite\n\nBelaruskali potash exports through Lithuania "
                        "stopped when the port of Klaipeda closed to fertiliser cargo.\n");
    testing::write_file(dir_ / "corpus/fertiliser.txt",
                        "Fertiliser trains reroute\n\nBelaruskali now ships its potash fertiliser "
                        "cargo by rail, since Lithuania closed Klaipeda to it.\n");
    testing::write_file(dir_ / "corpus/football.txt",
                        "Dinamo win in Minsk\n\nThe football match in Minsk ended two goals to "
                        "one after a late penalty.\n");
    testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  }
  testing::TempDir dir_;
};

TEST_F(Similar, MostAlikeFirstWithSharedEntitiesAndNotItself) {
  Searcher searcher(dir_ / "db");
  const SearchResults results = searcher.similar("potash.txt", 10);
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "fertiliser.txt");
  for (const Hit& hit : results.hits) EXPECT_NE(hit.id, "potash.txt");
  std::vector<std::string> shared;
  for (const EntityRef& entity : results.hits[0].shared_entities) shared.push_back(entity.id);
  std::sort(shared.begin(), shared.end());
  EXPECT_THAT(shared, ElementsAre("belaruskali", "lithuania"));
}

TEST_F(Similar, UnknownIdIsAClearError) {
  const auto result = testing::run_cli({"similar", "--db", (dir_ / "db").string(), "nosuch.txt"});
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::not_found));
  EXPECT_THAT(result.err, HasSubstr("no article with id 'nosuch.txt'"));
}

TEST_F(Similar, JsonListsSharedEntities) {
  const auto result = testing::run_cli(
      {"similar", "--db", (dir_ / "db").string(), "--json", "--limit", "1", "potash.txt"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"shared_entities\""));
  EXPECT_THAT(result.out, HasSubstr("\"id\": \"fertiliser.txt\""));
}

TEST_F(Similar, ColorNeverParses) {
  const auto result = testing::run_cli(
      {"similar", "--db", (dir_ / "db").string(), "potash.txt", "--color", "never"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("fertiliser.txt"));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("\x1b[")));
}

// The forced landing of a Ryanair plane in Minsk, in Russian and in Polish, and a Russian article
// about something else written with the same function words.
class SimilarAcrossLanguages : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "corpus");
    testing::write_file(dir_ / "corpus/entities.tsv",
                        "ryanair\torg\tRyanair\tRyanair|Райанэйр\t\n"
                        "roman-protasevich\tperson\tRoman Protasevich\tРоман Протасевич|Raman "
                        "Pratasiewicz|Ramana Pratasiewicza\tПротасевич|Pratasiewicz\t\n"
                        "minsk\tplace\tMinsk\tMinsk|Минск|Mińsk\t\n"
                        "vilnius\tplace\tVilnius\tVilnius|Вильнюс|Wilno\t\n"
                        "moscow\tplace\tMoscow\tMoscow|Москва\t\n");
    testing::write_file(
        dir_ / "corpus/ru-landing.txt",
        "Самолёт Ryanair посадили в Минске\n\nСамолёт Ryanair летел из Афин в Вильнюс, когда "
        "его посадили в Минске. Это было сделано для того, чтобы задержать Романа Протасевича, "
        "который был на борту. После посадки Протасевича вывели из самолёта, и только потом "
        "Ryanair смог вылететь в Вильнюс.\n");
    testing::write_file(
        dir_ / "corpus/pl-landing.txt",
        "Samolot Ryanair zmuszony do lądowania w Mińsku\n\nBiałoruskie władze zmusiły samolot "
        "Ryanair lecący do Wilna do lądowania w Mińsku i zatrzymały Ramana Pratasiewicza. "
        "Pratasiewicz był na pokładzie samolotu Ryanair.\n");
    testing::write_file(
        dir_ / "corpus/ru-park.txt",
        "В Москве открыли новый парк\n\nЭто было сделано для того, чтобы жители, которые "
        "живут рядом, могли гулять. После открытия парка в Москве только потом открыли и "
        "каток, когда его построили.\n");
    for (const char* name : {"en-a", "en-b", "en-c"}) {
      testing::write_file(dir_ / "corpus" / (std::string(name) + ".txt"),
                          "Weather report\n\nRain is expected in the north on Tuesday.\n");
    }
    testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  }
  testing::TempDir dir_;
};

TEST_F(SimilarAcrossLanguages, SameStoryInAnotherLanguageFirst) {
  Searcher searcher(dir_ / "db");
  const SearchResults results = searcher.similar("ru-landing.txt", 10);
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "pl-landing.txt");
  std::vector<std::string> shared;
  for (const EntityRef& entity : results.hits[0].shared_entities) shared.push_back(entity.id);
  EXPECT_THAT(shared, ::testing::Contains("roman-protasevich"));
  EXPECT_THAT(results.hits[0].shared_words, ::testing::Contains("ryanair"));
}

TEST_F(SimilarAcrossLanguages, NoStopwordIsASharedWord) {
  Analyzer analyzer;
  const auto stopwords = stopword_search_forms(analyzer);
  Searcher searcher(dir_ / "db");
  const SearchResults results = searcher.similar("ru-landing.txt", 10);
  std::size_t words = 0;
  for (const Hit& hit : results.hits) {
    for (const std::string& word : hit.shared_words) {
      ++words;
      EXPECT_FALSE(stopwords.contains(analyzer.analyze_word(word).search))
          << word << " shared by " << hit.id;
    }
    // Nor is one highlighted in the snippet.
    for (const auto& [begin, end] : hit.snippet.highlights) {
      const std::string word = hit.snippet.text.substr(begin, end - begin);
      EXPECT_FALSE(stopwords.contains(analyzer.analyze_word(word).search))
          << word << " highlighted in " << hit.id;
    }
  }
  EXPECT_GT(words, 0u);
}

}  // namespace
}  // namespace naviny
