// The real `naviny serve` program: it says where it listens, warns when others can reach it,
// stops cleanly on SIGTERM and SIGINT, answers 503 when a remote shard is down, and keeps
// answering searches while `naviny index` updates and rebuilds the index it serves.

#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/serve_support.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using testing::http_get;
using testing::HttpAnswer;

std::string read_all(const std::filesystem::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  return text.str();
}

struct StopCase {
  std::string listen;
  int signal;
  bool warns;
};

TEST(ServeProcess, AnswersThenStopsCleanlyOnSigtermAndSigint) {
  testing::TempDir dir;
  testing::write_serve_corpus(dir / "corpus");
  testing::index_or_fail(dir / "corpus", dir / "db");
  const StopCase cases[] = {{"127.0.0.1:0", SIGTERM, false},
                            {"127.0.0.1:0", SIGINT, false},
                            {"0.0.0.0:0", SIGTERM, true}};
  int run = 0;
  for (const StopCase& each : cases) {
    const auto output = dir / ("serve-" + std::to_string(run++) + ".log");
    testing::ServeProcess serve({"serve", "--db", (dir / "db").string(), "--listen", each.listen},
                                output);
    const HttpAnswer answer = http_get(serve.port(), "/api/search?q=Lukashenka");
    EXPECT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(nlohmann::json::parse(answer.body)["total"], 4) << answer.body;
    EXPECT_EQ(serve.stop(each.signal), 0) << read_all(output);
    const std::string said = read_all(output);
    EXPECT_NE(said.find("naviny: stopped"), std::string::npos) << said;
    EXPECT_EQ(said.find("anyone who can reach port") != std::string::npos, each.warns) << said;
  }
}

TEST(ServeProcess, RefusesAnIndexThatIsNotThereAndAnAddressInUse) {
  testing::TempDir dir;
  const testing::CliResult no_index =
      testing::run_cli({"serve", "--db", (dir / "nowhere").string(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(no_index.exit_code, 3) << no_index.err;
  EXPECT_NE(no_index.err.find("no index at"), std::string::npos) << no_index.err;
  testing::write_serve_corpus(dir / "corpus");
  testing::index_or_fail(dir / "corpus", dir / "db");
  const testing::RunningServer taken(dir / "db");
  const testing::CliResult in_use =
      testing::run_cli({"serve", "--db", (dir / "db").string(), "--listen",
                        "127.0.0.1:" + std::to_string(taken.port())});
  EXPECT_EQ(in_use.exit_code, 2) << in_use.err;
  EXPECT_NE(in_use.err.find("cannot listen on 127.0.0.1:"), std::string::npos) << in_use.err;
}

TEST(ServeProcess, AnUnreachableRemoteShardIsA503) {
  if (!testing::TcpServer::program()) {
    GTEST_SKIP() << "xapian-tcpsrv is not installed (package xapian-tools; scripts/deps.sh "
                    "installs it)";
  }
  testing::TempDir dir;
  testing::write_serve_corpus(dir / "corpus");
  testing::index_or_fail(dir / "corpus", dir / "db");
  testing::TcpServer shard(dir / "db");
  testing::write_file(dir / "remote.stub", "remote " + shard.address() + "\n");
  const testing::RunningServer server(testing::serving(dir / "remote.stub"));
  ASSERT_EQ(http_get(server.port(), "/api/search?q=Lukashenka").status, 200);
  shard.stop();
  for (const std::string target : {"/api/search?q=Lukashenka", "/api/timeline?q=Lukashenka"}) {
    const HttpAnswer answer = http_get(server.port(), target);
    EXPECT_EQ(answer.status, 503) << target << ": " << answer.body;
    const std::string message = nlohmann::json::parse(answer.body)["error"];
    EXPECT_NE(message.find(shard.address()), std::string::npos) << message;
  }
}

struct ClientReport {
  std::size_t searches = 0;
  std::size_t empty = 0;
  std::vector<std::string> failures;
};

TEST(ServeProcess, SearchesKeepAnsweringWhileTheIndexIsUpdatedAndRebuilt) {
  testing::TempDir dir;
  const auto corpus = dir / "corpus";
  const std::string db = (dir / "db").string();
  testing::write_generated_corpus(corpus, 200);
  ASSERT_EQ(testing::run_naviny({"index", "--quiet", "--db", db, corpus.string()}), 0);
  testing::ServeProcess serve({"serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "4"},
                              dir / "serve.log");
  std::atomic<bool> stop{false};
  ClientReport reports[2];
  std::vector<std::thread> clients;
  for (ClientReport& report : reports) {
    clients.emplace_back([&] {
      while (!stop) {
        const HttpAnswer answer = http_get(serve.port(), "/api/search?q=potash&limit=5");
        ++report.searches;
        if (answer.status != 200) {
          if (report.failures.size() < 5) {
            report.failures.push_back(std::to_string(answer.status) + " " + answer.body);
          }
        } else if (nlohmann::json::parse(answer.body)["hits"].empty()) {
          ++report.empty;
        }
      }
    });
  }
  testing::revise_and_reindex(corpus, db, 200);
  stop = true;
  for (std::thread& client : clients) client.join();
  for (const ClientReport& report : reports) {
    EXPECT_GT(report.searches, 10u);
    EXPECT_EQ(report.empty, 0u);
    EXPECT_TRUE(report.failures.empty()) << report.failures.front();
  }
  // The rebuilt index is the one served: the articles of the last round are found.
  const nlohmann::json revised =
      nlohmann::json::parse(http_get(serve.port(), "/api/search?q=%22round%201%22").body);
  EXPECT_GT(revised["total"].get<int>(), 0) << revised.dump();
  EXPECT_EQ(serve.stop(SIGTERM), 0);
}

}  // namespace
}  // namespace naviny
