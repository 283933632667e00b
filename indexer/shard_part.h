#pragma once

// Which articles of a corpus a database holds, when the corpus is split over machines or
// processes with `naviny index --shard K/N` (common/shards.h ShardPart, schema::kMetaShardPart).
// Internal to the indexer library.

#include <xapian.h>

#include <filesystem>
#include <optional>

#include "common/shards.h"
#include "indexer/article_writer.h"

namespace naviny {

// The part recorded in `db`, if it holds one.
std::optional<ShardPart> recorded_part(const Xapian::Database& db);

// Checks, before a run writes the index at `db` (opened by `writer`), that it holds `part`
// (nullopt: the whole corpus, also when split by --shards) and records `part` in a new one, with
// its first commit. Throws UsageError for a part of a sharded index folder, and
// IncompatibleIndexError for an index that holds another part, or the whole corpus when a part
// is given (indexing one part would remove the others' articles from it).
void claim_part(IndexWriter& writer, const std::filesystem::path& db,
                const std::optional<ShardPart>& part);

}  // namespace naviny
