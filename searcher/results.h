#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "searcher/ranking.h"
#include "searcher/snippet.h"

namespace naviny {

enum class SortOrder {
  relevance,
  date_newest,  // newest first; articles without a date last, then by relevance
  date_oldest,
};

// SearchRequest::count_bound: count every match exactly, however many.
inline constexpr std::size_t kCountEveryMatch = 0;
// The default bound. Counting every match costs Xapian the shortcuts it takes when only the top
// results are wanted: 2-3 times a plain query at 20,000 articles (bench/README.md, issue 20), and
// more with more matches. An analyst quotes "more than 10,000" as readily as the exact figure.
inline constexpr std::size_t kCountBoundForLargeIndexes = 10000;

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool exact = false;    // match surface forms only: no folding, transliteration or name keys
  bool snippets = true;  // computing snippets costs a pass over each hit's text
  // Top entities of each type to count over all matches; 0: none.
  std::size_t facets = 0;
  SortOrder sort = SortOrder::relevance;
  RankingOptions ranking;
  bool auto_correct = false;  // search the spelling suggestion instead, if there is one
  // Show every near-duplicate copy, instead of the best one per group with a count of the rest.
  bool all_copies = false;
  // Matches are counted exactly up to this many; beyond it the count says "more than" it.
  std::size_t count_bound = kCountBoundForLargeIndexes;
};

// A number of matching articles or stories: exact, or, past SearchRequest::count_bound, known
// only to be more than `value`.
struct MatchCount {
  std::size_t value = 0;
  bool exact = true;
  bool operator==(const MatchCount&) const = default;
};

// What a search matched. Near-duplicate copies of one text (syndicated articles) are one story:
// results list stories unless SearchRequest::all_copies, and then every article.
struct MatchCounts {
  MatchCount articles;  // every matching article, near-duplicate copies included
  // Matching stories, each near-duplicate group counted once; none with all_copies.
  std::optional<MatchCount> stories;
  // What the results page through.
  const MatchCount& results() const { return stories ? *stories : articles; }
};

struct EntityRef {
  std::string id;
  std::string type;  // person, org, place
  std::string name;
  std::size_t count = 0;  // mentions in an article, or matching articles in a facet
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result, not from the offset
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  // From the article's front matter; empty when it has none.
  std::string source;
  std::string lang;
  std::string url;
  double score = 0;
  Snippet snippet;
  std::vector<EntityRef> entities;    // most mentioned first
  std::size_t hidden_copies = 0;      // near-duplicates of this article left out of the results
  std::vector<std::string> copy_ids;  // their ids, in id order
  // For `naviny similar`: the entities this article shares with the one it is like.
  std::vector<EntityRef> shared_entities;
  // For `naviny similar`: words of the one it is like that this article has too, as written here.
  std::vector<std::string> shared_words;
};

struct SearchResults {
  std::string query;
  // Counted matches (`naviny search`); without them, total_estimate is Xapian's estimate.
  std::optional<MatchCounts> counts;
  std::size_t total_estimate = 0;
  std::size_t offset = 0;
  std::vector<Hit> hits;
  std::string suggestion;      // "did you mean": the query with misspelt words corrected
  std::string corrected_from;  // with auto_correct: the query as typed, when it was corrected
  // With SearchRequest::facets: per type ("person", "org", "place"), the entities most often
  // found among all matching articles, with the number of those articles.
  std::vector<std::pair<std::string, std::vector<EntityRef>>> facets;
  // Shards that could not be reached, so their articles are missing (only with
  // MissingShards::skip, `--allow-partial`); each as ShardSpec::describe() names it.
  std::vector<std::string> missing_shards;
  bool partial() const { return !missing_shards.empty(); }
};

// One stored article, as `naviny show` prints it.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string source;
  std::string lang;
  std::string url;
  bool added = false;  // given to `naviny add`, not read from the corpus folder
  std::string body;
  std::vector<EntityRef> entities;  // count: mentions; most mentioned first
  // Where the body mentions them, in order: byte offsets, as the recogniser finds them.
  struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    EntityRef entity;  // count unused
  };
  std::vector<Mention> mentions;
  // The other articles of its near-duplicate group, in id order.
  std::vector<std::string> copy_ids;
};

struct EntityListing {
  std::vector<EntityRef> entities;  // count: articles that mention the entity
};

struct IndexStats {
  std::filesystem::path path;  // the --db arguments, joined with ", " if several
  std::size_t shards = 1;      // databases searched together
  std::size_t remote_shards = 0;
  std::size_t articles = 0;
  std::size_t distinct_terms = 0;
  std::uint64_t term_occurrences = 0;
  std::uintmax_t size_bytes = 0;  // of the local databases only
  // Every database as `naviny compact` left it: no writer committed since (schema::kMetaCompacted).
  bool compacted = false;
  std::string last_update;  // the latest of the shards'

  std::string schema_version;
  std::string analyzer;
};

}  // namespace naviny
