#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

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
  bool gazetteer_changed = false;  // so every article was re-tagged
};

struct IndexOptions {
  std::filesystem::path db;
  std::filesystem::path corpus;
  // The entity gazetteer; empty means CORPUS/entities.tsv if there is one, else no entities.
  std::filesystem::path gazetteer;
  // Changes are committed after this many documents, so a killed run keeps whole batches.
  std::size_t batch_size = 1000;
};

// Brings the index at options.db up to date with the corpus folder: new and changed files are
// (re)indexed, unchanged ones (same content hash) left alone, and articles whose files are gone
// removed. Throws NotFoundError, IndexLockedError, IncompatibleIndexError.
IndexSummary index_corpus(const IndexOptions& options, IndexObserver& observer);

// Builds a complete new index from the corpus beside the one at options.db, then swaps the two
// folders in one atomic step (Linux renameat2 RENAME_EXCHANGE), so searchers see the old index
// or the new one, never a partial one. The old index stays locked, and in place, until the swap.
// Works also when the old index is of another schema or analyzer version.
IndexSummary rebuild_corpus(const IndexOptions& options, IndexObserver& observer);

// "added 5, updated 0, removed 0, unchanged 0, skipped 0; 5 articles in the index"
std::string describe(const IndexSummary& summary);

}  // namespace naviny
