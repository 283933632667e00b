#include "searcher/entity_expansion.h"

#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

// The alias key of a plain word or a phrase of plain words: their search forms, space-separated;
// empty for anything else.
std::string alias_key_of(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    const std::string term = *query.get_terms_begin();
    return is_search_form_term(term) ? term : std::string();
  }
  std::string key;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query word = query.get_subquery(i);
    if (word.get_type() != Xapian::Query::LEAF_TERM) return {};
    const std::string term = *word.get_terms_begin();
    if (!is_search_form_term(term)) return {};
    key += (key.empty() ? "" : " ") + term;
  }
  return key;
}

}  // namespace

Xapian::Query with_entities_named(const Xapian::Query& query, IndexGazetteer& gazetteer,
                                  const std::unordered_set<std::string>& names,
                                  const QueryWordKeys& words) {
  using Q = Xapian::Query;
  if (query.get_type() != Q::LEAF_TERM && query.get_type() != Q::OP_PHRASE) {
    return with_subqueries_rewritten(
        query, [&](const Q& part) { return with_entities_named(part, gazetteer, names, words); });
  }
  const std::string key = alias_key_of(query);
  if (key.empty() || (query.get_type() == Q::LEAF_TERM && !names.contains(key))) return query;
  const auto word = words.find(key);
  const auto ids = query.get_type() == Q::LEAF_TERM && word != words.end()
                       ? gazetteer.ids_by_search_form(key, word->second.spellings)
                       : gazetteer.ids_by_alias_key(key);
  if (!ids || ids->empty()) return query;
  std::vector<Q> entities;
  for (const std::string& id : *ids)
    entities.emplace_back(std::string(schema::kEntity.prefix) + id);
  return Q(Q::OP_OR, query,
           Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, entities.begin(), entities.end()), kEntityNameWeight));
}

}  // namespace naviny
