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
