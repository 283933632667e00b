// `naviny serve`: the JSON API answers as the CLI's --json does, errors are JSON with the CLI's
// messages and a fitting status, nothing from articles or queries is put into markup, and ids
// reach nothing but the index.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "searcher/timeline.h"
#include "server/api.h"
#include "server/server.h"
#include "tests/serve_support.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using testing::http_get;
using testing::HttpAnswer;
using testing::run_cli;

class Serve : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>();
    testing::write_serve_corpus(dir_->path() / "corpus");
    testing::index_or_fail(dir_->path() / "corpus", db());
    server_ = std::make_unique<testing::RunningServer>(db());
  }
  static void TearDownTestSuite() {
    server_.reset();
    dir_.reset();
  }
  static std::string db() { return (dir_->path() / "db").string(); }
  static HttpAnswer get(const std::string& target) { return http_get(server_->port(), target); }

 private:
  static inline std::unique_ptr<testing::TempDir> dir_;
  static inline std::unique_ptr<testing::RunningServer> server_;
};

struct SameAsCli {
  std::string target;
  std::vector<std::string> cli;  // arguments after --db DB
};

TEST_F(Serve, EveryApiRouteAnswersWithTheCliJson) {
  const SameAsCli cases[] = {
      {"/api/search?q=Lukashenka", {"search", "--json", "Lukashenka"}},
      {"/api/search?q=%D0%9B%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%B0&limit=2&offset=1&"
       "facets=3&sort=-date",
       {"search", "--json", "--limit", "2", "--offset", "1", "--facets", "3", "--sort", "-date",
        "Лукашенка"}},
      {"/api/search?q=sanctions&all-copies=1&exact=true&facets=",
       {"search", "--json", "--all-copies", "--exact", "--facets", "5", "sanctions"}},
      {"/api/search?q=Lukashenka&count-bound=2",
       {"search", "--json", "--count-bound", "2", "Lukashenka"}},
      {"/api/show/ru%2Flukashenko-otvet.txt", {"show", "--json", "ru/lukashenko-otvet.txt"}},
      {"/api/similar/eu-sanctions.txt?limit=3",
       {"similar", "--json", "-n", "3", "eu-sanctions.txt"}},
      {"/api/entities", {"entities", "--json"}},
      {"/api/entities?q=lukash&type=person", {"entities", "--json", "--type", "person", "lukash"}},
      {"/api/stats", {"stats", "--json"}},
  };
  for (const SameAsCli& each : cases) {
    std::vector<std::string> arguments = {each.cli.front(), "--db", db()};
    arguments.insert(arguments.end(), each.cli.begin() + 1, each.cli.end());
    const testing::CliResult cli = run_cli(arguments);
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const HttpAnswer answer = get(each.target);
    EXPECT_EQ(answer.status, 200) << each.target << ": " << answer.body;
    EXPECT_EQ(answer.content_type, "application/json; charset=utf-8") << each.target;
    EXPECT_EQ(answer.body, cli.out) << each.target;
  }
}

TEST_F(Serve, TimelineCountsMatchingArticlesPerMonthOrPerDay) {
  const nlohmann::json months = nlohmann::json::parse(get("/api/timeline?q=Lukashenka").body);
  EXPECT_EQ(months["unit"], "month");
  ASSERT_EQ(months["periods"].size(), 19u) << months.dump();  // 2020-01 to 2021-07
  EXPECT_EQ(months["periods"][0], (nlohmann::json{{"period", "2020-01"}, {"articles", 1}}));
  EXPECT_EQ(months["periods"][17], (nlohmann::json{{"period", "2021-06"}, {"articles", 2}}));
  EXPECT_EQ(months["periods"][18], (nlohmann::json{{"period", "2021-07"}, {"articles", 1}}));
  EXPECT_EQ(months["dated"], 4);
  const nlohmann::json days = nlohmann::json::parse(get("/api/timeline?q=Minsk").body);
  EXPECT_EQ(days["unit"], "day");
  ASSERT_EQ(days["periods"].size(), 9u) << days.dump();  // 2021-06-24 to 2021-07-02
  EXPECT_EQ(days["periods"][0], (nlohmann::json{{"period", "2021-06-24"}, {"articles", 1}}));
  EXPECT_EQ(days["periods"][1], (nlohmann::json{{"period", "2021-06-25"}, {"articles", 1}}));
  EXPECT_EQ(days["periods"][2], (nlohmann::json{{"period", "2021-06-26"}, {"articles", 0}}));
  EXPECT_EQ(days["periods"][8], (nlohmann::json{{"period", "2021-07-02"}, {"articles", 1}}));
  EXPECT_EQ(days["undated"], 1);  // potash.txt
}

struct ErrorCase {
  std::string target;
  int status;
  std::vector<std::string> cli;  // the command with the same error (after --db DB), if any
  std::string message_part;
};

TEST_F(Serve, ErrorsAreJsonWithTheCliMessageAndAFittingStatus) {
  const ErrorCase cases[] = {
      {"/api/search?q=sanctions%20AND", 400, {"search", "sanctions AND"}, "cannot parse"},
      {"/api/search?q=persn:Putin", 400, {"search", "persn:Putin"}, "unknown field"},
      {"/api/search?q=date:2021-02-30", 400, {"search", "date:2021-02-30"}, "28 days"},
      {"/api/search?q=", 400, {}, "the query is empty"},
      {"/api/search?q=" + std::string(5000, 'x'), 400, {}, "more than naviny takes"},
      {"/api/timeline?q=sanctions%20AND", 400, {}, "cannot parse"},
      {"/api/search?q=x&limit=1001", 400, {}, "limit must be a whole number from 0 to 1000"},
      {"/api/search?q=x&offset=-1", 400, {}, "offset must be a whole number"},
      {"/api/search?q=x&sort=sideways", 400, {}, "sort must be relevance"},
      {"/api/search?q=x&exact=maybe", 400, {}, "exact is a flag"},
      {"/api/entities?type=planet", 400, {}, "type must be person, org or place"},
      {"/api/show/nosuch.txt", 404, {"show", "nosuch.txt"}, "no article with id 'nosuch.txt'"},
      {"/api/similar/nosuch.txt", 404, {"similar", "nosuch.txt"}, "no article with id"},
      {"/api/show/..%2F..%2F..%2Fetc%2Fpasswd",
       404,
       {"show", "../../../etc/passwd"},
       "no article with id '../../../etc/passwd'"},
      {"/api/show/../../../etc/passwd", 404, {}, ""},
      {"/../../../etc/passwd", 404, {}, "nothing at"},
      {"/api/nothing", 404, {}, "nothing at /api/nothing"},
  };
  for (const ErrorCase& each : cases) {
    const HttpAnswer answer = get(each.target);
    EXPECT_EQ(answer.status, each.status) << each.target << ": " << answer.body;
    EXPECT_EQ(answer.body.find("root:"), std::string::npos) << each.target;
    nlohmann::json error;
    ASSERT_NO_THROW(error = nlohmann::json::parse(answer.body)) << each.target << answer.body;
    EXPECT_EQ(error["status"], each.status) << each.target;
    const std::string message = error["error"];
    EXPECT_NE(message.find(each.message_part), std::string::npos) << each.target << ": " << message;
    if (!each.cli.empty()) {
      std::vector<std::string> arguments = {each.cli.front(), "--db", db()};
      arguments.insert(arguments.end(), each.cli.begin() + 1, each.cli.end());
      EXPECT_EQ("naviny: " + message + "\n", run_cli(arguments).err) << each.target;
    }
  }
}

TEST_F(Serve, HostileArticlesAndQueriesComeBackAsDataNeverAsMarkup) {
  const std::string hostile_query = "<script>alert('q')</script> Lukashenka";
  const HttpAnswer search =
      get("/api/search?q=%3Cscript%3Ealert('q')%3C%2Fscript%3E%20Lukashenka&limit=10");
  ASSERT_EQ(search.status, 200) << search.body;
  const nlohmann::json results = nlohmann::json::parse(search.body);
  EXPECT_EQ(results["query"], hostile_query);
  bool found_hostile = false;
  for (const auto& hit : results["hits"]) {
    if (hit["id"] == "hostile.txt") {
      found_hostile = true;
      EXPECT_EQ(hit["title"], testing::kHostileTitle);
      EXPECT_NE(hit["snippet"].get<std::string>().find(testing::kHostileMarkup), std::string::npos);
    }
  }
  EXPECT_TRUE(found_hostile) << search.body;
  const nlohmann::json article = nlohmann::json::parse(get("/api/show/hostile.txt").body);
  EXPECT_NE(article["body"].get<std::string>().find("</script><script>"), std::string::npos);

  // The page is the same file whatever the URL asks: nothing from the query is written into it,
  // and its policy runs no script but its own.
  const HttpAnswer page = get("/");
  const HttpAnswer with_query = get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  const HttpAnswer article_page = get("/show/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(with_query.body, page.body);
  EXPECT_EQ(article_page.body, page.body);
  EXPECT_EQ(page.body.find("alert"), std::string::npos);
  EXPECT_NE(page.content_security_policy.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(page.content_security_policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(get("/naviny.js").content_type, "text/javascript; charset=utf-8");
}

TEST_F(Serve, ArticleViewGetsTheBytesOfEachEntityMention) {
  const nlohmann::json article = nlohmann::json::parse(get("/api/show/sochi.txt").body);
  const std::string body = article["body"];
  std::vector<std::string> mentioned;
  for (const auto& mention : article["mentions"]) {
    const std::size_t begin = mention["begin"], end = mention["end"];
    ASSERT_LE(end, body.size());
    mentioned.push_back(body.substr(begin, end - begin) + "=" + mention["id"].get<std::string>());
  }
  EXPECT_NE(std::find(mentioned.begin(), mentioned.end(), "Vladimir Putin=vladimir-putin"),
            mentioned.end())
      << article["mentions"].dump();
  EXPECT_NE(std::find(mentioned.begin(), mentioned.end(), "Sochi=sochi"), mentioned.end())
      << article["mentions"].dump();
}

// Raw TCP on loopback, for a client that connects and then says nothing.
int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST_F(Serve, AClientThatStallsLosesItsWorkerAfterTheTimeouts) {
  server::ServerOptions options = testing::serving(db());
  options.threads = 1;
  options.read_timeout = std::chrono::seconds(1);
  options.idle_timeout = std::chrono::seconds(1);
  const testing::RunningServer one_worker(options);
  // One client says nothing; the other stops in the middle of its request line.
  for (const std::string said : {"", "GET /api/st"}) {
    const int stalled = connect_loopback(one_worker.port());
    ASSERT_GE(stalled, 0);
    if (!said.empty()) {
      ASSERT_EQ(::write(stalled, said.data(), said.size()), static_cast<ssize_t>(said.size()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the worker takes it first
    const auto started = std::chrono::steady_clock::now();
    const HttpAnswer answer = http_get(one_worker.port(), "/api/stats");
    const auto waited = std::chrono::steady_clock::now() - started;
    ::close(stalled);
    EXPECT_EQ(answer.status, 200) << "after '" << said << "'";
    EXPECT_LT(waited, std::chrono::seconds(4)) << "after '" << said << "'";
  }
}

struct ListenCase {
  std::string text;
  std::string host;  // empty: refused
  int port;
  bool warns;
};

TEST(ServeListen, AddressesAreParsedAndOnlyLoopbackGoesWithoutAWarning) {
  const ListenCase cases[] = {
      {"127.0.0.1:8080", "127.0.0.1", 8080, false},
      {":9000", "127.0.0.1", 9000, false},
      {"[::1]:0", "::1", 0, false},
      {"localhost:80", "localhost", 80, false},
      {"0.0.0.0:8080", "0.0.0.0", 8080, true},
      {"[::]:8080", "::", 8080, true},
      {"192.168.1.5:8080", "192.168.1.5", 8080, true},
      {"8080", "", 0, false},
      {"127.0.0.1:http", "", 0, false},
      {"127.0.0.1:70000", "", 0, false},
      {"::1:8080", "", 0, false},
  };
  for (const ListenCase& each : cases) {
    if (each.host.empty()) {
      EXPECT_THROW(server::parse_listen_address(each.text), UsageError) << each.text;
      continue;
    }
    const server::ListenAddress address = server::parse_listen_address(each.text);
    EXPECT_EQ(address.host, each.host) << each.text;
    EXPECT_EQ(address.port, each.port) << each.text;
    EXPECT_EQ(server::exposure_warning(address).has_value(), each.warns) << each.text;
  }
}

struct TimelineCase {
  std::map<std::string, std::size_t> per_day;
  std::string unit;
  std::vector<std::pair<std::string, std::size_t>> periods;
  std::size_t undated;
};

TEST(Timeline, PeriodsRunWithoutGapsPerDayOverShortRangesElsePerMonth) {
  const TimelineCase cases[] = {
      {{}, "day", {}, 0},
      {{{"20210624", 2}}, "day", {{"2021-06-24", 2}}, 0},
      {{{"20210630", 1}, {"20210702", 3}},
       "day",
       {{"2021-06-30", 1}, {"2021-07-01", 0}, {"2021-07-02", 3}},
       0},
      {{{"20201115", 1}, {"20210301", 2}},
       "month",
       {{"2020-11", 1}, {"2020-12", 0}, {"2021-01", 0}, {"2021-02", 0}, {"2021-03", 2}},
       0},
      {{{"bogus", 4}, {"20210230", 1}, {"20210101", 1}}, "day", {{"2021-01-01", 1}}, 5},
  };
  for (const TimelineCase& each : cases) {
    const Timeline timeline = timeline_of(each.per_day);
    EXPECT_EQ(timeline.unit, each.unit);
    std::vector<std::pair<std::string, std::size_t>> periods;
    for (const TimelinePeriod& period : timeline.periods) {
      periods.emplace_back(period.period, period.articles);
    }
    EXPECT_EQ(periods, each.periods);
    EXPECT_EQ(timeline.undated, each.undated);
  }
}

}  // namespace
}  // namespace naviny
