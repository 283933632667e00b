#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/xapian_stems.h"
#include "searcher/entity_filter.h"
#include "searcher/field_filters.h"

namespace naviny {

// Weight of a name-key match relative to a match of the search form: spelling variants are
// found, but the spelling the user typed ranks first.
inline constexpr double kNameKeyWeight = 0.4;

struct QueryNames;

// Turns the text a user typed into a Xapian query, with the same analysis chain as the indexer:
// Xapian's QueryParser syntax, the schema's prefixes, date ranges, name keys, and the entities
// that words and phrases name.
class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer,
               std::shared_ptr<IndexGazetteer> gazetteer);
  // The parsers point at stopwords_: a copy would point at the original's.
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Throws QueryError for an empty query or a syntax error, naming where it is.
  // In exact mode words match their case-folded surface form only: no stemming,
  // transliteration or name keys.
  Xapian::Query build(const std::string& text, bool exact);

  // The number of words, stopwords aside, of a query made of plain words only; 0 if it has
  // phrases, fields, operators or grouping. Such queries describe a topic rather than name a
  // thing, and are worth expanding (RankingOptions).
  std::size_t descriptive_words(const std::string& text) const;

  // The runs (first word, number of words; words as whitespace_words() splits `text`) of a query
  // of plain words that name an entity together, and so are searched as that name
  // (word_runs_naming_entities); none for a query with operators, quotes or fields.
  std::vector<std::pair<std::size_t, std::size_t>> named_word_runs(const std::string& text);

 private:
  // Whether the query has no phrases, fields, operators or grouping.
  bool plain_words_only(const std::string& text) const;
  // A query of plain words with each run of words that names an entity together in quotes, so
  // that it is searched as the name, as the recogniser reads it in text (White House, Democratic
  // Party); any other query as it is.
  std::string with_named_runs_quoted(const std::string& text, const QueryNames& query_names);
  std::vector<std::pair<std::size_t, std::size_t>> named_word_runs(const std::string& text,
                                                                   const QueryNames& query_names);
  // The query words (`words`, analysed) that are names, by search form: typed with a capital, or
  // written as names by the corpus.
  QueryNames names_in(const std::vector<AnalyzedWord>& words);
  Xapian::Query parse(Xapian::QueryParser& parser, const std::string& text);
  // Whether a word typed in lower case is a form of an alias written so (лейбористы, the party's
  // members), which names its entity in article text as it must in a query.
  bool names_by_lower_case_alias(const AnalyzedWord& word);

  Xapian::Database db_;
  std::shared_ptr<Analyzer> analyzer_;
  std::shared_ptr<IndexGazetteer> gazetteer_;
  std::shared_ptr<QueryWordKeys> word_keys_;
  std::shared_ptr<TypedCapitals> typed_capitals_;
  // What a field processor found wrong in the query being parsed.
  std::shared_ptr<QueryProblem> problem_ = std::make_shared<QueryProblem>();
  // Shared by the folded parser (which holds a pointer, so it is declared first) and
  // descriptive_words().
  Xapian::SimpleStopper stopwords_;
  Xapian::QueryParser folded_parser_;
  Xapian::QueryParser exact_parser_;
};

// The words of a query that are names, by search form.
struct QueryNames {
  // The exact (case-folded) form of each word typed with a capital, by its search form.
  std::unordered_map<std::string, std::string> typed_capitalised;
  // Typed with a capital, or written as names by the corpus (QueryBuilder::build).
  std::unordered_set<std::string> names;
};

// Adds the other spellings of the query words that the index holds under their name keys: outside
// phrases as a lower-weighted alternative to each search-form term, inside phrases as an
// alternative at the same position (so "Joe Biden" matches "Джо Байден"). A word outside phrases
// gets them only if it is one of the `query_names`, and without the spellings that more than a
// tenth of the articles having them write in lower case (Если is no Oslo), that the gazetteer
// knows as names of other entities (Пакистан is no Paxton), or that in the word's own script are
// spelt as another name (spelt_as_one_name: Welle is no Wahl). NEAR and ADJ are read as phrases
// are, in their own window.
Xapian::Query with_name_keys(const Xapian::Query& query, const QueryWordKeys& keys,
                             const QueryNames& query_names, const Xapian::Database& db,
                             IndexGazetteer& gazetteer);

}  // namespace naviny
