// `naviny index` analyses articles on a worker thread while it writes others (indexer/
// build_worker.h). What a user sees must not change with that: the index holds what one article
// at a time gives (`naviny add` still works that way), and the reports come in corpus order.

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "indexer/corpus_scan.h"
#include "indexer/indexer.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;

// Every document by id. The origin term, which tells `naviny add` articles from corpus ones, is
// left out.
testing::IndexSnapshot snapshot(const fs::path& db_path) {
  return testing::index_snapshot(db_path, "XORIGIN");
}

// Writes generated articles, some of them copies of others (their duplicate group is the
// earlier copy's, so depends on the order of writing), some with a bad date (a warning), and
// some empty (skipped).
void write_corpus(const fs::path& corpus) {
  testing::write_generated_corpus(corpus, 60);
  for (const char* copy_of : {"000003", "000017", "000041"}) {
    fs::copy_file(corpus / (std::string(copy_of) + ".txt"),
                  corpus / ("copy-" + std::string(copy_of) + ".txt"));
  }
  testing::write_file(corpus / "000010.txt", "---\ndate: yesterday\n---\nDated\n\nMinsk potash.\n");
  testing::write_file(corpus / "000033.txt", "");
  testing::write_file(corpus / "000050.txt", "");
}

TEST(IndexPipeline, SameIndexAsOneArticleAtATime) {
  testing::TempDir dir;
  write_corpus(dir / "corpus");
  IndexObserver silent;
  IndexOptions options;
  options.db = dir / "indexed";
  options.corpus = dir / "corpus";
  options.batch_size = 7;
  const IndexSummary indexed = index_corpus(options, silent);
  AddOptions add;
  add.db = dir / "added";
  add.batch_size = 7;
  for (const CorpusFile& file : scan_corpus(dir / "corpus", [](const auto&, const auto&) {})) {
    add.sources.push_back({file.path, file.id});
  }
  const IndexSummary added = add_articles(add, silent);
  EXPECT_EQ(indexed.added, 61u);
  EXPECT_EQ(indexed.skipped, 2u);
  EXPECT_EQ(added.added, indexed.added);
  const auto expected = snapshot(dir / "added");
  const auto actual = snapshot(dir / "indexed");
  ASSERT_EQ(actual.size(), expected.size());
  EXPECT_TRUE(actual == expected);

  // A second run over changed files starts from the groups stored in the index: 000017 becomes
  // a copy of 000041 (and joins its group), 000041 itself another text.
  fs::copy_file(dir / "corpus" / "000041.txt", dir / "corpus" / "000017.txt",
                fs::copy_options::overwrite_existing);
  fs::copy_file(dir / "corpus" / "000005.txt", dir / "corpus" / "000041.txt",
                fs::copy_options::overwrite_existing);
  EXPECT_EQ(index_corpus(options, silent).updated, 2u);
  add.sources = {{dir / "corpus" / "000017.txt", "000017.txt"},
                 {dir / "corpus" / "000041.txt", "000041.txt"}};
  EXPECT_EQ(add_articles(add, silent).updated, 2u);
  const auto updated = snapshot(dir / "indexed");
  EXPECT_TRUE(updated == snapshot(dir / "added"));
  EXPECT_NE(updated.at("Q000017.txt").find("value 5=000041.txt\n"), std::string::npos);
  EXPECT_NE(updated.at("Q000041.txt").find("value 5=000005.txt\n"), std::string::npos);
}

// Records every report as one line.
class Recorder : public IndexObserver {
 public:
  void skipped(const std::string& id, const std::string&) override {
    lines.push_back("skip " + id);
  }
  void warned(const std::string& id, const std::string&) override { lines.push_back("warn " + id); }
  void progress(std::size_t done, std::size_t total) override {
    lines.push_back("done " + std::to_string(done) + "/" + std::to_string(total));
  }
  std::vector<std::string> lines;
};

// What a run over write_corpus's corpus reports, in corpus order: a warning, two skips, and
// progress after each file.
std::vector<std::string> expected_reports(const std::filesystem::path& corpus) {
  std::vector<std::string> expected;
  const auto files = scan_corpus(corpus, [](const auto&, const auto&) {});
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].id == "000010.txt") expected.push_back("warn 000010.txt");
    if (files[i].id == "000033.txt" || files[i].id == "000050.txt") {
      expected.push_back("skip " + files[i].id);
    }
    expected.push_back("done " + std::to_string(i + 1) + "/" + std::to_string(files.size()));
  }
  return expected;
}

std::vector<std::string> without_progress(const std::vector<std::string>& lines) {
  std::vector<std::string> kept;
  for (const std::string& line : lines) {
    if (!line.starts_with("done ")) kept.push_back(line);
  }
  return kept;
}

TEST(IndexPipeline, ReportsComeInCorpusOrder) {
  testing::TempDir dir;
  write_corpus(dir / "corpus");
  Recorder recorder;
  IndexOptions options;
  options.db = dir / "db";
  options.corpus = dir / "corpus";
  options.jobs = 1;
  index_corpus(options, recorder);
  EXPECT_EQ(recorder.lines, expected_reports(dir / "corpus"));
}

// A build in parallel parts reports warnings and skips in corpus order once the parts are done,
// and progress as each part goes.
TEST(IndexPipeline, ParallelBuildReportsComeInCorpusOrder) {
  testing::TempDir dir;
  write_corpus(dir / "corpus");
  Recorder recorder;
  IndexOptions options;
  options.db = dir / "db";
  options.corpus = dir / "corpus";
  options.jobs = 3;
  index_corpus(options, recorder);
  const std::vector<std::string> expected = expected_reports(dir / "corpus");
  EXPECT_EQ(without_progress(recorder.lines), without_progress(expected));
  std::vector<std::string> progress;
  for (const std::string& line : recorder.lines) {
    if (line.starts_with("done ")) progress.push_back(line);
  }
  EXPECT_EQ(progress.size(), expected.size() - without_progress(expected).size());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), expected.back());
}

}  // namespace
}  // namespace naviny
