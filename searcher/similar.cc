#include <xapian.h>

#include <string>
#include <vector>

#include "common/article_data.h"
#include "common/errors.h"
#include "common/schema.h"
#include "searcher/searcher.h"
#include "searcher/searcher_state.h"
#include "searcher/stopwords.h"

namespace naviny {
namespace {

// Words of the source article that describe it best; more dilute the match, fewer miss it. With
// 40, the words an article shares with others in its own language outweighed the entities it
// shares with the same story in other languages (SlavicNER: 0 of 50 similar articles in another
// language; 20 words with entities counted 10 times: 21 of 50, same topic as often).
constexpr Xapian::termcount kSimilarTerms = 20;

}  // namespace

SearchResults Searcher::similar(const std::string& id, std::size_t limit) {
  return with_retries([&] { return similar_once(id, limit); });
}

namespace {

// Entities count this many times a word: they are the same terms in every language, so they carry
// the likeness from an article in one language to the same story in another.
constexpr double kSimilarEntityWeight = 10.0;
// Shared words shown per similar article.
constexpr std::size_t kSharedWordsShown = 8;

// The words relevance feedback may pick for `naviny similar`: shared search forms, not function
// words (stopwords.h).
class SimilarWords : public Xapian::ExpandDecider {
 public:
  SimilarWords(const Xapian::Database& db, std::unordered_set<std::string> stopwords)
      : shared_(db), stopwords_(std::move(stopwords)) {}
  bool operator()(const std::string& term) const override {
    return shared_(term) && !stopwords_.contains(term);
  }

 private:
  SharedSearchTerms shared_;
  std::unordered_set<std::string> stopwords_;
};

// The entity terms of `document` that some other article has too.
std::vector<std::string> shared_entity_terms(const Xapian::Database& db,
                                             const Xapian::Document& document) {
  const std::string prefix(schema::kEntity.prefix);
  std::vector<std::string> terms;
  Xapian::TermIterator term = document.termlist_begin();
  for (term.skip_to(prefix); term != document.termlist_end(); ++term) {
    const std::string name = *term;
    if (!name.starts_with(prefix)) break;
    if (db.get_termfreq(name) > 1) terms.push_back(name);
  }
  return terms;
}

// The first surface form (case-folded) in `text` of each search form of `terms`, in the order of
// `terms`: a reader sees "забастовки", not the index's romanized stem.
std::vector<std::string> written_forms(Analyzer& analyzer, std::string_view text,
                                       const std::vector<std::string>& terms) {
  std::unordered_map<std::string, std::string> found;
  for (const std::string& term : terms) found.emplace(term, std::string());
  std::size_t missing = terms.size();
  analyzer.analyze_text(text, [&](const Token&, const WordForms& word) {
    if (missing == 0) return;
    const auto entry = found.find(word.search);
    if (entry != found.end() && entry->second.empty()) {
      entry->second = word.exact;
      --missing;
    }
  });
  std::vector<std::string> forms;
  for (const std::string& term : terms) {
    if (!found[term].empty()) forms.push_back(found[term]);
  }
  return forms;
}

}  // namespace

SearchResults Searcher::similar_once(const std::string& id, std::size_t limit) {
  const Xapian::Database& db = state_->db;
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator source = db.postlist_begin(id_term);
  if (source == db.postlist_end(id_term)) {
    throw NotFoundError("no article with id '" + id + "' in the index at '" +
                        joined_paths(state_->dbs) +
                        "'; search results show each article's id under its title");
  }
  Xapian::RSet relevant;
  relevant.add_document(*source);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*ranking_weight());
  const SimilarWords similar_words(db, stopword_search_forms(*state_->analyzer));
  const Xapian::ESet words = enquire.get_eset(kSimilarTerms, relevant, &similar_words);
  const std::vector<std::string> entities = shared_entity_terms(db, db.get_document(*source));
  SearchResults results;
  results.query = "similar to " + id;
  if (words.empty() && entities.empty()) return results;
  const Xapian::Query words_query(Xapian::Query::OP_ELITE_SET, words.begin(), words.end(),
                                  kSimilarTerms);
  const Xapian::Query entities_query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, entities.begin(), entities.end()), kSimilarEntityWeight);
  const Xapian::Query query(Xapian::Query::OP_AND_NOT,
                            Xapian::Query(Xapian::Query::OP_OR, words_query, entities_query),
                            Xapian::Query(id_term));
  enquire.set_query(query);
  enquire.set_sort_by_relevance_then_value(schema::kSortIdSlot.slot, false);
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  results.total_estimate = mset.get_matches_estimated();
  results.missing_shards = state_->missing_shards;
  // Entities too: an article in another language often shares only those with the source.
  Highlighter highlighter(state_->db,
                          Xapian::Query(Xapian::Query::OP_OR, words_query, entities_query),
                          *state_->analyzer);
  const Hit source_hit = state_->hit_of(db.get_document(*source), *source, nullptr);
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    Hit hit = state_->make_hit(match, &highlighter);
    for (const EntityRef& entity : hit.entities) {
      for (const EntityRef& mine : source_hit.entities) {
        if (mine.id == entity.id) hit.shared_entities.push_back(entity);
      }
    }
    // The words the two share, best describing the source first (the ESet's order).
    const Xapian::Document document = match.get_document();
    std::vector<std::string> shared_terms;
    for (auto word = words.begin(); word != words.end(); ++word) {
      Xapian::TermIterator found = document.termlist_begin();
      found.skip_to(*word);
      if (found != document.termlist_end() && *found == *word) shared_terms.push_back(*word);
      if (shared_terms.size() == kSharedWordsShown) break;
    }
    const ArticleData data = decode_article_data(document.get_data());
    hit.shared_words =
        written_forms(*state_->analyzer, data.title + "\n" + data.body, shared_terms);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace naviny
