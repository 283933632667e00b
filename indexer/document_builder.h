#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "indexer/article.h"

namespace naviny {

// How much a title word counts against a body word in ranking (added to its wdf).
inline constexpr Xapian::termcount kTitleWeight = 2;

// Where an article came from: a file of the corpus folder (`naviny index`), which the next
// `naviny index` run removes when the file is gone, or `naviny add`, which it leaves alone.
enum class ArticleOrigin { corpus, added };

// The Xapian document for an article: its terms under the schema's prefixes, its value slots
// and its data record. `content_hash` identifies the file's bytes for incremental updates;
// `recognizer`, when given, tags the gazetteer's entities; `spelling_words`, when given, receives
// the romanized words worth suggesting for misspelt queries.
Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const std::string& content_hash, ArticleOrigin origin,
                                const EntityRecognizer* recognizer = nullptr,
                                std::vector<std::string>* spelling_words = nullptr);

// The term that marks articles given to `naviny add` (schema::kOrigin).
std::string added_origin_term();

// The article whose document data (schema::kDataFields) is `data`, for re-indexing an article
// that has no file (one given to `naviny add`). Throws BadInputError if the data lacks the id,
// title or body, as in an index of another schema.
Article article_from_document_data(const std::string& data);

// The unique-id term of an article (schema::kId).
std::string id_term(const std::string& article_id);

}  // namespace naviny
