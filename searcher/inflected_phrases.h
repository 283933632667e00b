#pragma once

// A phrase typed in one case form finds the articles that write it in another. The Slavic
// languages inflect every word of a name, the adjectives and common nouns of an organisation's
// name as well as the proper ones: "Nová vlámská aliance" is "Nové vlámské aliance" in the
// genitive, "Agencija za nacionalno varnost" is "Agencije ...", and Bulgarian adds its article,
// "Европейската агенция за лекарствата". Name keys join such forms only for capitalised words
// the gazetteer or the corpus writes as names, so a phrase of common words needs its own reading.

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzers/xapian_stems.h"
#include "searcher/entity_filter.h"

namespace naviny {

// The words that may be case forms of a case-folded word: each stem of at least three letters it
// may have, followed by each ending of its script's noun and adjective declensions (Polish, Czech,
// Slovak, Slovene; Russian, Ukrainian, Belarusian, Bulgarian with its article), and a stem ending
// in two consonants with a fleeting e between them (националния, национален). Most are no words;
// the caller keeps those the index has.
std::vector<std::string> case_forms_of(std::string_view word);

// Each phrase of search-form terms in `query`, in the text or after title: (a phrase the user
// typed: name keys and other fields are left alone), also matches where the article writes its
// words in other case forms that the index has, weighing less than the forms typed; and where a
// reading in other forms names an entity that the phrase as typed does not, that entity's
// articles. `words` is what the query stemmer saw of the query's words, `names` the search forms
// that count as names (QueryNames). A phrase's readings are bounded, the commonest forms kept.
Xapian::Query with_inflected_phrases(const Xapian::Query& query, const Xapian::Database& db,
                                     IndexGazetteer& gazetteer, const QueryWordKeys& words,
                                     const std::unordered_set<std::string>& names);

}  // namespace naviny
