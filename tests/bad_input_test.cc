// Bad input, one case per test: each is reported in one line that says what happened and what to
// do, and the rest of the corpus is still indexed. These run as root in CI, so every case is one
// that fails for root too (root reads files of any permission), except where a test says so.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "common/errors.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

int code(ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

// A corpus folder with one good article, to which each test adds one bad case.
class BadCorpus : public ::testing::Test {
 protected:
  void SetUp() override { testing::write_file(corpus() / "good.txt", "Good\n\npotash exports\n"); }
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path db() const { return dir_ / "db"; }
  testing::CliResult index() const {
    return testing::run_cli({"index", "--db", db().string(), corpus().string()});
  }
  // Runs `naviny index`, expects it to skip `id` with a message containing `reason`, and the
  // good article to be indexed.
  void expect_skipped(const std::string& id, const std::string& reason) const {
    const testing::CliResult result = index();
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("naviny: skipped " + id + ": " + reason));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_THAT(result.out, HasSubstr("added 1, updated 0, removed 0, unchanged 0, skipped 1"));
    EXPECT_THAT(testing::search_ids(db(), "potash"), ElementsAre("good.txt"));
  }

  testing::TempDir dir_;
};

TEST_F(BadCorpus, FrontMatterWithoutTitleOrText) {
  testing::write_file(corpus() / "front.txt", "---\nsource: Wire\ndate: 2021-01-02\n---\n\n");
  expect_skipped("front.txt",
                 "has front matter but no title and no text; add a `title:` line or the "
                 "article's text");
}

TEST_F(BadCorpus, OnlyWhitespace) {
  testing::write_file(corpus() / "blank.txt", " \n\t\n\r\n");
  expect_skipped("blank.txt",
                 "the file is empty (or only blank); write the article into it or remove it");
}

TEST_F(BadCorpus, NamedPipeIsNotOpened) {
  // Opening a FIFO for reading would block until a writer comes: the scan must not open it.
  ASSERT_EQ(mkfifo((corpus() / "pipe.txt").c_str(), 0644), 0);
  expect_skipped("pipe.txt", "is not a regular file (a named pipe, socket or device)");
}

TEST_F(BadCorpus, SymlinkLoops) {
  fs::create_symlink("loop.txt", corpus() / "loop.txt");
  fs::create_directories(corpus() / "sub");
  fs::create_directory_symlink("..", corpus() / "sub/up");  // not followed: no endless walk
  expect_skipped("loop.txt",
                 "is a symbolic link that leads to no file (Too many levels of "
                 "symbolic links); fix the link or remove it");
}

TEST_F(BadCorpus, DanglingSymlink) {
  fs::create_symlink("moved-away.txt", corpus() / "dangling.txt");
  expect_skipped("dangling.txt", "is a symbolic link that leads to no file");
}

TEST_F(BadCorpus, UnreadablePermissions) {
  if (geteuid() == 0) {
    GTEST_SKIP() << "running as root, which reads files whatever their permissions";
  }
  testing::write_file(corpus() / "secret.txt", "Secret\n\ntext\n");
  fs::permissions(corpus() / "secret.txt", fs::perms::none);
  expect_skipped("secret.txt", "cannot be read (Permission denied); check its permissions");
}

TEST_F(BadCorpus, HugeFileIsTruncatedAndReadOnlyUpToTheLimit) {
  // Indexing the first 8 MiB takes some 50 MB at peak (the text, its cleaned copy and the stored
  // document): the file must be well past that for the peak to tell a truncated read from a whole
  // one. At 50 MB it did not, and the test failed under load (peak 52 MB above the run without).
  constexpr std::size_t kFileBytes = 160'000'000;
  {
    std::ofstream out(corpus() / "huge.txt", std::ios::binary);
    out << "Huge report\n\nopening words\n";
    const std::string line = std::string(1000, ' ') + "filler\n";
    std::size_t written = 0;
    for (; written < 9 * 1024 * 1024; written += line.size()) out << line;
    out << "beyond the limit: zubrovka\n";
    for (; written < kFileBytes; written += line.size()) out << line;
  }
  ASSERT_GE(fs::file_size(corpus() / "huge.txt"), kFileBytes);

  // Peak memory of a run with the huge file, against a run without it.
  const auto peak_kib = [&](const fs::path& folder, const fs::path& index_db) {
    struct rusage usage {};
    const pid_t pid = testing::spawn_naviny({"index", "--db", index_db.string(), folder.string()},
                                            dir_ / "output.txt");
    EXPECT_EQ(testing::wait_naviny(pid, &usage), 0);
    return static_cast<std::size_t>(usage.ru_maxrss);
  };
  testing::write_file(dir_ / "small/good.txt", "Good\n\npotash exports\n");
  [[maybe_unused]] const std::size_t without = peak_kib(dir_ / "small", dir_ / "small-db");
  [[maybe_unused]] const std::size_t with = peak_kib(corpus(), db());

  std::ifstream output(dir_ / "output.txt");
  const std::string printed((std::istreambuf_iterator<char>(output)), {});
  EXPECT_THAT(printed, HasSubstr("naviny: warning: huge.txt: larger than 8 MiB; only the first 8 "
                                 "MiB are indexed"));
  EXPECT_THAT(printed, HasSubstr("added 2, updated 0, removed 0, unchanged 0, skipped 0"));
  EXPECT_THAT(testing::search_ids(db(), "opening"), ElementsAre("huge.txt"));
  EXPECT_TRUE(testing::search_ids(db(), "zubrovka").empty()) << "indexed past 8 MiB";
#ifndef __SANITIZE_ADDRESS__  // AddressSanitizer keeps freed memory in quarantine: no measure
  // Reading the whole file would take at least its size.
  EXPECT_LT((with - without) * 1024, kFileBytes)
      << "peak memory " << with << " KiB against " << without << " KiB without the file";
#endif
}

TEST(BadPlaces, MissingCorpusFolderSaysWhatToGive) {
  testing::TempDir dir;
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "nowhere").string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::not_found));
  EXPECT_EQ(result.err, "naviny: no corpus folder at '" + (dir / "nowhere").string() +
                            "'; give the folder that holds your article files\n");
}

TEST(BadPlaces, IndexFolderUnderARegularFile) {
  // chmod does not stop root from writing; a path through a regular file stops everyone.
  testing::TempDir dir;
  testing::write_file(dir / "corpus/a.txt", "A\n\npotash\n");
  testing::write_file(dir / "plain-file", "not a folder");
  const std::string db = (dir / "plain-file/db").string();
  const auto result = testing::run_cli({"index", "--db", db, (dir / "corpus").string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::failure));
  EXPECT_EQ(result.err, "naviny: cannot create the index folder '" + db +
                            "' (Not a directory); check that the path names a folder you can "
                            "write to\n");
}

TEST(BadPlaces, IndexFolderThatIsAFile) {
  testing::TempDir dir;
  testing::write_file(dir / "corpus/a.txt", "A\n\npotash\n");
  testing::write_file(dir / "notes", "my notes");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "notes").string(), (dir / "corpus").string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::failure));
  EXPECT_THAT(result.err, HasSubstr("is a file, not an index folder; give --db a new or empty"));
  std::ifstream notes(dir / "notes");
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(notes)), {}), "my notes");
}

TEST(BadPlaces, IndexFolderHoldingOtherFilesIsNotWrittenInto) {
  testing::TempDir dir;
  testing::write_file(dir / "corpus/a.txt", "A\n\npotash\n");
  testing::write_file(dir / "documents/thesis.odt", "mine");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "documents").string(), (dir / "corpus").string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::failure));
  EXPECT_THAT(result.err, HasSubstr("is not empty and holds no naviny index"));
  EXPECT_THAT(result.err, HasSubstr("give --db a new or empty folder"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "documents"), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace naviny
