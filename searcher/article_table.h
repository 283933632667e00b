#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace naviny {

// Each article's entity ids (schema::kEntitiesSlot) and whether it shares a near-duplicate group
// (schema::kDuplicateGroupSlot) with others, read once from the value streams of a local index.
// A facet search then tallies every match by its document id. Before, Xapian collapsed every
// match and a match spy looked up each entity id of each match in a string table: a facet
// search at 100,000 articles took 5-10 times plain Xapian's (bench/README.md, issue 22).
class ArticleTable {
 public:
  // `shards`: the databases of a search, each of one Xapian sub-database (a match spy sees a
  // shard's own document ids). Reads two value slots of every article.
  explicit ArticleTable(const std::vector<Xapian::Database>& shards);
  ArticleTable(const ArticleTable&) = delete;
  ArticleTable& operator=(const ArticleTable&) = delete;

  std::size_t entity_count() const { return entity_ids_.size(); }
  std::size_t shared_group_count() const { return shared_groups_; }

 private:
  friend class TableTally;

  struct Shard {
    // The entity numbers of document d are entities[entities_begin[d], entities_begin[d + 1]),
    // one per line of its entities value, in order.
    std::vector<std::uint32_t> entities_begin;
    std::vector<std::uint32_t> entities;
    // By document id: 1 + the number of its group if two or more articles of any shard share it,
    // else 0.
    std::vector<std::uint32_t> shared_group;
  };

  std::vector<std::string> entity_ids_;  // by entity number
  std::vector<Shard> shards_;
  std::size_t shared_groups_ = 0;
};

// Counts the matches of a search from an ArticleTable, in a pass that neither weighs nor
// collapses: what Xapian's collapsing and EntityFacetSpy would have counted.
class TableTally : public Xapian::MatchSpy {
 public:
  explicit TableTally(const ArticleTable& table);
  // Counts the matches of `query` in `shards`, those the table was read from.
  void count(const std::vector<Xapian::Database>& shards, const Xapian::Query& query);

  std::size_t articles() const { return articles_; }
  // Distinct near-duplicate groups among the matches; an article without a group is its own.
  std::size_t stories() const;
  // The other matching articles of the group of `docid`, a document id of all shards together.
  std::size_t other_copies(Xapian::docid docid) const;
  // Entity id -> matching articles that mention it (each line of their entities value).
  std::map<std::string, std::size_t> entity_counts() const;

  void operator()(const Xapian::Document& document, double weight) override;

 private:
  const ArticleTable& table_;
  const ArticleTable::Shard* shard_ = nullptr;  // the one being counted
  std::size_t articles_ = 0;
  std::vector<std::uint32_t> by_entity_;
  std::vector<std::uint32_t> by_shared_group_;  // index 0: articles in no shared group
};

}  // namespace naviny
