#include "searcher/article_table.h"

#include <functional>
#include <string_view>
#include <unordered_map>

#include "common/hash.h"
#include "common/schema.h"
#include "common/text.h"

namespace naviny {
namespace {

// Calls on_value(docid, value) for each document with a value in `slot`, in document id order.
template <typename OnValue>
void for_each_value(const Xapian::Database& db, Xapian::valueno slot, OnValue&& on_value) {
  for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
    on_value(value.get_docid(), *value);
  }
}

}  // namespace

ArticleTable::ArticleTable(const std::vector<Xapian::Database>& shards) : shards_(shards.size()) {
  StringMap<std::uint32_t> numbers;  // entity id -> number
  for (std::size_t s = 0; s < shards.size(); ++s) {
    Shard& shard = shards_[s];
    shard.entities_begin.assign(std::size_t{shards[s].get_lastdocid()} + 2, 0);
    std::size_t next = 0;  // entities_begin is filled in below this document id
    const auto fill_to = [&](std::size_t docid) {
      for (; next <= docid; ++next) {
        shard.entities_begin[next] = static_cast<std::uint32_t>(shard.entities.size());
      }
    };
    for_each_value(shards[s], schema::kEntitiesSlot.slot,
                   [&](Xapian::docid docid, const std::string& ids) {
                     fill_to(docid);
                     for_each_line(ids, [&](std::string_view id) {
                       auto found = numbers.find(id);
                       if (found == numbers.end()) {
                         const auto number = static_cast<std::uint32_t>(entity_ids_.size());
                         found = numbers.emplace(std::string(id), number).first;
                         entity_ids_.emplace_back(id);
                       }
                       shard.entities.push_back(found->second);
                     });
                   });
    fill_to(shard.entities_begin.size() - 1);
  }

  // Every group numbered first, by its value across the shards; then only those of two or more.
  StringMap<std::uint32_t> groups;
  std::vector<std::uint32_t> members{0};  // by group number; 0: no group
  for (std::size_t s = 0; s < shards.size(); ++s) {
    Shard& shard = shards_[s];
    shard.shared_group.assign(std::size_t{shards[s].get_lastdocid()} + 1, 0);
    for_each_value(shards[s], schema::kDuplicateGroupSlot.slot,
                   [&](Xapian::docid docid, const std::string& group) {
                     const auto [found, added] =
                         groups.try_emplace(group, static_cast<std::uint32_t>(members.size()));
                     if (added) members.push_back(0);
                     ++members[found->second];
                     shard.shared_group[docid] = found->second;
                   });
  }
  std::vector<std::uint32_t> shared_number(members.size(), 0);
  for (Shard& shard : shards_) {
    for (std::uint32_t& group : shard.shared_group) {
      if (members[group] < 2) {
        group = 0;
        continue;
      }
      if (shared_number[group] == 0) {
        shared_number[group] = static_cast<std::uint32_t>(++shared_groups_);
      }
      group = shared_number[group];
    }
  }
}

TableTally::TableTally(const ArticleTable& table)
    : table_(table),
      by_entity_(table.entity_ids_.size(), 0),
      by_shared_group_(table.shared_groups_ + 1, 0) {}

void TableTally::count(const std::vector<Xapian::Database>& shards, const Xapian::Query& query) {
  for (std::size_t s = 0; s < shards.size(); ++s) {
    shard_ = &table_.shards_[s];
    Xapian::Enquire every(shards[s]);
    every.set_query(query);
    every.set_weighting_scheme(Xapian::BoolWeight());
    every.add_matchspy(this);
    every.get_mset(0, 0, shards[s].get_doccount());
  }
  shard_ = nullptr;
}

void TableTally::operator()(const Xapian::Document& document, double) {
  ++articles_;
  const Xapian::docid docid = document.get_docid();
  // Only a document added after the table was read could be past its end, and the Searcher reads
  // the table again when it sees the index change.
  if (docid >= shard_->shared_group.size()) {
    ++by_shared_group_[0];
    return;
  }
  const std::uint32_t end = shard_->entities_begin[docid + 1];
  for (std::uint32_t i = shard_->entities_begin[docid]; i < end; ++i) {
    ++by_entity_[shard_->entities[i]];
  }
  ++by_shared_group_[shard_->shared_group[docid]];
}

std::size_t TableTally::stories() const {
  std::size_t stories = by_shared_group_[0];
  for (std::size_t group = 1; group < by_shared_group_.size(); ++group) {
    if (by_shared_group_[group] > 0) ++stories;
  }
  return stories;
}

std::size_t TableTally::other_copies(Xapian::docid docid) const {
  // Xapian numbers the documents of n shards together in turn: shard (d - 1) mod n holds d.
  const std::size_t shards = table_.shards_.size();
  const ArticleTable::Shard& shard = table_.shards_[(docid - 1) % shards];
  const std::size_t own_docid = (docid - 1) / shards + 1;
  if (own_docid >= shard.shared_group.size()) return 0;
  const std::uint32_t group = shard.shared_group[own_docid];
  return group == 0 || by_shared_group_[group] == 0 ? 0 : by_shared_group_[group] - 1;
}

std::map<std::string, std::size_t> TableTally::entity_counts() const {
  std::map<std::string, std::size_t> counts;
  for (std::size_t entity = 0; entity < by_entity_.size(); ++entity) {
    if (by_entity_[entity] > 0) counts.emplace(table_.entity_ids_[entity], by_entity_[entity]);
  }
  return counts;
}

}  // namespace naviny
