// `naviny add` and `naviny remove`: single articles in and out of an index, and how they live
// alongside `naviny index` runs over a corpus folder.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "common/errors.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::run_cli;

int code(ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

class AddRemove : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_folder(testing::mini_corpus(), corpus());
    testing::index_or_fail(corpus(), db());
  }
  std::filesystem::path corpus() const { return dir_ / "corpus"; }
  std::string db() const { return (dir_ / "db").string(); }
  std::vector<std::string> ids(const std::string& query) const {
    auto found = testing::search_ids(db(), query);
    std::sort(found.begin(), found.end());
    return found;
  }
  // Writes an article outside the corpus folder, as a user would before `naviny add`.
  std::string outside_article(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path path = dir_ / "elsewhere" / name;
    testing::write_file(path, bytes);
    return path.string();
  }
  testing::CliResult index_corpus(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> arguments{"index", "--db", db()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    arguments.push_back(corpus().string());
    return run_cli(arguments);
  }

  testing::TempDir dir_;
};

constexpr const char* kTractors =
    "Tractors in Minsk\n\nA convoy of tractors drove through Minsk.\n";

TEST_F(AddRemove, AddedArticleIsFoundUnderItsFileName) {
  const auto result = run_cli({"add", "--db", db(), outside_article("convoy.txt", kTractors)});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("added 1, updated 0, unchanged 0, skipped 0; 9 articles"));
  EXPECT_THAT(ids("tractors"), ElementsAre("convoy.txt"));
}

TEST_F(AddRemove, StandardInputIsAddedUnderTheGivenId) {
  const auto result = run_cli({"add", "--db", db(), "--id", "wire/zubr.txt", "-"},
                              "Bison\n\nA zubr herd grazes.\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(ids("zubr"), ElementsAre("wire/zubr.txt"));
}

TEST_F(AddRemove, StandardInputWithoutAnIdIsAUsageErrorAndCreatesNothing) {
  const std::string fresh = (dir_ / "fresh-db").string();
  const auto result = run_cli({"add", "--db", fresh, "-"}, "Bison\n\nzubr\n");
  EXPECT_EQ(result.exit_code, code(ExitCode::usage));
  EXPECT_THAT(result.err, HasSubstr("give its id with --id ID"));
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

TEST_F(AddRemove, OneIdForSeveralFilesIsAUsageError) {
  const auto result =
      run_cli({"add", "--db", db(), "--id", "x.txt", outside_article("a.txt", kTractors),
               outside_article("b.txt", kTractors)});
  EXPECT_EQ(result.exit_code, code(ExitCode::usage));
  EXPECT_THAT(result.err, HasSubstr("--id names one article, but 2 files were given"));
  EXPECT_TRUE(ids("tractors").empty());
}

TEST_F(AddRemove, AddingAgainReplacesTheArticle) {
  run_cli({"add", "--db", db(), "--id", "note.txt", "-"}, "Note\n\nabout potash\n");
  const auto again = run_cli({"add", "--db", db(), "--id", "note.txt", "-"}, kTractors);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("added 0, updated 1, unchanged 0, skipped 0; 9 articles"));
  EXPECT_THAT(ids("tractors"), ElementsAre("note.txt"));
  EXPECT_THAT(ids("potash"), ElementsAre("potash.txt", "sanctions.txt")) << "not note.txt";
}

TEST_F(AddRemove, BadFilesAreReportedAndTheOthersStillAdded) {
  const auto result =
      run_cli({"add", "--db", db(), outside_article("good.txt", kTractors),
               (dir_ / "missing.txt").string(), outside_article("empty.txt", "  \n")});
  EXPECT_EQ(result.exit_code, code(ExitCode::bad_input));
  EXPECT_THAT(result.err, HasSubstr("missing.txt: does not exist; check the path"));
  EXPECT_THAT(result.err, HasSubstr("empty.txt: the file is empty"));
  EXPECT_THAT(result.out, HasSubstr("added 1, updated 0, unchanged 0, skipped 2"));
  EXPECT_THAT(ids("tractors"), ElementsAre("good.txt"));
}

TEST_F(AddRemove, IndexAndRebuildKeepAddedArticles) {
  ASSERT_EQ(run_cli({"add", "--db", db(), outside_article("convoy.txt", kTractors)}).exit_code, 0);
  const auto rerun = index_corpus();
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_THAT(rerun.out, HasSubstr("removed 0, unchanged 8, skipped 0; 9 articles"));
  EXPECT_THAT(ids("tractors"), ElementsAre("convoy.txt"));

  const auto rebuilt = index_corpus({"--rebuild"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_THAT(rebuilt.out, HasSubstr("added 9, updated 0, removed 0, unchanged 0, skipped 0"));
  EXPECT_THAT(ids("tractors"), ElementsAre("convoy.txt"));
  EXPECT_THAT(ids("convoy"), ElementsAre("convoy.txt")) << "body text carried over";
}

TEST_F(AddRemove, CorpusFileOfTheSameIdWins) {
  run_cli({"add", "--db", db(), "--id", "potash.txt", "-"}, kTractors);
  EXPECT_THAT(ids("tractors"), ElementsAre("potash.txt"));
  const auto rerun = index_corpus();
  EXPECT_THAT(rerun.out, HasSubstr("added 0, updated 1, removed 0, unchanged 7"));
  EXPECT_TRUE(ids("tractors").empty());
  EXPECT_THAT(ids("Belaruskali"), ElementsAre("potash.txt"));
  // It is a corpus article again, so it goes when its file goes.
  std::filesystem::remove(corpus() / "potash.txt");
  EXPECT_THAT(index_corpus().out, HasSubstr("removed 1"));
  EXPECT_TRUE(ids("Belaruskali").empty());
}

TEST_F(AddRemove, RemoveDeletesKnownIdsAndReportsUnknownOnes) {
  ASSERT_EQ(run_cli({"add", "--db", db(), outside_article("convoy.txt", kTractors)}).exit_code, 0);
  const auto result = run_cli({"remove", "--db", db(), "potash.txt", "nosuch.txt", "convoy.txt"});
  EXPECT_EQ(result.exit_code, code(ExitCode::not_found));
  EXPECT_THAT(result.err, HasSubstr("no article with id 'nosuch.txt' in the index"));
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("removed 2 from"));
  EXPECT_THAT(result.out, HasSubstr("; 7 articles in the index"));
  EXPECT_TRUE(ids("Belaruskali").empty());
  EXPECT_TRUE(ids("tractors").empty());
  EXPECT_THAT(ids("sanctions"), ::testing::Contains("sanctions.txt"));
}

TEST_F(AddRemove, RemovedCorpusArticleComesBackWhileItsFileIsThere) {
  ASSERT_EQ(run_cli({"remove", "--db", db(), "potash.txt"}).exit_code, 0);
  EXPECT_THAT(index_corpus().out, HasSubstr("added 1, updated 0, removed 0, unchanged 7"));
  EXPECT_THAT(ids("Belaruskali"), ElementsAre("potash.txt"));
}

TEST(AddRemoveErrors, RemoveWithoutAnIndexCreatesNone) {
  testing::TempDir dir;
  const auto result = run_cli({"remove", "--db", (dir / "none").string(), "a.txt"});
  EXPECT_EQ(result.exit_code, code(ExitCode::not_found));
  EXPECT_THAT(result.err, HasSubstr("no index at"));
  EXPECT_FALSE(std::filesystem::exists(dir / "none"));
}

TEST(AddRemoveErrors, AddCreatesAnIndexWhenThereIsNone) {
  testing::TempDir dir;
  testing::write_file(dir / "a.txt", kTractors);
  const auto result = run_cli({"add", "--db", (dir / "db").string(), (dir / "a.txt").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(testing::search_ids(dir / "db", "tractors"), ElementsAre("a.txt"));
}

}  // namespace
}  // namespace naviny
