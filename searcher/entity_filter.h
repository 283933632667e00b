#pragma once

// Entity filters (person:, org:, place:, entity:) and entity facets, resolved through the
// gazetteer the index was tagged with.

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteer.h"

namespace naviny {

// What a search shows of an entity mentioned by a hit or counted in a facet.
struct EntityLabel {
  EntityType type;
  std::string name;
};

// The gazetteer stored in an index, parsed on first use (most searches never need it).
class IndexGazetteer {
 public:
  IndexGazetteer(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer)
      : db_(db), analyzer_(std::move(analyzer)) {}
  const Gazetteer& get();
  Analyzer& analyzer() { return *analyzer_; }

  // The type and display name of the entity `id`, or null if the gazetteer has no such id.
  // Read from the stored TSV's first columns without analysing any alias: naming the entities
  // of each hit must not pay for get(), whose ICU work on every alias costs a one-shot
  // `naviny search` some 60 ms (bench/README.md, issue 6).
  const EntityLabel* label(const std::string& id);

 private:
  Xapian::Database db_;
  std::shared_ptr<Analyzer> analyzer_;
  std::optional<Gazetteer> gazetteer_;
  std::optional<std::unordered_map<std::string, EntityLabel>> labels_;
};

// Turns "person:Лукашэнка" into the filter term of the entity any of whose aliases (or whose id)
// the name matches. Throws QueryError for an unknown name, listing the closest known entities,
// and for a name that fits several entities, listing them.
class EntityFieldProcessor : public Xapian::FieldProcessor {
 public:
  EntityFieldProcessor(std::shared_ptr<IndexGazetteer> gazetteer, std::string field,
                       std::optional<EntityType> type)
      : gazetteer_(std::move(gazetteer)), field_(std::move(field)), type_(type) {}
  Xapian::Query operator()(const std::string& name) override;

 private:
  std::shared_ptr<IndexGazetteer> gazetteer_;
  std::string field_;
  std::optional<EntityType> type_;
};

// Counts the entities of every matching document (not only the shown page).
class EntityFacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;
  // entity id -> matching articles, in id order.
  std::map<std::string, std::size_t> counts() const { return {counts_.begin(), counts_.end()}; }

 private:
  // Hashed and looked up by string_view: a facet search visits every match, and a string per
  // entity per match, then a tree of string compares, were most of its time.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> counts_;
};

}  // namespace naviny
