#include "common/index_access.h"

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
  try {
    std::filesystem::create_directories(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
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
                        e.code().message() + "); check that its parent is writable");
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
