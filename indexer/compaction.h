#pragma once

// `naviny compact`: rewriting an index that grew by incremental updates into the least space,
// with Xapian's own compaction, while searches go on.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace naviny {

struct CompactionSummary {
  std::size_t shards = 1;
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
};

// Compacts every database of the index at `db` (each shard of a sharded index, separately) with
// Xapian::Database::compact into `db`.compact beside it, records that in each
// (schema::kMetaCompacted, which the next commit of any writer clears), then swaps the two folders
// in one atomic step, as a rebuild does: searchers see the old index or the compacted one. The
// index stays locked against writers throughout; a killed run leaves the index as it was (and
// `db`.compact, which the next run removes). Throws NotFoundError if there is no index at `db`,
// IndexLockedError if another process writes it.
CompactionSummary compact_index(const std::filesystem::path& db);

// "5.9 MiB before, 3.1 MiB after; 2 shards"
std::string describe(const CompactionSummary& summary);

}  // namespace naviny
