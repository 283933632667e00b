#pragma once

// The document data of an article in the index (schema::kDataFields): written by the indexer,
// read by the searcher and by re-indexing, through this one codec.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace naviny {

struct ArticleData {
  struct Mentioned {
    std::string id;  // entity id
    std::size_t mentions = 0;
    bool operator==(const Mentioned&) const = default;
  };
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD, or empty
  std::string source;
  std::string url;
  std::string lang;
  std::string body;
  std::vector<Mentioned> entities;  // most mentioned first
  bool operator==(const ArticleData&) const = default;
};

// One JSON object; empty metadata is left out.
std::string encode_article_data(const ArticleData& article);

// Throws BadInputError if `data` is not a JSON object with an id, a title and a body (as in an
// index of another schema). Fields of another type read as empty.
ArticleData decode_article_data(std::string_view data);

}  // namespace naviny
