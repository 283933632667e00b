#pragma once

#include <xapian.h>

#include "analyzers/analyzer.h"

namespace naviny {

// Exact-form terms (schema::kExact) are indexed without positions, so a phrase or NEAR of them
// can match nothing. Each one in `query` becomes the same phrase over the search forms of its
// words, which have positions, matched only where the article has every exact form: an article
// writes "Путин сказал" where it has both words as typed and, somewhere, their search forms
// side by side. A word's search form depends on its exact form and on whether it was written
// with a capital (a surname's -ов), so each word stands for both of its search forms. The
// exact forms weigh as the phrase of them did; the search forms only filter.
Xapian::Query with_exact_phrases_on_search_forms(const Xapian::Query& query, Analyzer& analyzer);

// The search-form terms under which a word of exact form `exact` may have been indexed: one, or
// two where a capital changes it. Their positions hold every word of that exact form.
std::vector<std::string> search_forms_of_exact(const std::string& exact, Analyzer& analyzer);

}  // namespace naviny
