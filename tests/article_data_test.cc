// The document data codec (common/article_data.h): what the indexer writes, the searcher and
// re-indexing read back unchanged, and data of another form is refused with a clear error.

#include "common/article_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/schema.h"

namespace naviny {
namespace {

TEST(ArticleData, RoundTrips) {
  const std::vector<ArticleData> articles{
      {.id = "bbc/ru/001.txt",
       .title = "Лукашенко и «Газпром»: \"цена\" газа",
       .date = "2021-06-24",
       .source = "Белта",
       .url = "https://example.org/a?b=1&c=2",
       .lang = "ru",
       .body = "Первая строка.\n\nВторая, с\ttab и \\ обратной чертой.",
       .entities = {{"alexander-lukashenko", 3}, {"gazprom", 1}}},
      {.id = "x",
       .title = "",
       .date = "",
       .source = "",
       .url = "",
       .lang = "",
       .body = "Only a body.",
       .entities = {}},
  };
  for (const ArticleData& article : articles) {
    EXPECT_EQ(decode_article_data(encode_article_data(article)), article) << article.id;
  }
}

TEST(ArticleData, WritesOnlyTheSchemasKeysAndLeavesOutWhatIsUnknown) {
  ArticleData article{.id = "a",
                      .title = "t",
                      .date = "2020-01-01",
                      .source = "s",
                      .url = "u",
                      .lang = "en",
                      .body = "b",
                      .entities = {{"nato", 2}}};
  const nlohmann::json full = nlohmann::json::parse(encode_article_data(article));
  std::vector<std::string> keys;
  for (const auto& [key, value] : full.items()) keys.push_back(key);
  std::vector<std::string> schema_keys;
  for (const schema::DataField& field : schema::kDataFields) schema_keys.emplace_back(field.key);
  EXPECT_THAT(keys, ::testing::UnorderedElementsAreArray(schema_keys));

  const nlohmann::json bare = nlohmann::json::parse(encode_article_data({.id = "a",
                                                                         .title = "t",
                                                                         .date = "",
                                                                         .source = "",
                                                                         .url = "",
                                                                         .lang = "",
                                                                         .body = "b",
                                                                         .entities = {}}));
  EXPECT_EQ(bare.size(), 3u) << bare.dump();
}

TEST(ArticleData, RefusesDataOfAnotherForm) {
  for (const std::string data : {"", "not json", "[1, 2]", R"({"id": "a", "title": "t"})",
                                 R"({"title": "t", "body": "b"})"}) {
    EXPECT_THROW(decode_article_data(data), BadInputError) << data;
  }
  // A field of another type reads as empty rather than failing the whole search.
  const ArticleData odd =
      decode_article_data(R"({"id": "a", "title": 7, "body": "b", "entities": [3, {"id": "x"}]})");
  EXPECT_EQ(odd.title, "");
  ASSERT_EQ(odd.entities.size(), 1u);
  EXPECT_EQ(odd.entities[0].id, "x");
}

}  // namespace
}  // namespace naviny
