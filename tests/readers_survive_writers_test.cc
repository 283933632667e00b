// Searches keep working while `naviny index` updates or rebuilds the index they read: a reader
// that falls behind a writer's commits reopens the index and runs its query again.

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <thread>

#include "common/errors.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using Clock = std::chrono::steady_clock;

struct ReaderReport {
  std::size_t searches = 0;
  std::size_t empty_results = 0;
  std::vector<std::string> errors;
};

// Searches `query` in a loop until told to stop: mostly with one long-lived Searcher (as a
// server would), and every tenth time with a fresh one (as each `naviny search` process does).
ReaderReport search_until(const std::filesystem::path& db, const std::string& query,
                          const std::atomic<bool>& stop) {
  ReaderReport report;
  SearchRequest request;
  request.query = query;
  request.limit = 5;
  std::optional<Searcher> long_lived;
  while (!stop.load()) {
    try {
      if (!long_lived) long_lived.emplace(db);
      const SearchResults results =
          report.searches % 10 == 9 ? Searcher(db).search(request) : long_lived->search(request);
      if (results.hits.empty()) ++report.empty_results;
    } catch (const std::exception& e) {
      if (report.errors.size() < 5) report.errors.push_back(e.what());
      long_lived.reset();
    } catch (const Xapian::Error& e) {  // not a std::exception
      if (report.errors.size() < 5) report.errors.push_back(e.get_description());
      long_lived.reset();
    }
    ++report.searches;
  }
  return report;
}

TEST(ReadersSurviveWriters, SearchesNeverFailNorComeBackEmptyDuringIndexAndRebuild) {
  testing::TempDir dir;
  const auto corpus = dir / "corpus";
  const std::string db = (dir / "db").string();
  testing::write_generated_corpus(corpus, 200);
  ASSERT_EQ(testing::run_naviny({"index", "--quiet", "--db", db, corpus.string()}), 0);

  std::atomic<bool> stop{false};
  ReaderReport report;
  std::thread reader([&] { report = search_until(db, "potash", stop); });

  // Small batches: many commits, so the reader's revision goes stale again and again. The
  // long-lived reader first sees incremental runs in the folder it opened, then rebuilds.
  const auto started = Clock::now();
  testing::revise_and_reindex(corpus, db, 200);
  const auto writing = Clock::now() - started;
  stop = true;
  reader.join();

  for (const std::string& error : report.errors) ADD_FAILURE() << "search failed: " << error;
  EXPECT_EQ(report.empty_results, 0u) << "of " << report.searches << " searches";
  EXPECT_GT(report.searches, 20u) << "the reader hardly ran while the index changed";
  RecordProperty("searches", static_cast<int>(report.searches));
  RecordProperty(
      "writing_ms",
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(writing).count()));
}

TEST(ReadersSurviveWriters, LongLivedSearcherSeesUpdatesAndRebuilds) {
  testing::TempDir dir;
  const auto corpus = dir / "corpus";
  const std::string db = (dir / "db").string();
  testing::write_file(corpus / "a.txt", "Alpha\n\nabout potash\n");
  ASSERT_EQ(testing::run_naviny({"index", "--db", db, corpus.string()}), 0);
  Searcher searcher(db);
  SearchRequest request;
  request.query = "tractors";

  testing::write_file(corpus / "b.txt", "Beta\n\nabout tractors\n");
  ASSERT_EQ(testing::run_naviny({"index", "--db", db, corpus.string()}), 0);
  EXPECT_EQ(searcher.search(request).hits.size(), 1u) << "after an incremental run";

  testing::write_file(corpus / "c.txt", "Gamma\n\nmore tractors\n");
  ASSERT_EQ(testing::run_naviny({"index", "--rebuild", "--db", db, corpus.string()}), 0);
  EXPECT_EQ(searcher.search(request).hits.size(), 2u) << "after a rebuild";
  EXPECT_EQ(searcher.stats().articles, 3u);
}

}  // namespace
}  // namespace naviny
