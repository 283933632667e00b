#pragma once

// Which words under a query word's name keys spell the name the reader typed, and which articles
// the search form of a name typed with a capital finds. Name keys and search forms are coarse by
// design (a key keeps only consonants; the English stemmer cuts Francis and Francie alike); these
// rules keep what is the same name.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/xapian_stems.h"
#include "searcher/entity_filter.h"

namespace naviny {

// Whether the corpus writes `exact_form` as a name (in `as_name` articles) in at least
// kNameShareTenths tenths of the articles that have it. A word it never has counts as a name.
bool written_as_name(const Xapian::Database& db, Xapian::doccount as_name,
                     std::string_view exact_form);

// A word the index holds under a name key (a name-spelling term), read once for the rules below.
struct KeySpelling {
  std::string term;                // the name-spelling term
  std::string exact_form;          // the word as the corpus writes it, case-folded
  Xapian::doccount articles;       // that have it written as a name
  std::optional<WordForms> forms;  // its analysis, if it is one word
};

// The words the index holds under these name keys, each analysed once.
std::vector<KeySpelling> spellings_under_keys(const Xapian::Database& db,
                                              const std::vector<std::string>& keys,
                                              Analyzer& analyzer);

// The name-spelling terms of the words under the name keys of the query word `term` (a search
// form, typed as `typed`) that spell the name typed: words the corpus writes as names
// (written_as_name) and that NotASpellingOfTheQueryWord does not refuse.
std::vector<Xapian::Query> spellings_of_the_typed_name(const Xapian::Database& db,
                                                       IndexGazetteer& gazetteer,
                                                       const std::string& term,
                                                       const QueryWordNames& typed,
                                                       bool typed_capitalised,
                                                       const std::vector<KeySpelling>& under_keys);

// The search-form term `term_query` of a word typed with a capital (its exact form
// `typed_exact`), kept to the articles that have it as that name: not as a common word of
// another script that most articles with the search form have (God and год), nor only as a name
// an s apart (Adam for Adams). `typed` is what the query stemmer saw of it, if anything.
Xapian::Query where_written_as_the_typed_name(const Xapian::Query& term_query,
                                              const std::string& typed_exact,
                                              const QueryWordNames* typed,
                                              const std::vector<KeySpelling>& under_keys,
                                              const Xapian::Database& db, Analyzer& analyzer);

}  // namespace naviny
