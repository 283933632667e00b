// A `naviny index` run killed at any moment (SIGKILL: no destructor, no flush) leaves an index
// that passes xapian-check, opens, and holds only whole articles, each exactly as an
// uninterrupted run indexes it; the next run completes it and ends with the same index.

#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <thread>

#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kArticles = 300;
// Small batches: a commit every 10 articles, so a kill lands between or inside commits.
const std::string kBatchSize = "10";

using Snapshot = testing::IndexSnapshot;

Snapshot snapshot(const fs::path& db_path) {
  return testing::index_snapshot(db_path);
}

// Articles in `db` (0 if it cannot be opened yet); polls cheaply while a writer runs.
std::size_t article_count(const fs::path& db) {
  try {
    return Xapian::Database(db.string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

bool xapian_check_passes(const fs::path& db) {
  const std::string command = "xapian-check '" + db.string() + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

// Checks what a killed run left behind: a sound index whose every article is whole.
void expect_sound_and_whole(const fs::path& db, const Snapshot& reference,
                            const std::string& when) {
  if (!fs::exists(db)) return;  // killed before it created the folder
  EXPECT_TRUE(xapian_check_passes(db)) << "xapian-check fails " << when;
  const Snapshot partial = snapshot(db);
  for (const auto& [id, contents] : partial) {
    const auto expected = reference.find(id);
    ASSERT_NE(expected, reference.end()) << id << " " << when;
    EXPECT_EQ(contents, expected->second) << id << " is not whole " << when;
  }
}

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_generated_corpus(corpus(), kArticles);
    ASSERT_EQ(testing::run_naviny({"index", "--db", reference_db().string(), corpus().string()}),
              0);
    reference_ = snapshot(reference_db());
    ASSERT_EQ(reference_.size(), kArticles);
  }
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path reference_db() const { return dir_ / "reference-db"; }
  // Runs to be killed commit in small batches; the others in the default ones, to save time.
  // One job writes into the index as it goes; more build a new index in parts beside it.
  std::vector<std::string> index_arguments(const fs::path& db, bool rebuild = false,
                                           bool small_batches = true,
                                           const std::string& jobs = "1") const {
    std::vector<std::string> arguments{"index", "--quiet", "--db", db.string(), "--jobs", jobs};
    if (small_batches) arguments.insert(arguments.end(), {"--batch-size", kBatchSize});
    if (rebuild) arguments.push_back("--rebuild");
    arguments.push_back(corpus().string());
    return arguments;
  }

  testing::TempDir dir_;
  Snapshot reference_;
};

TEST_F(CrashSafety, KilledRunsLeaveWholeArticlesAndTheNextRunCompletesTheIndex) {
  const fs::path db = dir_ / "db";
  // First kills at fixed early times (creating the index, the first batch), then kills soon
  // after a reader sees a number of articles committed.
  for (const int milliseconds : {2, 15, 40}) {
    const pid_t writer = testing::spawn_naviny(index_arguments(db));
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
    kill(writer, SIGKILL);
    testing::wait_naviny(writer);
    expect_sound_and_whole(db, reference_,
                           "after a kill at " + std::to_string(milliseconds) + " ms");
  }
  std::size_t killed_midway = 0;
  const std::pair<std::size_t, int> kill_points[] = {{50, 0}, {150, 3}, {250, 7}};
  for (const auto& [seen, then_milliseconds] : kill_points) {
    const pid_t writer = testing::spawn_naviny(index_arguments(db));
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (article_count(db) < seen && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    // A few milliseconds later the writer is inside its next batch or commit.
    std::this_thread::sleep_for(std::chrono::milliseconds(then_milliseconds));
    kill(writer, SIGKILL);
    const int status = testing::wait_naviny(writer);
    const std::string when = "after a kill with " + std::to_string(seen) + " articles seen";
    expect_sound_and_whole(db, reference_, when);
    const std::size_t left = article_count(db);
    EXPECT_GE(left, seen) << "committed articles lost " << when;
    if (status == -SIGKILL && left < kArticles) ++killed_midway;
    RecordProperty("left_after_kill_at_" + std::to_string(seen), static_cast<int>(left));
  }
  EXPECT_GE(killed_midway, 2u) << "the runs finished before they could be killed";

  const fs::path output = dir_ / "final-run.txt";
  ASSERT_EQ(testing::run_naviny(index_arguments(db, false, /*small_batches=*/false), output), 0);
  EXPECT_TRUE(xapian_check_passes(db));
  EXPECT_EQ(snapshot(db), reference_);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 4)
      << "left staging folders behind: expected corpus, db, reference-db, final-run.txt";
}

// Waits until `path` exists (or 20 seconds passed), then `then_milliseconds` more.
void wait_for(const fs::path& path, int then_milliseconds) {
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (!fs::exists(path) && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(then_milliseconds));
}

fs::path beside(const fs::path& db, const std::string& suffix) {
  fs::path path = db;
  path += suffix;
  return path;
}

// A new index built in parallel parts appears whole or not at all: the parts and their merge
// are made beside the (empty) index and swapped in at the end.
TEST_F(CrashSafety, KilledParallelBuildLeavesNoPartialIndexAndTheNextRunCompletesIt) {
  const fs::path db = dir_ / "db";
  std::size_t killed_midway = 0;
  for (const int milliseconds : {0, 20, 60, 150}) {
    const pid_t writer = testing::spawn_naviny(index_arguments(db, false, true, "2"));
    wait_for(beside(db, ".parts"), milliseconds);
    kill(writer, SIGKILL);
    const int status = testing::wait_naviny(writer);
    const std::string when = "after a kill " + std::to_string(milliseconds) + " ms into the parts";
    expect_sound_and_whole(db, reference_, when);
    const std::size_t left = article_count(db);
    EXPECT_TRUE(left == 0 || left == kArticles) << left << " articles " << when;
    if (status == -SIGKILL && left == 0) ++killed_midway;
  }
  EXPECT_GE(killed_midway, 2u) << "the builds finished before they could be killed";

  ASSERT_EQ(testing::run_naviny(index_arguments(db, false, false, "2")), 0);
  EXPECT_TRUE(xapian_check_passes(db));
  EXPECT_EQ(snapshot(db), reference_);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 3)
      << "left parts behind: expected corpus, db, reference-db";
}

TEST_F(CrashSafety, KilledParallelRebuildLeavesTheLiveIndexAndTheNextRebuildCleansUp) {
  const fs::path db = dir_ / "db";
  testing::copy_folder(reference_db(), db);
  const pid_t writer = testing::spawn_naviny(index_arguments(db, true, true, "2"));
  wait_for(beside(db, ".parts"), 30);
  kill(writer, SIGKILL);
  EXPECT_EQ(testing::wait_naviny(writer), -SIGKILL) << "the rebuild finished before the kill";
  EXPECT_TRUE(xapian_check_passes(db));
  EXPECT_EQ(snapshot(db), reference_) << "the live index changed";

  ASSERT_EQ(testing::run_naviny(index_arguments(db, true, false, "2")), 0);
  EXPECT_FALSE(fs::exists(beside(db, ".parts")));
  EXPECT_FALSE(fs::exists(beside(db, ".rebuild")));
  EXPECT_TRUE(xapian_check_passes(db));
  EXPECT_EQ(snapshot(db), reference_);
}

TEST_F(CrashSafety, KilledRebuildLeavesTheLiveIndexAndTheNextRebuildCleansUp) {
  const fs::path db = dir_ / "db";
  testing::copy_folder(reference_db(), db);
  fs::path leftover = db;
  leftover += ".rebuild";
  const pid_t writer = testing::spawn_naviny(index_arguments(db, /*rebuild=*/true));
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (article_count(leftover) < 100 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(writer, SIGKILL);
  EXPECT_EQ(testing::wait_naviny(writer), -SIGKILL) << "the rebuild finished before the kill";
  EXPECT_TRUE(xapian_check_passes(db));
  EXPECT_EQ(snapshot(db), reference_) << "the live index changed";

  ASSERT_EQ(testing::run_naviny(index_arguments(db, /*rebuild=*/true, /*small_batches=*/false)), 0);
  EXPECT_FALSE(fs::exists(leftover));
  EXPECT_EQ(snapshot(db), reference_);
}

}  // namespace
}  // namespace naviny
