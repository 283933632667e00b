#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "common/shards.h"

namespace naviny {

// What an indexing run tells its caller while it works. The CLI prints these; tests collect them.
class IndexObserver {
 public:
  virtual ~IndexObserver() = default;
  // A file that was not indexed, and why. The rest of the corpus is still indexed.
  virtual void skipped(const std::string& /*id*/, const std::string& /*reason*/) {}
  // A file that was indexed despite a problem.
  virtual void warned(const std::string& /*id*/, const std::string& /*warning*/) {}
  virtual void progress(std::size_t /*done*/, std::size_t /*total*/) {}
};

struct IndexSummary {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t removed = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;
  std::size_t total_articles = 0;  // in the index after the run
  bool settings_changed = false;   // gazetteer or boilerplate rules: every article was re-tagged
};

struct IndexOptions {
  std::filesystem::path db;
  std::filesystem::path corpus;
  // The entity gazetteer; empty means CORPUS/entities.tsv if there is one, else the bundled one
  // (bundled_gazetteer.h).
  std::filesystem::path gazetteer;
  // Tag no entities at all.
  bool no_gazetteer = false;
  // Boilerplate rules; empty means CORPUS/boilerplate.conf if there is one, else none.
  std::filesystem::path boilerplate;
  // Changes are committed after this many documents, so a killed run keeps whole batches.
  std::size_t batch_size = 1000;
  // Split the index over this many shards (common/shards.h). 0: keep the index's layout (a new
  // index is one database). An existing index with another count must be rebuilt to change it.
  std::size_t shards = 0;
  // Index only the articles of this shard of the corpus (`--shard K/N`), into one database that
  // records it, so that N machines or processes can each build one shard of the same split.
  // nullopt: the whole corpus. rebuild_corpus rebuilds the part the index holds, and refuses
  // another.
  std::optional<ShardPart> part;
  // Threads that build a new index or a rebuilt one, each a part of the corpus, merged by Xapian's
  // compaction (parallel_build.h); 0: one per hardware thread. 1, and runs that update an index
  // holding articles, write with one thread into the index itself.
  std::size_t jobs = 0;
};

// Brings the index at options.db up to date with the corpus folder: new and changed files are
// (re)indexed, unchanged ones (same content hash) left alone, and articles whose files are gone
// removed. A sharded index gets each article in its shard (shard_of its id). With options.part,
// only the corpus files of that part are indexed, and only they count as present. An index that is
// new or holds no article is built as rebuild_corpus builds one (in parallel unless options.jobs
// is 1), and ends compacted. Throws
// NotFoundError, IndexLockedError, IncompatibleIndexError (also when options.shards differs from
// the index's shard count, or options.part from the part the index holds).
IndexSummary index_corpus(const IndexOptions& options, IndexObserver& observer);

// Builds a complete new index from the corpus beside the one at options.db (with options.jobs
// threads, then compacted; or with one thread writing in batches if it is 1), then swaps the two
// folders in one atomic step (Linux renameat2 RENAME_EXCHANGE), so searchers see the old index
// or the new one, never a partial one. The old index stays locked, and in place, until the swap.
// Works also when the old index is of another schema or analyzer version. Articles given to
// `naviny add` are carried over from their stored text. A sharded index is rebuilt as a whole (the
// folder holding its shards is swapped); options.shards changes the number of shards (1: one
// database again), 0 keeps it.
IndexSummary rebuild_corpus(const IndexOptions& options, IndexObserver& observer);

struct AddSource {
  std::filesystem::path file;  // "-" reads standard input
  std::string id;              // empty: the file's name (required for standard input)
};

struct AddOptions {
  std::filesystem::path db;
  std::vector<AddSource> sources;
  std::istream* standard_input = nullptr;  // read for a source "-"
  std::size_t batch_size = 1000;
};

// Adds or replaces single articles, parsed and checked as `naviny index` does, and marks them as
// added (schema::kOrigin): `naviny index` does not remove them for lack of a file, and
// `naviny index --rebuild` keeps them. A corpus file of the same id replaces such an article.
// Sources that cannot be read or parsed are reported through observer.skipped and counted as
// skipped; the others are still added, and so are articles whose id belongs to another shard than
// the one an index built with `--shard K/N` holds. Throws UsageError for "-" without an id, and
// IndexLockedError, IncompatibleIndexError as index_corpus does.
IndexSummary add_articles(const AddOptions& options, IndexObserver& observer);

struct RemoveSummary {
  std::size_t removed = 0;
  std::vector<std::string> unknown_ids;  // ids no article has; nothing was done for them
  std::size_t total_articles = 0;        // in the index after the run
};

// Deletes the articles with these ids, whatever their origin. A corpus article removed this way
// comes back at the next `naviny index` run if its file is still in the corpus folder. Throws
// NotFoundError if there is no index at `db`.
RemoveSummary remove_articles(const std::filesystem::path& db, const std::vector<std::string>& ids);

// "added 5, updated 0, removed 0, unchanged 0, skipped 0; 5 articles in the index"
std::string describe(const IndexSummary& summary);

// The TSV of the gazetteer in `file`, or of the bundled one if `file` is empty. Throws
// NotFoundError if the file cannot be read.
std::string gazetteer_text(const std::filesystem::path& file);

}  // namespace naviny
