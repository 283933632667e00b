#pragma once

// Plugs naviny's analysis chain into Xapian::QueryParser, which calls a stemmer on every
// (lower-cased) query word. With STEM_ALL, the "stem" is the whole chain's output, so query
// words become exactly the terms the indexer wrote.

#include <xapian.h>

#include <memory>

#include "analyzers/analyzer.h"

namespace naviny {

enum class WordForm { search, exact };

// A Xapian::Stem that maps a word to its search form or its exact form.
Xapian::Stem make_query_stemmer(std::shared_ptr<Analyzer> analyzer, WordForm form);

}  // namespace naviny
