#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "searcher/highlighter.h"

namespace naviny {

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool exact = false;    // match surface forms only: no folding, transliteration or name keys
  bool snippets = true;  // computing snippets costs a pass over each hit's text
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result, not from the offset
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  double score = 0;
  Snippet snippet;
};

struct SearchResults {
  std::string query;
  std::size_t total_estimate = 0;
  std::size_t offset = 0;
  std::vector<Hit> hits;
};

struct IndexStats {
  std::filesystem::path path;
  std::size_t articles = 0;
  std::size_t distinct_terms = 0;
  std::uint64_t term_occurrences = 0;
  std::uintmax_t size_bytes = 0;
  std::string last_update;
  std::string schema_version;
  std::string analyzer;
};

}  // namespace naviny
