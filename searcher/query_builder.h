#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "analyzers/analyzer.h"

namespace naviny {

// Weight of a name-key match relative to a match of the search form: spelling variants are
// found, but the spelling the user typed ranks first.
inline constexpr double kNameKeyWeight = 0.4;

// Turns the text a user typed into a Xapian query, with the same analysis chain as the indexer:
// Xapian's QueryParser syntax, the schema's prefixes, date ranges, and name keys.
class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer);

  // Throws QueryError for an empty query or a syntax error, naming where it is.
  // In exact mode words match their case-folded surface form only: no stemming,
  // transliteration or name keys.
  Xapian::Query build(const std::string& text, bool exact);

 private:
  Xapian::Query parse(Xapian::QueryParser& parser, const std::string& text);

  std::shared_ptr<Analyzer> analyzer_;
  Xapian::QueryParser folded_parser_;
  Xapian::QueryParser exact_parser_;
};

// Adds a lower-weighted name-key alternative to every search-form term outside phrases.
Xapian::Query with_name_keys(const Xapian::Query& query);

}  // namespace naviny
