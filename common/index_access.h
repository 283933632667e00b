#pragma once

// Opening a naviny index for reading or writing, with Xapian's errors turned into naviny's,
// and the compatibility check that stops a binary from searching an index it did not build.

#include <xapian.h>

#include <filesystem>
#include <string>

namespace naviny {

// Opens the index at `path` for searching. Throws NotFoundError if there is none, and
// IncompatibleIndexError if it was built by another schema or analyzer.
Xapian::Database open_index_for_reading(const std::filesystem::path& path,
                                        const std::string& analyzer_fingerprint);

enum class Compatibility { check, ignore };

// Opens (creating if needed) the index at `path` for writing. Throws IndexLockedError if
// another process holds the write lock, and IncompatibleIndexError as above unless told to
// ignore compatibility (a rebuild replaces the index anyway).
Xapian::WritableDatabase open_index_for_writing(const std::filesystem::path& path,
                                                const std::string& analyzer_fingerprint,
                                                Compatibility compatibility = Compatibility::check);

// Records the schema version, analyzer fingerprint and time of this update. Call before commit.
void stamp_index(Xapian::WritableDatabase& db, const std::string& analyzer_fingerprint);

// What a user should type to rebuild the index at `path`.
std::string rebuild_hint(const std::filesystem::path& path);

}  // namespace naviny
