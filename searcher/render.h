#pragma once

#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "searcher/results.h"
#include "searcher/timeline.h"

namespace naviny {

enum class Highlight {
  ansi,     // bold colour, for a terminal
  markers,  // **word**, for pipes and files
};

// Rows for a spreadsheet: a header row, then one row per item.
enum class TableFormat {
  csv,  // RFC 4180: comma-separated, fields quoted where needed, CRLF line ends
  tsv,  // tab-separated, tabs and line breaks in fields made spaces
};

// A line with the number of results (exact, or "more than" the count bound; "about" for an
// estimate, as `naviny similar` has), then each hit with its title cut to a line.
// Partial results (unreachable shards skipped) open the text output with a line that names them.
std::string render_text(const SearchResults& results, Highlight highlight);

// {"query", "total", "total_exact", "articles", "articles_exact", "stories", "offset", "partial",
// "missing_shards", "hits": [{"rank", "id", "title", "score", "snippet", "date"?, "source"?,
// "lang"?, "url"?, "entities", "hidden_copies"?, "copy_ids"?}]}. Snippets carry **markers**
// around highlighted words. Without counts (`naviny similar`), "total" is an estimate.
std::string render_json(const SearchResults& results);

// rank, id, title, date, source, lang, url, score, hidden_copies, copy_ids, entities, snippet.
std::string render_table(const SearchResults& results, TableFormat format);

// Metadata, the entities with their mentions, then the whole text.
std::string render_text(const StoredArticle& article);
// {"id", "title", "date"?, "source"?, "lang"?, "url"?, "added", "copy_ids", "entities",
// "mentions": [{"begin", "end", "id", "type", "name"}] (byte offsets in the body), "body"}
std::string render_json(const StoredArticle& article);

// {"query", "unit", "dated", "undated", "partial", "missing_shards", "periods": [{"period",
// "articles"}]}
std::string render_json(const Timeline& timeline);

std::string render_text(const IndexStats& stats);
std::string render_json(const IndexStats& stats);

// A header line, then one line per entity: article count, type, id, name. JSON: [{"id", "type",
// "name", "articles"}]. Tables: id, type, name, articles.
std::string render_text(const EntityListing& listing);
std::string render_json(const EntityListing& listing);
std::string render_table(const EntityListing& listing, TableFormat format);

// One line per word: the word, then its exact form, search form and name keys.
std::string render_text(const std::vector<AnalyzedWord>& words);
// [{"word", "exact", "search", "name_keys": [...], "capitalized"}]
std::string render_json(const std::vector<AnalyzedWord>& words);

// One line per mention: the words, then the entity's type, id and name, or "unresolved".
std::string render_text(const std::vector<TextMention>& mentions);
// [{"words", "id", "type", "name"}], id, type and name null for an unresolved mention.
std::string render_json(const std::vector<TextMention>& mentions);

}  // namespace naviny
