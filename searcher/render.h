#pragma once

#include <string>

#include "searcher/results.h"

namespace naviny {

enum class Highlight {
  ansi,     // bold colour, for a terminal
  markers,  // **word**, for pipes and files
};

std::string render_text(const SearchResults& results, Highlight highlight);

// {"query", "total", "offset", "hits": [{"rank", "id", "title", "score", "snippet", "date"?}]}
// Snippets carry **markers** around highlighted words.
std::string render_json(const SearchResults& results);

std::string render_text(const IndexStats& stats);
std::string render_json(const IndexStats& stats);

}  // namespace naviny
