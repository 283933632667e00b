// Inputs found by the fuzzers in fuzz/ (scripts/fuzz.sh), one test per finding, each with the
// input inline and the behaviour a user sees.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/test_support.h"

namespace naviny {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::string repeated(const std::string& part, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += part;
  return text;
}

// A corpus of one ordinary article and one found by the article fuzzer; both must be indexed and
// found, and the run must not fail.
class FuzzFinding : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(corpus() / "good.txt", "Good\n\nBelaruskali raised potash prices.\n");
  }
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path db() const { return dir_ / "db"; }
  void expect_indexed(const std::string& id, const std::string& bytes) const {
    testing::write_file(corpus() / id, bytes);
    const testing::CliResult result =
        testing::run_cli({"index", "--db", db().string(), corpus().string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("added 2, updated 0, removed 0, unchanged 0, skipped 0"));
    EXPECT_THAT(testing::search_ids(db(), "potash"), UnorderedElementsAre("good.txt", id));
  }

  testing::TempDir dir_;
};

// Xapian refuses terms over 245 bytes and throws when the document is stored, which stopped the
// whole `naviny index` run ("Term too long") at the first such article.
TEST_F(FuzzFinding, VeryLongSourceDoesNotStopIndexing) {
  expect_indexed("long-source.txt", "---\ntitle: Potash\nsource: " + repeated("Wire ", 60) +
                                        "\n---\nBelaruskali raised potash prices.\n");
}

TEST_F(FuzzFinding, VeryLongLanguageDoesNotStopIndexing) {
  expect_indexed("long-lang.txt", "---\ntitle: Potash\nlang: " + repeated("x", 250) +
                                      "\n---\nBelaruskali raised potash prices.\n");
}

// A word under the tokenizer's 64-byte limit whose folded forms are much longer: NFKC expands
// U+FDFA (3 bytes) into an 18-letter phrase, so 21 of them make terms of over 600 bytes.
TEST_F(FuzzFinding, WordThatExpandsUnderFoldingDoesNotStopIndexing) {
  expect_indexed("ligature.txt",
                 "Potash\n\nBelaruskali raised potash prices. " + repeated("\uFDFA", 21) + "\n");
}

// A variation selector after an emoji ("❤️" is U+2764 U+FE0F) is a word of its own to the
// tokenizer (a mark), and NFKC case folding removes it: its terms were empty, and Xapian's
// "Empty termnames aren't allowed" stopped the whole run. Found while probing the article
// fuzzer's document checks.
TEST_F(FuzzFinding, WordThatFoldsToNothingDoesNotStopIndexing) {
  expect_indexed("emoji.txt",
                 "Potash \u2764\uFE0F\n\nBelaruskali raised potash prices \u2764\uFE0F.\n");
}

}  // namespace
}  // namespace naviny
