// Sharded indexes (issue 7): `naviny index --shards N`, add/remove/rebuild on shards, searching
// several databases together (--db repeated, a sharded index folder, a stub file), and shards
// served by the real xapian-tcpsrv.

#include "common/shards.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>

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

// The unique-id terms of a database, and what it records as its part of a split.
std::set<std::string> id_terms(const fs::path& db) {
  const Xapian::Database opened(db.string());
  std::set<std::string> terms;
  for (auto term = opened.allterms_begin("Q"); term != opened.allterms_end("Q"); ++term) {
    terms.insert(*term);
  }
  return terms;
}
std::string recorded_part(const fs::path& db) {
  return Xapian::Database(db.string()).get_metadata("naviny.shard_part");
}

struct PartSpelling {
  std::string given;
  std::optional<ShardPart> read;  // nullopt: refused
  std::string message;            // part of the refusal
};

TEST(ShardPart, ReadsKOfNNumberedFromZero) {
  const PartSpelling cases[] = {
      {"0/2", ShardPart{0, 2}, ""},
      {"1/2", ShardPart{1, 2}, ""},
      {"0/1", ShardPart{0, 1}, ""},
      {"1023/1024", ShardPart{1023, 1024}, ""},
      {"2/2", std::nullopt,
       "shards are numbered from 0, as the folders shard-0 … are, so the 2 shards are "
       "0/2 to 1/2"},
      {"1/1025", std::nullopt, "give the shard as K/N"},
      {"0/0", std::nullopt, "give the shard as K/N"},
      {"1", std::nullopt, "give the shard as K/N"},
      {"a/2", std::nullopt, "give the shard as K/N"},
      {"-1/2", std::nullopt, "give the shard as K/N"},
      {"1/2/3", std::nullopt, "give the shard as K/N"},
      {"", std::nullopt, "give the shard as K/N"},
  };
  for (const PartSpelling& spelling : cases) {
    if (spelling.read) {
      EXPECT_EQ(parse_shard_part(spelling.given), *spelling.read) << spelling.given;
      EXPECT_EQ(parse_shard_part(spelling.given).text(), spelling.given);
      continue;
    }
    try {
      parse_shard_part(spelling.given);
      ADD_FAILURE() << "'" << spelling.given << "' was read";
    } catch (const UsageError& e) {
      EXPECT_THAT(e.what(), HasSubstr("--shard " + spelling.given + ": " + spelling.message));
    }
  }
}

TEST_F(Shards, ShardPartsHoldTheArticlesOfTheirShardOnly) {
  std::set<std::string> together;
  for (std::size_t shard = 0; shard < 2; ++shard) {
    const std::string part = ShardPart{shard, 2}.text();
    const auto result = index("part-" + std::to_string(shard), {"--shard", part});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::set<std::string> terms = id_terms(path("part-" + std::to_string(shard)));
    EXPECT_FALSE(terms.empty());
    for (const std::string& term : terms) EXPECT_EQ(shard_of(term.substr(1), 2), shard) << term;
    EXPECT_EQ(recorded_part(path("part-" + std::to_string(shard))), part);
    together.insert(terms.begin(), terms.end());
  }
  index_or_fail("whole");
  EXPECT_EQ(together, id_terms(path("whole")));

  // Files of the other shard are not missed: removing one removes nothing here...
  std::string other_file;
  for (const auto& entry : fs::directory_iterator(corpus())) {
    const std::string id = entry.path().filename().string();
    if (entry.path().extension() == ".txt" && shard_of(id, 2) == 1) other_file = id;
  }
  ASSERT_FALSE(other_file.empty());
  fs::remove(corpus() / other_file);
  const std::size_t kept = id_terms(path("part-0")).size();
  const auto again = index("part-0", {"--shard", "0/2"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("removed 0, unchanged " + std::to_string(kept) +
                                   ", skipped 0; " + std::to_string(kept) + " articles"));
  // ...and one there.
  const auto there = index("part-1", {"--shard", "1/2"});
  ASSERT_EQ(there.exit_code, 0) << there.err;
  EXPECT_THAT(there.out, HasSubstr("removed 1"));
  EXPECT_FALSE(id_terms(path("part-1")).contains("Q" + other_file));
}

using Arguments = std::vector<std::string>;
struct PartMismatch {
  std::optional<Arguments> first;  // the run that made the index, if any
  std::vector<std::string> then;
  ExitCode code;
  std::string message;
};

TEST_F(Shards, IndexOfAnotherPartIsRefused) {
  const PartMismatch cases[] = {
      {Arguments{"--shard", "0/2"},
       {"--shard", "1/2"},
       ExitCode::incompatible,
       "holds shard 0/2 of a split corpus (`naviny index --shard 0/2`), not shard 1/2; give "
       "--shard 0/2, or --db the folder of shard 1/2"},
      {Arguments{"--shard", "0/2"}, {"--shard", "0/3"}, ExitCode::incompatible, "not shard 0/3"},
      {Arguments{"--shard", "0/2"}, Arguments{}, ExitCode::incompatible,
       "holds only shard 0/2 of a split corpus (`naviny index --shard 0/2`); index it with "
       "--shard 0/2, or give --db another folder for the whole corpus"},
      {Arguments{},
       {"--shard", "0/2"},
       ExitCode::incompatible,
       "holds a whole corpus, not shard 0/2; give --db a new folder for the shard"},
      {Arguments{"--shards", "2"},
       {"--shard", "0/2"},
       ExitCode::usage,
       "is a sharded index folder of 2 shards; give --db a folder of its own for this shard"},
      {Arguments{"--shard", "0/2"},
       {"--rebuild", "--shard", "1/2"},
       ExitCode::incompatible,
       "--rebuild rebuilds the articles an index holds, and the index at"},
      {Arguments{},
       {"--rebuild", "--shard", "0/2"},
       ExitCode::incompatible,
       "holds a whole corpus, not shard 0/2; give --db a new folder for shard 0/2"},
      {std::nullopt, {"--shard", "2/2"}, ExitCode::usage, "shards are numbered from 0"},
      {std::nullopt, {"--shard", "0/2", "--shards", "2"}, ExitCode::usage, "excludes"},
  };
  int run = 0;
  for (const PartMismatch& mismatch : cases) {
    const std::string db = "db-" + std::to_string(run++);
    if (mismatch.first) index_or_fail(db, *mismatch.first);
    const std::set<std::string> before =
        mismatch.first ? id_terms(path(db)) : std::set<std::string>();
    const auto result = index(db, mismatch.then);
    EXPECT_EQ(result.exit_code, code(mismatch.code)) << result.err;
    EXPECT_THAT(result.err, HasSubstr(mismatch.message));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    if (mismatch.first) {
      EXPECT_EQ(id_terms(path(db)), before) << "the index changed";
    } else {
      EXPECT_FALSE(fs::exists(path(db))) << "a refused run left an index behind";
    }
  }
}

TEST_F(Shards, AddAndRebuildKeepToTheShardPart) {
  index_or_fail("part", {"--shard", "1/2"});
  const std::set<std::string> indexed = id_terms(path("part"));
  // Ids of each shard: the one this index holds, and the other.
  std::string mine = "note-0.txt";
  std::string other = "note-0.txt";
  for (int i = 0; shard_of(mine, 2) != 1; ++i) mine = "note-" + std::to_string(i) + ".txt";
  for (int i = 0; shard_of(other, 2) != 0; ++i) other = "note-" + std::to_string(i) + ".txt";
  for (const std::string& id : {mine, other}) {
    testing::write_file(path("notes") / id, "Tractors in Minsk\n\nA convoy drove through.\n");
  }
  const auto added = run_cli({"add", "--db", path("part").string(), (path("notes") / mine).string(),
                              (path("notes") / other).string()});
  EXPECT_EQ(added.exit_code, code(ExitCode::bad_input));
  EXPECT_THAT(added.err, HasSubstr("belongs to shard 0/2 by the hash of its id '" + other +
                                   "', and this index holds shard 1/2 only"));
  EXPECT_THAT(added.out, HasSubstr("added 1, updated 0, unchanged 0, skipped 1"));

  const auto rebuilt = index("part", {"--rebuild"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  std::set<std::string> expected = indexed;
  expected.insert("Q" + mine);
  EXPECT_EQ(id_terms(path("part")), expected);
  EXPECT_EQ(recorded_part(path("part")), "1/2");
}

TEST_F(Shards, ShardPartsCopiedIntoAShardedFolderUpdateAsOneIndex) {
  for (std::size_t shard = 0; shard < 2; ++shard) {
    index_or_fail("part-" + std::to_string(shard), {"--shard", ShardPart{shard, 2}.text()});
    testing::copy_folder(path("part-" + std::to_string(shard)),
                         path("assembled") / shard_folder_name(shard));
  }
  testing::write_file(path("assembled") / kShardStubName, shard_stub_text(2));
  const auto again = index("assembled");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("removed 0, unchanged 13, skipped 0; 13 articles"));
  index_or_fail("sharded", {"--shards", "2"});
  EXPECT_EQ(testing::search_ids(path("assembled"), "Belarus"),
            testing::search_ids(path("sharded"), "Belarus"));
}

struct SplitSearched {
  std::vector<std::string> parts;  // databases listed in the stub, by the part they hold
  std::string message;             // the refusal; empty: searched
};

TEST_F(Shards, StubOfShardPartsIsCheckedForEveryPartOnce) {
  for (const std::string part : {"0/3", "1/3", "2/3", "1/2"}) {
    std::string folder = "part-" + part;
    std::replace(folder.begin(), folder.end(), '/', '-');
    index_or_fail(folder, {"--shard", part});
  }
  const SplitSearched cases[] = {
      {{"0/3", "1/3", "2/3"}, ""},
      {{"2/3", "0/3", "1/3"}, ""},
      {{"1/3"}, ""},  // one shard alone, to look at it
      {{"0/3", "1/3", "1/3", "2/3"}, "both hold shard 1/3, so its articles would be found twice"},
      {{"0/3", "2/3"}, "shard 1/3 of the split that the shard"},
      {{"0/3", "1/2", "2/3"}, "holds shard 0/3 but the shard"},
  };
  for (const SplitSearched& split : cases) {
    std::string stub;
    for (std::string part : split.parts) {
      std::replace(part.begin(), part.end(), '/', '-');
      stub += "auto part-" + part + "\n";
    }
    testing::write_file(path("parts.stub"), stub);
    const auto result =
        run_cli({"search", "--db", path("parts.stub").string(), "--json", "Belarus"});
    if (split.message.empty()) {
      EXPECT_EQ(result.exit_code, 0) << stub << result.err;
      continue;
    }
    EXPECT_EQ(result.exit_code, code(ExitCode::incompatible)) << stub;
    EXPECT_THAT(result.err, HasSubstr(split.message)) << stub;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
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

// N processes each build one shard with `naviny index --shard K/N`, at the same time, as N
// machines would; each shard is served by its own xapian-tcpsrv, and the stub that lists them
// searches as the index built by one process with --shards N, and as one database.
TEST_F(Shards, ShardsBuiltByConcurrentProcessesSearchAsOneThroughTcpsrv) {
  if (!testing::TcpServer::program()) {
    GTEST_SKIP() << "xapian-tcpsrv is not installed (package xapian-tools; scripts/deps.sh "
                    "installs it), so the remote shard tests cannot run";
  }
  constexpr std::size_t kShards = 3;
  std::vector<pid_t> builders;
  for (std::size_t shard = 0; shard < kShards; ++shard) {
    builders.push_back(testing::spawn_naviny(
        {"index", "--quiet", "--shard", ShardPart{shard, kShards}.text(), "--db",
         path("machine-" + std::to_string(shard)).string(), corpus().string()},
        path("machine-" + std::to_string(shard) + ".log")));
  }
  for (const pid_t builder : builders) EXPECT_EQ(testing::wait_naviny(builder), 0);
  index_or_fail("sharded", {"--shards", std::to_string(kShards)});
  index_or_fail("single");

  std::vector<std::unique_ptr<testing::TcpServer>> servers;
  std::string stub;
  for (std::size_t shard = 0; shard < kShards; ++shard) {
    servers.push_back(
        std::make_unique<testing::TcpServer>(path("machine-" + std::to_string(shard))));
    stub += "remote " + servers.back()->address() + "\n";
  }
  testing::write_file(path("machines.stub"), stub);

  Searcher remote(path("machines.stub"));
  Searcher sharded(path("sharded"));
  Searcher single(path("single"));
  for (const SearchRequest& request : query_classes()) {
    const SearchResults expected = sharded.search(request);
    const SearchResults actual = remote.search(request);
    expect_same_results(expected, actual, request.query);
    expect_same_results(single.search(request), actual, request.query + " (one database)");
    ASSERT_TRUE(expected.counts && actual.counts) << request.query;
    EXPECT_TRUE(expected.counts->articles == actual.counts->articles) << request.query;
    EXPECT_TRUE(expected.counts->results() == actual.counts->results()) << request.query;
  }
  EXPECT_EQ(remote.stats().articles, single.stats().articles);
  EXPECT_EQ(remote.stats().term_occurrences, single.stats().term_occurrences);
  EXPECT_EQ(remote.stats().remote_shards, kShards);

  const auto via_stub = run_cli({"search", "--db", path("machines.stub").string(), "--json",
                                 "--facets", "3", "--limit", "50", "Belarus"});
  const auto via_folder = run_cli({"search", "--db", path("sharded").string(), "--json", "--facets",
                                   "3", "--limit", "50", "Belarus"});
  ASSERT_EQ(via_stub.exit_code, 0) << via_stub.err;
  EXPECT_EQ(via_stub.out, via_folder.out);
}

}  // namespace
}  // namespace naviny
