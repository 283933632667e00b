#include "indexer/boilerplate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/errors.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct CleanCase {
  const char* name;
  const char* body;
  const char* cleaned;
};

constexpr const char* kRules =
    "# comment\n"
    "line: comments powered by Disqus\n"
    "line: Print Friendly, PDF & Email\n"
    "cut: Similar articles\n";

class BoilerplateClean : public ::testing::TestWithParam<CleanCase> {};

TEST_P(BoilerplateClean, DropsFurnitureKeepsText) {
  const BoilerplateFilter filter = BoilerplateFilter::parse(kRules, "rules");
  EXPECT_EQ(filter.clean(GetParam().body), GetParam().cleaned);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BoilerplateClean,
    ::testing::Values(
        CleanCase{"LineDropped", "Minsk said no.\nblog comments powered by Disqus\nThe end.",
                  "Minsk said no.\nThe end."},
        CleanCase{"CaseIgnored", "Text.\nPRINT FRIENDLY, PDF & EMAIL", "Text."},
        CleanCase{"CutDropsTheRest", "Text.\n\nSimilar articles\nTeaser one\nTeaser two", "Text."},
        CleanCase{"LongParagraphKept",
                  "A reader wrote that the widget said comments powered by Disqus, which is a "
                  "long sentence of real text that goes on well past the length of any furniture "
                  "line, so that naviny must keep it whole and never drop it as site furniture.",
                  "A reader wrote that the widget said comments powered by Disqus, which is a "
                  "long sentence of real text that goes on well past the length of any furniture "
                  "line, so that naviny must keep it whole and never drop it as site furniture."},
        CleanCase{"NothingToDrop", "Just text.", "Just text."}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(BoilerplateRules, BadRuleNamesItsLine) {
  try {
    BoilerplateFilter::parse("line: ok\nDisqus\n", "boilerplate.conf");
    FAIL() << "a rule without line: or cut: was accepted";
  } catch (const BadInputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("boilerplate.conf, line 2"));
  }
  EXPECT_THROW(BoilerplateFilter::parse("cut:   \n", "r"), BadInputError);
}

using SeedBoilerplate = testing::IndexedOnce<testing::seed_corpus>;

TEST_F(SeedBoilerplate, SiteFurnitureIsNotSearchable) {
  for (const char* furniture :
       {"Disqus", "Tekedia", "\"Print Friendly\"", "\"Similar articles\"", "Masterclass"}) {
    EXPECT_THAT(testing::search_ids(db(), furniture), IsEmpty()) << furniture;
  }
  // The text around the furniture is still there.
  EXPECT_THAT(testing::search_ids(db(), "\"early bird\" OR crackdown"),
              ::testing::Contains("001_2f936300b4f84b0e.txt"));
}

TEST(BoilerplateChange, NextIndexRunReindexesEveryArticle) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  testing::write_file(dir / "corpus/a.txt", "Talks\n\nMinsk talks.\nSubscribe to our newsletter\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "newsletter"), ::testing::ElementsAre("a.txt"));
  testing::write_file(dir / "corpus/boilerplate.conf", "line: Subscribe to our newsletter\n");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("updated 1"));
  EXPECT_THAT(testing::search_ids(dir / "db", "newsletter"), IsEmpty());
  EXPECT_THAT(testing::search_ids(dir / "db", "Minsk"), ::testing::ElementsAre("a.txt"));
}

}  // namespace
}  // namespace naviny
