#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class NearDuplicates : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "corpus");
    testing::write_file(dir_ / "corpus/wire.txt",
                        std::string("Potash exports stop\n\n") + testing::kAgencyText);
    // The same agency text on another site, under another title and with its own furniture.
    testing::write_file(
        dir_ / "corpus/site.txt",
        std::string("Belaruskali halts Klaipeda exports\n\nBy our correspondent.\n") +
            testing::kAgencyText + "\nShare this article.");
    testing::write_file(dir_ / "corpus/other.txt",
                        "Potash prices rise\n\nPotash prices rose for a third month as buyers in "
                        "Brazil and India worried about supply from Belarus, traders said.");
    testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  }
  SearchResults search(bool all_copies) {
    Searcher searcher(dir_ / "db");
    SearchRequest request;
    request.query = "potash";
    request.all_copies = all_copies;
    return searcher.search(request);
  }
  testing::TempDir dir_;
};

TEST_F(NearDuplicates, CopiesShowOnceWithACount) {
  const SearchResults results = search(false);
  std::vector<std::string> ids;
  std::size_t hidden = 0;
  for (const Hit& hit : results.hits) ids.push_back(hit.id), hidden += hit.hidden_copies;
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_THAT(ids, ::testing::Contains("other.txt"));
  EXPECT_EQ(hidden, 1u);
}

TEST_F(NearDuplicates, AllCopiesShowsThemAll) {
  std::vector<std::string> ids;
  for (const Hit& hit : search(true).hits) ids.push_back(hit.id);
  EXPECT_THAT(ids, UnorderedElementsAre("wire.txt", "site.txt", "other.txt"));
}

TEST_F(NearDuplicates, TextOutputSaysHowManyAreHidden) {
  const auto result = testing::run_cli({"search", "--db", (dir_ / "db").string(), "potash"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("and 1 near-duplicate copy (--all-copies shows them)"));
}

}  // namespace
}  // namespace naviny
