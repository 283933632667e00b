#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "searcher/results.h"
#include "searcher/timeline.h"

namespace naviny {

// What to do about a remote shard that cannot be reached.
enum class MissingShards {
  fail,  // throw ShardUnavailableError naming it
  skip,  // search the others; results name it in SearchResults::missing_shards
};

// Searches a naviny index: one database, or several searched together as one (Xapian's
// multi-database: collection statistics are merged, so scores are the same as with one database
// holding every article). Opening checks that every database was built by this schema and
// analyzer, and tagged with the same gazetteer. Not thread-safe: use one Searcher per thread.
class Searcher {
 public:
  // Throws NotFoundError or IncompatibleIndexError.
  explicit Searcher(const std::filesystem::path& db_path);
  // `dbs`: index folders, sharded index folders and stub files (common/shards.h), searched
  // together. Also throws ShardUnavailableError for a remote shard that cannot be reached, unless
  // `missing` is MissingShards::skip (and some shard can be reached).
  explicit Searcher(const std::vector<std::filesystem::path>& dbs,
                    MissingShards missing = MissingShards::fail);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Throws QueryError for an empty or unparsable query. If a writer changes the index meanwhile
  // (Xapian::DatabaseModifiedError, or a rebuild swapped in), reopens it and searches again.
  // Each search sees the index as last committed, also after a rebuild.
  SearchResults search(const SearchRequest& request);

  IndexStats stats();

  // The articles matching `query` (every near-duplicate copy counted) per month, or per day when
  // they span a short range. Throws QueryError as search() does.
  Timeline timeline(const std::string& query, bool exact);

  // The articles most like the one with this id (Xapian relevance feedback: the terms that
  // describe it best, searched for), each with the entities the two share. Throws NotFoundError
  // for an unknown id.
  SearchResults similar(const std::string& id, std::size_t limit);

  // The article with this id, as stored, with the other articles of its near-duplicate group.
  // Throws NotFoundError for an unknown id.
  StoredArticle article(const std::string& id);

  // The gazetteer's entities, of `type` if given, whose name, id or an alias contains or
  // matches `pattern` (all when empty), with the number of articles that mention each, most
  // mentioned first.
  EntityListing entities(const std::string& type, const std::string& pattern);

 private:
  SearchResults similar_once(const std::string& id, std::size_t limit);
  StoredArticle article_once(const std::string& id);
  // The `per_type` entities of each type with the most matching articles in `counts` (id ->
  // articles).
  std::vector<std::pair<std::string, std::vector<EntityRef>>> facets(
      const std::map<std::string, std::size_t>& counts, std::size_t per_type);
  SearchResults search_once(const SearchRequest& request);
  IndexStats stats_once();
  Timeline timeline_once(const std::string& query, bool exact);
  template <typename Run>
  auto with_retries(Run run);
  void catch_up();
  void reopen();

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace naviny
