#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class SeedCorpus : public testing::IndexedOnce<testing::seed_corpus> {
 protected:
  static std::vector<std::string> ids(const std::string& query) {
    return testing::search_ids(db(), query);
  }
};

TEST_F(SeedCorpus, RegimeChangePhrase) {
  EXPECT_THAT(ids("\"regime change\""),
              UnorderedElementsAre("000_3d34d61c73d3d42b.txt", "003_01530ee491984323.txt"));
}

TEST_F(SeedCorpus, MedvedevOnlyInTheFirstArticle) {
  EXPECT_THAT(ids("Medvedev"), ElementsAre("000_3d34d61c73d3d42b.txt"));
}

TEST_F(SeedCorpus, CyrillicLukashenkoFindsTheArticlesAboutHim) {
  EXPECT_EQ(ids("Лукашенко").size(), ids("Lukashenko").size());
  EXPECT_GE(ids("Лукашэнка").size(), 4u);
}

}  // namespace
}  // namespace naviny
