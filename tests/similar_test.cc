#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/errors.h"
#include "searcher/searcher.h"
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

}  // namespace
}  // namespace naviny
