#pragma once

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naviny::testing {

// A fresh folder under the system temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// One agency report, for the tests that reprint it in several articles (near-duplicates).
inline constexpr const char* kAgencyText =
    "Belarusian potash producer Belaruskali said on Monday that exports through the Lithuanian "
    "port of Klaipeda had stopped after the railway operator refused to carry its cargo, and that "
    "the company was looking for other routes through Russian ports on the Baltic Sea, which "
    "would raise its costs and delay deliveries to customers in Brazil, India and China for "
    "several months at least, according to a statement published on its website.";

std::filesystem::path source_dir();
std::filesystem::path seed_corpus();  // corpus/ of the repository
std::filesystem::path mini_corpus();  // tests/fixtures/mini

// A fixture whose test suite shares one index of `Corpus()`, built before the suite's first test
// and removed after its last, in a folder of its own.
template <std::filesystem::path (*Corpus)()>
class IndexedOnce : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite() { dir_.reset(); }
  static std::filesystem::path db() { return dir_->path() / "db"; }

 private:
  static inline std::unique_ptr<TempDir> dir_;
};

// Everything an index holds about each article, by its unique-id term: terms with their wdf and
// positions (except terms that begin with `left_out`, if given), values and stored data.
using IndexSnapshot = std::map<std::string, std::string>;
IndexSnapshot index_snapshot(const std::filesystem::path& db, std::string_view left_out = {});

void write_file(const std::filesystem::path& path, const std::string& bytes);
void copy_folder(const std::filesystem::path& from, const std::filesystem::path& to);

struct CliResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs the naviny command line in this process, as if from a shell with no terminal, with
// `standard_input` as its standard input (none if nullopt).
CliResult run_cli(const std::vector<std::string>& arguments,
                  const std::optional<std::string>& standard_input = std::nullopt);

// Indexes `corpus` into `db` through the CLI and fails the test if that does not succeed.
void index_or_fail(const std::filesystem::path& corpus, const std::filesystem::path& db);

// The ids returned for a query, in rank order (all of them, up to 1000). `extra_arguments` may
// hold --exact and --sort ORDER, as on the command line.
std::vector<std::string> search_ids(const std::filesystem::path& db, const std::string& query,
                                    const std::vector<std::string>& extra_arguments = {});

template <std::filesystem::path (*Corpus)()>
void IndexedOnce<Corpus>::SetUpTestSuite() {
  dir_ = std::make_unique<TempDir>();
  index_or_fail(Corpus(), db());
}

// An article of a corpus that a test writes: a file whose first line is the title.
struct TitledArticle {
  std::string file;
  std::string title;
  std::string body;
};

// Writes each article into `folder`: its title, a blank line, its body.
void write_articles(const std::filesystem::path& folder,
                    const std::vector<TitledArticle>& articles);

// A fixture whose test suite shares one index of the articles `Articles()` lists, written and
// indexed before the suite's first test and removed after its last, in a folder of its own.
template <const std::vector<TitledArticle>& (*Articles)()>
class IndexedArticles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    write_articles(*dir_ / "corpus", Articles());
    index_or_fail(*dir_ / "corpus", db());
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::filesystem::path db() { return *dir_ / "db"; }

 private:
  static inline std::unique_ptr<TempDir> dir_;
};

// Writes `count` small articles, 000000.txt onwards, into `folder`; the same every time. Every
// third (0, 3, 6, ...) mentions potash; every article mentions Minsk.
void write_generated_corpus(const std::filesystem::path& folder, std::size_t count);

// Twice: appends a line to a third of the `count` articles of a generated corpus (none loses its
// words), indexes them in small batches (many commits), then rebuilds the index in two parallel
// parts, each through the real naviny program: a writer's churn for readers to survive.
void revise_and_reindex(const std::filesystem::path& corpus, const std::string& db,
                        std::size_t count);

// Starts the real naviny program (NAVINY_BINARY) with these arguments and returns its pid. Its
// standard output and error go to `output` (appended), or are discarded if it is empty.
pid_t spawn_naviny(const std::vector<std::string>& arguments,
                   const std::filesystem::path& output = {});

// Waits for a spawned naviny and returns its exit code, or minus the signal that killed it.
// Fills `usage` (peak memory and so on) if given.
int wait_naviny(pid_t pid, struct rusage* usage = nullptr);

// spawn_naviny, then wait_naviny.
int run_naviny(const std::vector<std::string>& arguments, const std::filesystem::path& output = {});

// A free TCP port on 127.0.0.1 (asked of the kernel; free when this returns).
unsigned free_port();

// xapian-tcpsrv serving one database on 127.0.0.1, on a free port: the real program (package
// xapian-tools), started by the constructor, which returns once it accepts connections, and
// stopped (SIGKILL) by stop() or the destructor.
class TcpServer {
 public:
  // The program on $PATH, or nullopt if it is not installed.
  static std::optional<std::filesystem::path> program();

  explicit TcpServer(const std::filesystem::path& db);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }
  // "127.0.0.1:PORT"
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  // Kills the server and waits for it; afterwards connections are refused.
  void stop();

 private:
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

}  // namespace naviny::testing
