#pragma once

#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "searcher/results.h"

namespace naviny {

enum class Highlight {
  ansi,     // bold colour, for a terminal
  markers,  // **word**, for pipes and files
};

std::string render_text(const SearchResults& results, Highlight highlight);

// {"query", "total", "offset", "partial", "missing_shards", "hits": [{"rank", "id", "title",
// "score", "snippet", "date"?}]}. Snippets carry **markers** around highlighted words.
// Partial results (unreachable shards skipped) open the text output with a line that names them.
std::string render_json(const SearchResults& results);

std::string render_text(const IndexStats& stats);
std::string render_json(const IndexStats& stats);

// One line per entity: article count, type, id, name. JSON: [{"id", "type", "name", "articles"}].
std::string render_text(const EntityListing& listing);
std::string render_json(const EntityListing& listing);

// One line per word: the word, then its exact form, search form and name keys.
std::string render_text(const std::vector<AnalyzedWord>& words);
// [{"word", "exact", "search", "name_keys": [...], "capitalized"}]
std::string render_json(const std::vector<AnalyzedWord>& words);

// One line per mention: the words, then the entity's type, id and name, or "unresolved".
std::string render_text(const std::vector<TextMention>& mentions);
// [{"words", "id", "type", "name"}], id, type and name null for an unresolved mention.
std::string render_json(const std::vector<TextMention>& mentions);

}  // namespace naviny
