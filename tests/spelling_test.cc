#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

class DidYouMean : public testing::IndexedOnce<testing::seed_corpus> {
 protected:
  static SearchResults search(const std::string& query, bool auto_correct = false) {
    Searcher searcher(db());
    SearchRequest request;
    request.query = query;
    request.snippets = false;
    request.auto_correct = auto_correct;
    return searcher.search(request);
  }
};

struct SuggestionCase {
  const char* name;
  const char* query;
  const char* suggestion;
};

class Suggestions : public DidYouMean, public ::testing::WithParamInterface<SuggestionCase> {};

TEST_P(Suggestions, FromTheIndexVocabulary) {
  EXPECT_EQ(search(GetParam().query).suggestion, GetParam().suggestion);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Suggestions,
    ::testing::Values(SuggestionCase{"LatinName", "Lukashenkp", "Lukashenko"},
                      SuggestionCase{"CommonWord", "sanctoins", "sanctions"},
                      // A misspelt Cyrillic name, corrected to the spelling the corpus uses.
                      SuggestionCase{"CyrillicToLatin", "Лукашенкп", "Lukashenko"},
                      SuggestionCase{"OnlyTheMisspeltWord", "Putin sanctoins", "Putin sanctions"},
                      SuggestionCase{"NothingWrong", "sanctions", ""},
                      SuggestionCase{"VariantSpellingIsNotAnError", "Лукашэнка", ""}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST_F(DidYouMean, AutoCorrectSearchesTheSuggestion) {
  const SearchResults results = search("sanctoins", true);
  EXPECT_EQ(results.query, "sanctions");
  EXPECT_EQ(results.corrected_from, "sanctoins");
  EXPECT_FALSE(results.hits.empty());
  EXPECT_THAT(search("sanctoins").hits, IsEmpty());
}

TEST_F(DidYouMean, TextAndJsonShowTheSuggestion) {
  const auto text = testing::run_cli({"search", "--db", db().string(), "sanctoins"});
  EXPECT_THAT(text.out, HasSubstr("did you mean: sanctions"));
  const auto json = testing::run_cli({"search", "--db", db().string(), "--json", "sanctoins"});
  EXPECT_THAT(json.out, HasSubstr("\"suggestion\": \"sanctions\""));
}

// Spelling counts are written with each batch's commit: they must add up over batches, since
// among equally close words the suggestion is the most frequent one (Xapian 1.4 has no way to
// read a word's count back). Counted per batch only, "marlow" would have 2 against 3.
TEST(BatchedSpelling, FrequenciesAddUpAcrossBatches) {
  testing::TempDir dir;
  // "marlow" once in each of four articles, so in two batches of two; "barlow" three times in one.
  for (int i = 0; i < 4; ++i) {
    testing::write_file(dir / "corpus" / ("m" + std::to_string(i) + ".txt"),
                        "Report " + std::to_string(i) + "\n\nThe marlow question again.\n");
  }
  testing::write_file(dir / "corpus" / "z.txt", "Other\n\nbarlow barlow barlow.\n");
  const auto indexed = testing::run_cli({"index", "--quiet", "--batch-size", "2", "--db",
                                         (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  Searcher searcher(dir / "db");
  SearchRequest request;
  request.query = "carlow";
  request.snippets = false;
  EXPECT_EQ(searcher.search(request).suggestion, "marlow");
}

}  // namespace
}  // namespace naviny
