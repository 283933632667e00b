// Sharded indexes (issue 7): `naviny index --shards N`, add/remove/rebuild on shards, searching
// several databases together (--db repeated, a sharded index folder, a stub file), and shards
// served by the real xapian-tcpsrv.

#include "common/shards.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_cli;

int code(ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

// One query of each class the issue names; each finds several articles of the corpus.
const std::vector<SearchRequest>& query_classes() {
  static const std::vector<SearchRequest> queries = [] {
    std::vector<SearchRequest> list;
    for (const char* query :
         {"sanctions", "Belarus Russia", "\"regime change\"", "\"Vladimir Putin\"", "Лукашэнка",
          "Lukashenka", "person:Putin", "place:Belarus Russia", "date:2020-01-01..2021-12-31",
          "Lukashenko date:2020-09-01..", "sanc*"}) {
      SearchRequest request;
      request.query = query;
      request.limit = 20;
      request.facets = 5;
      list.push_back(request);
    }
    return list;
  }();
  return queries;
}

// The seed corpus (with its gazetteer) and the mini fixture corpus (with dated articles) together.
class Shards : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_folder(testing::seed_corpus(), corpus());
    testing::copy_folder(testing::mini_corpus(), corpus() / "mini");
    fs::remove(corpus() / "README.md");
  }
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path path(const std::string& name) const { return dir_ / name; }
  testing::CliResult index(const std::string& db, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> arguments{"index", "--db", path(db).string()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    arguments.push_back(corpus().string());
    return run_cli(arguments);
  }
  void index_or_fail(const std::string& db, const std::vector<std::string>& extra = {}) {
    const auto result = index(db, extra);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  testing::TempDir dir_;
};

void expect_same_results(const SearchResults& expected, const SearchResults& actual,
                         const std::string& query) {
  ASSERT_EQ(expected.hits.size(), actual.hits.size()) << query;
  EXPECT_FALSE(expected.hits.empty()) << query << " finds nothing: a useless comparison";
  for (std::size_t i = 0; i < expected.hits.size(); ++i) {
    EXPECT_EQ(expected.hits[i].id, actual.hits[i].id) << query << " rank " << i + 1;
    EXPECT_NEAR(expected.hits[i].score, actual.hits[i].score, 1e-9) << query << " rank " << i + 1;
    EXPECT_EQ(expected.hits[i].snippet.text, actual.hits[i].snippet.text) << query;
    EXPECT_EQ(expected.hits[i].snippet.highlights, actual.hits[i].snippet.highlights) << query;
  }
  ASSERT_EQ(expected.facets.size(), actual.facets.size()) << query;
  for (std::size_t type = 0; type < expected.facets.size(); ++type) {
    const auto& [name, want] = expected.facets[type];
    const auto& got = actual.facets[type].second;
    ASSERT_EQ(want.size(), got.size()) << query << " " << name;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(want[i].id, got[i].id) << query << " " << name;
      EXPECT_EQ(want[i].count, got[i].count) << query << " " << name;
    }
  }
  EXPECT_FALSE(actual.partial());
}

TEST_F(Shards, IndexSplitsArticlesOverShardsByIdHash) {
  const auto result = index("db", {"--shards", "3"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("added 13, updated 0, removed 0, unchanged 0, skipped 0; 13 "
                                    "articles in the index"));
  EXPECT_EQ(index_shard_count(path("db")), 3u);
  Xapian::doccount total = 0;
  for (std::size_t shard = 0; shard < 3; ++shard) {
    const Xapian::Database db((path("db") / shard_folder_name(shard)).string());
    EXPECT_GT(db.get_doccount(), 0u) << "shard " << shard;
    total += db.get_doccount();
    for (auto term = db.allterms_begin("Q"); term != db.allterms_end("Q"); ++term) {
      EXPECT_EQ(shard_of((*term).substr(1), 3), shard) << *term;
    }
    EXPECT_FALSE(db.get_metadata("naviny.gazetteer").empty()) << "every shard has the gazetteer";
  }
  EXPECT_EQ(total, 13u);
  // Xapian's own tools open the folder as one database, through its XAPIANDB stub.
  EXPECT_EQ(Xapian::Database(path("db").string()).get_doccount(), 13u);

  const auto again = index("db");  // the layout is kept without --shards
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("unchanged 13, skipped 0; 13 articles"));
}

TEST_F(Shards, ShardedSearchRanksExactlyAsOneDatabase) {
  index_or_fail("single");
  index_or_fail("sharded", {"--shards", "3"});
  testing::write_file(path("local.stub"),
                      "# the three shards, by relative path\nauto sharded/shard-0\n"
                      "glass sharded/shard-1\nauto " +
                          (path("sharded") / "shard-2").string() + "\n");
  Searcher single(path("single"));
  Searcher folder(path("sharded"));
  Searcher listed(
      {path("sharded") / "shard-0", path("sharded") / "shard-1", path("sharded") / "shard-2"});
  Searcher stub(path("local.stub"));
  for (const SearchRequest& request : query_classes()) {
    const SearchResults expected = single.search(request);
    expect_same_results(expected, folder.search(request), request.query + " (folder)");
    expect_same_results(expected, listed.search(request), request.query + " (--db x3)");
    expect_same_results(expected, stub.search(request), request.query + " (stub)");
  }
  EXPECT_EQ(single.stats().articles, folder.stats().articles);
  EXPECT_EQ(single.stats().term_occurrences, folder.stats().term_occurrences);
  EXPECT_EQ(single.stats().distinct_terms, folder.stats().distinct_terms);
  EXPECT_EQ(folder.stats().shards, 3u);
  const EntityListing one = single.entities("", "");
  const EntityListing three = folder.entities("", "");
  ASSERT_EQ(one.entities.size(), three.entities.size());
  for (std::size_t i = 0; i < one.entities.size(); ++i) {
    EXPECT_EQ(one.entities[i].id, three.entities[i].id);
    EXPECT_EQ(one.entities[i].count, three.entities[i].count);
  }
}

TEST_F(Shards, CliSearchesSeveralDatabasesAndSumsStats) {
  index_or_fail("sharded", {"--shards", "2"});
  const std::string s0 = (path("sharded") / "shard-0").string();
  const std::string s1 = (path("sharded") / "shard-1").string();
  const auto whole = run_cli({"search", "--db", path("sharded").string(), "--json", "sanctions"});
  const auto listed = run_cli({"search", "--db", s0, "--db", s1, "--json", "sanctions"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(whole.out, listed.out);
  const auto json = nlohmann::json::parse(whole.out);
  EXPECT_EQ(json["partial"], false);
  EXPECT_TRUE(json["missing_shards"].empty());

  const auto stats = run_cli({"stats", "--db", path("sharded").string(), "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const auto stats_json = nlohmann::json::parse(stats.out);
  EXPECT_EQ(stats_json["articles"], 13);
  EXPECT_EQ(stats_json["shards"], 2);
  const auto text = run_cli({"stats", "--db", path("sharded").string()});
  EXPECT_THAT(text.out, HasSubstr("shards:           2\n"));
  const auto entities = run_cli({"entities", "--db", s0, "--db", s1, "Лукашенко"});
  ASSERT_EQ(entities.exit_code, 0) << entities.err;
  EXPECT_THAT(entities.out, HasSubstr("alexander-lukashenko"));
}

TEST_F(Shards, OtherShardCountNeedsRebuild) {
  index_or_fail("db", {"--shards", "3"});
  const auto result = index("db", {"--shards", "4"});
  EXPECT_EQ(result.exit_code, code(ExitCode::incompatible));
  EXPECT_THAT(result.err, HasSubstr("has 3 shards but --shards 4 was given"));
  EXPECT_THAT(result.err, HasSubstr("naviny index --rebuild --shards 4"));
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);

  index_or_fail("single");
  const auto split = index("single", {"--shards", "2"});
  EXPECT_EQ(split.exit_code, code(ExitCode::incompatible));
  EXPECT_THAT(split.err, HasSubstr("has one database (no shards) but --shards 2 was given"));
}

TEST_F(Shards, AddRemoveAndRebuildRouteByShard) {
  index_or_fail("db", {"--shards", "3"});
  const std::vector<std::string> sanctions = testing::search_ids(path("db"), "sanctions");
  ASSERT_FALSE(sanctions.empty());
  const fs::path note = path("elsewhere") / "convoy.txt";
  testing::write_file(note, "Tractors in Minsk\n\nA convoy of tractors drove through Minsk.\n");
  const auto added = run_cli({"add", "--db", path("db").string(), note.string()});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("14 articles in the index"));
  const fs::path home = path("db") / shard_folder_name(shard_of("convoy.txt", 3));
  EXPECT_TRUE(Xapian::Database(home.string()).term_exists("Qconvoy.txt"));
  EXPECT_THAT(testing::search_ids(path("db"), "tractors"), ElementsAre("convoy.txt"));

  // A rebuild into 2 shards keeps the added article, now in its new shard.
  const auto rebuilt = index("db", {"--rebuild", "--shards", "2"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_THAT(rebuilt.out, HasSubstr("14 articles in the index"));
  EXPECT_EQ(index_shard_count(path("db")), 2u);
  EXPECT_FALSE(fs::exists(path("db") / "shard-2"));
  EXPECT_FALSE(fs::exists(path("db.rebuild")));
  EXPECT_THAT(testing::search_ids(path("db"), "tractors"), ElementsAre("convoy.txt"));

  const auto removed = run_cli({"remove", "--db", path("db").string(), "convoy.txt", "nosuch"});
  EXPECT_EQ(removed.exit_code, code(ExitCode::not_found));
  EXPECT_THAT(removed.out, HasSubstr("removed 1"));
  EXPECT_THAT(removed.out, HasSubstr("13 articles in the index"));
  EXPECT_TRUE(testing::search_ids(path("db"), "tractors").empty());

  // And back to one database.
  const auto joined = index("db", {"--rebuild", "--shards", "1"});
  ASSERT_EQ(joined.exit_code, 0) << joined.err;
  EXPECT_EQ(index_shard_count(path("db")), 1u);
  EXPECT_FALSE(fs::exists(path("db") / kShardStubName));
  EXPECT_EQ(testing::search_ids(path("db"), "sanctions"), sanctions);
}

TEST_F(Shards, ShardsTaggedWithDifferentGazetteersAreRefused) {
  index_or_fail("a");
  testing::write_file(path("other.tsv"), "putin\tperson\tVladimir Putin\tPutin|Путин\t\n");
  index_or_fail("b", {"--gazetteer", path("other.tsv").string()});
  const auto result =
      run_cli({"search", "--db", path("a").string(), "--db", path("b").string(), "Putin"});
  EXPECT_EQ(result.exit_code, code(ExitCode::incompatible));
  EXPECT_THAT(result.err, HasSubstr("different entity gazetteers"));
  EXPECT_THAT(result.err, HasSubstr(path("b").string()));
}

TEST_F(Shards, StubFileLinesInXapianAndIssueSpellings) {
  testing::write_file(path("all.stub"),
                      "# comment\n\nauto db\nglass /abs/db\nremote search1:33333\n"
                      "remote tcp 10.0.0.2:4000\nremote [fd00::1]:5000\n"
                      "remote :xapian-progsrv /srv/shard\n");
  const std::vector<ShardSpec> shards = read_stub_file(path("all.stub"));
  ASSERT_EQ(shards.size(), 6u);
  EXPECT_EQ(shards[0].path, path("db"));
  EXPECT_EQ(shards[1].path, fs::path("/abs/db"));
  std::vector<std::string> described;
  for (const ShardSpec& shard : shards) described.push_back(shard.describe());
  EXPECT_THAT(described, ElementsAre("'" + path("db").string() + "'", "'/abs/db'",
                                     "remote search1:33333", "remote 10.0.0.2:4000",
                                     "remote [fd00::1]:5000", "remote :xapian-progsrv /srv/shard"));
  EXPECT_EQ(shards[4].host, "fd00::1");
  EXPECT_EQ(shards[2].origin, "line 5 of '" + path("all.stub").string() + "'");
}

TEST_F(Shards, BadStubLineIsNamed) {
  testing::write_file(path("bad.stub"), "# comment\nremote nowhere\n");
  const auto result = run_cli({"search", "--db", path("bad.stub").string(), "Putin"});
  EXPECT_EQ(result.exit_code, code(ExitCode::usage));
  EXPECT_THAT(result.err, HasSubstr("line 2 of '" + path("bad.stub").string() + "'"));
  // The page the message points at, which scripts/check_docs.py checks exists.
  EXPECT_THAT(result.err, HasSubstr("see docs/scaling-out.md"));
}

// Two shards, each served by its own xapian-tcpsrv on 127.0.0.1.
class RemoteShards : public Shards {
 protected:
  void SetUp() override {
    if (!testing::TcpServer::program()) {
      GTEST_SKIP() << "xapian-tcpsrv is not installed (package xapian-tools; scripts/deps.sh "
                      "installs it), so the remote shard tests cannot run";
    }
    Shards::SetUp();
    index_or_fail("sharded", {"--shards", "2"});
    servers_[0] = std::make_unique<testing::TcpServer>(path("sharded") / "shard-0");
    servers_[1] = std::make_unique<testing::TcpServer>(path("sharded") / "shard-1");
    // Xapian's spelling and the issue's `remote tcp` spelling: both are read.
    testing::write_file(stub(), "remote " + servers_[0]->address() + "\nremote tcp " +
                                    servers_[1]->address() + "\n");
  }
  fs::path stub() const { return path("remote.stub"); }

  std::unique_ptr<testing::TcpServer> servers_[2];
};

TEST_F(RemoteShards, SearchThroughStubMatchesLocalShards) {
  Searcher local(path("sharded"));
  Searcher remote(stub());
  for (const SearchRequest& request : query_classes()) {
    expect_same_results(local.search(request), remote.search(request), request.query);
  }
  EXPECT_EQ(remote.stats().articles, 13u);
  EXPECT_EQ(remote.stats().remote_shards, 2u);
  EXPECT_EQ(remote.entities("person", "Putin").entities.at(0).count,
            local.entities("person", "Putin").entities.at(0).count);

  const auto via_cli =
      run_cli({"search", "--db", stub().string(), "--json", "--facets", "3", "person:Лукашенко"});
  const auto via_folder = run_cli(
      {"search", "--db", path("sharded").string(), "--json", "--facets", "3", "person:Лукашенко"});
  ASSERT_EQ(via_cli.exit_code, 0) << via_cli.err;
  EXPECT_EQ(via_cli.out, via_folder.out);
}

TEST_F(RemoteShards, DownShardIsNamedOrSkippedWithAllowPartial) {
  servers_[1]->stop();
  const std::string down = "remote " + servers_[1]->address();

  const auto failed = run_cli({"search", "--db", stub().string(), "sanctions"});
  EXPECT_EQ(failed.exit_code, code(ExitCode::unavailable));
  EXPECT_THAT(failed.err,
              HasSubstr("cannot reach shard " + down + " (line 2 of '" + stub().string() + "')"));
  EXPECT_THAT(failed.err, HasSubstr("--allow-partial"));
  EXPECT_EQ(std::count(failed.err.begin(), failed.err.end(), '\n'), 1) << failed.err;
  EXPECT_TRUE(failed.out.empty());

  // The other shard's results, scored as that shard alone scores them.
  const auto partial =
      run_cli({"search", "--db", stub().string(), "--allow-partial", "--json", "sanctions"});
  ASSERT_EQ(partial.exit_code, 0) << partial.err;
  const auto json = nlohmann::json::parse(partial.out);
  EXPECT_EQ(json["partial"], true);
  EXPECT_EQ(json["missing_shards"], nlohmann::json::array({down}));
  const auto alone = nlohmann::json::parse(
      run_cli({"search", "--db", (path("sharded") / "shard-0").string(), "--json", "sanctions"})
          .out);
  ASSERT_FALSE(alone["hits"].empty());
  EXPECT_EQ(json["hits"], alone["hits"]);

  const auto text = run_cli({"search", "--db", stub().string(), "--allow-partial", "sanctions"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, ::testing::StartsWith("partial results: shard " + down +
                                              " could not be reached; its articles are missing\n"));

  servers_[0]->stop();
  const auto none =
      run_cli({"search", "--db", stub().string(), "--allow-partial", "--json", "sanctions"});
  EXPECT_EQ(none.exit_code, code(ExitCode::unavailable));
  EXPECT_THAT(none.err, HasSubstr("none of the shards"));
}

}  // namespace
}  // namespace naviny
