#include "indexer/indexer.h"

#include <fcntl.h>
#include <stdio.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/errors.h"
#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/shards.h"
#include "indexer/alias_table.h"
#include "indexer/article.h"
#include "indexer/boilerplate.h"
#include "indexer/build_worker.h"
#include "indexer/bundled_gazetteer.h"
#include "indexer/corpus_scan.h"
#include "indexer/document_builder.h"
#include "indexer/near_duplicates.h"

namespace naviny {
namespace {

bool has_term(const Xapian::Document& document, const std::string& term) {
  Xapian::TermIterator found = document.termlist_begin();
  found.skip_to(term);
  return found != document.termlist_end() && *found == term;
}

ArticleOrigin origin_of(const Xapian::Document& document) {
  return has_term(document, added_origin_term()) ? ArticleOrigin::added : ArticleOrigin::corpus;
}

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

CorpusSettings stored_settings(const Xapian::Database& db) {
  return {db.get_metadata(std::string(schema::kMetaGazetteer)),
          db.get_metadata(std::string(schema::kMetaBoilerplate)),
          db.get_metadata(std::string(schema::kMetaRecognizer)),
          db.get_metadata(std::string(schema::kMetaTitleRules))};
}

// The settings `naviny add` tags with: those stored in the index, or for an index it is about to
// create, the bundled gazetteer, as `naviny index` would use for a corpus without one.
CorpusSettings settings_to_add_with(const Xapian::Database& db) {
  if (db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty()) {
    return {std::string(bundled_gazetteer()), std::string(bundled_boilerplate())};
  }
  return stored_settings(db);
}

// An article parsed and analysed, not yet stored (ArticleWriter::build).
struct BuiltArticle {
  std::string id;
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // one per occurrence
  std::vector<std::string> warnings;        // reported when it is stored
};

// Writes articles into one database: `naviny index`, `add`, `remove` and `--rebuild` all go
// through it, so an article is parsed, checked and built the same way whichever command brings it
// in. Commits every `batch_size` changes, so a killed run keeps every whole batch it committed.
class ArticleWriter {
 public:
  enum class Outcome { added, updated, unchanged };

  // Tags entities and drops boilerplate with `settings` read from the corpus, or, when not
  // given, with the ones stored in the database, as `naviny add` does.
  ArticleWriter(Xapian::WritableDatabase db, std::shared_ptr<Analyzer> analyzer,
                std::size_t batch_size, IndexObserver& observer,
                const std::optional<CorpusSettings>& settings = std::nullopt)
      : observer_(observer),
        batch_size_(batch_size == 0 ? 1 : batch_size),
        analyzer_(std::move(analyzer)),
        db_(std::move(db)),
        settings_(settings ? *settings : settings_to_add_with(db_)),
        gazetteer_(Gazetteer::parse(settings_.gazetteer, "the entity gazetteer", *analyzer_)),
        recognizer_(gazetteer_),
        boilerplate_(BoilerplateFilter::parse(settings_.boilerplate, "the boilerplate rules")),
        settings_changed_(db_.get_doccount() > 0 && stored_settings(db_) != settings_) {}

  // Articles indexed with other settings are re-indexed even if their bytes are unchanged.
  bool settings_changed() const { return settings_changed_; }

  // (Re)indexes the article `bytes` under `id`, unless the index already holds these very bytes
  // from the same origin. Throws BadInputError if the bytes are not an article.
  Outcome put(const std::string& id, const std::string& bytes, ArticleOrigin origin) {
    const std::string term = id_term(id);
    const std::string hash = to_hex(fnv1a64(bytes));
    const std::optional<bool> known = needs_indexing(term, hash, origin);
    if (!known) return Outcome::unchanged;
    write(term, build(id, bytes, hash, origin));
    return *known ? Outcome::updated : Outcome::added;
  }

  // Nothing if the index holds an article of this content hash and origin under `term`, indexed
  // with the current settings; else whether it holds another version of it.
  std::optional<bool> needs_indexing(const std::string& term, const std::string& hash,
                                     ArticleOrigin origin) {
    const Xapian::PostingIterator existing = db_.postlist_begin(term);
    const bool known = existing != db_.postlist_end(term);
    if (known) {
      const Xapian::Document document = db_.get_document(*existing);
      if (!settings_changed_ && document.get_value(schema::kContentHashSlot.slot) == hash &&
          origin_of(document) == origin) {
        return std::nullopt;
      }
    }
    return known;
  }

  // Parses and analyses an article: everything that need not read the database. May run on a
  // BuildWorker while write() runs on the thread that owns the database, as it touches only the
  // analysis members (analyzer_, recognizer_, boilerplate_), which nothing else uses meanwhile.
  // Throws BadInputError if the bytes are not an article.
  BuiltArticle build(const std::string& id, std::string_view bytes, const std::string& hash,
                     ArticleOrigin origin) {
    return build(parse_article(bytes, id), hash, origin);
  }

  // Takes the article by value: its body may be 8 MiB, and is cleaned in its place.
  BuiltArticle build(Article article, const std::string& hash, ArticleOrigin origin) {
    boilerplate_.clean(article);
    BuiltArticle built;
    built.id = article.id;
    built.warnings = std::move(article.warnings);
    built.document =
        build_document(article, *analyzer_, hash, origin,
                       gazetteer_.empty() ? nullptr : &recognizer_, &built.spelling_words);
    return built;
  }

  // Reports the article's warnings, then stores it under `term` with what needs the database:
  // its near-duplicate group (earlier articles of this run count), its spelling words.
  void write(const std::string& term, BuiltArticle built) {
    for (const std::string& warning : built.warnings) observer_.warned(built.id, warning);
    // Xapian's spelling table feeds "did you mean"; romanized forms let a query in one script
    // be corrected towards the spelling the corpus uses in another. Counted here and written
    // with the batch's commit: one add_spelling per occurrence cost ~15 % of indexing time.
    for (std::string& word : built.spelling_words) ++spelling_counts_[std::move(word)];
    Xapian::Document& document = built.document;
    const auto simhash = parse_hash_value(document.get_value(schema::kSimhashSlot.slot));
    std::string group = built.id;
    if (simhash && groups_) {
      const Xapian::PostingIterator own = db_.postlist_begin(term);
      group = groups_->group_of(*simhash, own == db_.postlist_end(term) ? 0 : *own, built.id);
    } else if (simhash) {
      group = duplicate_group(db_, *simhash, term, built.id);
    }
    document.add_value(schema::kDuplicateGroupSlot.slot, group);
    const Xapian::docid docid = db_.replace_document(term, document);
    if (groups_) groups_->stored(docid, simhash, std::move(group));
    count_change();
  }

  // Keeps the articles' simhashes and groups in memory from now on, for many writes: reading
  // them takes a pass over the index, but saves reading up to 1,400 candidate documents per
  // article written.
  void keep_duplicate_groups_in_memory() {
    if (!groups_) groups_.emplace(db_);
  }

  // Returns false if no article has this unique-id term.
  bool remove(const std::string& term) {
    const Xapian::PostingIterator existing = db_.postlist_begin(term);
    if (existing == db_.postlist_end(term)) return false;
    if (groups_) groups_->removed(*existing);
    db_.delete_document(term);
    count_change();
    return true;
  }

  // Commits the batch together with its words' spelling counts, so that a killed run's index
  // counts exactly the articles it holds.
  void commit() {
    for (const auto& [word, count] : spelling_counts_) db_.add_spelling(word, count);
    spelling_counts_.clear();
    stamp_index(db_, analyzer_->fingerprint());
    db_.commit();
    pending_ = 0;
  }

  // The last commit of a run: records the settings only now, so that a killed re-indexing run
  // re-indexes again.
  void finish() {
    db_.set_metadata(std::string(schema::kMetaGazetteer), settings_.gazetteer);
    db_.set_metadata(std::string(schema::kMetaBoilerplate), settings_.boilerplate);
    db_.set_metadata(std::string(schema::kMetaRecognizer), settings_.recognizer);
    db_.set_metadata(std::string(schema::kMetaTitleRules), settings_.title_rules);
    const std::string gazetteer_hash = to_hex(fnv1a64(settings_.gazetteer));
    db_.set_metadata(std::string(schema::kMetaGazetteerHash), gazetteer_hash);
    store_alias_table(db_, gazetteer_, gazetteer_hash, analyzer_->fingerprint());
    commit();
  }

  Xapian::WritableDatabase& db() { return db_; }

 private:
  void count_change() {
    if (++pending_ >= batch_size_) commit();
  }

  IndexObserver& observer_;
  std::size_t batch_size_;
  std::shared_ptr<Analyzer> analyzer_;
  Xapian::WritableDatabase db_;
  CorpusSettings settings_;
  Gazetteer gazetteer_;
  EntityRecognizer recognizer_;
  BoilerplateFilter boilerplate_;
  bool settings_changed_;
  std::size_t pending_ = 0;
  std::optional<DuplicateGroups> groups_;  // see keep_duplicate_groups_in_memory()
  // Occurrences of each spelling word in the articles built since the last commit.
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
              const std::optional<CorpusSettings>& settings = std::nullopt) {
    const auto analyzer = std::make_shared<Analyzer>();
    for (Xapian::WritableDatabase& shard :
         open_shards_for_writing(db, shard_count, analyzer->fingerprint())) {
      shards_.push_back(std::make_unique<ArticleWriter>(std::move(shard), analyzer, batch_size,
                                                        observer, settings));
    }
  }

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

void count(IndexSummary& summary, ArticleWriter::Outcome outcome) {
  switch (outcome) {
    case ArticleWriter::Outcome::added:
      ++summary.added;
      break;
    case ArticleWriter::Outcome::updated:
      ++summary.updated;
      break;
    case ArticleWriter::Outcome::unchanged:
      ++summary.unchanged;
      break;
  }
}

constexpr const char* kGazetteerWhat = "entity gazetteer";
constexpr const char* kGazetteerOption = "--gazetteer";

std::string read_settings_file(const std::filesystem::path& path, const char* what,
                               const char* option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw NotFoundError("cannot read the " + std::string(what) + " '" + path.string() +
                        "'; check the path, or leave " + option + " out");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A file given by option, else the file of that name in the corpus folder, else none.
std::optional<std::string> settings_file(const std::filesystem::path& given,
                                         const std::filesystem::path& corpus, const char* name,
                                         const char* what, const char* option) {
  if (!given.empty()) return read_settings_file(given, what, option);
  if (std::filesystem::is_regular_file(corpus / name)) {
    return read_settings_file(corpus / name, what, option);
  }
  return std::nullopt;
}

CorpusSettings corpus_settings(const IndexOptions& options) {
  std::string gazetteer;
  if (!options.no_gazetteer) {
    gazetteer = settings_file(options.gazetteer, options.corpus, "entities.tsv", kGazetteerWhat,
                              kGazetteerOption)
                    .value_or(std::string(bundled_gazetteer()));
  }
  return {std::move(gazetteer),
          settings_file(options.boilerplate, options.corpus, "boilerplate.conf",
                        "boilerplate rules", "--boilerplate")
              .value_or(std::string(bundled_boilerplate()))};
}

class CorpusSync {
 public:
  CorpusSync(const IndexOptions& options, IndexObserver& observer)
      : observer_(observer),
        writer_(options.db, options.shards, options.batch_size, observer,
                corpus_settings(options)) {
    summary_.settings_changed = writer_.settings_changed();
  }

  // Leaves changes after the last full batch uncommitted: call finish(). Articles are read and
  // checked against the index here, analysed on a BuildWorker a few articles ahead, and written
  // (and reported to the observer) here in corpus order, so that batches, output and the index
  // are the same as if one thread did it all.
  void run(const std::vector<CorpusFile>& files,
           const std::vector<std::pair<std::string, std::string>>& scan_problems) {
    for (const auto& [id, reason] : scan_problems) skip(id, reason);
    present_.reserve(files.size());
    for (auto& shard : writer_.shards()) shard->keep_duplicate_groups_in_memory();
    BuildWorker<BuiltArticle> worker;
    std::deque<QueuedFile> queue;
    std::size_t done = 0;
    for (const CorpusFile& file : files) {
      present_.insert(id_term(file.id));
      queue.push_back(queue_file(file, worker));
      if (queue.size() < kFilesAhead) continue;
      store(queue.front());
      queue.pop_front();
      observer_.progress(++done, files.size());
    }
    for (; !queue.empty(); queue.pop_front()) {
      store(queue.front());
      observer_.progress(++done, files.size());
    }
    remove_missing();
  }

  // Re-indexes, from their stored text, the articles that `naviny add` put into `old_index`,
  // unless the corpus holds an article of the same id: the corpus wins.
  void carry_over_added(const Xapian::Database& old_index) {
    const std::string origin = added_origin_term();
    for (auto posting = old_index.postlist_begin(origin); posting != old_index.postlist_end(origin);
         ++posting) {
      const Xapian::Document old = old_index.get_document(*posting);
      try {
        Article article = article_from_document_data(old.get_data());
        const std::string term = id_term(article.id);
        if (present_.contains(term)) continue;
        ArticleWriter& shard = writer_.shard_for(article.id);
        shard.write(term,
                    shard.build(std::move(article), old.get_value(schema::kContentHashSlot.slot),
                                ArticleOrigin::added));
        ++summary_.added;
      } catch (const BadInputError& e) {
        skip("(article " + std::to_string(*posting) + " added with `naviny add`)",
             std::string(e.what()) + "; add it again");
      }
    }
  }

  IndexSummary finish() {
    writer_.finish();
    summary_.total_articles = writer_.article_count();
    return summary_;
  }

 private:
  void skip(const std::string& id, const std::string& reason) {
    ++summary_.skipped;
    observer_.skipped(id, reason);
  }

  // A corpus file on its way into the index: either settled (unchanged, or unreadable) or being
  // built on the worker.
  struct QueuedFile {
    std::string id;
    std::string term;
    std::optional<ArticleWriter::Outcome> outcome;  // set once known
    std::string problem;                            // why it is skipped, if it is
    std::future<BuiltArticle> built;                // valid while it is being built
  };

  // Enough to keep the worker busy while a document is written; few enough that the articles in
  // flight (up to 8 MiB each) stay small.
  static constexpr std::size_t kFilesAhead = 8;

  QueuedFile queue_file(const CorpusFile& file, BuildWorker<BuiltArticle>& worker) {
    QueuedFile queued{file.id, id_term(file.id), std::nullopt, {}, {}};
    try {
      std::string bytes = read_article_file(file.path);
      std::string hash = to_hex(fnv1a64(bytes));
      ArticleWriter& shard = writer_.shard_for(file.id);
      const std::optional<bool> known =
          shard.needs_indexing(queued.term, hash, ArticleOrigin::corpus);
      if (!known) {
        queued.outcome = ArticleWriter::Outcome::unchanged;
        return queued;
      }
      queued.outcome = *known ? ArticleWriter::Outcome::updated : ArticleWriter::Outcome::added;
      queued.built =
          worker.submit([&shard, id = file.id, bytes = std::move(bytes), hash = std::move(hash)] {
            return shard.build(id, bytes, hash, ArticleOrigin::corpus);
          });
    } catch (const BadInputError& e) {
      queued.problem = e.what();
    }
    return queued;
  }

  // Waits for the file's document if it is being built (rethrowing what building threw), then
  // stores it and counts the outcome, or reports why the file was skipped.
  void store(QueuedFile& queued) {
    try {
      if (!queued.problem.empty()) throw BadInputError(queued.problem);
      if (queued.built.valid()) {
        writer_.shard_for(queued.id).write(queued.term, queued.built.get());
      }
      count(summary_, *queued.outcome);
    } catch (const BadInputError& e) {
      skip(queued.id, e.what());
    }
  }

  // Removes corpus articles whose files are gone; articles from `naviny add` have no file.
  void remove_missing() {
    for (auto& shard : writer_.shards()) remove_missing(*shard);
  }

  void remove_missing(ArticleWriter& shard) {
    Xapian::WritableDatabase& db = shard.db();
    const std::string origin = added_origin_term();
    std::unordered_set<Xapian::docid> added;
    for (auto posting = db.postlist_begin(origin); posting != db.postlist_end(origin); ++posting) {
      added.insert(*posting);
    }
    std::vector<std::string> gone;
    const std::string prefix(schema::kId.prefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      if (present_.contains(*term)) continue;
      if (added.contains(*db.postlist_begin(*term))) continue;
      gone.push_back(*term);
    }
    for (const std::string& term : gone) {
      if (shard.remove(term)) ++summary_.removed;
    }
  }

  IndexObserver& observer_;
  IndexWriter writer_;
  IndexSummary summary_;
  std::unordered_set<std::string> present_;
};

struct ScannedCorpus {
  std::vector<CorpusFile> files;
  std::vector<std::pair<std::string, std::string>> problems;
};

ScannedCorpus scan(const std::filesystem::path& corpus) {
  ScannedCorpus scanned;
  scanned.files = scan_corpus(corpus, [&](const std::string& id, const std::string& reason) {
    scanned.problems.emplace_back(id, reason);
  });
  return scanned;
}

void exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b) {
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    throw InternalError("cannot swap the rebuilt index '" + a.string() + "' into place at '" +
                        b.string() + "': " + std::strerror(errno) +
                        "; the old index is untouched, the new one is left at '" + a.string() +
                        "'");
  }
}

}  // namespace

IndexSummary index_corpus(const IndexOptions& options, IndexObserver& observer) {
  // Scan first: a missing corpus must not leave an empty index behind.
  const ScannedCorpus corpus = scan(options.corpus);
  CorpusSync sync(options, observer);
  sync.run(corpus.files, corpus.problems);
  return sync.finish();
}

IndexSummary rebuild_corpus(const IndexOptions& options, IndexObserver& observer) {
  const ScannedCorpus corpus = scan(options.corpus);
  const Analyzer analyzer;
  // Holding the live index's write locks (every shard's) keeps other writers out for the whole
  // rebuild.
  std::vector<Xapian::WritableDatabase> live =
      open_shards_for_writing(options.db, 0, analyzer.fingerprint(), Compatibility::ignore);
  Xapian::Database live_articles;
  for (const Xapian::WritableDatabase& shard : live) live_articles.add_database(shard);
  std::filesystem::path fresh = options.db;
  fresh += ".rebuild";
  std::filesystem::remove_all(fresh);  // left over from a killed rebuild: we hold the lock
  IndexOptions fresh_options = options;
  fresh_options.db = fresh;
  // The new index keeps the old one's layout unless --shards says otherwise.
  if (fresh_options.shards == 0) fresh_options.shards = live.size();
  IndexSummary summary;
  {
    CorpusSync sync(fresh_options, observer);
    sync.run(corpus.files, corpus.problems);
    sync.carry_over_added(live_articles);
    summary = sync.finish();
  }
  // A sharded index is one folder (its shards and their stub file), so one exchange swaps all
  // shards at once, also from one database to shards or back.
  exchange_folders(fresh, options.db);
  live_articles.close();
  for (Xapian::WritableDatabase& shard : live) shard.close();
  std::filesystem::remove_all(fresh);  // now the old index
  return summary;
}

IndexSummary add_articles(const AddOptions& options, IndexObserver& observer) {
  // Checked before opening the index, so that a usage error leaves no empty index behind.
  for (const AddSource& source : options.sources) {
    if (source.file == "-" && source.id.empty()) {
      throw UsageError(
          "an article read from standard input has no file name; give its id with --id ID");
    }
  }
  IndexSummary summary;
  IndexWriter writer(options.db, 0, options.batch_size, observer);
  for (const AddSource& source : options.sources) {
    const bool from_standard_input = source.file == "-";
    const std::string id = source.id.empty() ? source.file.filename().string() : source.id;
    try {
      if (id.empty()) throw BadInputError("has no file name to use as its id; give one with --id");
      if (from_standard_input && options.standard_input == nullptr) {
        throw BadInputError("cannot be read: no standard input");
      }
      const std::string bytes = from_standard_input ? read_article_stream(*options.standard_input)
                                                    : read_article_file(source.file);
      count(summary, writer.shard_for(id).put(id, bytes, ArticleOrigin::added));
    } catch (const BadInputError& e) {
      ++summary.skipped;
      observer.skipped(from_standard_input ? "standard input" : source.file.string(), e.what());
    }
  }
  writer.finish();
  summary.total_articles = writer.article_count();
  return summary;
}

RemoveSummary remove_articles(const std::filesystem::path& db,
                              const std::vector<std::string>& ids) {
  std::error_code ignored;
  if (!std::filesystem::exists(db, ignored)) {
    throw NotFoundError("no index at '" + db.string() + "'; check --db (or $NAVINY_DB)");
  }
  IndexObserver silent;
  IndexWriter writer(db, 0, std::numeric_limits<std::size_t>::max(), silent);
  RemoveSummary summary;
  for (const std::string& id : ids) {
    if (writer.shard_for(id).remove(id_term(id))) {
      ++summary.removed;
    } else {
      summary.unknown_ids.push_back(id);
    }
  }
  writer.commit();
  summary.total_articles = writer.article_count();
  return summary;
}

std::string describe(const IndexSummary& summary) {
  return "added " + std::to_string(summary.added) + ", updated " + std::to_string(summary.updated) +
         ", removed " + std::to_string(summary.removed) + ", unchanged " +
         std::to_string(summary.unchanged) + ", skipped " + std::to_string(summary.skipped) + "; " +
         std::to_string(summary.total_articles) + " articles in the index" +
         (summary.settings_changed
              ? "; the gazetteer, the boilerplate rules or the way naviny recognises entities "
                "or cleans titles changed, so every article was re-tagged"
              : "");
}

std::string gazetteer_text(const std::filesystem::path& file) {
  return file.empty() ? std::string(bundled_gazetteer())
                      : read_settings_file(file, kGazetteerWhat, kGazetteerOption);
}

}  // namespace naviny
