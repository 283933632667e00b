#pragma once

// Entity filters (person:, org:, place:, entity:) and entity facets, resolved through the
// gazetteer the index was tagged with.

#include <xapian.h>

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "analyzers/xapian_stems.h"

namespace naviny {

// What a search shows of an entity mentioned by a hit or counted in a facet.
struct EntityLabel {
  EntityType type;
  std::string name;
};

// The entities a word names (IndexGazetteer::entities_named_by_word), and how many edits
// (edit_distance) its romanised form is from the nearest alias by which it names them: 0 for an
// alias of several words or an acronym, which carry no spelling to compare.
struct WordNaming {
  std::vector<std::string> ids;
  std::size_t edits_to_alias = std::numeric_limits<std::size_t>::max();
  // Named by a likeness of spelling (spelt_alike), not by an alias of the word's search form.
  bool by_likeness = false;
};

// The gazetteer stored in an index, parsed on first use (most searches never need it).
class IndexGazetteer {
 public:
  IndexGazetteer(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer)
      : db_(db), analyzer_(std::move(analyzer)) {}
  // The recogniser refers to the parsed gazetteer held here.
  IndexGazetteer(const IndexGazetteer&) = delete;
  IndexGazetteer& operator=(const IndexGazetteer&) = delete;
  // Without its text() where the index stores the analysed table: a search needs only the
  // entities and aliases, and the rows are in the index's metadata for whoever wants them.
  const Gazetteer& get();
  // The recogniser that tagged the articles, over get().
  const EntityRecognizer& recognizer();
  // The ids of the entities that the query words `typed` name, read as the recogniser reads a
  // name standing alone (EntityRecognizer::entities_named_by): any case form, in any script.
  // `name_like` says for each word whether it counts as written as a name.
  std::vector<std::string> ids_named_by(const std::vector<std::string>& typed,
                                        const std::vector<bool>& name_like);
  // The ids of the entities that the query words `typed` name as a name with qualifiers
  // (analyzers/qualified_names.h: Labour Party UK, CIA Central Intelligence Agency), where they
  // name none as one name.
  std::vector<std::string> ids_named_with_qualifiers(const std::vector<std::string>& typed,
                                                     const std::vector<bool>& name_like);
  // The ids of the organisations whose short form the query words `typed` are, where they name
  // no entity in full (EntityRecognizer::organisations_short_formed_by).
  std::vector<std::string> ids_short_formed_by(const std::vector<std::string>& typed,
                                               const std::vector<bool>& name_like);
  // The entities (of `type`, if given) that `name`, every word of it taken as written as a name,
  // names by the same reading (indexes into get().entities()).
  std::vector<std::size_t> entities_named_by_name(std::string_view name,
                                                  std::optional<EntityType> type);
  Analyzer& analyzer() { return *analyzer_; }

  // The type and display name of the entity `id`, or null if the gazetteer has no such id.
  // Read from the stored TSV's first columns without analysing any alias: naming the entities
  // of each hit must not pay for get(), whose ICU work on every alias costs a one-shot
  // `naviny search` some 60 ms (bench/README.md, issue 6).
  const EntityLabel* label(const std::string& id);

  // The ids of the entities (of `type`, if given) that `name` resolves to, looked up in the
  // alias table the indexer stored (indexer/alias_table.h) without parsing the gazetteer; null if
  // the index has no table for its gazetteer. Agrees with get().resolve().
  std::optional<std::vector<std::string>> quick_resolve(const std::string& name,
                                                        std::optional<EntityType> type);
  // The ids of the entities with an alias whose Gazetteer::lookup_key is `key` (search forms,
  // space-separated), from the stored alias table; null if the index has none for its gazetteer.
  std::optional<std::vector<std::string>> ids_by_lookup_key(const std::string& key);
  // ids_by_lookup_key of a single word's search form, less the entities whose one-word aliases
  // of that search form share it only through the English stemmer's cut of a final s
  // (names_an_s_apart: Francis names no France, whose Czech alias Francie is
  // "franci" too, and Harry no Kamala Harris). `spellings` are the word's romanised spellings.
  std::optional<std::vector<std::string>> ids_by_search_form(
      const std::string& search, const std::vector<QueryWordNames::Spelling>& spellings);
  // Whether some entity has the one-word acronym alias (NATO, ЕС) whose case-folded spelling is
  // `exact`.
  bool is_acronym_alias(std::string_view exact);
  // The ids of the entities with a one-word alias spelt as `word` (case-folded).
  std::vector<std::string> ids_by_alias_spelling(const WordForms& word);
  // The entities that the single word `word` names: those with an alias of its search
  // form, or if there are none, those with a one-word alias that shares a name key with it and
  // is spelt alike (spelt_alike: Канады and Irlandii, inflected, against Канада and Irlandia).
  // Null if the index has no alias tables for its gazetteer.
  std::optional<WordNaming> entities_named_by_word(const WordForms& word);
  // Whether a word, romanised and with these name keys, is a form of the first word of a person's
  // full alias in the gazetteer (Vladimir, Марии of Мария; same_script_variant, so Мар is not
  // Мария); false if the index has no alias tables for its gazetteer.
  // With `spelt_exactly`, only the given name's very spelling counts: a typed word whose variants
  // reach a given name of another script is not one itself (Barnier and Бърни).
  bool is_given_name(std::string_view romanized, const std::vector<std::string>& keys,
                     bool spelt_exactly = false);

  // A one-word alias that is no acronym, as the alias-word table stores it.
  struct AliasSpelling {
    std::string id;
    std::string romanized;
    std::string exact;  // case-folded
  };
  // Every one-word alias of the gazetteer that is no acronym, read from the stored alias-word
  // table (schema::kMetaAliasWordPrefix) without parsing the gazetteer; empty if the index has no
  // table for its gazetteer. The names a did-you-mean suggestion offers (searcher/spelling.h).
  std::vector<AliasSpelling> one_word_aliases();

 private:
  bool alias_tables_current() const;
  // Query words standing alone, as the recogniser reads them.
  std::vector<AnalyzedWord> query_words(const std::vector<std::string>& typed,
                                        const std::vector<bool>& name_like);
  std::vector<std::string> ids_of(const std::set<std::size_t>& entities);
  // Calls on_alias(id, romanized) for each alias whose Gazetteer::lookup_key is the single search
  // form `search` and that is no name an s apart from the word spelt `spellings`; romanized is
  // empty for an alias of several words or an acronym.
  template <typename OnAlias>
  void for_each_alias_of_search_form(const std::string& search,
                                     const std::vector<QueryWordNames::Spelling>& spellings,
                                     OnAlias on_alias);

  Xapian::Database db_;
  std::shared_ptr<Analyzer> analyzer_;
  std::optional<Gazetteer> gazetteer_;
  std::optional<EntityRecognizer> recognizer_;
  std::optional<std::unordered_map<std::string, EntityLabel>> labels_;
};

// The first entity name of a query that could not be resolved, and why. Field processors leave
// it here instead of throwing, since an exception thrown through Xapian's QueryParser leaks.
using EntityProblem = std::optional<std::string>;

// A query of filters only (person:Putin, lang:pl) weighs every match 0, which would list the
// articles in id order with score 0. Where it filters by entities, their terms are added as
// weighted terms that match nothing more, so the articles that mention them most, for their
// length, come first (an entity term's wdf is its mentions). Any other query is returned as it is.
Xapian::Query ranked_by_mentions_if_filters_only(const Xapian::Query& query);

// Turns "person:Лукашэнка" into the filter term of the entity any of whose aliases (or whose id)
// the name matches. For an unknown name (the message lists the closest known entities) or one
// that fits several entities, it records the problem and matches nothing.
class EntityFieldProcessor : public Xapian::FieldProcessor {
 public:
  EntityFieldProcessor(std::shared_ptr<IndexGazetteer> gazetteer, std::string field,
                       std::optional<EntityType> type, std::shared_ptr<EntityProblem> problem)
      : gazetteer_(std::move(gazetteer)),
        field_(std::move(field)),
        type_(type),
        problem_(std::move(problem)) {}
  Xapian::Query operator()(const std::string& name) override;

 private:
  Xapian::Query resolve(const std::string& name);

  std::shared_ptr<IndexGazetteer> gazetteer_;
  std::string field_;
  std::optional<EntityType> type_;
  std::shared_ptr<EntityProblem> problem_;
};

// Counts the entities of every matching document (not only the shown page), from the entities
// slot (a document's entity ids, one per line), as a spy of the page's own search. Searches of
// local databases count from an ArticleTable instead (searcher/article_table.h).
class EntityFacetSpy {
 public:
  // Over remote shards the spy must be one xapian-tcpsrv knows: Xapian's own ValueCountMatchSpy,
  // which counts each distinct value of the slot (whole id lists, split afterwards). Locally
  // naviny counts each id into a hash table: the distinct lists are nearly as many as the
  // matches, and ValueCountMatchSpy's tree of them made a facet search at 100,000 articles 7
  // times slower than plain Xapian (bench/HISTORY.md, issue 6).
  explicit EntityFacetSpy(bool remote);
  // Add to an Enquire before get_mset; the spy must outlive the Enquire's use of it.
  Xapian::MatchSpy* spy();
  // Entity id -> matching articles that mention it.
  std::map<std::string, std::size_t> counts() const;

 private:
  class IdCounter : public Xapian::MatchSpy {
   public:
    void operator()(const Xapian::Document& document, double weight) override;
    struct IdHash {
      using is_transparent = void;
      std::size_t operator()(std::string_view id) const {
        return std::hash<std::string_view>{}(id);
      }
    };
    std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> counts;
  };

  bool remote_;
  Xapian::ValueCountMatchSpy lists_;
  IdCounter ids_;
};

}  // namespace naviny
