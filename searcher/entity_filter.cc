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

void EntityFacetSpy::operator()(const Xapian::Document& document, double) {
  const std::string ids = document.get_value(schema::kEntitiesSlot.slot);
  std::size_t start = 0;
  while (start < ids.size()) {
    const std::size_t end = ids.find('\n', start);
    ++counts_[ids.substr(start, end - start)];
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

}  // namespace naviny
