#pragma once

// Opening the databases of a search (local folders, sharded folders, stub files, remote shards
// served by xapian-tcpsrv), checking that they agree, and noticing when a writer or a rebuild
// changed them underneath. Internal to the searcher library (searcher.cc and its parts).

#include <sys/types.h>
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/shards.h"
#include "searcher/searcher.h"

namespace naviny {

// A writer that commits twice during a search discards the revision the search reads; a rebuild
// swaps another folder in. Either way the index is whole again at once, so reopen and retry,
// but not forever: a writer committing faster than we can search would starve us.
constexpr int kMaxReopens = 10;

// `text` on one line: a message with Xapian's text in it stays one line.
std::string one_line(std::string text);

std::string joined_paths(const std::vector<std::filesystem::path>& paths);

// The error for a remote shard that cannot be reached.
ShardUnavailableError unreachable(const ShardSpec& spec, const Xapian::Error& error);

// Which folder a path names: `naviny index --rebuild` swaps another folder in under the same path.
struct FolderIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FolderIdentity&) const = default;
};

// The files and folders whose replacement means the index must be opened afresh: the --db
// arguments (an index folder, a sharded index folder, a stub file) and every local shard.
using Identities = std::vector<std::pair<std::filesystem::path, std::optional<FolderIdentity>>>;

// Whether any of the files and folders was replaced (or appeared, or went) since.
bool changed(const Identities& identities);

// Every database of a search, opened and checked, and combined into one.
struct OpenedShards {
  std::vector<ShardSpec> specs;          // those opened, in order
  std::vector<Xapian::Database> shards;  // the same, opened
  std::vector<std::string> missing;      // unreachable, skipped
  Identities identities;
  Xapian::Database combined;
  Xapian::Database first;  // holds the gazetteer: the first that has articles, else the first
};

// Opens every database `dbs` names; a remote one that cannot be reached is skipped with
// MissingShards::skip (and listed), else ShardUnavailableError. Throws IncompatibleIndexError if a
// shard was built by another schema or analyzer, or tagged with another gazetteer.
OpenedShards open_shards(const std::vector<std::filesystem::path>& dbs, MissingShards missing,
                         const std::string& analyzer_fingerprint);

// Runs `run`; if the index changed under it, calls `reopen` and runs it again.
template <typename Run, typename Reopen>
auto retry_when_index_changes(const std::filesystem::path& path, Run run, Reopen reopen) {
  for (int reopens = 0;; ++reopens) {
    try {
      if (reopens > 0) reopen();
      return run();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (reopens == kMaxReopens) {
        throw InternalError("the index at '" + path.string() + "' changed " +
                            std::to_string(kMaxReopens) +
                            " times during one search; try again when indexing is done");
      }
    } catch (const Xapian::DatabaseCorruptError&) {
      // Xapian opens some tables (positions, for one) only when first needed, at the revision
      // then on disk: if a writer committed or a rebuild swapped the folder meanwhile, the table
      // does not fit the revision the rest was read at ("Expected block 5 to be level 1, not
      // 0"). Opened again, the index reads whole; one really damaged fails every time.
      if (reopens == kMaxReopens) throw;
    }
  }
}

}  // namespace naviny
