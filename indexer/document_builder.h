#pragma once

#include <xapian.h>

#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "indexer/article.h"

namespace naviny {

// How much a title word counts against a body word in ranking (added to its wdf).
inline constexpr Xapian::termcount kTitleWeight = 2;

// The Xapian document for an article: its terms under the schema's prefixes, its value slots
// and its data record. `content_hash` identifies the file's bytes for incremental updates;
// `recognizer`, when given, tags the gazetteer's entities.
Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const std::string& content_hash,
                                const EntityRecognizer* recognizer = nullptr);

// The unique-id term of an article (schema::kId).
std::string id_term(const std::string& article_id);

}  // namespace naviny
