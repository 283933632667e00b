#include "indexer/document_builder.h"

#include <algorithm>

#include "analyzers/field_values.h"
#include "common/article_data.h"
#include "common/errors.h"
#include "common/hash.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/near_duplicates.h"

namespace naviny {
namespace {

// Shorter words are rarely misspelt in a way a suggestion could fix, and would bloat the table.
constexpr std::size_t kMinSpellingLetters = 4;
// Xapian's keys are limited; no real word a user types is longer than this.
constexpr std::size_t kMaxSpellingLetters = 40;

// Xapian throws when a document with an empty term is stored (Empty termnames aren't allowed) or
// with a term over 245 bytes (Term too long), which would stop a whole indexing run. So words
// whose forms are empty (a lone U+FE0F variation selector, as in "❤️": NFKC case folding
// removes it) or over-long (a huge `source:`, a word that NFKC expands many times over) are left
// out, as TermGenerator leaves out over-long words: no query could find them anyway.
constexpr std::size_t kMaxTermBytes = 245;

bool fits(const schema::Prefix& prefix, const std::string& value) {
  return !value.empty() && prefix.prefix.size() + value.size() <= kMaxTermBytes;
}

std::string prefixed(const schema::Prefix& prefix, const std::string& value) {
  return std::string(prefix.prefix) + value;
}

void add_posting(Xapian::Document& document, const schema::Prefix& prefix, const std::string& value,
                 Xapian::termpos position, Xapian::termcount weight = 1) {
  if (fits(prefix, value)) document.add_posting(prefixed(prefix, value), position, weight);
}

// wdf only: for terms that no phrase reads (their words' positions are those of other terms).
void add_unpositioned(Xapian::Document& document, const schema::Prefix& prefix,
                      const std::string& value) {
  if (fits(prefix, value)) document.add_term(prefixed(prefix, value));
}

void add_boolean_term(Xapian::Document& document, const schema::Prefix& prefix,
                      const std::string& value) {
  if (fits(prefix, value)) document.add_boolean_term(prefixed(prefix, value));
}

// Indexes `words` starting at `position`; title words also go under the title prefix and count
// kTitleWeight times in the body-and-title terms.
void index_words(Xapian::Document& document, const std::vector<AnalyzedWord>& words,
                 Xapian::termpos position, bool is_title) {
  const Xapian::termcount weight = is_title ? kTitleWeight : 1;
  for (const AnalyzedWord& word : words) {
    const WordForms& forms = word.forms;
    add_posting(document, schema::kBody, forms.search, position, weight);
    // Without positions, which would take some 30 % of the index: an exact phrase is matched on
    // the search forms' positions (searcher/exact_phrases.h).
    add_unpositioned(document, schema::kExact, forms.exact);
    if (is_title) add_posting(document, schema::kTitle, forms.search, position);
    if (word.name_like) {
      for (const std::string* key : forms.name_keys.both()) {
        if (key->empty()) continue;
        add_posting(document, schema::kNameKey, *key, position);
        const std::string spelling = schema::name_spelling_term(*key, forms.exact);
        if (spelling.size() <= kMaxTermBytes) document.add_term(spelling);
      }
    }
    ++position;
  }
}

// Entities with the most mentions first, then by id, so output is stable.
std::vector<std::pair<const Entity*, std::size_t>> ranked(const EntityMentions& mentions,
                                                          const Gazetteer& gazetteer) {
  std::vector<std::pair<const Entity*, std::size_t>> list;
  for (const auto& [entity, count] : mentions)
    list.emplace_back(&gazetteer.entities()[entity], count);
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return list;
}

void add_entities(Xapian::Document& document, ArticleData& data,
                  const std::vector<std::pair<const Entity*, std::size_t>>& entities) {
  std::string slot;
  for (const auto& [entity, mentions] : entities) {
    document.add_term(prefixed(schema::kEntity, entity->id),
                      static_cast<Xapian::termcount>(mentions));
    slot += entity->id + "\n";
    data.entities.push_back({entity->id, mentions});
  }
  if (!slot.empty()) document.add_value(schema::kEntitiesSlot.slot, slot);
}

// Gives each entity term the positions of the words of its mentions, where the words of the text
// are (`first_positions`: of each text given to the recogniser), so that a snippet can mark the
// mention of an article that matched only through its entity (`person:Putin` in an article that
// writes Путина). The wdf increment is 0: the wdf stays the number of mentions, and the document
// length, and so every score, stays as it was.
void add_mention_positions(Xapian::Document& document, const std::vector<RecognizedMention>& trace,
                           const Gazetteer& gazetteer,
                           const std::vector<Xapian::termpos>& first_positions) {
  for (const RecognizedMention& mention : trace) {
    if (!mention.entity) continue;
    const std::string term = prefixed(schema::kEntity, gazetteer.entities()[*mention.entity].id);
    const Xapian::termpos first =
        first_positions[mention.text] + static_cast<Xapian::termpos>(mention.first_word);
    for (Xapian::termpos word = 0; word < mention.words; ++word) {
      document.add_posting(term, first + word, 0);
    }
  }
}

// Boolean: the entity terms weigh a title match, and the document length stays as it was.
void add_title_entities(Xapian::Document& document, const std::vector<RecognizedMention>& trace,
                        const Gazetteer& gazetteer, std::size_t title_text) {
  for (const RecognizedMention& mention : trace) {
    if (mention.entity && mention.text == title_text) {
      add_boolean_term(document, schema::kTitleEntity, gazetteer.entities()[*mention.entity].id);
    }
  }
}

ArticleData document_data(const Article& article) {
  return {.id = article.id,
          .title = article.title,
          .date = article.date,
          .source = article.source,
          .url = article.url,
          .lang = article.lang,
          .body = article.body,
          .entities = {}};
}

}  // namespace

Article article_from_document_data(const std::string& data) {
  ArticleData stored = decode_article_data(data);
  Article article;
  article.id = std::move(stored.id);
  article.title = std::move(stored.title);
  article.body = std::move(stored.body);
  article.date = std::move(stored.date);
  article.source = std::move(stored.source);
  article.url = std::move(stored.url);
  article.lang = std::move(stored.lang);
  return article;
}

std::string id_term(const std::string& article_id) {
  return schema::id_term(article_id);
}

std::string added_origin_term() {
  return schema::added_origin_term();
}

Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const std::string& content_hash, ArticleOrigin origin,
                                const EntityRecognizer* recognizer,
                                std::vector<std::string>* spelling_words,
                                AliasCandidateMemo* memo) {
  Xapian::Document document;
  const std::vector<AnalyzedWord> body = analyze_words(analyzer, article.body);
  const std::vector<AnalyzedWord> title = analyze_words(analyzer, article.title, &body);
  index_words(document, title, schema::kTitleFirstPosition, true);
  index_words(document, body, schema::kBodyFirstPosition, false);
  if (spelling_words != nullptr) {
    for (const auto* words : {&title, &body}) {
      for (const AnalyzedWord& word : *words) {
        if (word.forms.romanized.size() >= kMinSpellingLetters &&
            word.forms.romanized.size() <= kMaxSpellingLetters) {
          spelling_words->push_back(word.forms.romanized);
        }
      }
    }
  }
  document.add_boolean_term(id_term(article.id));
  if (const auto simhash = simhash_of(body)) {
    document.add_value(schema::kSimhashSlot.slot, hash_value(*simhash));
    for (const std::string& band : band_terms(*simhash)) document.add_boolean_term(band);
  }
  if (origin == ArticleOrigin::added) document.add_boolean_term(added_origin_term());
  if (!article.lang.empty()) add_boolean_term(document, schema::kLang, language_code(article.lang));
  if (!article.source.empty()) {
    add_boolean_term(document, schema::kSource, folded_field_value(article.source));
  }
  if (!article.date.empty()) {
    std::string yyyymmdd = article.date;
    std::erase(yyyymmdd, '-');
    document.add_value(schema::kDateSlot.slot, yyyymmdd);
  }
  document.add_value(schema::kContentHashSlot.slot, content_hash);
  document.add_value(schema::kSortIdSlot.slot, article.id);
  ArticleData data = document_data(article);
  if (recognizer != nullptr) {
    std::vector<RecognizedMention> mentions;
    add_entities(
        document, data,
        ranked(recognizer->recognize({&title, &body}, &mentions, memo), recognizer->gazetteer()));
    add_mention_positions(document, mentions, recognizer->gazetteer(),
                          {schema::kTitleFirstPosition, schema::kBodyFirstPosition});
    add_title_entities(document, mentions, recognizer->gazetteer(), 0);
  }
  document.set_data(encode_article_data(data));
  return document;
}

}  // namespace naviny
