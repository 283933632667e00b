#include "indexer/article.h"

#include <gtest/gtest.h>

#include "common/errors.h"

namespace naviny {
namespace {

TEST(Article, FirstNonEmptyLineIsTheTitle) {
  const Article article = parse_article("\n\n  Title here  \n\nBody line one.\nTwo.\n", "a.txt");
  EXPECT_EQ(article.id, "a.txt");
  EXPECT_EQ(article.title, "Title here");
  EXPECT_EQ(article.body, "Body line one.\nTwo.");
  EXPECT_EQ(article.date, "");
}

TEST(Article, FrontMatterGivesTitleDateAndSource) {
  const Article article = parse_article(
      "---\ntitle: From front matter\ndate: 2021-06-24T10:00:00Z\nsource: Wire\nurl: "
      "https://example.org/a\nlang: en\n---\nBody.\n",
      "a.txt");
  EXPECT_EQ(article.title, "From front matter");
  EXPECT_EQ(article.date, "2021-06-24");
  EXPECT_EQ(article.source, "Wire");
  EXPECT_EQ(article.url, "https://example.org/a");
  EXPECT_EQ(article.lang, "en");
  EXPECT_EQ(article.body, "Body.");
  EXPECT_TRUE(article.warnings.empty());
}

TEST(Article, BadDateIsAWarningNotAFailure) {
  const Article article = parse_article("---\ndate: 24/06/2021\n---\nTitle\nBody\n", "a.txt");
  EXPECT_EQ(article.title, "Title");
  EXPECT_EQ(article.date, "");
  ASSERT_EQ(article.warnings.size(), 1u);
  EXPECT_NE(article.warnings[0].find("not ISO 8601"), std::string::npos);
}

struct DateCase {
  const char* written;
  const char* stored;   // "" if none
  const char* warning;  // part of the one warning, "" if none
};

TEST(Article, FrontMatterDatesAreDaysOfTheCalendar) {
  const std::vector<DateCase> cases{
      {"2021-06-24", "2021-06-24", ""},
      {"2020-02-29", "2020-02-29", ""},
      {"2021-06-24T10:00:00Z", "2021-06-24", ""},
      {"2021-06-24 10:00", "2021-06-24", ""},
      {"2021-02-30", "", "date '2021-02-30' is no day of the calendar (February 2021 has 28 days)"},
      {"2021-13-01", "", "date '2021-13-01' is no day of the calendar (there is no month 13)"},
      {"2021-04-31", "", "(April 2021 has 30 days)"},
      {"2021-06-00", "", "(June 2021 has 30 days)"},
      {"yesterday", "", "date 'yesterday' is not ISO 8601 (YYYY-MM-DD"},
      {"2021-06-24x", "", "date '2021-06-24x' is not ISO 8601"},
      {"2021-6-24", "", "date '2021-6-24' is not ISO 8601"},
  };
  for (const DateCase& c : cases) {
    const Article article =
        parse_article("---\ndate: " + std::string(c.written) + "\n---\nTitle\nBody\n", "a.txt");
    EXPECT_EQ(article.date, c.stored) << c.written;
    if (*c.warning == '\0') {
      EXPECT_TRUE(article.warnings.empty()) << c.written;
    } else {
      ASSERT_EQ(article.warnings.size(), 1u) << c.written;
      EXPECT_NE(article.warnings[0].find(c.warning), std::string::npos) << article.warnings[0];
      EXPECT_NE(article.warnings[0].find("indexed without a date"), std::string::npos);
    }
  }
}

TEST(Article, UnclosedFrontMatterIsText) {
  const Article article = parse_article("---\nTitle after a rule\n", "a.txt");
  EXPECT_EQ(article.title, "---");
}

struct BadCase {
  std::string bytes;
  std::string reason;
};

TEST(Article, BadInputIsRejectedWithItsReason) {
  const std::vector<BadCase> cases{
      {"", "empty"},
      {"  \n\t\n", "empty"},
      {std::string("PK\x03\x04\0\0binary", 12), "binary"},
      {"Title\nCaf\xE9 in Latin-1\n", "not valid UTF-8 (first bad byte at offset 9)"},
      {"---\ntitle:\n---\n\n", "no title"},
  };
  for (const BadCase& bad : cases) {
    try {
      parse_article(bad.bytes, "bad.txt");
      ADD_FAILURE() << "accepted: " << bad.reason;
    } catch (const BadInputError& e) {
      EXPECT_NE(std::string(e.what()).find(bad.reason), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace naviny
