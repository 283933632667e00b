#pragma once

// A full build (a new index, or `--rebuild`) on every core. Xapian's WritableDatabase is for one
// thread, so the corpus is split into parts, each analysed and written by a thread of its own into
// a database of its own; Xapian's compaction then merges the parts into one compacted database
// per shard. Internal to the indexer library.

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/shards.h"
#include "indexer/article_writer.h"
#include "indexer/corpus_scan.h"
#include "indexer/indexer.h"

namespace naviny {

struct PartsBuild {
  // Where the index is made: nothing may be there yet.
  std::filesystem::path target;
  // A folder for the parts, replaced if it exists, and removed when the build ends, however it
  // ends.
  std::filesystem::path parts;
  std::size_t shards = 1;  // 1: one database; more: a sharded index folder (common/shards.h)
  std::size_t jobs = 1;    // parts written at once
  std::size_t batch_size = 1000;  // a part commits at most this many articles at once
  CorpusSettings settings;
  // The shard of a split corpus the files are (`naviny index --shard K/N`), recorded in the index.
  std::optional<ShardPart> part;
};

// Indexes `files` into a new index at build.target that holds, article by article, what a single
// writer indexing them in order would (CorpusSync in indexer.cc): the same terms, positions,
// values and near-duplicate groups, document ids in corpus order, spelling counts summed over
// the parts, and the settings and alias table metadata; each database is marked as compacted and
// with the part of the corpus it holds, as a single writer's claim_part records it. Then indexes
// the articles that `naviny add` put into `carry_over_from` (if given) and whose ids no file has,
// after the corpus ones. Reports progress as the parts go, and what was skipped or warned about in
// corpus order once they are done.
IndexSummary build_in_parts(const PartsBuild& build, const std::vector<CorpusFile>& files,
                            const std::vector<std::pair<std::string, std::string>>& scan_problems,
                            const Xapian::Database* carry_over_from, IndexObserver& observer);

}  // namespace naviny
