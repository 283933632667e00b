#include "searcher/entity_filter.h"

#include "common/errors.h"
#include "common/schema.h"

namespace naviny {
namespace {

constexpr std::size_t kSuggestions = 5;

std::string described(const Gazetteer& gazetteer, const std::vector<std::size_t>& entities) {
  std::string list;
  for (const std::size_t index : entities) {
    const Entity& entity = gazetteer.entities()[index];
    list += (list.empty() ? "" : ", ") + entity.name + " (" + entity.id + ")";
  }
  return list;
}

}  // namespace

const Gazetteer& IndexGazetteer::get() {
  if (!gazetteer_) {
    gazetteer_ = Gazetteer::parse(db_.get_metadata(std::string(schema::kMetaGazetteer)),
                                  "the gazetteer stored in the index", *analyzer_);
  }
  return *gazetteer_;
}

Xapian::Query EntityFieldProcessor::operator()(const std::string& name) {
  try {
    return resolve(name);
  } catch (const Error& e) {
    if (!*problem_) *problem_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

Xapian::Query EntityFieldProcessor::resolve(const std::string& name) {
  const Gazetteer& gazetteer = gazetteer_->get();
  if (gazetteer.empty()) {
    throw QueryError("the index has no entities, so " + field_ +
                     ": cannot filter; index the corpus with a gazetteer (corpus/entities.tsv, "
                     "see corpus/README.md)");
  }
  const std::vector<std::size_t> found = gazetteer.resolve(name, type_, gazetteer_->analyzer());
  if (found.empty()) {
    const auto closest = gazetteer.closest(name, type_, gazetteer_->analyzer(), kSuggestions);
    throw QueryError("no " + (type_ ? std::string(type_name(*type_)) : std::string("entity")) +
                     " called '" + name + "' in the gazetteer; closest: " +
                     described(gazetteer, closest) + "; `naviny entities` lists them all");
  }
  if (found.size() > 1) {
    throw QueryError(field_ + ":" + name + " could be " + described(gazetteer, found) +
                     "; write the full name in quotes, e.g. " + field_ + ":\"" +
                     gazetteer.entities()[found.front()].name + "\", or the id");
  }
  return Xapian::Query(std::string(schema::kEntity.prefix) +
                       gazetteer.entities()[found.front()].id);
}

EntityFacetSpy::EntityFacetSpy() : spy_(schema::kEntitiesSlot.slot) {}

std::map<std::string, std::size_t> EntityFacetSpy::counts() const {
  std::map<std::string, std::size_t> counts;
  for (auto value = spy_.values_begin(); value != spy_.values_end(); ++value) {
    const std::string ids = *value;
    const std::size_t articles = value.get_termfreq();
    std::size_t start = 0;
    while (start < ids.size()) {
      const std::size_t end = ids.find('\n', start);
      counts[ids.substr(start, end - start)] += articles;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return counts;
}

}  // namespace naviny
