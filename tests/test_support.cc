#include "tests/test_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/app.h"
#include "searcher/searcher.h"

namespace naviny::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "naviny-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

fs::path source_dir() {
  return NAVINY_SOURCE_DIR;
}
fs::path seed_corpus() {
  return source_dir() / "corpus";
}
fs::path mini_corpus() {
  return source_dir() / "tests/fixtures/mini";
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

void copy_folder(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

CliResult run_cli(const std::vector<std::string>& arguments,
                  const std::optional<std::string>& standard_input) {
  std::vector<const char*> argv{"naviny"};
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::ostringstream out;
  std::ostringstream err;
  cli::Environment env;  // no $NAVINY_DB, no terminal: tests always pass --db
  std::istringstream in(standard_input.value_or(""));
  if (standard_input) env.standard_input = &in;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env);
  return {code, out.str(), err.str()};
}

void write_articles(const std::filesystem::path& folder,
                    const std::vector<TitledArticle>& articles) {
  for (const TitledArticle& article : articles) {
    write_file(folder / article.file, article.title + "\n\n" + article.body + "\n");
  }
}

void index_or_fail(const fs::path& corpus, const fs::path& db) {
  const CliResult result = run_cli({"index", "--db", db.string(), corpus.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::vector<std::string> search_ids(const fs::path& db, const std::string& query,
                                    const std::vector<std::string>& extra_arguments) {
  Searcher searcher(db);
  SearchRequest request;
  request.query = query;
  request.limit = 1000;
  request.snippets = false;
  for (std::size_t i = 0; i < extra_arguments.size(); ++i) {
    if (extra_arguments[i] == "--exact") request.exact = true;
    if (extra_arguments[i] == "--sort" && i + 1 < extra_arguments.size()) {
      const std::string& order = extra_arguments[++i];
      request.sort = order == "date"    ? SortOrder::date_oldest
                     : order == "-date" ? SortOrder::date_newest
                                        : SortOrder::relevance;
    }
  }
  std::vector<std::string> ids;
  for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  return ids;
}

void write_generated_corpus(const fs::path& folder, std::size_t count) {
  static constexpr const char* kWords[] = {
      "Minsk",    "Moscow",  "Vilnius", "Warsaw",     "sanctions", "exports", "border",
      "election", "protest", "economy", "Lukashenka", "Putin",     "Kremlin", "pipeline",
      "refinery", "rail",    "grain",   "budget",     "loan",      "tariff",  "opposition"};
  constexpr std::size_t kWordCount = sizeof kWords / sizeof kWords[0];
  fs::create_directories(folder);
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;  // a fixed seed: every run writes the same bytes
  for (std::size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%06zu.txt", i);
    std::string text = "Report " + std::to_string(i) + " from Minsk\n\n";
    for (int word = 0; word < 60; ++word) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's LCG
      text += kWords[(state >> 33) % kWordCount];
      text += word % 12 == 11 ? ".\n" : " ";
    }
    if (i % 3 == 0) text += "Belaruskali sells potash.\n";
    write_file(folder / name, text);
  }
}

pid_t spawn_naviny(const std::vector<std::string>& arguments, const fs::path& output) {
  std::vector<std::string> argv_strings{NAVINY_BINARY};
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : argv_strings) argv.push_back(argument.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string target = output.empty() ? "/dev/null" : output.string();
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, target.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + argv_strings[0]);
  return pid;
}

int wait_naviny(pid_t pid, struct rusage* usage) {
  int status = 0;
  struct rusage ignored {};
  while (wait4(pid, &status, 0, usage ? usage : &ignored) < 0) {
    if (errno != EINTR) throw std::runtime_error("wait4 failed");
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

int run_naviny(const std::vector<std::string>& arguments, const fs::path& output) {
  return wait_naviny(spawn_naviny(arguments, output));
}

namespace {

// An RAII socket descriptor.
class Socket {
 public:
  Socket() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    if (fd_ < 0) throw std::runtime_error("socket failed");
  }
  ~Socket() { ::close(fd_); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

sockaddr_in loopback(unsigned port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool accepts_connections(unsigned port) {
  const Socket socket;
  const sockaddr_in address = loopback(port);
  return ::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
}

}  // namespace

unsigned free_port() {
  const Socket socket;
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  if (::bind(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot find a free port");
  }
  return ntohs(address.sin_port);
}

std::optional<fs::path> TcpServer::program() {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    const fs::path candidate = fs::path(folder.empty() ? "." : folder) / "xapian-tcpsrv";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

TcpServer::TcpServer(const fs::path& db) {
  const std::optional<fs::path> server = program();
  if (!server) throw std::runtime_error("xapian-tcpsrv is not installed");
  // Another process may take the free port before the server binds it: then try another.
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = free_port();
    std::vector<std::string> argv_strings{server->string(), "--interface",         "127.0.0.1",
                                          "--port",         std::to_string(port_), "--quiet",
                                          db.string()};
    std::vector<char*> argv;
    for (std::string& argument : argv_strings) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    // Its own process group: xapian-tcpsrv forks a child per connection, and stop() kills them too.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    const int error = posix_spawn(&pid_, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) throw std::runtime_error("cannot start xapian-tcpsrv");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (accepts_connections(port_)) return;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // it exited: the port was taken
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    stop();
  }
  throw std::runtime_error("xapian-tcpsrv did not start serving " + db.string());
}

TcpServer::~TcpServer() {
  stop();
}

void TcpServer::stop() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);  // the server's process group: the server and its connection children
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

IndexSnapshot index_snapshot(const std::filesystem::path& db_path, std::string_view left_out) {
  IndexSnapshot articles;
  const Xapian::Database db(db_path.string());
  for (auto posting = db.postlist_begin(""); posting != db.postlist_end(""); ++posting) {
    const Xapian::Document document = db.get_document(*posting);
    std::string id;
    std::string contents;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      if (!left_out.empty() && (*term).starts_with(left_out)) continue;
      if ((*term)[0] == 'Q') id = *term;
      contents += *term + ":" + std::to_string(term.get_wdf()) + "@";
      for (auto position = term.positionlist_begin(); position != term.positionlist_end();
           ++position) {
        contents += std::to_string(*position) + ",";
      }
      contents += "\n";
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      contents += "value " + std::to_string(value.get_valueno()) + "=" + *value + "\n";
    }
    contents += document.get_data();
    EXPECT_FALSE(id.empty()) << "a document without an id term";
    EXPECT_TRUE(articles.emplace(id, contents).second) << "two documents for " << id;
  }
  return articles;
}

void revise_and_reindex(const fs::path& corpus, const std::string& db, std::size_t count) {
  for (std::size_t round = 0; round < 2; ++round) {
    for (std::size_t i = round; i < count; i += 3) {
      char name[32];
      std::snprintf(name, sizeof name, "%06zu.txt", i);
      std::ofstream(corpus / name, std::ios::app) << "Revised in round " << round << ".\n";
    }
    EXPECT_EQ(run_naviny({"index", "--quiet", "--batch-size", "5", "--db", db, corpus.string()}),
              0);
    EXPECT_EQ(run_naviny({"index", "--quiet", "--rebuild", "--jobs", "2", "--batch-size", "20",
                          "--db", db, corpus.string()}),
              0);
  }
}

}  // namespace naviny::testing
