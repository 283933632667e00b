// `naviny compact` (issue 22): an index that grew by incremental updates is rewritten into less
// space with Xapian's compaction and swapped in whole, while searches go on and writers wait;
// `naviny stats` says whether the index is compacted.

#include "indexer/compaction.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/errors.h"
#include "common/shards.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::run_cli;

int code(ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

constexpr std::size_t kArticles = 150;
const char* const kQueries[] = {"potash", "Minsk sanctions", "\"Belaruskali sells\"", "Kremlin"};

nlohmann::json stats_json(const fs::path& db) {
  const auto result = run_cli({"stats", "--db", db.string(), "--json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

// A generated corpus indexed in batches of 5, then partly revised and indexed again: an index
// that grew by many small commits.
class Compaction : public ::testing::TestWithParam<std::size_t> {
 protected:
  void SetUp() override {
    testing::write_generated_corpus(corpus(), kArticles);
    std::vector<std::string> arguments{"index", "--batch-size", "5", "--db", db().string()};
    if (GetParam() > 1) {
      arguments.insert(arguments.end(), {"--shards", std::to_string(GetParam())});
    }
    arguments.push_back(corpus().string());
    ASSERT_EQ(run_cli(arguments).exit_code, 0);
    for (std::size_t i = 0; i < kArticles; i += 3) {
      char name[32];
      std::snprintf(name, sizeof name, "%06zu.txt", i);
      std::ofstream(corpus() / name, std::ios::app) << "A revised paragraph about grain.\n";
    }
    const auto again =
        run_cli({"index", "--batch-size", "5", "--db", db().string(), corpus().string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
  }
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path db() const { return dir_ / "db"; }
  std::vector<std::vector<std::string>> results() const {
    std::vector<std::vector<std::string>> ids;
    for (const char* query : kQueries) ids.push_back(testing::search_ids(db(), query));
    return ids;
  }

  testing::TempDir dir_;
};

TEST_P(Compaction, ShrinksTheIndexAndKeepsEveryResult) {
  const auto before = results();
  for (const auto& ids : before) ASSERT_FALSE(ids.empty());
  const nlohmann::json stats_before = stats_json(db());
  EXPECT_EQ(stats_before["compacted"], false);
  Searcher open_during(db());  // a reader opened before, still searching after

  const auto compacted = run_cli({"compact", "--db", db().string()});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  EXPECT_THAT(compacted.out, HasSubstr("compacted " + db().string() + ": "));
  EXPECT_THAT(compacted.out, HasSubstr(" before, "));

  const nlohmann::json stats_after = stats_json(db());
  EXPECT_EQ(stats_after["compacted"], true);
  EXPECT_LT(stats_after["size_bytes"].get<std::uint64_t>(),
            stats_before["size_bytes"].get<std::uint64_t>());
  EXPECT_EQ(stats_after["articles"], stats_before["articles"]);
  EXPECT_EQ(stats_after["term_occurrences"], stats_before["term_occurrences"]);
  EXPECT_EQ(stats_after["shards"], GetParam());
  EXPECT_EQ(results(), before);
  EXPECT_EQ(index_shard_count(db()), GetParam());
  EXPECT_FALSE(fs::exists(fs::path(db().string() + ".compact")));
  SearchRequest request;
  request.query = kQueries[0];
  request.limit = 1000;
  std::vector<std::string> reader_ids;
  for (const Hit& hit : open_during.search(request).hits) reader_ids.push_back(hit.id);
  EXPECT_EQ(reader_ids, before[0]);
  EXPECT_THAT(run_cli({"stats", "--db", db().string()}).out,
              HasSubstr("\ncompacted:        yes\n"));

  // A run that changes no article leaves the index as compacted.
  ASSERT_EQ(run_cli({"index", "--db", db().string(), corpus().string()}).exit_code, 0);
  EXPECT_EQ(stats_json(db())["compacted"], true);

  // The next commit of a writer changes the index: it is no longer as compacted.
  testing::write_file(dir_ / "notes" / "convoy.txt", "Tractors\n\nA convoy of tractors.\n");
  ASSERT_EQ(
      run_cli({"add", "--db", db().string(), (dir_ / "notes" / "convoy.txt").string()}).exit_code,
      0);
  EXPECT_EQ(stats_json(db())["compacted"], false);
  EXPECT_THAT(run_cli({"stats", "--db", db().string()}).out,
              HasSubstr("\ncompacted:        no (`naviny compact` rewrites it"));
}

TEST_P(Compaction, LeftoversOfAKilledRunAreCleared) {
  // A run killed before the swap leaves its copy beside the index, which stays as it was.
  const auto before = results();
  fs::create_directories(fs::path(db().string() + ".compact") / "half-written");
  const auto compacted = run_cli({"compact", "--db", db().string()});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  EXPECT_FALSE(fs::exists(fs::path(db().string() + ".compact")));
  EXPECT_EQ(results(), before);
}

TEST_P(Compaction, KilledRunLeavesTheIndexWholeAndTheNextRunCompacts) {
  const auto before = results();
  const fs::path copy = db().string() + ".compact";
  const pid_t compactor = testing::spawn_naviny({"compact", "--db", db().string()});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!fs::exists(copy) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(compactor, SIGKILL);
  EXPECT_EQ(testing::wait_naviny(compactor), -SIGKILL) << "the compaction finished before the kill";
  EXPECT_EQ(results(), before);

  const auto compacted = run_cli({"compact", "--db", db().string()});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  EXPECT_FALSE(fs::exists(copy));
  EXPECT_EQ(results(), before);
  EXPECT_EQ(stats_json(db())["compacted"], true);
}

INSTANTIATE_TEST_SUITE_P(OneDatabaseAndShards, Compaction, ::testing::Values(1, 2),
                         [](const auto& param) { return std::to_string(param.param) + "shards"; });

struct RefusedCompaction {
  std::string name;
  ExitCode code;
  std::string message;
};

TEST(CompactionRefused, MissingOrLockedIndexIsOneLineAndLosesNothing) {
  testing::TempDir dir;
  testing::index_or_fail(testing::mini_corpus(), dir / "db");
  const auto before = testing::search_ids(dir / "db", "Minsk");
  ASSERT_FALSE(before.empty());
  fs::create_directories(dir / "empty");
  const RefusedCompaction cases[] = {
      {"nowhere", ExitCode::not_found,
       "no index at '" + (dir / "nowhere").string() + "'; run `naviny index --db"},
      {"empty", ExitCode::not_found, "no index at '" + (dir / "empty").string() + "'"},
      {"db", ExitCode::locked,
       "the index at '" + (dir / "db").string() + "' is being updated by another naviny process"},
  };
  // Another writer holds the index's lock.
  Xapian::WritableDatabase writer((dir / "db").string(), Xapian::DB_OPEN);
  for (const RefusedCompaction& refused : cases) {
    const auto result = run_cli({"compact", "--db", (dir / refused.name).string()});
    EXPECT_EQ(result.exit_code, code(refused.code)) << refused.name << ": " << result.err;
    EXPECT_THAT(result.err, HasSubstr(refused.message));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(result.out.empty());
  }
  EXPECT_FALSE(fs::exists(dir / "nowhere"));
  EXPECT_FALSE(fs::exists(dir / "db.compact"));
  writer.close();
  EXPECT_EQ(testing::search_ids(dir / "db", "Minsk"), before);
}

}  // namespace
}  // namespace naviny
