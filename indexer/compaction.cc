#include "indexer/compaction.h"

#include <xapian.h>

#include <vector>

#include "common/errors.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/shards.h"
#include "common/text.h"
#include "indexer/folder_exchange.h"

namespace naviny {
namespace fs = std::filesystem;
namespace {

void require_index(const fs::path& db) {
  const std::string missing = "no index at '" + db.string() + "'; run `naviny index --db " +
                              db.string() + " CORPUS_DIR` first";
  if (index_shard_count(db) == 0) throw NotFoundError(missing);
  try {
    Xapian::Database probe(db.string());
  } catch (const Xapian::DatabaseOpeningError&) {
    throw NotFoundError(missing);
  }
}

// Compacts the database at `from` into `to` (a new folder) and marks the copy as compacted. The
// mark is a commit of its own, which adds a few blocks: the price of knowing.
void compact_database(const fs::path& from, const fs::path& to) {
  Xapian::Database(from.string()).compact(to.string(), Xapian::Compactor::FULL);
  Xapian::WritableDatabase compacted(to.string(), Xapian::DB_OPEN);
  compacted.set_metadata(std::string(schema::kMetaCompacted), utc_timestamp());
  compacted.commit();
}

}  // namespace

CompactionSummary compact_index(const fs::path& db) {
  require_index(db);
  // Holding every shard's write lock keeps writers out until the compacted copy is in place;
  // what is compacted is the last commit, which no one can change meanwhile.
  std::vector<Xapian::WritableDatabase> live =
      open_shards_for_writing(db, 0, "", Compatibility::ignore);
  CompactionSummary summary;
  summary.shards = live.size();
  fs::path fresh = db;
  fresh += ".compact";
  fs::remove_all(fresh);  // left over from a killed run: we hold the lock
  if (live.size() > 1) {
    fs::create_directory(fresh);
    write_file_durably(fresh / kShardStubName, shard_stub_text(live.size()));
  }
  const std::vector<fs::path> from = shard_paths(db, live.size());
  const std::vector<fs::path> to = shard_paths(fresh, live.size());
  try {
    for (std::size_t shard = 0; shard < live.size(); ++shard) {
      summary.bytes_before += folder_size(from[shard]);
      compact_database(from[shard], to[shard]);
      summary.bytes_after += folder_size(to[shard]);
    }
  } catch (const Xapian::Error& e) {
    std::error_code ignored;
    fs::remove_all(fresh, ignored);
    throw InternalError("cannot compact the index at '" + db.string() + "' (" + e.get_msg() +
                        "); it is untouched. Check the free space beside it: compaction needs "
                        "room for a copy");
  }
  exchange_folders(fresh, db, "compacted");
  for (Xapian::WritableDatabase& shard : live) shard.close();
  fs::remove_all(fresh);  // now the old index
  return summary;
}

std::string describe(const CompactionSummary& summary) {
  return human_size(summary.bytes_before) + " before, " + human_size(summary.bytes_after) +
         " after" +
         (summary.shards > 1 ? "; " + std::to_string(summary.shards) + " shards" : std::string());
}

}  // namespace naviny
