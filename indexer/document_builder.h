#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "common/errors.h"
#include "common/schema.h"
#include "indexer/article.h"

namespace naviny {

// How much a title word counts against a body word in ranking (added to its wdf).
inline constexpr Xapian::termcount kTitleWeight = 2;

// Where an article came from: a file of the corpus folder (`naviny index`), which the next
// `naviny index` run removes when the file is gone, or `naviny add`, which it leaves alone.
enum class ArticleOrigin { corpus, added };

// The Xapian document for an article: its terms under the schema's prefixes, its value slots
// and its data record. `content_hash` identifies the file's bytes for incremental updates;
// `recognizer`, when given, tags the gazetteer's entities (with `memo`, if given, for
// `recognizer` only); `spelling_words`, when given, receives the romanized words worth suggesting
// for misspelt queries.
Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const std::string& content_hash, ArticleOrigin origin,
                                const EntityRecognizer* recognizer = nullptr,
                                std::vector<std::string>* spelling_words = nullptr,
                                AliasCandidateMemo* memo = nullptr);

// The term that marks articles given to `naviny add` (schema::kOrigin).
std::string added_origin_term();

// The article whose document data (schema::kDataFields) is `data`, for re-indexing an article
// that has no file (one given to `naviny add`). Throws BadInputError if the data lacks the id,
// title or body, as in an index of another schema.
Article article_from_document_data(const std::string& data);

// Calls on_article(Article, content hash) for each article that `naviny add` put into `index`,
// read back from its stored text (to carry it over into a rebuilt index), and
// on_unreadable(what, reason) for one whose stored text cannot be read.
template <typename OnArticle, typename OnUnreadable>
void for_each_added_article(const Xapian::Database& index, OnArticle on_article,
                            OnUnreadable on_unreadable) {
  const std::string origin = added_origin_term();
  for (auto posting = index.postlist_begin(origin); posting != index.postlist_end(origin);
       ++posting) {
    const Xapian::Document stored = index.get_document(*posting);
    try {
      Article article = article_from_document_data(stored.get_data());
      on_article(std::move(article), stored.get_value(schema::kContentHashSlot.slot));
    } catch (const BadInputError& e) {
      on_unreadable("(article " + std::to_string(*posting) + " added with `naviny add`)",
                    std::string(e.what()) + "; add it again");
    }
  }
}

// The unique-id term of an article (schema::kId).
std::string id_term(const std::string& article_id);

}  // namespace naviny
