#pragma once

// Plugs naviny's analysis chain into Xapian::QueryParser, which calls a stemmer on every
// (lower-cased) query word. With STEM_ALL, the "stem" is the whole chain's output, so query
// words become exactly the terms the indexer wrote.

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"

namespace naviny {

enum class WordForm { search, exact };

// What a stemmer saw of the query words it was given, by the term it returned for them: the
// search form alone cannot give these back (they come from the unstemmed word).
struct QueryWordNames {
  struct Spelling {
    std::string romanized;  // the unstemmed romanised word
    Script script;          // of the word as typed
    bool operator==(const Spelling&) const = default;
  };
  std::vector<std::string> keys;  // name keys
  std::vector<Spelling> spellings;
  // The words as typed (lower-cased by QueryParser unless found in TypedCapitals), for reading
  // them again as the entity recogniser does.
  std::vector<std::string> typed;
};
using QueryWordKeys = std::unordered_map<std::string, QueryWordNames>;

// Adds to `seen` what the word typed as `typed`, with these forms, shows of itself: its name keys,
// its romanised spelling and the typing, each once.
void note_query_word(QueryWordNames& seen, const WordForms& forms, const std::string& typed);

// The query words typed with a capital, by their case-folded form. QueryParser lower-cases every
// word before the stemmer sees it, but a capital can change the search form (a surname's -ов).
using TypedCapitals = std::unordered_map<std::string, std::string>;

// A Xapian::Stem that maps a word to its search form or its exact form, and records the word's
// name keys in `keys` if one is given. A word found in `capitals` is analysed as typed there.
Xapian::Stem make_query_stemmer(std::shared_ptr<Analyzer> analyzer, WordForm form,
                                std::shared_ptr<QueryWordKeys> keys = nullptr,
                                std::shared_ptr<const TypedCapitals> capitals = nullptr);

}  // namespace naviny
