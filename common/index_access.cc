#include "common/index_access.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "common/errors.h"
#include "common/schema.h"
#include "common/shards.h"

namespace naviny {
namespace {

std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

// `path` describes the database in messages; `remedy` says how to rebuild it.
void check_compatible(const Xapian::Database& db, const std::string& path,
                      const std::string& remedy, const std::string& analyzer_fingerprint) {
  const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if (version.empty() && db.get_doccount() == 0) return;  // freshly created, nothing to check
  if (version != std::to_string(schema::kVersion)) {
    throw IncompatibleIndexError(
        "the index at " + path + " has schema version " +
        (version.empty() ? std::string("(none: not a naviny index?)") : version) +
        " but this naviny uses version " + std::to_string(schema::kVersion) + "; " + remedy);
  }
  const std::string built_with = db.get_metadata(std::string(schema::kMetaAnalyzer));
  if (built_with != analyzer_fingerprint) {
    throw IncompatibleIndexError("the index at " + path + " was built by analyzer '" + built_with +
                                 "' but this naviny runs '" + analyzer_fingerprint +
                                 "', so searches would miss matches; " + remedy);
  }
}

bool opens_as_index(const std::filesystem::path& path) {
  try {
    Xapian::Database probe(path.string());
    return true;
  } catch (const Xapian::DatabaseOpeningError&) {
    return false;
  }
}

// Removes sibling staging folders (see below) of creators that were killed: their process is gone.
void remove_abandoned_staging(const std::filesystem::path& path) {
  const std::string stem = path.filename().string() + ".creating.";
  std::error_code error;
  const std::filesystem::path parent = path.has_parent_path() ? path.parent_path() : ".";
  for (const auto& entry : std::filesystem::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(stem)) continue;
    const long pid = std::strtol(name.c_str() + stem.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::filesystem::remove_all(entry.path(), error);
    }
  }
}

// Creates an empty index at `path` (which must not exist, or be an empty folder) in one step:
// Xapian writes a new database file by file, and a run killed meanwhile would leave a folder that
// neither opens nor can be created again. So it is made in a sibling folder, then renamed into
// place. If another process renamed its own first, that one is used. A sharded index (more than
// one shard) is made the same way: the folder with every shard and the stub file is renamed.
void create_index_atomically(const std::filesystem::path& path, std::size_t shard_count) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error) && !fs::is_empty(path, error)) {
    throw InternalError(
        quoted(path) +
        " is not empty and holds no naviny index (perhaps a first `naviny index` was killed "
        "before it finished creating it); give --db a new or empty folder, or remove this one");
  }
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  remove_abandoned_staging(path);
  fs::path staging = path;
  staging += ".creating." + std::to_string(::getpid());
  fs::remove_all(staging);
  if (shard_count > 1) fs::create_directory(staging);
  for (const fs::path& shard : shard_paths(staging, shard_count)) {
    Xapian::WritableDatabase created(shard.string(), Xapian::DB_CREATE);
    created.commit();
    created.close();
  }
  if (shard_count > 1) write_file_durably(staging / kShardStubName, shard_stub_text(shard_count));
  if (::rename(staging.c_str(), path.c_str()) != 0) {
    const int rename_error = errno;
    fs::remove_all(staging, error);
    if (rename_error != ENOTEMPTY && rename_error != EEXIST) {
      throw InternalError("cannot create the index at " + quoted(path) + " (" +
                          std::strerror(rename_error) +
                          "); check that the path names a folder you can write to");
    }
  }
}

}  // namespace

void write_file_durably(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const bool written = fd >= 0 &&
                       ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!written) {
    throw InternalError("cannot write " + quoted(path) + " (" + std::strerror(errno) +
                        "); check that the folder is writable");
  }
}

std::uintmax_t folder_size(const std::filesystem::path& path) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) total += entry.file_size(error);
  }
  return total;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return stamp;
}

std::string rebuild_hint(const std::filesystem::path& path) {
  return "rebuild it with `naviny index --rebuild --db " + path.string() + " CORPUS_DIR`";
}

void check_shard_compatible(const Xapian::Database& shard, const std::string& description,
                            const std::string& remedy, const std::string& analyzer_fingerprint) {
  check_compatible(shard, description, remedy, analyzer_fingerprint);
}

namespace {

// "3 shards", or "one database (no shards)".
std::string describe_shard_count(std::size_t shard_count) {
  return shard_count <= 1 ? std::string("one database (no shards)")
                          : std::to_string(shard_count) + " shards";
}

Xapian::WritableDatabase open_one_for_writing(const std::filesystem::path& path,
                                              const std::filesystem::path& index,
                                              const std::string& analyzer_fingerprint,
                                              Compatibility compatibility) {
  std::error_code ignored;
  if (std::filesystem::exists(path, ignored) && !std::filesystem::is_directory(path, ignored)) {
    throw InternalError(quoted(path) +
                        " is a file, not an index folder; give --db a new or empty folder (a stub "
                        "file listing shards can only be searched)");
  }
  try {
    if (path == index && !opens_as_index(path)) create_index_atomically(path, 1);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    if (compatibility == Compatibility::check) {
      check_compatible(db, quoted(path), rebuild_hint(index), analyzer_fingerprint);
    }
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLockedError("the index at " + quoted(index) +
                           " is being updated by another naviny process; wait for it to finish "
                           "and try again");
  } catch (const Xapian::DatabaseError& e) {
    throw InternalError("cannot open the index at " + quoted(path) + " for writing (" +
                        e.get_msg() + "); check that the folder is writable");
  } catch (const std::filesystem::filesystem_error& e) {
    throw InternalError("cannot create the index folder " + quoted(path) + " (" +
                        e.code().message() +
                        "); check that the path names a folder you can write to");
  }
}

}  // namespace

std::vector<Xapian::WritableDatabase> open_shards_for_writing(
    const std::filesystem::path& path, std::size_t shard_count,
    const std::string& analyzer_fingerprint, Compatibility compatibility) {
  std::size_t existing = index_shard_count(path);
  if (existing == 0 && shard_count > 1) {
    try {
      create_index_atomically(path, shard_count);
    } catch (const std::filesystem::filesystem_error& e) {
      throw InternalError("cannot create the index folder " + quoted(path) + " (" +
                          e.code().message() +
                          "); check that the path names a folder you can write to");
    } catch (const Xapian::DatabaseError& e) {
      throw InternalError("cannot create the index at " + quoted(path) + " (" + e.get_msg() +
                          "); check that the folder is writable");
    }
    existing = index_shard_count(path);
  }
  if (existing == 0) existing = 1;
  if (shard_count != 0 && shard_count != existing) {
    throw IncompatibleIndexError(
        "the index at " + quoted(path) + " has " + describe_shard_count(existing) +
        " but --shards " + std::to_string(shard_count) +
        " was given; to split it differently, rebuild it with `naviny index --rebuild --shards " +
        std::to_string(shard_count) + " --db " + path.string() +
        " CORPUS_DIR`, or leave --shards out to keep its layout");
  }
  std::vector<Xapian::WritableDatabase> shards;
  for (const std::filesystem::path& shard : shard_paths(path, existing)) {
    shards.push_back(open_one_for_writing(shard, path, analyzer_fingerprint, compatibility));
  }
  return shards;
}

void stamp_index(Xapian::WritableDatabase& db, const std::string& analyzer_fingerprint,
                 bool articles_changed) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer_fingerprint);
  db.set_metadata(std::string(schema::kMetaLastUpdate), utc_timestamp());
  // New or removed articles leave the tables no longer as `naviny compact` wrote them; a run
  // that only restamps the metadata does not.
  if (articles_changed) db.set_metadata(std::string(schema::kMetaCompacted), "");
}

}  // namespace naviny
