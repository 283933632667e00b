// Queries typed in anger or by a script gone wrong: each gives sensible results, or a one-line
// error with exit code 4, and never a crash or a hang (ctest's per-test timeout catches those).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/errors.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class HostileQuery : public testing::IndexedOnce<testing::mini_corpus> {
 protected:
  static testing::CliResult search(const std::string& query) {
    return testing::run_cli({"search", "--db", db().string(), "--json", query});
  }
  // The query fails with exit code 4 and one line that contains `message`.
  static void expect_refused(const std::string& query, const std::string& message) {
    const testing::CliResult result = search(query);
    EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::bad_query)) << query.substr(0, 40);
    EXPECT_THAT(result.err, HasSubstr(message));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(result.out.empty());
  }
  // The query succeeds; returns the JSON it printed.
  static std::string expect_answered(const std::string& query) {
    const testing::CliResult result = search(query);
    EXPECT_EQ(result.exit_code, 0) << query.substr(0, 40) << ": " << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    return result.out;
  }
};

std::string repeated(const std::string& word, std::size_t bytes) {
  std::string text;
  while (text.size() + word.size() <= bytes) text += word;
  return text;
}

TEST_F(HostileQuery, TenThousandCharactersAreRefusedSayingHowMuchIsTaken) {
  const std::string query = repeated("Putin ", 10'000);
  expect_refused(query, "the query is " + std::to_string(query.size()) +
                            " bytes long, more than naviny takes (4096); shorten it");
  // The worst case for finding where a query stops parsing: thousands of words, then an error.
  expect_refused(repeated("a ", 9'996) + "AND", "more than naviny takes");
}

TEST_F(HostileQuery, LongQueryUnderTheLimitIsAnswered) {
  EXPECT_THAT(expect_answered(repeated("Putin ", 4'000)), HasSubstr("\"kremlin.txt\""));
}

TEST_F(HostileQuery, OperatorsAloneAreRefused) {
  expect_refused("AND OR NOT", "cannot parse the query at word 1 ('AND', character 1)");
  expect_refused("NOT", "cannot parse the query at word 1");
  expect_refused("((( )))", "the query has no words to search for");
  expect_refused("+ -", "the query has no words to search for");
}

TEST_F(HostileQuery, UnbalancedQuotesAreReadAsAPhraseToTheEnd) {
  EXPECT_THAT(expect_answered("\"Vladimir Putin"), HasSubstr("\"kremlin.txt\""));
  EXPECT_THAT(expect_answered("Putin \""), HasSubstr("\"kremlin.txt\""));
  expect_refused("\"", "the query has no words to search for");
}

TEST_F(HostileQuery, UnknownFieldIsRefusedWithTheKnownOnes) {
  // Xapian alone would read "foo:bar" as the phrase "foo bar" and silently find nothing.
  expect_refused("foo:bar", "unknown field 'foo:' in the query; the fields are title:, id:");
  expect_refused("Putin persn:Putin", "unknown field 'persn:'");
  // Colons that are not fields: quoted, a time, a URL.
  EXPECT_THAT(expect_answered("Putin \"foo:bar\" 10:30 https://example.org"),
              HasSubstr("\"kremlin.txt\""));
}

TEST_F(HostileQuery, BadDateRangeSaysHowToWriteDates) {
  expect_refused("date:abc..def", "write dates as YYYY-MM-DD");
}

TEST_F(HostileQuery, ControlCharactersSeparateWords) {
  EXPECT_THAT(expect_answered("Putin\x01\x07\x1b[31mloan\x7f"), HasSubstr("\"kremlin.txt\""));
  expect_refused("\x01\x02\t\r\n", "the query is empty");
}

TEST_F(HostileQuery, TextOutputCarriesNoTerminalEscapes) {
  const auto result =
      testing::run_cli({"search", "--db", db().string(), "Putin\x1b]0;pwned\x07\x1b[2J"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("results for 'Putin"));
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(result.out.find('\x07'), std::string::npos);
}

TEST_F(HostileQuery, NulBytesSeparateWords) {
  // A command line cannot carry NUL bytes, but a program using the library can.
  Searcher searcher(db());
  SearchRequest request;
  request.query = std::string("loan\0Putin\0", 11);
  std::vector<std::string> ids;
  for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  EXPECT_THAT(ids, Contains("kremlin.txt"));
  request.query = std::string("\0\0\0", 3);
  EXPECT_THROW(searcher.search(request), QueryError);
}

}  // namespace
}  // namespace naviny
