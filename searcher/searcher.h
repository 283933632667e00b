#pragma once

#include <filesystem>
#include <memory>

#include "searcher/results.h"

namespace naviny {

// Searches one naviny index. Opening checks that the index was built by this schema and
// analyzer. Not thread-safe: use one Searcher per thread.
class Searcher {
 public:
  // Throws NotFoundError or IncompatibleIndexError.
  explicit Searcher(const std::filesystem::path& db_path);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Throws QueryError for an empty or unparsable query.
  SearchResults search(const SearchRequest& request);

  IndexStats stats();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace naviny
