#pragma once

// Writing articles into an index, shared by `naviny index`, `add`, `remove` and `--rebuild`
// (indexer.cc), so that an article is parsed, checked and built the same way whichever command
// brings it in. Internal to the indexer library.

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/shards.h"
#include "indexer/article.h"
#include "indexer/boilerplate.h"
#include "indexer/document_builder.h"
#include "indexer/indexer.h"
#include "indexer/near_duplicates.h"

namespace naviny {

// What, besides an article's bytes, decides how it is indexed. Stored in the index; when it
// changes, every article is indexed again.
struct CorpusSettings {
  std::string gazetteer;    // TSV, corpus/README.md
  std::string boilerplate;  // rules, corpus/README.md
  // The rules that find the gazetteer's entities in text: new rules re-tag every article.
  std::string recognizer = std::to_string(EntityRecognizer::kVersion);
  // The rules that pick and clean titles: new rules re-index every article.
  std::string title_rules = std::to_string(BoilerplateFilter::kTitleRulesVersion);
  bool operator==(const CorpusSettings&) const = default;
};

// An article parsed and analysed, not yet stored (ArticleWriter::build).
struct BuiltArticle {
  std::string id;
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // one per occurrence
  std::vector<std::string> warnings;        // reported when it is stored
};

// Writes articles into one database. Commits every `batch_size` changes, so a killed run keeps
// every whole batch it committed.
class ArticleWriter {
 public:
  enum class Outcome { added, updated, unchanged };

  // Tags entities and drops boilerplate with `settings` read from the corpus, or, when not
  // given, with the ones stored in the database, as `naviny add` does.
  ArticleWriter(Xapian::WritableDatabase db, std::shared_ptr<Analyzer> analyzer,
                std::size_t batch_size, IndexObserver& observer,
                const std::optional<CorpusSettings>& settings = std::nullopt);

  // Articles indexed with other settings are re-indexed even if their bytes are unchanged.
  bool settings_changed() const { return settings_changed_; }

  // (Re)indexes the article `bytes` under `id`, unless the index already holds these very bytes
  // from the same origin. Throws BadInputError if the bytes are not an article.
  Outcome put(const std::string& id, const std::string& bytes, ArticleOrigin origin);

  // Nothing if the index holds an article of this content hash and origin under `term`, indexed
  // with the current settings; else whether it holds another version of it.
  std::optional<bool> needs_indexing(const std::string& term, const std::string& hash,
                                     ArticleOrigin origin);

  // Parses and analyses an article: everything that need not read the database. May run on a
  // BuildWorker while write() runs on the thread that owns the database, as it touches only the
  // analysis members (analyzer_, recognizer_, alias_memo_, boilerplate_), which nothing else uses
  // meanwhile.
  // Throws BadInputError if the bytes are not an article.
  BuiltArticle build(const std::string& id, std::string_view bytes, const std::string& hash,
                     ArticleOrigin origin) {
    return build(parse_article(bytes, id), hash, origin);
  }
  // Takes the article by value: its body may be 8 MiB, and is cleaned in its place.
  BuiltArticle build(Article article, const std::string& hash, ArticleOrigin origin);

  // Reports the article's warnings, then stores it under `term` with what needs the database:
  // its near-duplicate group (earlier articles of this run count), its spelling words. Returns
  // the article's document id.
  Xapian::docid write(const std::string& term, BuiltArticle built);

  // Keeps the articles' simhashes and groups in memory from now on, for many writes: reading
  // them takes a pass over the index, but saves reading up to 1,400 candidate documents per
  // article written.
  void keep_duplicate_groups_in_memory() {
    if (!groups_) groups_.emplace(db_);
  }

  // For a database that is one part of a parallel build (parallel_build.h), which a killed build
  // throws away, so its batches need not be whole: every article is stored as a group of its own,
  // the groups being assigned over all parts at the end; and the spelling counts are held over
  // batches, up to kPartSpellingWords words, since Xapian rewrites the spelling table's word
  // lists for every batch that adds to them (written with every batch, they took 12 % of the
  // writing thread's time, bench/README.md).
  void write_as_part() { as_part_ = true; }

  // Returns false if no article has this unique-id term.
  bool remove(const std::string& term);

  // Commits what was written, with the spelling counts of its words, so that a killed run's
  // index counts exactly the articles it holds.
  void commit();

  // The last commit of a run: records the settings only now, so that a killed re-indexing run
  // re-indexes again.
  void finish();

  Xapian::WritableDatabase& db() { return db_; }

 private:
  void count_change() {
    if (++pending_ >= batch_size_) commit_batch();
  }
  void commit_batch();
  void write_spellings();

  IndexObserver& observer_;
  std::size_t batch_size_;
  std::shared_ptr<Analyzer> analyzer_;
  Xapian::WritableDatabase db_;
  CorpusSettings settings_;
  Gazetteer gazetteer_;
  EntityRecognizer recognizer_;
  AliasCandidateMemo alias_memo_;  // for recognizer_
  BoilerplateFilter boilerplate_;
  bool settings_changed_;
  std::size_t pending_ = 0;
  std::optional<DuplicateGroups> groups_;  // see keep_duplicate_groups_in_memory()
  bool as_part_ = false;  // see write_as_part()
  // Occurrences of each spelling word in the articles written since they were last written out.
  std::unordered_map<std::string, Xapian::termcount> spelling_counts_;
};

// Writes into every database of an index: one, or each shard of a sharded index (see
// common/shards.h), routing each article to its shard by id. Opening takes every shard's write
// lock, in shard order, so two writers never interleave.
class IndexWriter {
 public:
  // `shard_count`: the layout to create if there is no index yet, and to insist on if non-zero
  // (0: whatever the index has).
  IndexWriter(const std::filesystem::path& db, std::size_t shard_count, std::size_t batch_size,
              IndexObserver& observer,
              const std::optional<CorpusSettings>& settings = std::nullopt);

  ArticleWriter& shard_for(const std::string& id) { return *shards_[shard_of(id, shards_.size())]; }
  std::vector<std::unique_ptr<ArticleWriter>>& shards() { return shards_; }

  bool settings_changed() const {
    return std::any_of(shards_.begin(), shards_.end(),
                       [](const auto& shard) { return shard->settings_changed(); });
  }
  void commit() {
    for (auto& shard : shards_) shard->commit();
  }
  void finish() {
    for (auto& shard : shards_) shard->finish();
  }
  std::size_t article_count() {
    std::size_t total = 0;
    for (auto& shard : shards_) total += shard->db().get_doccount();
    return total;
  }

 private:
  std::vector<std::unique_ptr<ArticleWriter>> shards_;
};

}  // namespace naviny
