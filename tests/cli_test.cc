#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/schema.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using testing::CliResult;
using testing::run_cli;
using testing::TempDir;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { testing::index_or_fail(testing::mini_corpus(), db()); }
  std::string db() const { return (dir_ / "db").string(); }
  TempDir dir_;
};

int code(ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

// Makes the index look as if another naviny had built it.
void overwrite_metadata(const std::string& db, std::string_view key, const std::string& value) {
  Xapian::WritableDatabase writer(db, Xapian::DB_OPEN);
  writer.set_metadata(std::string(key), value);
  writer.commit();
}

TEST_F(Cli, JsonOutputParsesWithTheDocumentedFields) {
  const CliResult result = run_cli({"search", "--db", db(), "--json", "Putin"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["query"], "Putin");
  EXPECT_EQ(json["total"], 2);
  ASSERT_EQ(json["hits"].size(), 2u);
  for (const auto& hit : json["hits"]) {
    for (const char* key : {"rank", "id", "title", "score", "snippet", "date"}) {
      EXPECT_TRUE(hit.contains(key)) << key << " missing in " << hit.dump();
    }
  }
  EXPECT_EQ(json["hits"][0]["rank"], 1);
  EXPECT_NE(json["hits"][0]["snippet"].get<std::string>().find("**"), std::string::npos);
}

TEST_F(Cli, TextOutputMarksMatchesWhenNotATerminal) {
  const CliResult result = run_cli({"search", "--db", db(), "potash"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("1. Potash and the Belarusian economy"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("**potash**"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("\x1b["), std::string::npos);
}

TEST_F(Cli, ColorAlwaysUsesAnsiHighlight) {
  const CliResult result = run_cli({"search", "--db", db(), "--color", "always", "potash"});
  EXPECT_NE(result.out.find("\x1b[1;33mpotash\x1b[0m"), std::string::npos) << result.out;
}

TEST_F(Cli, LimitAndOffsetPage) {
  const auto all = testing::search_ids(db(), "Lukashenko");
  ASSERT_GE(all.size(), 3u);
  const auto page = nlohmann::json::parse(
      run_cli({"search", "--db", db(), "--json", "--limit", "1", "--offset", "2", "Lukashenko"})
          .out);
  ASSERT_EQ(page["hits"].size(), 1u);
  EXPECT_EQ(page["hits"][0]["id"], all[2]);
  EXPECT_EQ(page["hits"][0]["rank"], 3);
}

TEST_F(Cli, StatsCountsArticles) {
  const CliResult text = run_cli({"stats", "--db", db()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("articles:         8"), std::string::npos) << text.out;
  const auto json = nlohmann::json::parse(run_cli({"stats", "--db", db(), "--json"}).out);
  EXPECT_EQ(json["articles"], 8);
  EXPECT_GT(json["distinct_terms"].get<int>(), 50);
  EXPECT_FALSE(json["last_update"].get<std::string>().empty());
}

TEST_F(Cli, EmptyQueryIsAnError) {
  const CliResult result = run_cli({"search", "--db", db(), "  "});
  EXPECT_EQ(result.exit_code, code(ExitCode::bad_query));
  EXPECT_NE(result.err.find("the query is empty"), std::string::npos) << result.err;
}

TEST_F(Cli, UnparsableQuerySaysWhere) {
  const CliResult result = run_cli({"search", "--db", db(), "sanctions AND"});
  EXPECT_EQ(result.exit_code, code(ExitCode::bad_query));
  EXPECT_NE(result.err.find("at word 2 ('AND', character 11)"), std::string::npos) << result.err;
}

TEST_F(Cli, SecondWriterIsRefused) {
  Xapian::WritableDatabase holder(db(), Xapian::DB_OPEN);
  const CliResult result = run_cli({"index", "--db", db(), testing::mini_corpus().string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::locked));
  EXPECT_NE(result.err.find("is being updated by another naviny process"), std::string::npos)
      << result.err;
}

TEST_F(Cli, IndexOfAnotherSchemaAsksForARebuild) {
  overwrite_metadata(db(), schema::kMetaSchemaVersion, "0");
  const CliResult result = run_cli({"search", "--db", db(), "Putin"});
  EXPECT_EQ(result.exit_code, code(ExitCode::incompatible));
  EXPECT_NE(result.err.find("naviny index --rebuild"), std::string::npos) << result.err;
}

TEST_F(Cli, IndexOfAnotherAnalyzerAsksForARebuild) {
  overwrite_metadata(db(), schema::kMetaAnalyzer, "naviny-analyzer/0 icu/1 rules/0");
  const CliResult result = run_cli({"search", "--db", db(), "Putin"});
  EXPECT_EQ(result.exit_code, code(ExitCode::incompatible));
  EXPECT_NE(result.err.find("was built by analyzer 'naviny-analyzer/0"), std::string::npos)
      << result.err;
}

TEST_F(Cli, RebuildReplacesAnIncompatibleIndex) {
  overwrite_metadata(db(), schema::kMetaSchemaVersion, "0");
  const CliResult rebuilt =
      run_cli({"index", "--rebuild", "--db", db(), testing::mini_corpus().string()});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.out.find("rebuilt "), std::string::npos) << rebuilt.out;
  EXPECT_NE(rebuilt.out.find("added 8,"), std::string::npos) << rebuilt.out;
  EXPECT_EQ(testing::search_ids(db(), "Putin").size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(db() + ".rebuild"));
}

TEST(CliErrors, MissingIndexSaysRunIndexFirst) {
  TempDir dir;
  const CliResult result = run_cli({"search", "--db", (dir / "none").string(), "Putin"});
  EXPECT_EQ(result.exit_code, code(ExitCode::not_found));
  EXPECT_NE(result.err.find("no index at"), std::string::npos);
  EXPECT_NE(result.err.find("run `naviny index"), std::string::npos) << result.err;
}

TEST(CliErrors, MissingCorpusFolder) {
  TempDir dir;
  const CliResult result =
      run_cli({"index", "--db", (dir / "db").string(), (dir / "no-such-corpus").string()});
  EXPECT_EQ(result.exit_code, code(ExitCode::not_found));
  EXPECT_NE(result.err.find("no corpus folder at"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "db")) << "created an index for nothing";
}

TEST(CliErrors, UnknownOptionIsAUsageError) {
  const CliResult result = run_cli({"search", "--frobnicate", "x"});
  EXPECT_EQ(result.exit_code, code(ExitCode::usage));
  EXPECT_NE(result.err.find("naviny --help"), std::string::npos) << result.err;
}

TEST(CliErrors, RealBinaryReturnsTheExitCode) {
  TempDir dir;
  const std::string command = std::string(NAVINY_BINARY) + " search --db '" +
                              (dir / "none").string() + "' Putin 2>/dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), code(ExitCode::not_found));
}

}  // namespace
}  // namespace naviny
