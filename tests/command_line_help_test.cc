// What a newcomer meets at the prompt: `naviny` alone, `naviny help CMD`, a mistyped command, the
// search help without tuning knobs, --ranking files, and bash completion driven through the
// real completion script and binary.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(CommandLineHelp, NavinyAlonePrintsTheCommands) {
  const testing::CliResult result = testing::run_cli({});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, AllOf(HasSubstr("Usage: naviny"), HasSubstr("search"), HasSubstr("index"),
                                HasSubstr("entities"), HasSubstr("help")));
  EXPECT_THAT(result.err, IsEmpty());
}

TEST(CommandLineHelp, HelpOfACommandIsItsOptions) {
  const testing::CliResult help = testing::run_cli({"help", "search"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_THAT(help.out, AllOf(HasSubstr("--limit"), HasSubstr("Query syntax"),
                              HasSubstr("docs/query-syntax.md")));
  EXPECT_EQ(help.out, testing::run_cli({"search", "--help"}).out);
}

struct MistypedCase {
  std::vector<std::string> arguments;
  std::string message;
};

TEST(CommandLineHelp, AMistypedCommandSuggestsTheRightOne) {
  const MistypedCase cases[] = {
      {{"serch", "Putin"}, "'serch' is not a naviny command; did you mean `naviny search`?"},
      {{"entites"}, "did you mean `naviny entities`?"},
      {{"sim", "x"}, "did you mean `naviny similar`?"},
      {{"frobnicate"}, "'frobnicate' is not a naviny command (`naviny help` lists the commands)"},
      {{"help", "serch"}, "there is no command 'serch'; did you mean `naviny help search`?"},
  };
  for (const MistypedCase& c : cases) {
    const testing::CliResult result = testing::run_cli(c.arguments);
    EXPECT_EQ(result.exit_code, 2) << c.arguments.front();
    EXPECT_THAT(result.err, HasSubstr(c.message));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
}

TEST(CommandLineHelp, SearchHelpListsNoTuningKnob) {
  const std::string help = testing::run_cli({"search", "--help"}).out;
  for (const char* knob : {"--bm25", "--expand", "--dfr", "--weighting", "--proximity"}) {
    EXPECT_THAT(help, Not(HasSubstr(knob))) << knob;
  }
  EXPECT_THAT(help, HasSubstr("--ranking"));
}

class RankingFile : public testing::IndexedOnce<testing::seed_corpus> {};

TEST_F(RankingFile, SetsTheParametersItNamesAndRefusesOthers) {
  testing::TempDir dir;
  // BM25 with k1 = 0 ignores how often a word occurs: the order changes as the flag changes it.
  testing::write_file(dir / "flat.conf", "# no term frequency\nbm25-k1 = 0\nexpand-terms=0\n");
  const std::vector<std::string> query{"search", "--db", db().string(), "--json", "Belarus Russia"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> arguments = query;
    arguments.insert(arguments.end() - 1, extra.begin(), extra.end());
    return testing::run_cli(arguments);
  };
  const testing::CliResult from_file = with({"--ranking", (dir / "flat.conf").string()});
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(from_file.out, with({"--bm25-k1", "0", "--expand-terms", "0"}).out);
  EXPECT_NE(from_file.out, with({}).out);

  testing::write_file(dir / "typo.conf", "bm25-k = 0\n");
  const testing::CliResult typo = with({"--ranking", (dir / "typo.conf").string()});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("typo.conf line 1: no ranking parameter 'bm25-k'"));
  const testing::CliResult missing = with({"--ranking", (dir / "none.conf").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("cannot read"));
}

// The candidates bash offers for `line` (the cursor at its end), through completion/naviny.bash
// and the real binary, with the index `db` as $NAVINY_DB.
std::vector<std::string> bash_completions(const std::string& line,
                                          const std::filesystem::path& db) {
  const std::filesystem::path binary_dir = std::filesystem::path(NAVINY_BINARY).parent_path();
  const std::string script =
      "source '" + (testing::source_dir() / "completion/naviny.bash").string() + "'\n" +
      "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n" +
      "read -r -a COMP_WORDS <<<\"$COMP_LINE\"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n" +
      "[[ $COMP_LINE == *' ' ]] && COMP_CWORD=${#COMP_WORDS[@]}\n" +
      "_naviny; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  testing::TempDir dir;
  testing::write_file(dir / "complete.sh", script);
  const std::string command = "PATH='" + binary_dir.string() + "':\"$PATH\" NAVINY_DB='" +
                              db.string() + "' bash '" + (dir / "complete.sh").string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::vector<std::string> candidates;
  std::array<char, 512> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) {
    std::string candidate = buffer.data();
    if (!candidate.empty() && candidate.back() == '\n') candidate.pop_back();
    if (!candidate.empty()) candidates.push_back(candidate);
  }
  return candidates;
}

class BashCompletion : public testing::IndexedOnce<testing::seed_corpus> {};

TEST_F(BashCompletion, CompletesCommandsOptionsFieldsAndEntities) {
  using ::testing::Contains;
  using ::testing::ElementsAre;
  EXPECT_THAT(bash_completions("naviny se", db()), Contains("search"));
  EXPECT_THAT(bash_completions("naviny se", db()), Not(Contains("stats")));
  EXPECT_THAT(bash_completions("naviny ent", db()), ElementsAre("entities"));
  EXPECT_THAT(bash_completions("naviny search --li", db()), ElementsAre("--limit"));
  EXPECT_THAT(bash_completions("naviny search --exp", db()), IsEmpty());  // tuning knobs
  EXPECT_THAT(bash_completions("naviny help simi", db()), ElementsAre("similar"));
  EXPECT_THAT(bash_completions("naviny search pers", db()), ElementsAre("person:"));
  // bash replaces the part after the colon.
  EXPECT_THAT(bash_completions("naviny search person:lukash", db()),
              ElementsAre("alexander-lukashenko"));
  EXPECT_THAT(bash_completions("naviny search Putin AND place:mins", db()), ElementsAre("minsk"));
  // Issue 22: the command and the option that came later follow from the binary.
  EXPECT_THAT(bash_completions("naviny comp", db()), ElementsAre("compact"));
  EXPECT_THAT(bash_completions("naviny index --shard", db()), ElementsAre("--shards", "--shard"));
}

}  // namespace
}  // namespace naviny
