#include "common/index_access.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "common/errors.h"
#include "common/schema.h"

namespace naviny {
namespace {

std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

void check_compatible(const Xapian::Database& db, const std::filesystem::path& path,
                      const std::string& analyzer_fingerprint) {
  const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if (version.empty() && db.get_doccount() == 0) return;  // freshly created, nothing to check
  if (version != std::to_string(schema::kVersion)) {
    throw IncompatibleIndexError(
        "the index at " + quoted(path) + " has schema version " +
        (version.empty() ? std::string("(none: not a naviny index?)") : version) +
        " but this naviny uses version " + std::to_string(schema::kVersion) + "; " +
        rebuild_hint(path));
  }
  const std::string built_with = db.get_metadata(std::string(schema::kMetaAnalyzer));
  if (built_with != analyzer_fingerprint) {
    throw IncompatibleIndexError("the index at " + quoted(path) + " was built by analyzer '" +
                                 built_with + "' but this naviny runs '" + analyzer_fingerprint +
                                 "', so searches would miss matches; " + rebuild_hint(path));
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
// place. If another process renamed its own first, that one is used.
void create_index_atomically(const std::filesystem::path& path) {
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
  {
    Xapian::WritableDatabase created(staging.string(), Xapian::DB_CREATE);
    created.commit();
    created.close();
  }
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

std::string rebuild_hint(const std::filesystem::path& path) {
  return "rebuild it with `naviny index --rebuild --db " + path.string() + " CORPUS_DIR`";
}

Xapian::Database open_index_for_reading(const std::filesystem::path& path,
                                        const std::string& analyzer_fingerprint) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    throw NotFoundError("no index at " + quoted(path) + "; run `naviny index --db " +
                        path.string() + " CORPUS_DIR` first");
  }
  try {
    Xapian::Database db(path.string());
    check_compatible(db, path, analyzer_fingerprint);
    return db;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw NotFoundError("cannot open the index at " + quoted(path) + " (" + e.get_msg() +
                        "); run `naviny index --db " + path.string() + " CORPUS_DIR` to create it");
  }
}

Xapian::WritableDatabase open_index_for_writing(const std::filesystem::path& path,
                                                const std::string& analyzer_fingerprint,
                                                Compatibility compatibility) {
  std::error_code ignored;
  if (std::filesystem::exists(path, ignored) && !std::filesystem::is_directory(path, ignored)) {
    throw InternalError(quoted(path) +
                        " is a file, not an index folder; give --db a new or empty folder");
  }
  try {
    if (!opens_as_index(path)) create_index_atomically(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    if (compatibility == Compatibility::check) check_compatible(db, path, analyzer_fingerprint);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLockedError("the index at " + quoted(path) +
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

void stamp_index(Xapian::WritableDatabase& db, const std::string& analyzer_fingerprint) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer_fingerprint);
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  db.set_metadata(std::string(schema::kMetaLastUpdate), stamp);
}

}  // namespace naviny
