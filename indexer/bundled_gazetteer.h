#pragma once

#include <string_view>

namespace naviny {

// corpus/entities.tsv as it was when naviny was built: the gazetteer `naviny index` tags with
// when neither --gazetteer nor CORPUS_DIR/entities.tsv gives one, so that entity filters and
// facets work on any folder of articles from the first run.
std::string_view bundled_gazetteer();

// corpus/boilerplate.conf as it was when naviny was built: the rules `naviny index` cleans titles
// and bodies with when neither --boilerplate nor CORPUS_DIR/boilerplate.conf gives any.
std::string_view bundled_boilerplate();

}  // namespace naviny
