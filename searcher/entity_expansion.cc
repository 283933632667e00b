#include "searcher/entity_expansion.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyzers/script.h"
#include "common/schema.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

// A phrase whose words were each typed in several ways is read in at most this many ways.
constexpr std::size_t kMaxReadings = 8;

// The search-form terms of a plain word or a phrase of plain words; empty for anything else.
std::vector<std::string> search_form_terms_of(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    const std::string term = *query.get_terms_begin();
    if (!is_search_form_term(term)) return {};
    return {term};
  }
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query word = query.get_subquery(i);
    if (word.get_type() != Xapian::Query::LEAF_TERM) return {};
    const std::string term = *word.get_terms_begin();
    if (!is_search_form_term(term)) return {};
    terms.push_back(term);
  }
  return terms;
}

// A word typed in capitals that is an acronym alias spelt so (NATO, ЕС, UN), as its articles
// write it: in capitals, as a name. Its search form also meets common words written the same
// in lower case (Slovene nato, "then"; ЕС romanised is English yes), which the acronym is not.
// Null unless every typing of the word is such an acronym.
std::optional<Xapian::Query> acronym_as_written(const Xapian::Query& query,
                                                IndexGazetteer& gazetteer,
                                                const QueryWordKeys& words) {
  if (query.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
  const auto word = words.find(*query.get_terms_begin());
  if (word == words.end() || word->second.typed.empty()) return std::nullopt;
  std::vector<Xapian::Query> spellings;
  for (const std::string& typed : word->second.typed) {
    if (!written_in_capitals(typed)) return std::nullopt;
    const WordForms forms = gazetteer.analyzer().analyze_word(typed);
    if (forms.name_keys.primary.empty() || !gazetteer.is_acronym_alias(forms.exact))
      return std::nullopt;
    for (const std::string* key : forms.name_keys.both()) {
      if (!key->empty()) spellings.emplace_back(schema::name_spelling_term(*key, forms.exact));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
}

// The entities a plain word or phrase names, and the weight a match through them has.
struct NamedEntities {
  std::vector<std::string> ids;
  double weight = kEntityNameWeight;
};

std::optional<NamedEntities> entity_ids_named_by(const Xapian::Query& query,
                                                 IndexGazetteer& gazetteer,
                                                 const std::unordered_set<std::string>& names,
                                                 const QueryWordKeys& words) {
  const std::vector<std::string> terms = search_form_terms_of(query);
  if (terms.empty() || (terms.size() == 1 && !names.contains(terms.front()))) return std::nullopt;
  // Each reading of the words as typed; a word typed twice, once with a capital, has two.
  std::vector<std::vector<std::string>> readings{{}};
  std::vector<bool> name_like;
  for (const std::string& term : terms) {
    const auto word = words.find(term);
    if (word == words.end() || word->second.typed.empty()) return std::nullopt;
    name_like.push_back(names.contains(term));
    std::vector<std::vector<std::string>> longer;
    for (const std::vector<std::string>& reading : readings) {
      for (const std::string& typed : word->second.typed) {
        longer.push_back(reading);
        longer.back().push_back(typed);
        if (longer.size() >= kMaxReadings) break;
      }
    }
    readings = std::move(longer);
  }
  NamedEntities named;
  std::unordered_set<std::string> seen;
  const auto add = [&](const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
      if (seen.insert(id).second) named.ids.push_back(id);
    }
  };
  for (const std::vector<std::string>& reading : readings) {
    add(gazetteer.ids_named_by(reading, name_like));
  }
  // Only a phrase typed as one may carry qualifiers: Putin Russia is two names, "Labour Party UK"
  // one.
  if (named.ids.empty() && terms.size() > 1) {
    for (const std::vector<std::string>& reading : readings) {
      add(gazetteer.ids_named_with_qualifiers(reading, name_like));
    }
  }
  // A generic word that names no organisation in full (Kongres, Сенат, Izba Reprezentantów) may
  // mean any organisation it is a short form of: their articles are found, in every language,
  // below those that match the words themselves.
  if (named.ids.empty()) {
    for (const std::vector<std::string>& reading : readings) {
      add(gazetteer.ids_short_formed_by(reading, name_like));
    }
    named.weight = kShortFormWeight;
  }
  if (named.ids.empty()) return std::nullopt;
  return named;
}

// The entity terms of what `query` names, weighted; in a title, only the articles whose title
// mentions the entity, weighed by all their mentions of it, as in free text.
std::optional<Xapian::Query> entity_terms(const Xapian::Query& query, IndexGazetteer& gazetteer,
                                          const std::unordered_set<std::string>& names,
                                          const QueryWordKeys& words, bool in_title) {
  using Q = Xapian::Query;
  const std::optional<NamedEntities> named = entity_ids_named_by(query, gazetteer, names, words);
  if (!named) return std::nullopt;
  std::vector<Q> entities;
  for (const std::string& id : named->ids) entities.push_back(entity_term(id, in_title));
  return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, entities.begin(), entities.end()), named->weight);
}

// title:WORD or title:"A PHRASE" as the words without the title prefix; null for anything else.
std::optional<Xapian::Query> title_words(const Xapian::Query& query) {
  using Q = Xapian::Query;
  const std::string_view title(schema::kTitle.prefix);
  std::vector<Q> words;
  const auto add = [&](const Q& leaf) {
    const std::string term = *leaf.get_terms_begin();
    if (!term.starts_with(title) || !is_search_form_term(term.substr(title.size()))) return false;
    words.emplace_back(term.substr(title.size()));
    return true;
  };
  if (query.get_type() == Q::LEAF_TERM) {
    return add(query) ? std::optional<Q>(words.front()) : std::nullopt;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Q word = query.get_subquery(i);
    if (word.get_type() != Q::LEAF_TERM || !add(word)) return std::nullopt;
  }
  return Q(Q::OP_PHRASE, words.begin(), words.end(), window_of(query));
}

}  // namespace

Xapian::Query entity_term(const std::string& id, bool in_title) {
  using Q = Xapian::Query;
  const Q mentions(std::string(schema::kEntity.prefix) + id);
  if (!in_title) return mentions;
  return Q(Q::OP_FILTER, mentions, Q(std::string(schema::kTitleEntity.prefix) + id));
}

Xapian::Query with_entities_named(const Xapian::Query& query, IndexGazetteer& gazetteer,
                                  const std::unordered_set<std::string>& names,
                                  const QueryWordKeys& words) {
  using Q = Xapian::Query;
  if (query.get_type() != Q::LEAF_TERM && query.get_type() != Q::OP_PHRASE) {
    return with_subqueries_rewritten(
        query, [&](const Q& part) { return with_entities_named(part, gazetteer, names, words); });
  }
  // Words ADJ/N apart (a phrase with a wider window) are two words, not one name.
  if (query.get_type() == Q::OP_PHRASE && window_of(query) > query.get_num_subqueries()) {
    return query;
  }
  if (const std::optional<Q> in_title = title_words(query)) {
    const std::optional<Q> entities = entities_named_in_title(*in_title, gazetteer, names, words);
    return entities ? Q(Q::OP_OR, query, *entities) : query;
  }
  const std::optional<Q> entities = entities_named_by_query(query, gazetteer, names, words);
  if (!entities) return query;
  const std::optional<Q> acronym = acronym_as_written(query, gazetteer, words);
  return Q(Q::OP_OR, acronym ? *acronym : query, *entities);
}

std::vector<std::pair<std::size_t, std::size_t>> word_runs_naming_entities(
    const std::vector<std::string>& typed, IndexGazetteer& gazetteer,
    const std::unordered_set<std::string>& names, Analyzer& analyzer) {
  // Longer than any alias of the gazetteer in words; bounds the recogniser's calls per query.
  constexpr std::size_t kLongestRun = 8;
  std::vector<bool> name_like;
  for (const std::string& word : typed) {
    name_like.push_back(names.contains(analyzer.analyze_word(word).search));
  }
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t start = 0; start + 1 < typed.size();) {
    std::size_t named_words = 0;
    for (std::size_t size = std::min(kLongestRun, typed.size() - start);
         size >= 2 && named_words == 0; --size) {
      const auto begin = static_cast<std::ptrdiff_t>(start);
      const auto end = static_cast<std::ptrdiff_t>(start + size);
      if (std::none_of(name_like.begin() + begin, name_like.begin() + end, std::identity()))
        continue;
      if (!gazetteer
               .ids_named_by({typed.begin() + begin, typed.begin() + end},
                             {name_like.begin() + begin, name_like.begin() + end})
               .empty()) {
        named_words = size;
        runs.emplace_back(start, size);
      }
    }
    start += std::max<std::size_t>(named_words, 1);
  }
  return runs;
}

std::optional<Xapian::Query> entities_named_by_query(const Xapian::Query& query,
                                                     IndexGazetteer& gazetteer,
                                                     const std::unordered_set<std::string>& names,
                                                     const QueryWordKeys& words) {
  return entity_terms(query, gazetteer, names, words, false);
}

std::optional<Xapian::Query> entities_named_in_title(const Xapian::Query& query,
                                                     IndexGazetteer& gazetteer,
                                                     const std::unordered_set<std::string>& names,
                                                     const QueryWordKeys& words) {
  return entity_terms(query, gazetteer, names, words, true);
}

}  // namespace naviny
