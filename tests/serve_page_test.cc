// The search page in a real browser: headless Chromium (Debian's chromium, installed by
// scripts/deps.sh) loads it, and the DOM it ends up with is checked. The page reads its state
// from the URL, so a click on a facet is loading the URL that facet links to.
//
// Without Chromium the tests fail, so that CI cannot pass without running them; a developer
// without it may set NAVINY_SKIP_BROWSER_TESTS=1 to skip them.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "tests/serve_support.h"
#include "tests/test_support.h"

extern char** environ;

namespace naviny {
namespace {

std::optional<std::filesystem::path> chromium() {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
      const auto candidate = std::filesystem::path(folder.empty() ? "." : folder) / name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return std::nullopt;
}

// The DOM of `url` once the page's script has run (Chromium's --dump-dom), or "" if Chromium
// failed or took more than 50 s.
std::string rendered_dom(const std::filesystem::path& browser, const std::string& url,
                         const testing::TempDir& dir) {
  static int loads = 0;
  const auto output = dir / ("dom-" + std::to_string(++loads) + ".html");
  std::vector<std::string> arguments = {browser.string(),
                                        "--headless",
                                        "--disable-gpu",
                                        "--no-first-run",
                                        "--user-data-dir=" + (dir / "profile").string(),
                                        "--virtual-time-budget=10000",
                                        "--dump-dom",
                                        url};
  if (::geteuid() == 0) arguments.insert(arguments.begin() + 1, "--no-sandbox");
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return "";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(50);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return "";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::stringstream dom;
  dom << std::ifstream(output).rdbuf();
  return dom.str();
}

std::string html_unescaped(std::string text) {
  for (const auto& [entity, character] :
       {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}}) {
    for (std::size_t at = text.find(entity); at != std::string::npos;
         at = text.find(entity, at + 1)) {
      text.replace(at, std::string_view(entity).size(), character);
    }
  }
  return text;
}

bool has(const std::string& dom, const std::string& part) {
  return dom.find(part) != std::string::npos;
}

class ServePage : public ::testing::Test {
 protected:
  void SetUp() override {
    browser_ = chromium();
    if (!browser_) {
      const char* skip = std::getenv("NAVINY_SKIP_BROWSER_TESTS");
      if (skip != nullptr && std::string(skip) == "1") {
        GTEST_SKIP() << "Chromium is not installed and NAVINY_SKIP_BROWSER_TESTS=1";
      }
      FAIL() << "Chromium is not installed, so the page of naviny serve cannot be tested: run "
                "scripts/deps.sh (Debian package chromium), or set NAVINY_SKIP_BROWSER_TESTS=1 "
                "to skip these tests";
    }
    testing::write_serve_corpus(dir_ / "corpus");
    testing::index_or_fail(dir_ / "corpus", dir_ / "db");
    server_ = std::make_unique<testing::RunningServer>(dir_ / "db");
  }
  std::string load(const std::string& target) {
    return rendered_dom(*browser_, "http://127.0.0.1:" + std::to_string(server_->port()) + target,
                        dir_);
  }

  std::optional<std::filesystem::path> browser_;
  testing::TempDir dir_;
  std::unique_ptr<testing::RunningServer> server_;
};

TEST_F(ServePage, SearchShowsHighlightsAFacetNarrowsItAndTheTimelineIsDrawn) {
  const std::string results = load("/?q=%D0%9B%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%B0");
  ASSERT_TRUE(has(results, "data-ready=\"true\"")) << results;
  EXPECT_TRUE(has(results, "4 results for ‘Лукашенка’")) << results;
  // Highlighted in each article's own script.
  EXPECT_TRUE(has(results, "<mark>Лукашенко</mark>")) << results;
  EXPECT_TRUE(has(results, "<mark>Lukashenka</mark>")) << results;
  EXPECT_TRUE(has(results, "<svg") && has(results, "id=\"timeline-chart\"")) << results;
  EXPECT_TRUE(has(results, "<title>2021-06: 2</title>")) << results;

  const std::string facet_end = "\" class=\"facet\">Vladimir Putin</a>";
  const std::size_t facet = results.find(facet_end);
  ASSERT_NE(facet, std::string::npos) << results;
  const std::size_t href =
      results.rfind("<a href=\"", facet) + std::string_view("<a href=\"").size();
  const std::string narrowed = load(html_unescaped(results.substr(href, facet - href)));
  ASSERT_TRUE(has(narrowed, "data-ready=\"true\"")) << narrowed;
  EXPECT_TRUE(has(narrowed, "<span class=\"filter\">person:vladimir-putin")) << narrowed;
  EXPECT_TRUE(has(narrowed, "1 result for ‘Лукашенка person:vladimir-putin’")) << narrowed;
  EXPECT_TRUE(has(narrowed, "Putin and Lukashenka meet in Sochi")) << narrowed;
  EXPECT_FALSE(has(narrowed, "EU weighs new sanctions")) << narrowed;
  EXPECT_TRUE(has(narrowed, "<mark>")) << narrowed;
  EXPECT_TRUE(has(narrowed, "id=\"timeline-chart\"")) << narrowed;
}

TEST_F(ServePage, DidYouMeanAndPagesAreLinks) {
  const std::string misspelt = load("/?q=sanctionz");
  ASSERT_TRUE(has(misspelt, "data-ready=\"true\"")) << misspelt;
  EXPECT_TRUE(has(misspelt, "Did you mean <a href=\"/?q=sanctions\">sanctions</a>?")) << misspelt;
  const std::string second_page = load("/?q=Lukashenka&offset=2");
  ASSERT_TRUE(has(second_page, "data-ready=\"true\"")) << second_page;
  EXPECT_TRUE(has(second_page, "4 results for ‘Lukashenka’; showing 3–4")) << second_page;
  EXPECT_TRUE(has(second_page, "<ol id=\"results\" start=\"3\">")) << second_page;
  EXPECT_TRUE(has(second_page, "<a href=\"/?q=Lukashenka&amp;offset=0\" rel=\"prev\">"))
      << second_page;
}

TEST_F(ServePage, ScriptAndMarkupFromArticlesAndQueriesShowAsText) {
  const std::string results =
      load("/?q=%3Cscript%3Edocument.body.dataset.pwned%3D'q'%3C%2Fscript%3E%20Lukashenka");
  ASSERT_TRUE(has(results, "data-ready=\"true\"")) << results;
  EXPECT_TRUE(has(results, "&lt;script&gt;alert('title')&lt;/script&gt; Lukashenka news"))
      << results;
  EXPECT_TRUE(has(results, "‘&lt;script&gt;document.body.dataset.pwned='q'&lt;/script&gt;"))
      << results;
  EXPECT_FALSE(has(results, "data-pwned")) << results;
  EXPECT_FALSE(has(results, "<img")) << results;
  EXPECT_FALSE(has(results, "href=\"javascript:")) << results;

  const std::string article = load("/show/hostile.txt");
  ASSERT_TRUE(has(article, "data-ready=\"true\"")) << article;
  EXPECT_TRUE(has(article, "&lt;img src=x onerror=")) << article;
  EXPECT_TRUE(has(article, "&lt;/script&gt;&lt;script&gt;")) << article;
  EXPECT_FALSE(has(article, "data-pwned")) << article;
  EXPECT_FALSE(has(article, "<img")) << article;
}

TEST_F(ServePage, ArticleViewMarksTheEntitiesInItsText) {
  const std::string article = load("/show/sochi.txt");
  ASSERT_TRUE(has(article, "data-ready=\"true\"")) << article;
  EXPECT_TRUE(has(article, "<h1>Putin and Lukashenka meet in Sochi</h1>")) << article;
  EXPECT_TRUE(has(article, "data-entity=\"vladimir-putin\">Vladimir Putin</mark>")) << article;
  EXPECT_TRUE(has(article, "data-entity=\"sochi\">Sochi</mark>")) << article;
}

}  // namespace
}  // namespace naviny
