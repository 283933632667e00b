#pragma once

// A name typed in a case form (Dublinu, Pfizera, Varšavo, Bidna, Лукашенкові) reaches the
// articles of other languages through the form they share: the base form. The stemmers know
// only English and Russian endings, and a name key cut at the wrong place parts Varšava from
// Varšavo, so the query side undoes the case endings of the corpus's Slavic languages itself and
// keeps the base forms the corpus writes as names.

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "analyzers/xapian_stems.h"
#include "searcher/entity_filter.h"
#include "searcher/query_builder.h"

namespace naviny {

// Candidate base forms of a case-folded word: the word with one case ending of Polish, Czech,
// Slovak, Slovene, Russian, Ukrainian, Belarusian or Bulgarian replaced by a nominative ending (or
// none), with a fleeting e restored (Bidna -> Biden) and a softened consonant hardened
// (Islamabadzie -> Islamabad, Ameryce -> Ameryka). Most are not words; the caller keeps the ones
// the corpus has.
std::vector<std::string> candidate_base_forms(std::string_view exact);

// A stem ending in two consonants with the fleeting e between them that its other forms drop
// (Polish, Czech and Slovene Bidn-a, Biden; Pavl-a, Pavel; Bulgarian националн-ия, национален),
// or empty.
std::string with_fleeting_e(std::string_view stem, Script script);

// Of the candidate base forms of a word typed as a name, those the index has written as a name
// (in at least as many articles as the typed form itself, since a base form is the common form of
// a name), as case-folded exact forms.
std::vector<std::string> base_forms_in_index(const Xapian::Database& db, Analyzer& analyzer,
                                             const WordForms& typed);

// Of the candidate base forms of a word, those that name an entity of the gazetteer.
std::vector<std::string> base_forms_naming_entities(IndexGazetteer& gazetteer,
                                                    const WordForms& typed);

// What a typed word becomes once it names entities and meets its other spellings.
using ExpandWord = std::function<Xapian::Query(const Xapian::Query&)>;

// Each word of `query` outside phrases that is a name (in `names`) and has base forms in the
// index, or that name an entity, becomes the word or its base forms. The base forms are added to
// `words` and `names` as if typed, expanded by `expand` as typed words are, and weigh less than
// the form typed.
Xapian::Query with_base_forms(const Xapian::Query& query, const Xapian::Database& db,
                              IndexGazetteer& gazetteer, QueryWordKeys& words, QueryNames& names,
                              const ExpandWord& expand);

}  // namespace naviny
