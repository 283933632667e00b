// The query language's operators, front-matter fields and dates (issue 20): NEAR/N and ADJ/N as
// Xapian's QueryParser defines them, lang: and source: whatever their case, and date: filters of
// days, months, years and open ranges, with a bad date a query error that says how to write one.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::HasSubstr;

// Ten words that name nobody, to put names far apart.
constexpr const char* kFiller = "the long meeting went on about roads, bread, prices and schools ";

class QuerySyntax : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>();
    const auto write = [](const std::string& name, const std::string& text) {
      testing::write_file(corpus() / name, text);
    };
    // Putin and Medvedev near, in either order and in Russian; far apart; one of them; neither.
    write("near.txt",
          "Kremlin talks\n\nPutin met Medvedev in the Kremlin to discuss the budget.\n");
    write("reversed.txt", "Budget talks\n\nMedvedev and Putin spoke about the budget.\n");
    write("russian.txt", "Переговоры\n\nПутин и Медведев обсудили бюджет в Кремле.\n");
    write("far.txt", "Kremlin budget\n\nPutin opened the talks on the budget; " +
                         std::string(kFiller) + kFiller + "then Medvedev spoke in the Kremlin.\n");
    write("putin-only.txt", "Putin budget\n\nPutin spoke about the budget in the Kremlin.\n");
    write("neither.txt", "Kremlin budget talks\n\nThe budget talks in the Kremlin ended.\n");
    write("lukashenka.txt", "Sochi\n\nŁukašenka met Putin in Sochi.\n");
    // A name as one phrase, and its two words apart.
    write("voice-phrase.txt", "Радио\n\nРадиостанция «Голос Америки» вышла в эфир.\n");
    write("voice-apart.txt", "Радио\n\nГолос диктора звучал из Америки.\n");
    // Front matter: corpus/README.md's example, a source in Cyrillic, a language with its region.
    write("eu.txt",
          "---\ntitle: EU weighs new sanctions on Minsk\ndate: 2021-06-24\nsource: Fixture "
          "Wire\nurl: https://example.org/eu-sanctions\nlang: en\n---\nBrussels discussed a "
          "fourth package of sanctions.\n");
    write("belta.txt", "---\ndate: 2021-01-15\nsource: Белта\nlang: rus\n---\nМинск\n\nСанкции.\n");
    write("gb.txt",
          "---\ndate: 2021-06-30\nsource: fixture wire\nlang: en-GB\n---\nLondon\n\n"
          "Sanctions.\n");
    write("dec.txt", "---\ndate: 2020-12-31\n---\nNew year\n\nSanctions.\n");
    write("mar.txt", "---\ndate: 2022-03-01\n---\nSpring\n\nSanctions.\n");
    write("bad-date.txt", "---\ndate: 2021-02-30\n---\nBad date\n\nSanctions.\n");
    testing::index_or_fail(corpus(), db());
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::filesystem::path corpus() { return dir_->path() / "corpus"; }
  static std::filesystem::path db() { return dir_->path() / "db"; }

  static std::vector<std::string> sorted_ids(const std::string& query) {
    auto found = testing::search_ids(db(), query);
    std::sort(found.begin(), found.end());
    return found;
  }

  // The message of the QueryError the query raises, or "" if it raises none.
  static std::string query_error(const std::string& query) {
    try {
      testing::search_ids(db(), query);
    } catch (const QueryError& e) {
      return e.what();
    }
    return {};
  }

 private:
  static inline std::unique_ptr<testing::TempDir> dir_;
};

struct FoundCase {
  const char* query;
  std::vector<std::string> ids;  // sorted
};

void expect_found(const std::vector<FoundCase>& cases,
                  const std::function<std::vector<std::string>(const std::string&)>& search) {
  for (const FoundCase& c : cases) EXPECT_EQ(search(c.query), c.ids) << c.query;
}

TEST_F(QuerySyntax, NearAndAdjFindTheWordsWithinTheirWindow) {
  const std::vector<std::string> within_three{"near.txt", "reversed.txt", "russian.txt"};
  expect_found(
      {
          {"Putin NEAR/3 Medvedev", within_three},
          {"Medvedev NEAR/3 Putin", within_three},
          {"Путин NEAR/3 Медведев", within_three},
          {"Putin NEAR Medvedev", within_three},  // Xapian's default: within 10 words
          {"Putin NEAR/40 Medvedev", {"far.txt", "near.txt", "reversed.txt", "russian.txt"}},
          // ADJ keeps the order.
          {"Putin ADJ/3 Medvedev", {"near.txt", "russian.txt"}},
          {"Medvedev ADJ/3 Putin", {"reversed.txt"}},
          {"Putin ADJ/40 Medvedev", {"far.txt", "near.txt", "russian.txt"}},
          // Another spelling of a name, as everywhere else (Łukašenka, Lukashenko).
          {"Lukashenko NEAR/3 Putin", {"lukashenka.txt"}},
          {"Lukashenko ADJ/3 Putin", {"lukashenka.txt"}},
          {"Medvedev NEAR/3 Sochi", {}},
      },
      sorted_ids);
}

// A reader pastes a name with the quotation marks of its language: Russian, Ukrainian and
// Belarusian write «…», Polish, Czech, Slovak, Bulgarian and German „…“ or „…”, Slovene also »…«.
// Each quotes a phrase, as "…" does.
TEST_F(QuerySyntax, EveryLanguagesQuotationMarksQuoteAPhrase) {
  const std::vector<std::string> phrase{"voice-phrase.txt"};
  expect_found(
      {
          {"\"Голос Америки\"", phrase},
          {"«Голос Америки»", phrase},
          {"„Голос Америки“", phrase},
          {"„Голос Америки”", phrase},
          {"»Голос Америки«", phrase},
          {"“Голос Америки”", phrase},
          {"title:Радио AND «Голос Америки»", phrase},
          // Marks inside a phrase are part of it: a quoted name in a quoted phrase, or an
          // opening mark left unclosed.
          {"\"Радиостанция «Голос Америки»\"", phrase},
          {"\"Радиостанция «Голос Америки\"", phrase},
          {"«Радиостанция «Голос Америки»»", phrase},
          {"„Радиостанция «Голос Америки»“", phrase},
          {"«Радиостанция \"Голос Америки\"»", phrase},
          {"«Голос Америки", phrase},
          // Unquoted, words that name an entity together (Voice of America) are read as the
          // name; with an operator they are words again.
          {"Голос Америки", phrase},
          {"Голос OR Америки", {"voice-apart.txt", "voice-phrase.txt"}},
      },
      sorted_ids);
}

TEST_F(QuerySyntax, SourceAndLangMatchWhateverTheirCase) {
  const std::vector<std::string> wire{"eu.txt", "gb.txt"};
  expect_found(
      {
          {"source:\"Fixture Wire\"", wire},
          {"source:\"fixture wire\"", wire},
          {"source:\"FIXTURE WIRE\"", wire},
          {"source:Белта", {"belta.txt"}},
          {"source:БЕЛТА", {"belta.txt"}},
          {"source:белта", {"belta.txt"}},
          {"lang:en", wire},
          {"lang:EN", wire},
          {"lang:eng", wire},
          {"lang:ENG", wire},
          {"lang:en-GB", wire},
          {"lang:ru", {"belta.txt"}},
          {"lang:RUS", {"belta.txt"}},
          {"sanctions lang:EN source:\"Fixture Wire\"", wire},
      },
      sorted_ids);
}

TEST_F(QuerySyntax, DatesYearsMonthsAndOpenRanges) {
  expect_found(
      {
          {"date:2021", {"belta.txt", "eu.txt", "gb.txt"}},
          {"date:2021-06", {"eu.txt", "gb.txt"}},
          {"date:2021-06-24", {"eu.txt"}},
          {"date:2020-12-31..2021-01-15", {"belta.txt", "dec.txt"}},
          {"date:2021-01..2021-06", {"belta.txt", "eu.txt", "gb.txt"}},
          {"date:2020..2021-01", {"belta.txt", "dec.txt"}},
          {"date:2021-06..", {"eu.txt", "gb.txt", "mar.txt"}},
          {"date:..2021-01", {"belta.txt", "dec.txt"}},
          {"date:2021-06-25..", {"gb.txt", "mar.txt"}},
          {"date:2024-02-29", {}},  // a leap day
          {"sanctions date:2021-06", {"eu.txt", "gb.txt"}},
      },
      sorted_ids);
}

TEST_F(QuerySyntax, BadDatesAreQueryErrorsSayingHowToWriteThem) {
  const std::string how = "write dates as YYYY-MM-DD, YYYY-MM or YYYY";
  struct ErrorCase {
    const char* query;
    std::vector<std::string> said;
  };
  const std::vector<ErrorCase> cases{
      {"date:yesterday", {"'yesterday' is not a date", how, "date:2021-06.."}},
      {"date:2021-6", {"'2021-6' is not a date", how}},
      {"date:21-06-01", {"not a date", how}},
      {"date:2021-02-30", {"February 2021 has 28 days", how}},
      {"date:2023-02-29", {"February 2023 has 28 days"}},
      {"date:2020-13-45..2021-01-01", {"2020-13-45", "there is no month 13", how}},
      {"date:2021-01-01..2020-01-01",
       {"ends before it starts",
        "write the earlier date first, as in date:2020-01-01..2021-01-01"}},
      {"date:2021-06..2021-05", {"ends before it starts"}},
      {"date:..", {"gives neither end of the range", how}},
      {"Putin date:2021-00", {"there is no month 0"}},
  };
  for (const ErrorCase& c : cases) {
    const std::string message = query_error(c.query);
    for (const std::string& part : c.said) EXPECT_THAT(message, HasSubstr(part)) << c.query;
  }
}

TEST_F(QuerySyntax, ABadDateExitsWithCodeFourOnOneLine) {
  const testing::CliResult result =
      testing::run_cli({"search", "--db", db().string(), "date:yesterday"});
  EXPECT_EQ(result.exit_code, static_cast<int>(ExitCode::bad_query));
  EXPECT_EQ(result.err.rfind("naviny: date:yesterday: 'yesterday' is not a date; ", 0), 0u)
      << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST(FrontMatterDates, AnInvalidDateIsWarnedAboutAndNotStored) {
  testing::TempDir dir;
  testing::write_file(dir / "corpus/bad-date.txt",
                      "---\ndate: 2021-02-30\n---\nBad date\n\nSanctions.\n");
  const testing::CliResult indexed =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(indexed.err,
            "naviny: warning: bad-date.txt: date '2021-02-30' is no day of the calendar "
            "(February 2021 has 28 days); indexed without a date\n");
  // Still indexed, without a date.
  const testing::CliResult found =
      testing::run_cli({"search", "--db", (dir / "db").string(), "--json", "sanctions"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  const auto hits = nlohmann::json::parse(found.out)["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["id"], "bad-date.txt");
  EXPECT_TRUE(!hits[0].contains("date") || hits[0]["date"].is_null()) << hits[0].dump();
  EXPECT_EQ(testing::search_ids(dir / "db", "date:..9999"), std::vector<std::string>{});
}

}  // namespace
}  // namespace naviny
