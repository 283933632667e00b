// What an analyst quotes from naviny's output (issue 20): exact counts that do not depend on
// --limit and agree between `search`, `entities` and facets; the articles' metadata; `naviny
// show`; CSV and TSV; the wording of the count line; titles cut to a line.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using testing::CliResult;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_cli;

// An agency text long enough (over 40 words) to be grouped with its copies.
constexpr const char* kAgencyText =
    "Belarusian potash producer Belaruskali said in Minsk on Monday that exports through the "
    "Lithuanian port of Klaipeda had stopped after the railway operator refused to carry its "
    "cargo, and that the company was looking for other routes through Russian ports on the Baltic "
    "Sea, which would raise its costs and delay deliveries to customers in Brazil, India and China "
    "for several months at least, according to a statement published on its website.";

constexpr std::size_t kGeneratedArticles = 30;  // each mentions Minsk, every third potash
constexpr std::size_t kAgencyCopies = 3;        // one story
constexpr const char* kLongTitle =
    "Лукашенко заявил, что Беларусь не будет участвовать в войне, и пообещал сохранить "
    "нейтралитет, несмотря на давление Москвы, санкции Запада и протесты оппозиции";

// The metadata an article's front matter can carry, each shown wherever the article is.
struct Metadata {
  const char* key;
  const char* value;
};
constexpr Metadata kMetadata[] = {{"date", "2021-05-26"},
                                  {"source", "Belta Wire"},
                                  {"lang", "en"},
                                  {"url", "https://example.org/news/minsk-hero-city?id=7"}};
constexpr const char* kQuotedTitle = "Minsk, \"the hero city\", remembers";
// A title a spreadsheet would run as a formula.
constexpr const char* kFormulaTitle = "=SUM(1,2) zebrafish tally";

class QuotableResults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>();
    const std::filesystem::path corpus = *dir_ / "corpus";
    testing::write_generated_corpus(corpus, kGeneratedArticles);
    for (std::size_t i = 0; i < kAgencyCopies; ++i) {
      testing::write_file(corpus / ("agency" + std::to_string(i) + ".txt"),
                          "Potash exports stop, copy " + std::to_string(i) + "\n\n" + kAgencyText +
                              (i == 0 ? "" : "\nShare this article."));
    }
    std::string front_matter = "---\ntitle: " + std::string(kQuotedTitle) + "\n";
    for (const Metadata& field : kMetadata) {
      front_matter += std::string(field.key) + ": " + field.value + "\n";
    }
    testing::write_file(corpus / "hero.txt", front_matter + "---\nMinsk remembers the war.\n");
    testing::write_file(corpus / "long.txt",
                        std::string(kLongTitle) + "\n\nЛукашенко выступил перед журналистами.\n");
    testing::write_file(corpus / "formula.txt",
                        std::string(kFormulaTitle) + "\n\nZebrafish were counted again.\n");
    testing::index_or_fail(corpus, db());
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::string db() { return (*dir_ / "db").string(); }

  static CliResult search(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"search", "--db", db()});
    return run_cli(arguments);
  }
  static nlohmann::json search_json(std::vector<std::string> arguments) {
    arguments.push_back("--json");
    const CliResult result = search(std::move(arguments));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

 private:
  static inline std::unique_ptr<testing::TempDir> dir_;
};

// Queries with more matches than the small limits below, some with near-duplicate copies.
const char* const kManyMatchQueries[] = {"Minsk",        "potash", "Minsk OR potash",
                                         "potash Minsk", "Mins*",  "entity:minsk"};

TEST_F(QuotableResults, CountsDoNotDependOnTheLimit) {
  for (const char* query : kManyMatchQueries) {
    SCOPED_TRACE(query);
    const auto everything = search_json({"--limit", "1000", query});
    const auto every_copy = search_json({"--limit", "1000", "--all-copies", query});
    const std::size_t stories = everything["hits"].size();
    const std::size_t articles = every_copy["hits"].size();
    ASSERT_GT(stories, 3u);
    for (const char* limit : {"0", "1", "3"}) {
      SCOPED_TRACE(std::string("--limit ") + limit);
      const auto page = search_json({"--limit", limit, query});
      EXPECT_EQ(page["total"], stories);
      EXPECT_EQ(page["total_exact"], true);
      EXPECT_EQ(page["stories"], stories);
      EXPECT_EQ(page["articles"], articles);
      const auto all_copies = search_json({"--limit", limit, "--all-copies", query});
      EXPECT_EQ(all_copies["total"], articles);
      EXPECT_EQ(all_copies["articles"], articles);
      const CliResult text = search({"--limit", limit, query});
      EXPECT_THAT(text.out, HasSubstr(std::to_string(stories) + " results for '"));
      EXPECT_THAT(text.out, Not(HasSubstr("about")));
    }
  }
}

TEST_F(QuotableResults, StoriesAndArticlesAreBothShownWhereTheyDiffer) {
  const std::size_t articles = kGeneratedArticles / 3 + kAgencyCopies;  // 000, 003, ... and copies
  const CliResult text = search({"--limit", "2", "potash"});
  EXPECT_THAT(text.out, HasSubstr(std::to_string(articles - kAgencyCopies + 1) +
                                  " results for 'potash' (" + std::to_string(articles) +
                                  " articles; near-duplicate copies are shown once); showing 1-2"));
  const CliResult all_copies = search({"--limit", "2", "--all-copies", "potash"});
  EXPECT_THAT(all_copies.out,
              HasSubstr(std::to_string(articles) + " results for 'potash'; showing 1-2"));
}

TEST_F(QuotableResults, EntitiesFacetsAndSearchCountTheSameArticles) {
  const CliResult listed = run_cli({"entities", "--db", db(), "--json", "minsk"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::size_t listed_articles = 0;
  for (const auto& entity : nlohmann::json::parse(listed.out)) {
    if (entity["id"] == "minsk") listed_articles = entity["articles"];
  }
  ASSERT_EQ(listed_articles, kGeneratedArticles + kAgencyCopies + 1);  // and hero.txt
  const auto searched = search_json({"--limit", "1", "--facets", "3", "entity:minsk"});
  EXPECT_EQ(searched["articles"], listed_articles);
  std::size_t faceted_articles = 0;
  for (const auto& entity : searched["facets"]["place"]) {
    if (entity["id"] == "minsk") faceted_articles = entity["articles"];
  }
  EXPECT_EQ(faceted_articles, listed_articles);
  // Stories fold the agency's copies into one.
  EXPECT_EQ(searched["stories"], listed_articles - kAgencyCopies + 1);
  const CliResult text = run_cli({"entities", "--db", db(), "minsk"});
  EXPECT_THAT(text.out, HasSubstr("articles  type"));
}

TEST_F(QuotableResults, HitsCarryTheFrontMattersMetadata) {
  const auto results = search_json({"hero"});
  ASSERT_EQ(results["hits"].size(), 1u);
  const auto& hit = results["hits"][0];
  const CliResult text = search({"hero"});
  for (const Metadata& field : kMetadata) {
    EXPECT_EQ(hit[field.key], field.value) << field.key;
    EXPECT_THAT(text.out, HasSubstr(field.value)) << field.key;
  }
}

TEST_F(QuotableResults, JsonListsTheIdsOfHiddenCopies) {
  const auto results = search_json({"Klaipeda"});
  ASSERT_EQ(results["hits"].size(), 1u);
  const auto& hit = results["hits"][0];
  EXPECT_EQ(hit["hidden_copies"], kAgencyCopies - 1);
  std::vector<std::string> all{hit["id"]};
  for (const auto& id : hit["copy_ids"]) all.push_back(id);
  EXPECT_THAT(all, ::testing::UnorderedElementsAre("agency0.txt", "agency1.txt", "agency2.txt"));
}

TEST_F(QuotableResults, ShowPrintsMetadataEntitiesAndText) {
  const CliResult text = run_cli({"show", "--db", db(), "hero.txt"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr(kQuotedTitle));
  for (const Metadata& field : kMetadata) EXPECT_THAT(text.out, HasSubstr(field.value));
  EXPECT_THAT(text.out, HasSubstr("Minsk remembers the war."));
  EXPECT_THAT(text.out, HasSubstr("minsk  Minsk"));

  const CliResult json_result = run_cli({"show", "--db", db(), "--json", "agency1.txt"});
  ASSERT_EQ(json_result.exit_code, 0) << json_result.err;
  const auto json = nlohmann::json::parse(json_result.out);
  EXPECT_EQ(json["id"], "agency1.txt");
  EXPECT_THAT(json["body"].get<std::string>(), HasSubstr("Klaipeda had stopped"));
  EXPECT_THAT(json["copy_ids"], ::testing::ElementsAre("agency0.txt", "agency2.txt"));
  bool minsk_mentioned_once = false;
  for (const auto& entity : json["entities"]) {
    if (entity["id"] == "minsk") minsk_mentioned_once = entity["mentions"] == 1;
  }
  EXPECT_TRUE(minsk_mentioned_once) << json["entities"].dump();
}

TEST_F(QuotableResults, ShowOfAnUnknownIdIsNotFound) {
  const CliResult result = run_cli({"show", "--db", db(), "no-such.txt"});
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::not_found));
  EXPECT_THAT(result.err, HasSubstr("no article with id 'no-such.txt'"));
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST(QuotableShow, ShowsAnArticleGivenToAdd) {
  testing::TempDir dir;
  const std::string db = (dir / "db").string();
  testing::index_or_fail(testing::mini_corpus(), db);
  const CliResult added = run_cli({"add", "--db", db, "--id", "note.txt", "-"},
                                  "A note from Minsk\n\nThe tractor works were quiet today.\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const CliResult shown = run_cli({"show", "--db", db, "note.txt"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("A note from Minsk"));
  EXPECT_THAT(shown.out, HasSubstr("The tractor works were quiet today."));
  EXPECT_THAT(shown.out, HasSubstr("added with `naviny add`"));
}

TEST_F(QuotableResults, CsvQuotesCommasAndQuotes) {
  const CliResult csv = search({"--format", "csv", "hero"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
            "rank,id,title,date,source,lang,url,score,hidden_copies,copy_ids,entities,snippet");
  EXPECT_THAT(csv.out, HasSubstr(",hero.txt,\"Minsk, \"\"the hero city\"\", remembers\","
                                 "2021-05-26,Belta Wire,en,"));
  const CliResult tsv = search({"--format", "tsv", "hero"});
  EXPECT_THAT(tsv.out, HasSubstr("\thero.txt\tMinsk, \"the hero city\", remembers\t2021-05-26\t"));
  EXPECT_EQ(std::count(tsv.out.begin(), tsv.out.end(), '\n'), 2) << tsv.out;
  // A cell that would open with a formula sign starts with an apostrophe, which spreadsheets hide.
  EXPECT_THAT(search({"--format", "csv", "zebrafish"}).out,
              HasSubstr(",\"'=SUM(1,2) zebrafish tally\","));
  EXPECT_THAT(search({"--format", "tsv", "zebrafish"}).out,
              HasSubstr("\t'=SUM(1,2) zebrafish tally\t"));
  // --json stays, the same as --format json.
  EXPECT_EQ(search({"--json", "hero"}).out, search({"--format", "json", "hero"}).out);

  const CliResult entities = run_cli({"entities", "--db", db(), "--format", "csv", "minsk"});
  EXPECT_THAT(entities.out, HasSubstr("id,type,name,articles\r\n"));
  EXPECT_THAT(entities.out,
              HasSubstr("minsk,place,Minsk," +
                        std::to_string(kGeneratedArticles + kAgencyCopies + 1) + "\r\n"));
}

TEST_F(QuotableResults, CountLineWording) {
  struct Case {
    std::vector<std::string> arguments;
    std::string line;
  };
  const std::string potash_stories = std::to_string(kGeneratedArticles / 3 + 1);
  const Case cases[] = {
      {{"hero"}, "1 result for 'hero'; showing 1\n"},
      {{"--limit", "1", "hero OR Klaipeda"},
       "2 results for 'hero OR Klaipeda' (4 articles; near-duplicate copies are "
       "shown once); showing 1\n"},
      {{"--offset", "40", "potash"},
       potash_stories + " results for 'potash' (" +
           std::to_string(kGeneratedArticles / 3 + kAgencyCopies) +
           " articles; near-duplicate copies are shown once); no results on this page (offset "
           "40)\n"},
      {{"--limit", "0", "--all-copies", "Klaipeda"},
       "3 results for 'Klaipeda'; no results on this page\n"},
      {{"--count-bound", "5", "--limit", "1", "Minsk"}, "more than 5 results for 'Minsk'"},
      {{"--count-bound", "1000", "--limit", "1", "hero OR Klaipeda"},
       "2 results for 'hero OR Klaipeda' (4 articles"},
      {{"nonesuchword"}, "no results for 'nonesuchword'\n"},
  };
  for (const Case& test : cases) {
    const CliResult result = search(test.arguments);
    EXPECT_THAT(result.out, HasSubstr(test.line)) << result.err;
  }
  const auto bounded = search_json({"--count-bound", "5", "Minsk"});
  EXPECT_EQ(bounded["total"], 5);
  EXPECT_EQ(bounded["total_exact"], false);
}

TEST_F(QuotableResults, LongTitlesAreCutInTextButWholeInJson) {
  const CliResult text = search({"нейтралитет"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::size_t start = text.out.find("1. ") + 3;
  const std::string shown = text.out.substr(start, text.out.find('\n', start) - start);
  EXPECT_THAT(shown, ::testing::StartsWith("Лукашенко заявил, что Беларусь"));
  EXPECT_THAT(shown, ::testing::EndsWith("…"));
  EXPECT_LT(shown.size(), std::string(kLongTitle).size());
  // Cut between words, so no letter of a two-byte Cyrillic character is left alone.
  const std::string kept = shown.substr(0, shown.size() - std::string("…").size());
  const std::string title = kLongTitle;
  ASSERT_TRUE(title.starts_with(kept)) << shown;
  EXPECT_THAT(std::string(" ,"), HasSubstr(title.substr(kept.size(), 1))) << shown;
  EXPECT_EQ(search_json({"нейтралитет"})["hits"][0]["title"], kLongTitle);
}

}  // namespace
}  // namespace naviny
