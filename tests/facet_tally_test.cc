// A facet search tallies every match apart from the page's own search (searcher/article_table.h):
// its facets, counts, page and near-duplicate copies must be what a count of the matching articles
// one by one, and the same search without facets, show.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;

// The seed articles (tagged with the bundled gazetteer), two of them copied under other names: a
// near-duplicate group of five articles and one of two; in one database, or in 3 shards (a match
// spy sees each shard's own document ids; the indexer groups copies within a shard, and of five
// copies at least two share one).
class FacetTally : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    testing::copy_folder(testing::seed_corpus(), corpus());
    fs::remove(corpus() / "README.md");
    std::vector<fs::path> articles;
    for (const auto& entry : fs::directory_iterator(corpus())) {
      if (entry.path().extension() == ".txt") articles.push_back(entry.path());
    }
    std::sort(articles.begin(), articles.end());
    ASSERT_GE(articles.size(), 2u);
    for (const char* copy : {"copy-a1.txt", "copy-a2.txt", "copy-a3.txt", "copy-a4.txt"}) {
      fs::copy_file(articles[0], corpus() / copy);
    }
    fs::copy_file(articles[1], corpus() / "copy-b1.txt");
    std::vector<std::string> arguments{"index", "--db", db().string(), corpus().string()};
    if (GetParam() > 1) {
      arguments.insert(arguments.end() - 1, {"--shards", std::to_string(GetParam())});
    }
    const auto indexed = testing::run_cli(arguments);
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  fs::path corpus() const { return dir_.path() / "corpus"; }
  fs::path db() const { return dir_.path() / "db"; }

  testing::TempDir dir_;
};

struct Case {
  std::string query;
  std::size_t offset = 0;
  SortOrder sort = SortOrder::relevance;
};

const std::vector<Case> kCases = {
    {"sanctions"},
    {"Belarus Russia"},
    {"person:Putin"},
    {"Lukashenko OR Putin", 1},
    {"Belarus", 0, SortOrder::date_newest},
};

// Entity id -> the matching articles (every copy) whose stored entities name it, of the three
// facet types.
std::map<std::string, std::size_t> counted_one_by_one(Searcher& searcher, const Case& query) {
  SearchRequest request;
  request.query = query.query;
  request.all_copies = true;
  request.limit = 1000;
  request.snippets = false;
  request.count_bound = kCountEveryMatch;
  std::map<std::string, std::size_t> counts;
  for (const Hit& hit : searcher.search(request).hits) {
    for (const EntityRef& entity : hit.entities) {
      if (entity.type == "person" || entity.type == "org" || entity.type == "place") {
        ++counts[entity.id];
      }
    }
  }
  return counts;
}

SearchRequest page_request(const Case& query, std::size_t facets, bool all_copies) {
  SearchRequest request;
  request.query = query.query;
  request.offset = query.offset;
  request.sort = query.sort;
  request.limit = 6;
  request.facets = facets;
  request.all_copies = all_copies;
  request.count_bound = kCountEveryMatch;
  return request;
}

std::map<std::string, std::size_t> facet_counts(const SearchResults& results) {
  std::map<std::string, std::size_t> counts;
  for (const auto& [type, entities] : results.facets) {
    for (const EntityRef& entity : entities) counts[entity.id] = entity.count;
  }
  return counts;
}

void expect_same_page(const SearchResults& expected, const SearchResults& actual,
                      const std::string& query) {
  EXPECT_EQ(expected.counts->articles, actual.counts->articles) << query;
  EXPECT_EQ(expected.counts->stories, actual.counts->stories) << query;
  ASSERT_EQ(expected.hits.size(), actual.hits.size()) << query;
  for (std::size_t i = 0; i < expected.hits.size(); ++i) {
    EXPECT_EQ(expected.hits[i].id, actual.hits[i].id) << query << " rank " << i + 1;
    EXPECT_EQ(expected.hits[i].score, actual.hits[i].score) << query << " rank " << i + 1;
    EXPECT_EQ(expected.hits[i].hidden_copies, actual.hits[i].hidden_copies) << query;
    EXPECT_EQ(expected.hits[i].copy_ids, actual.hits[i].copy_ids) << query;
    EXPECT_EQ(expected.hits[i].snippet.text, actual.hits[i].snippet.text) << query;
  }
}

TEST_P(FacetTally, FacetCountsEqualACountOfTheMatchingArticles) {
  Searcher searcher(db());
  for (const Case& query : kCases) {
    for (const bool all_copies : {false, true}) {
      const auto expected = counted_one_by_one(searcher, query);
      EXPECT_FALSE(expected.empty()) << query.query << ": a useless comparison";
      EXPECT_EQ(facet_counts(searcher.search(page_request(query, 1000, all_copies))), expected)
          << query.query << (all_copies ? " (all copies)" : "");
    }
  }
}

TEST_P(FacetTally, FacetsLeaveCountsPageAndCopiesAsWithout) {
  Searcher searcher(db());
  std::size_t copies_shown = 0;
  for (const Case& query : kCases) {
    for (const bool all_copies : {false, true}) {
      const SearchResults without = searcher.search(page_request(query, 0, all_copies));
      const SearchResults with = searcher.search(page_request(query, 5, all_copies));
      expect_same_page(without, with, query.query);
      for (const Hit& hit : with.hits) copies_shown += hit.hidden_copies;
    }
  }
  EXPECT_GT(copies_shown, 0u) << "no near-duplicate on any page: a useless comparison";
}

// A Searcher that stays open (naviny serve) counts an article added after its first facet search.
TEST_P(FacetTally, CountsFollowAnArticleAddedWhileOpen) {
  Searcher searcher(db());
  const Case belarus{"Belarus"};
  const auto before = facet_counts(searcher.search(page_request(belarus, 1000, true)));
  fs::copy_file(corpus() / "copy-b1.txt", dir_.path() / "copy-b2.txt");
  const auto added =
      testing::run_cli({"add", "--db", db().string(), (dir_.path() / "copy-b2.txt").string()});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const auto after = facet_counts(searcher.search(page_request(belarus, 1000, true)));
  EXPECT_EQ(after, counted_one_by_one(searcher, belarus));
  EXPECT_NE(after, before);
}

INSTANTIATE_TEST_SUITE_P(OneDatabaseAndShards, FacetTally, ::testing::Values(1, 3),
                         [](const auto& shards) {
                           return std::to_string(shards.param) + "shards";
                         });

}  // namespace
}  // namespace naviny
