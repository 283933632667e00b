#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
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
#include "indexer/article_writer.h"
#include "indexer/boilerplate.h"
#include "indexer/build_worker.h"
#include "indexer/bundled_gazetteer.h"
#include "indexer/corpus_scan.h"
#include "indexer/document_builder.h"
#include "indexer/folder_exchange.h"
#include "indexer/near_duplicates.h"
#include "indexer/parallel_build.h"
#include "indexer/shard_part.h"

namespace naviny {
namespace {

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
    claim_part(writer_, options.db, options.part);
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
    for_each_added_article(
        old_index,
        [&](Article article, const std::string& hash) {
          const std::string term = id_term(article.id);
          if (present_.contains(term)) return;
          ArticleWriter& shard = writer_.shard_for(article.id);
          shard.write(term, shard.build(std::move(article), hash, ArticleOrigin::added));
          ++summary_.added;
        },
        [&](const std::string& what, const std::string& reason) { skip(what, reason); });
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

std::size_t article_count(const std::vector<Xapian::WritableDatabase>& shards) {
  std::size_t total = 0;
  for (const Xapian::WritableDatabase& shard : shards) total += shard.get_doccount();
  return total;
}

// The files and problems of one part of the corpus: those of other parts are neither indexed nor
// missed (their articles are in other databases).
ScannedCorpus only_part(ScannedCorpus scanned, const std::optional<ShardPart>& part) {
  if (!part) return scanned;
  std::erase_if(scanned.files, [&](const CorpusFile& file) { return !part->holds(file.id); });
  std::erase_if(scanned.problems, [&](const auto& problem) { return !part->holds(problem.first); });
  return scanned;
}

std::size_t build_jobs(const IndexOptions& options) {
  if (options.jobs > 0) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

// True if there is no index at `db` yet, or one without articles: a run may build it whole.
bool holds_no_articles(const std::filesystem::path& db) {
  if (index_shard_count(db) == 0) return true;
  try {
    return Xapian::Database(db.string()).get_doccount() == 0;
  } catch (const Xapian::Error&) {
    return false;  // the single-writer path says what is wrong with it
  }
}

// Whether `live`, an index without articles, may be replaced by a whole build of `part`: it
// records no other part (nor a part where the whole corpus is indexed). The single-writer path
// refuses the others with the reason (claim_part).
bool may_build_whole(const std::vector<Xapian::WritableDatabase>& live,
                     const std::optional<ShardPart>& part) {
  if (article_count(live) > 0) return false;
  if (live.size() > 1) return !part;
  const std::optional<ShardPart> recorded = recorded_part(live.front());
  return !recorded || recorded == part;
}

// Builds a complete new index from the corpus (of `part`, if given) beside `live` (the index at
// options.db, whose write locks the caller holds: they keep other writers out for the whole
// build), then swaps it in and closes `live`.
IndexSummary replace_index(const IndexOptions& options, std::vector<Xapian::WritableDatabase>& live,
                           const ScannedCorpus& corpus, const std::optional<ShardPart>& part,
                           IndexObserver& observer) {
  Xapian::Database live_articles;
  for (const Xapian::WritableDatabase& shard : live) live_articles.add_database(shard);
  std::filesystem::path fresh = options.db;
  fresh += ".rebuild";
  std::filesystem::remove_all(fresh);  // left over from a killed rebuild: we hold the lock
  IndexOptions fresh_options = options;
  fresh_options.db = fresh;
  // The new index keeps the old one's layout unless --shards says otherwise.
  if (fresh_options.shards == 0) fresh_options.shards = part ? 1 : live.size();
  fresh_options.part = part;
  IndexSummary summary;
  if (const std::size_t jobs = build_jobs(options); jobs > 1) {
    std::filesystem::path parts = options.db;
    parts += ".parts";
    const PartsBuild build{
        fresh, parts, fresh_options.shards, jobs, options.batch_size, corpus_settings(options),
        part};
    const bool has_added = live_articles.get_termfreq(added_origin_term()) > 0;
    try {
      summary = build_in_parts(build, corpus.files, corpus.problems,
                               has_added ? &live_articles : nullptr, observer);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove_all(fresh, ignored);
      throw;
    }
  } else {
    CorpusSync sync(fresh_options, observer);
    sync.run(corpus.files, corpus.problems);
    sync.carry_over_added(live_articles);
    summary = sync.finish();
  }
  // A sharded index is one folder (its shards and their stub file), so one exchange swaps all
  // shards at once, also from one database to shards or back.
  exchange_folders(fresh, options.db, "rebuilt");
  live_articles.close();
  for (Xapian::WritableDatabase& shard : live) shard.close();
  std::filesystem::remove_all(fresh);  // now the old index
  return summary;
}

}  // namespace

IndexSummary index_corpus(const IndexOptions& options, IndexObserver& observer) {
  // Scan first: a missing corpus must not leave an empty index behind.
  const ScannedCorpus corpus = only_part(scan(options.corpus), options.part);
  if (build_jobs(options) > 1 && holds_no_articles(options.db)) {
    const Analyzer analyzer;
    std::vector<Xapian::WritableDatabase> live =
        open_shards_for_writing(options.db, options.shards, analyzer.fingerprint());
    // Another writer may have filled it before we took the lock: then it is updated as usual.
    if (may_build_whole(live, options.part)) {
      return replace_index(options, live, corpus, options.part, observer);
    }
  }
  CorpusSync sync(options, observer);
  sync.run(corpus.files, corpus.problems);
  return sync.finish();
}

IndexSummary rebuild_corpus(const IndexOptions& options, IndexObserver& observer) {
  ScannedCorpus corpus = scan(options.corpus);
  const Analyzer analyzer;
  // Holding the live index's write locks (every shard's) keeps other writers out for the whole
  // rebuild.
  std::vector<Xapian::WritableDatabase> live =
      open_shards_for_writing(options.db, 0, analyzer.fingerprint(), Compatibility::ignore);
  // A shard of a split corpus is rebuilt as that shard. Not as another: the articles given to
  // `naviny add` are carried over, and those of other shards would come with them.
  std::optional<ShardPart> part = live.size() == 1 ? recorded_part(live.front()) : std::nullopt;
  if (options.part && options.part != part && article_count(live) > 0) {
    throw IncompatibleIndexError(
        "--rebuild rebuilds the articles an index holds, and the index at '" + options.db.string() +
        "' holds " +
        (part ? "shard " + part->text() + " of a split corpus" : std::string("a whole corpus")) +
        ", not shard " + options.part->text() + "; give --db a new folder for shard " +
        options.part->text() + (part ? ", or --shard " + part->text() : std::string()));
  }
  if (options.part) part = options.part;
  if (part && options.shards > 1) {
    throw UsageError("the index at '" + options.db.string() + "' holds shard " + part->text() +
                     " of a split corpus, which is one database; leave --shards out");
  }
  return replace_index(options, live, only_part(std::move(corpus), part), part, observer);
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
  const std::optional<ShardPart> part =
      writer.shards().size() == 1 ? recorded_part(writer.shards().front()->db()) : std::nullopt;
  for (const AddSource& source : options.sources) {
    const bool from_standard_input = source.file == "-";
    const std::string id = source.id.empty() ? source.file.filename().string() : source.id;
    try {
      if (id.empty()) throw BadInputError("has no file name to use as its id; give one with --id");
      if (part && !part->holds(id)) {
        throw BadInputError("belongs to shard " +
                            ShardPart{shard_of(id, part->count), part->count}.text() +
                            " by the hash of its id '" + id + "', and this index holds shard " +
                            part->text() + " only; add it to the index of that shard");
      }
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
