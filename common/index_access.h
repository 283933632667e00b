#pragma once

// Opening a naviny index for writing, with Xapian's errors turned into naviny's,
// and the compatibility check that stops a binary from searching an index it did not build.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace naviny {

enum class Compatibility { check, ignore };

// Opens every database of the index at `path` for writing, in shard order: one for a single
// database, N for a sharded index of N shards (see common/shards.h). If there is no index yet, it
// is created with `shard_count` shards (0 or 1: a single database). Throws
// IncompatibleIndexError if the index has another number of shards than a non-zero
// `shard_count` (it must be rebuilt to change that) or was built by another schema or analyzer
// (unless told to ignore compatibility: a rebuild replaces the index anyway), and
// IndexLockedError if another process holds the write lock.
std::vector<Xapian::WritableDatabase> open_shards_for_writing(
    const std::filesystem::path& path, std::size_t shard_count,
    const std::string& analyzer_fingerprint, Compatibility compatibility = Compatibility::check);

// Throws IncompatibleIndexError if `shard` (described as `description` in the message, e.g.
// "'db/shard-2'" or "remote host:port") was built by another schema or analyzer; the message
// ends with `remedy` (how to rebuild it, e.g. rebuild_hint(index)).
void check_shard_compatible(const Xapian::Database& shard, const std::string& description,
                            const std::string& remedy, const std::string& analyzer_fingerprint);

// Records the schema version, analyzer fingerprint and time of this update, and, if articles were
// added or removed, that the database is no longer compacted (schema::kMetaCompacted). Call
// before commit.
void stamp_index(Xapian::WritableDatabase& db, const std::string& analyzer_fingerprint,
                 bool articles_changed);

// Now in UTC, as "2026-12-06T18:30:00Z": the format of schema::kMetaLastUpdate.
std::string utc_timestamp();

// Writes `text` into the file at `path` and syncs it. Throws InternalError if it cannot.
void write_file_durably(const std::filesystem::path& path, const std::string& text);

// The bytes of the files in the folder `path` (not below it: a Xapian database is flat).
std::uintmax_t folder_size(const std::filesystem::path& path);

// What a user should type to rebuild the index at `path`.
std::string rebuild_hint(const std::filesystem::path& path);

}  // namespace naviny
