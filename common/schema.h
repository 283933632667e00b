#pragma once

// The index schema, declared once. The indexer writes documents by looping over these tables
// and the searcher configures Xapian::QueryParser from the same tables, so a prefix or a value
// slot can never mean one thing at index time and another at query time.

#include <xapian.h>  // Xapian::valueno and termpos; <xapian/types.h> alone is refused

#include <array>
#include <string>
#include <string_view>

#include "common/hash.h"

namespace naviny::schema {

// Bump when prefixes, slots or the document data format change; older indexes must be rebuilt.
inline constexpr int kVersion = 4;

enum class TermKind {
  free_text,  // analysed words: ranked, with positions for phrases
  boolean,    // exact filter terms: do not affect ranking
  internal,   // written by the indexer, used by the searcher, not a query field
};

struct Prefix {
  std::string_view field;   // name in query syntax ("title:"), empty if none
  std::string_view prefix;  // Xapian term prefix
  TermKind kind;
  std::string_view meaning;
};

// Xapian's conventions where one exists (Q unique id, S title); X... for our own.
inline constexpr Prefix kBody{"", "", TermKind::free_text,
                              "search form of title and body words, with positions"};
inline constexpr Prefix kTitle{"title", "S", TermKind::free_text, "search form of title words"};
inline constexpr Prefix kExact{"", "XE", TermKind::internal,
                               "exact (case-folded) surface form of every word, for --exact; "
                               "without positions (from schema version 4)"};
inline constexpr Prefix kNameKey{
    "", "XK", TermKind::internal,
    "name keys of capitalised words, with positions; matched with a lower weight"};
inline constexpr Prefix kNameSpelling{
    "", "XN", TermKind::internal,
    "name key, a colon and the exact form of each capitalised word (name_spelling_term), without "
    "positions: which words an article has under a key"};
inline constexpr Prefix kId{"id", "Q", TermKind::boolean, "article id: path below the corpus root"};
// The unique-id term of an article. Xapian refuses terms longer than 245 bytes, so very long ids
// are hashed instead.
inline std::string id_term(std::string_view article_id) {
  constexpr std::size_t kMaxIdTermBytes = 240;
  if (kId.prefix.size() + article_id.size() <= kMaxIdTermBytes) {
    return std::string(kId.prefix) + std::string(article_id);
  }
  return std::string(kId.prefix) + "#" + to_hex(fnv1a64(article_id));
}
inline constexpr Prefix kLang{"lang", "L", TermKind::boolean,
                              "language code from front matter, as language_code() writes it"};
inline constexpr Prefix kSource{"source", "XSOURCE", TermKind::boolean,
                                "source from front matter, case-folded (folded_field_value)"};

// Articles given to `naviny add` carry the term kOrigin + kOriginAdded. `naviny index` keeps the
// index in step with the corpus folder but leaves these alone (their files are not in it), and
// `naviny index --rebuild` carries them over from their stored text. Corpus articles have no
// origin term, so indexes written before this prefix existed need no rebuild.
inline constexpr Prefix kOrigin{"", "XORIGIN", TermKind::internal,
                                "how the article came in: 'add' for `naviny add`, none for "
                                "corpus files"};
inline constexpr std::string_view kOriginAdded = "add";
inline std::string added_origin_term() {
  return std::string(kOrigin.prefix) + std::string(kOriginAdded);
}

inline constexpr Prefix kEntity{
    "", "XENT", TermKind::internal,
    "gazetteer entity id, one term per entity mentioned; wdf = mentions; positions: the words "
    "of each mention (from recogniser version 9)"};
// title:NAME finds the titles that mention the entity in any form the recogniser knows
// (title:Bidena finds "Байден в Варшаве"), which no spelling of the typed word reaches.
inline constexpr Prefix kTitleEntity{
    "", "XTENT", TermKind::internal,
    "gazetteer entity id, one boolean term per entity mentioned in the title (from recogniser "
    "version 12)"};

inline constexpr Prefix kDuplicateBand{"", "XDUP", TermKind::internal,
                                       "band number, a colon and 9 bits of the article's simhash "
                                       "(hex), for near-duplicate candidates"};

// A name-spelling term: the key, a colon and the exact form of the word it was taken from. All
// terms that begin with name_spelling_prefix(key) list the words indexed under that key, so a
// query can leave out those that the corpus writes mostly in lower case: common words that opened
// a sentence (Если ~ Oslo, Ранее ~ Ryan), not names.
inline std::string name_spelling_prefix(std::string_view key) {
  return std::string(kNameSpelling.prefix) + std::string(key) + ":";
}
inline std::string name_spelling_term(std::string_view key, std::string_view exact_form) {
  return name_spelling_prefix(key) + std::string(exact_form);
}
// The exact form a name-spelling term was made from; empty for another term. Keys have no colon.
inline std::string_view exact_form_of_name_spelling(std::string_view term) {
  if (!term.starts_with(kNameSpelling.prefix)) return {};
  const std::size_t colon = term.find(':', kNameSpelling.prefix.size());
  return colon == std::string_view::npos ? std::string_view() : term.substr(colon + 1);
}

inline constexpr std::array kPrefixes{kBody,         kTitle,       kExact,  kNameKey,
                                      kNameSpelling, kId,          kLang,   kSource,
                                      kEntity,       kTitleEntity, kOrigin, kDuplicateBand};

// Query fields that filter by entity: the name after the colon (any alias, in any script, or the
// entity id) is resolved through the gazetteer to kEntity terms. `type` empty: any type.
struct EntityField {
  std::string_view field;
  std::string_view type;
};
inline constexpr std::array kEntityFields{EntityField{"person", "person"},
                                          EntityField{"org", "org"}, EntityField{"place", "place"},
                                          EntityField{"entity", ""}};

struct ValueSlot {
  std::string_view name;
  Xapian::valueno slot;
  std::string_view format;
};

inline constexpr ValueSlot kDateSlot{"date", 0,
                                     "YYYYMMDD, sortable; empty if the article has none"};
inline constexpr ValueSlot kContentHashSlot{"content_hash", 1,
                                            "16 hex digits, FNV-1a 64 of the file's bytes"};

inline constexpr ValueSlot kEntitiesSlot{"entities", 2,
                                         "ids of the entities mentioned, one per line, for facets"};

// Results of equal score are listed in id order, so that the order does not depend on document
// numbers, which differ between one database and the same articles split over shards. Added
// without a schema version bump: an index written before has no value here, finds the same
// articles, and orders ties by document number until it is re-indexed.
inline constexpr ValueSlot kSortIdSlot{"sort_id", 3,
                                       "article id, for ordering results of equal score"};

inline constexpr ValueSlot kSimhashSlot{"simhash", 4,
                                        "16 hex digits, simhash of the body's word shingles"};
inline constexpr ValueSlot kDuplicateGroupSlot{
    "duplicate_group", 5,
    "id of the first article of its near-duplicate group; searches collapse on it"};

inline constexpr std::array kValueSlots{kDateSlot,   kContentHashSlot, kEntitiesSlot,
                                        kSortIdSlot, kSimhashSlot,     kDuplicateGroupSlot};

// Document data is one JSON object with these keys (absent when unknown), written and read only
// by common/article_data.h.
struct DataField {
  std::string_view key;
  std::string_view meaning;
};
inline constexpr DataField kIdField{"id", "article id"};
inline constexpr DataField kTitleField{"title", "title as written"};
inline constexpr DataField kDateField{"date", "ISO 8601 date (YYYY-MM-DD) from front matter"};
inline constexpr DataField kSourceField{"source", "source from front matter"};
inline constexpr DataField kUrlField{"url", "url from front matter"};
inline constexpr DataField kLangField{"lang", "language code from front matter"};
inline constexpr DataField kBodyField{"body", "body text as written, used for snippets"};
inline constexpr DataField kEntitiesField{
    "entities", "[{\"id\", \"mentions\"}] of the entities mentioned, most first"};
inline constexpr std::array kDataFields{kIdField,  kTitleField, kDateField, kSourceField,
                                        kUrlField, kLangField,  kBodyField, kEntitiesField};

// Title words are numbered from here. Entity terms carry their mentions' positions in both.
inline constexpr Xapian::termpos kTitleFirstPosition = 1;
// Positions of body words start here, so that a phrase never runs from the title into the body.
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

// Keys in the database metadata.
inline constexpr std::string_view kMetaSchemaVersion = "naviny.schema_version";
inline constexpr std::string_view kMetaAnalyzer = "naviny.analyzer";
inline constexpr std::string_view kMetaLastUpdate = "naviny.last_update";
// "K/N" in a database built with `naviny index --shard K/N`: it holds the articles of shard K of a
// corpus split N ways (common/shards.h ShardPart), and only those. Absent in any other index. A
// writer run for another part, or for the whole corpus, is refused; a search over several such
// databases checks that they are the parts of one split, each once.
inline constexpr std::string_view kMetaShardPart = "naviny.shard_part";
// When `naviny compact` compacted the database (like kMetaLastUpdate); set in the compacted copy
// only, and cleared by stamp_index at the next commit of any writer, so it says whether the
// database is still as compacted. `naviny stats` shows it.
inline constexpr std::string_view kMetaCompacted = "naviny.compacted";
// The gazetteer TSV the index was tagged with; searches resolve entity names with it.
inline constexpr std::string_view kMetaGazetteer = "naviny.gazetteer";
// 16 hex digits, FNV-1a 64 of kMetaGazetteer: lets a search over several shards check cheaply (also
// over the remote protocol) that all were tagged with the same gazetteer.
inline constexpr std::string_view kMetaGazetteerHash = "naviny.gazetteer_hash";
// The boilerplate rules the index was built with.
inline constexpr std::string_view kMetaBoilerplate = "naviny.boilerplate";
// BoilerplateFilter::kTitleRulesVersion of the structural title rules the articles went through.
inline constexpr std::string_view kMetaTitleRules = "naviny.title_rules";
// EntityRecognizer::kVersion of the rules that tagged the articles.
inline constexpr std::string_view kMetaRecognizer = "naviny.recognizer";
// The gazetteer of kMetaGazetteer with every alias analysed (Gazetteer::analysed), under the
// stamp analysed_gazetteer_stamp(): a search reads it instead of analysing the TSV again.
inline constexpr std::string_view kMetaGazetteerAnalysed = "naviny.gazetteer_analysed";
inline std::string analysed_gazetteer_stamp(std::string_view gazetteer_hash,
                                            std::string_view analyzer_fingerprint) {
  // The first word is the format of Gazetteer::analysed(): 2 stores AliasWord::after_period.
  return "2 " + std::string(gazetteer_hash) + " " + std::string(analyzer_fingerprint);
}
// The gazetteer's aliases by their words' search forms (Gazetteer::lookup_key): one key per alias,
// "naviny.alias." + key -> one line per alias: the id it names, and for a one-word alias that is
// no acronym its romanized and exact form, tab-separated. A search resolves `person:NAME` with
// one look-up instead of analysing every alias of the gazetteer at each process start.
inline constexpr std::string_view kMetaAliasPrefix = "naviny.alias.";
// The gazetteer's one-word aliases by name key, so that a search can tell that a word it meets
// under a name key (Канады, Irlandii) is a name of another entity without parsing the gazetteer:
// "naviny.alias_word." + key -> one line per alias word: id, search form, romanized and exact
// form, tab-separated.
inline constexpr std::string_view kMetaAliasWordPrefix = "naviny.alias_word.";
// The first words of people's full aliases (Vladimir, Мария), by name key: a word the gazetteer
// knows as a given name is no spelling of a surname that only shares a key with it (Мария and
// Marr). "naviny.given_name." + name key -> one line per given name: id and romanized form,
// tab-separated.
inline constexpr std::string_view kMetaGivenNamePrefix = "naviny.given_name.";
// alias_table_stamp() of the kMetaGazetteerHash the alias tables were written for; other values
// mean they are stale, or of an older layout.
inline constexpr std::string_view kMetaAliasTableHash = "naviny.alias_table";
// The layout before one-word aliases carried their spellings (2026-11-26), which a search still
// reads: its alias lines hold the id alone, as those of longer aliases still do.
inline std::string alias_table_stamp_without_spellings(std::string_view gazetteer_hash) {
  return std::string(gazetteer_hash) + " words given-names";
}
// The layout before alias words carried the scripts their entities are named in (2026-12-07).
inline std::string alias_table_stamp_without_scripts(std::string_view gazetteer_hash) {
  return alias_table_stamp_without_spellings(gazetteer_hash) + " spellings";
}
inline std::string alias_table_stamp(std::string_view gazetteer_hash) {
  return alias_table_stamp_without_scripts(gazetteer_hash) + " scripts";
}

}  // namespace naviny::schema
