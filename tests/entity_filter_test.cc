// Entity filters (person:, org:, place:, entity:) on indexes tagged with a gazetteer: what they
// find, how they rank alone and with words, facets, the messages for unknown and ambiguous names,
// and re-tagging when the gazetteer changes.

#include "searcher/entity_filter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/schema.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The bundled gazetteer on the seed articles.
class SeedEntities : public testing::IndexedOnce<testing::seed_corpus> {
 protected:
  static std::vector<std::string> ids(const std::string& query) {
    std::vector<std::string> found = testing::search_ids(db(), query);
    for (std::string& id : found) id = id.substr(0, 3);
    std::sort(found.begin(), found.end());
    return found;
  }
};

TEST_F(SeedEntities, PersonFilterFindsTheArticlesThatMentionHim) {
  EXPECT_THAT(ids("person:Putin"), ElementsAre("000", "001", "003", "004"));
  EXPECT_EQ(ids("person:Путин"), ids("person:Putin"));
  EXPECT_EQ(ids("person:Лукашэнка"), ids("person:Lukashenko"));
  EXPECT_EQ(ids("person:Łukašenka"), ids("person:Lukashenko"));
  EXPECT_THAT(ids("org:Wagner"), ElementsAre("003"));
}

TEST_F(SeedEntities, FilterCombinesWithWords) {
  std::vector<std::string> both;
  const auto people = ids("person:Lukashenka");
  const auto words = ids("sanctions");
  std::set_intersection(people.begin(), people.end(), words.begin(), words.end(),
                        std::back_inserter(both));
  ASSERT_FALSE(both.empty());
  EXPECT_EQ(ids("person:Lukashenka sanctions"), both);
  EXPECT_THAT(ids("person:Putin AND person:Medvedev"), ElementsAre("000"));
}

// Articles that mention Putin three times, once, and not at all, of about one length.
std::filesystem::path mentions_corpus() {
  static const testing::TempDir dir;
  testing::write_file(dir / "corpus" / "a-once.txt",
                      "Talks\n\nThe ministers met in Minsk. Putin sent a letter. The talks went "
                      "on for a day and ended without a statement.");
  testing::write_file(dir / "corpus" / "b-thrice.txt",
                      "Talks\n\nPutin met the ministers in Minsk. Putin spoke first. Later "
                      "Putin left the talks before the statement.");
  testing::write_file(dir / "corpus" / "c-never.txt",
                      "Talks\n\nThe ministers met in Minsk. The talks went on for a day and "
                      "ended without a statement or a letter.");
  return dir / "corpus";
}

using EntityFilterRanking = testing::IndexedOnce<mentions_corpus>;

// A filter alone weighs nothing; its results come ranked by the mentions of the entity, with a
// score, not in id order with score 0.
TEST_F(EntityFilterRanking, AFilterAloneRanksByMentions) {
  Searcher searcher(db());
  for (const std::string query : {"person:Putin", "person:Путин lang:en OR person:Putin"}) {
    SCOPED_TRACE(query);
    SearchRequest request;
    request.query = query;
    const SearchResults results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 2u);
    EXPECT_EQ(results.hits[0].id, "b-thrice.txt");
    EXPECT_EQ(results.hits[1].id, "a-once.txt");
    EXPECT_GT(results.hits[1].score, 0.0);
    EXPECT_GT(results.hits[0].score, results.hits[1].score);
  }
}

// With words, the words rank as before: the filter term adds no weight.
TEST_F(EntityFilterRanking, AFilterWithWordsRanksByTheWords) {
  EXPECT_THAT(testing::search_ids(db(), "person:Putin letter"), ElementsAre("a-once.txt"));
}

TEST_F(SeedEntities, FacetCountsEqualCountsOfFilteredSearches) {
  Searcher searcher(db());
  SearchRequest request;
  request.query = "sanctions";
  request.limit = 1;
  request.facets = 1000;
  const SearchResults results = searcher.search(request);
  ASSERT_EQ(results.facets.size(), 3u);
  std::size_t checked = 0;
  for (const auto& [type, entities] : results.facets) {
    for (const EntityRef& entity : entities) {
      EXPECT_EQ(entity.count, ids("sanctions " + type + ":" + entity.id).size()) << entity.id;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
}

TEST_F(SeedEntities, HitsCarryTheirEntitiesInJson) {
  const auto result = testing::run_cli({"search", "--db", db().string(), "--json", "Medvedev"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto entities = nlohmann::json::parse(result.out)["hits"][0]["entities"];
  const auto medvedev = std::find_if(entities.begin(), entities.end(),
                                     [](const auto& e) { return e["id"] == "dmitry-medvedev"; });
  ASSERT_NE(medvedev, entities.end());
  EXPECT_EQ((*medvedev)["type"], "person");
  EXPECT_GE((*medvedev)["mentions"].get<int>(), 1);
}

TEST_F(SeedEntities, UnknownNameListsTheClosest) {
  const auto result = testing::run_cli({"search", "--db", db().string(), "person:Lukashevich"});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_THAT(result.err, HasSubstr("no person called 'Lukashevich'"));
  EXPECT_THAT(result.err, HasSubstr("Alexander Lukashenko (alexander-lukashenko)"));
}

TEST_F(SeedEntities, AmbiguousNameAsksForTheFullName) {
  const auto result = testing::run_cli({"search", "--db", db().string(), "person:Biden"});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_THAT(result.err, HasSubstr("Joe Biden (joe-biden)"));
  EXPECT_THAT(result.err, HasSubstr("Hunter Biden (hunter-biden)"));
}

TEST_F(SeedEntities, EntitiesCommandCountsArticles) {
  const auto result =
      testing::run_cli({"entities", "--db", db().string(), "--json", "--type", "org", "Wagner"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto listing = nlohmann::json::parse(result.out);
  ASSERT_EQ(listing.size(), 1u);
  EXPECT_EQ(listing[0]["id"], "wagner-group");
  EXPECT_EQ(listing[0]["articles"], 1);
}

// The alias table the indexer stores must name the same entities as parsing the gazetteer, for
// every alias of the bundled gazetteer, whatever type is asked for.
TEST_F(SeedEntities, StoredAliasTableResolvesAsTheGazetteerDoes) {
  const auto analyzer = std::make_shared<Analyzer>();
  const Xapian::Database database(db().string());
  IndexGazetteer stored(database, analyzer);
  const Gazetteer& gazetteer = stored.get();
  ASSERT_FALSE(gazetteer.empty());
  std::vector<std::string> names;
  // The search side parses only the analysed table; the rows are the text stored beside it.
  std::istringstream rows(database.get_metadata(std::string(schema::kMetaGazetteer)));
  for (std::string row; std::getline(rows, row);) {
    if (row.empty() || row.front() == '#') continue;
    std::istringstream columns(row);
    std::string column;
    // Aliases and short forms; the sixth column says where the row came from.
    for (int i = 0; std::getline(columns, column, '\t') && i < 5; ++i) {
      if (i < 3) continue;
      std::istringstream aliases(column);
      for (std::string alias; std::getline(aliases, alias, '|');) names.push_back(alias);
    }
  }
  ASSERT_GT(names.size(), 1000U);
  // Every resolve() reads the whole gazetteer: an even sample of some 300 names keeps the test
  // within its minute however large the table grows, under the sanitizers too (1,500 took over a
  // minute there with 3,118 entities).
  constexpr std::size_t kSampled = 300;
  std::vector<std::string> sample;
  for (std::size_t i = 0; i < names.size();
       i += std::max<std::size_t>(1, names.size() / kSampled)) {
    sample.push_back(names[i]);
  }
  names = std::move(sample);
  names.insert(names.end(), {"lukashenko", "LUKASHENKA", "Лукашэнкі", "nobody-at-all", "putin"});
  std::size_t quick = 0;
  for (const std::string& name : names) {
    for (const auto type : {std::optional<EntityType>(), std::optional(EntityType::person),
                            std::optional(EntityType::place), std::optional(EntityType::org)}) {
      std::vector<std::string> expected;
      for (const std::size_t entity : gazetteer.resolve(name, type, *analyzer)) {
        expected.push_back(gazetteer.entities()[entity].id);
      }
      const auto found = stored.quick_resolve(name, type);
      ASSERT_TRUE(found.has_value());
      std::vector<std::string> sorted = *found;
      std::sort(sorted.begin(), sorted.end());
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(sorted, expected) << name;
      quick += sorted.size() == 1 ? 1 : 0;
    }
  }
  EXPECT_GT(quick, names.size());
}

TEST(GazetteerChange, NextIndexRunRetagsEveryArticle) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  testing::write_file(dir / "corpus/a.txt", "Talks\n\nGeorge Kent met Grigory Ioffe in Minsk.\n");
  testing::write_file(dir / "corpus/entities.tsv", "kent\tperson\tGeorge Kent\tGeorge Kent\t\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "person:\"George Kent\""), ElementsAre("a.txt"));
  EXPECT_EQ(testing::run_cli({"search", "--db", (dir / "db").string(), "person:\"Grigory Ioffe\""})
                .exit_code,
            4);

  testing::write_file(dir / "corpus/entities.tsv",
                      "kent\tperson\tGeorge Kent\tGeorge Kent\t\n"
                      "ioffe\tperson\tGrigory Ioffe\tGrigory Ioffe\t\n");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("updated 1"));
  EXPECT_THAT(result.out, HasSubstr("re-tagged"));
  EXPECT_THAT(testing::search_ids(dir / "db", "person:\"Grigory Ioffe\""), ElementsAre("a.txt"));
}

}  // namespace
}  // namespace naviny
