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

  // Throws QueryError for an empty or unparsable query. If a writer changes the index meanwhile
  // (Xapian::DatabaseModifiedError, or a rebuild swapped in), reopens it and searches again.
  // Each search sees the index as last committed, also after a rebuild.
  SearchResults search(const SearchRequest& request);

  IndexStats stats();

 private:
  SearchResults search_once(const SearchRequest& request);
  IndexStats stats_once();
  void catch_up();
  void reopen();

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace naviny
