#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "searcher/entity_filter.h"

namespace naviny {

// Weight of a match through an entity's filter term relative to a match of the search form.
inline constexpr double kEntityNameWeight = 0.4;
// The weight of the organisations a generic word is a short form of (entities_named_by_query).
inline constexpr double kShortFormWeight = 0.2;

// The articles that mention entity `id`, weighed by their mentions; `in_title`: only those whose
// title mentions it.
Xapian::Query entity_term(const std::string& id, bool in_title);

// Adds to each plain word and each phrase of `query` that is an alias in the index's gazetteer
// the filter terms of the entities it names, as a lower-weighted alternative. The articles the
// indexer tagged with an entity then match even where they name it by translation (Szwecja and
// Швеция for Sweden, Unia Europejska for the European Union), which no spelling rule reaches.
// A single word counts only if its search form is in `names` (the query words typed with a
// capital or written as names by the corpus), and names an entity by ids_by_search_form, given
// what the query stemmer saw of it in `words`. A title:WORD or title:"PHRASE" finds the articles
// whose titles mention the entities it names. Other field terms, NEAR and scaled subqueries are
// left as they are.
Xapian::Query with_entities_named(const Xapian::Query& query, IndexGazetteer& gazetteer,
                                  const std::unordered_set<std::string>& names,
                                  const QueryWordKeys& words);

// The filter terms of the entities that a plain word or phrase names, by the rules of
// with_entities_named, weighted as it weighs them; null if it names none.
std::optional<Xapian::Query> entities_named_by_query(const Xapian::Query& query,
                                                     IndexGazetteer& gazetteer,
                                                     const std::unordered_set<std::string>& names,
                                                     const QueryWordKeys& words);

// The same for words typed after title: (given without the prefix): the articles whose titles
// mention the entities they name, weighted by the article's mentions.
std::optional<Xapian::Query> entities_named_in_title(const Xapian::Query& query,
                                                     IndexGazetteer& gazetteer,
                                                     const std::unordered_set<std::string>& names,
                                                     const QueryWordKeys& words);

// The runs (first word, number of words) of two or more words typed one after another that name
// an entity together, as the recogniser tags such a name in running text ("White House",
// "Democratic Party", whose words alone name nothing or something else): the longest run first,
// left to right, and only runs with a word whose search form is in `names`. `typed`: the words of
// a query of plain words only, in order.
std::vector<std::pair<std::size_t, std::size_t>> word_runs_naming_entities(
    const std::vector<std::string>& typed, IndexGazetteer& gazetteer,
    const std::unordered_set<std::string>& names, Analyzer& analyzer);

}  // namespace naviny
