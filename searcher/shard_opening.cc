#include "searcher/shard_opening.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"

namespace naviny {
namespace {

// Remote shards: how long to wait for a connection, and for each reply, in milliseconds (Xapian's
// defaults for both).
constexpr unsigned kRemoteConnectTimeoutMs = 10000;
constexpr unsigned kRemoteTimeoutMs = 10000;

std::string joined_strings(const std::vector<std::string>& strings) {
  std::string joined;
  for (const auto& text : strings) joined += (joined.empty() ? "" : ", ") + text;
  return joined;
}

std::string named(const ShardSpec& spec) {
  return "shard " + spec.describe() + (spec.origin.empty() ? "" : " (" + spec.origin + ")");
}

Xapian::Database open_remote(const ShardSpec& spec) {
  if (spec.kind == ShardSpec::Kind::tcp) {
    return Xapian::Remote::open(spec.host, spec.port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
  }
  return Xapian::Remote::open(spec.program, spec.args, kRemoteTimeoutMs);
}

Xapian::Database open_local(const ShardSpec& spec) {
  std::error_code ignored;
  if (!std::filesystem::exists(spec.path, ignored)) {
    throw NotFoundError("no index at '" + spec.path.string() + "'" +
                        (spec.origin.empty() ? "" : " (" + spec.origin + ")") +
                        "; run `naviny index --db " + spec.path.string() + " CORPUS_DIR` first");
  }
  try {
    return Xapian::Database(spec.path.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw NotFoundError("cannot open the index at '" + spec.path.string() + "' (" + e.get_msg() +
                        "); run `naviny index --db " + spec.path.string() +
                        " CORPUS_DIR` to create it");
  }
}

std::string gazetteer_hash(const Xapian::Database& shard) {
  std::string hash = shard.get_metadata(std::string(schema::kMetaGazetteerHash));
  if (hash.empty()) {  // written before the hash was recorded
    hash = to_hex(fnv1a64(shard.get_metadata(std::string(schema::kMetaGazetteer))));
  }
  return hash;
}

// Databases built with `naviny index --shard K/N` record their part. Searched together, they must
// be the parts of one split, each once, and all of them unless some could not be reached; one
// alone may be searched (to look at one machine's shard). Others are not checked.
void check_parts(const OpenedShards& opened) {
  std::map<std::size_t, std::string> seen;  // part's shard -> named(spec)
  std::optional<std::pair<ShardPart, std::string>> first;
  for (std::size_t i = 0; i < opened.shards.size(); ++i) {
    const std::string text = opened.shards[i].get_metadata(std::string(schema::kMetaShardPart));
    if (text.empty()) continue;
    const ShardPart part = parse_shard_part(text, schema::kMetaShardPart);
    const std::string name = named(opened.specs[i]);
    if (!first) first.emplace(part, name);
    if (part.count != first->first.count) {
      throw IncompatibleIndexError("the " + first->second + " holds shard " + first->first.text() +
                                   " but the " + name + " holds shard " + part.text() +
                                   " of another split (`naviny index --shard`); search the "
                                   "shards of one split together");
    }
    const auto [where, added] = seen.emplace(part.shard, name);
    if (!added) {
      throw IncompatibleIndexError("the " + where->second + " and the " + name +
                                   " both hold shard " + part.text() +
                                   ", so its articles would be found twice; list each shard once");
    }
  }
  if (seen.size() < 2 || !opened.missing.empty() || seen.size() == first->first.count) return;
  std::string absent;
  for (std::size_t shard = 0; shard < first->first.count; ++shard) {
    if (seen.contains(shard)) continue;
    absent += (absent.empty() ? "" : ", ") + ShardPart{shard, first->first.count}.text();
  }
  throw IncompatibleIndexError("shard " + absent + " of the split that the " + first->second +
                               " belongs to is not among the databases searched, so its articles "
                               "would be missing; add it (a `remote HOST:PORT` line in the stub "
                               "file), or search one shard alone");
}

std::optional<FolderIdentity> identity_of(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return FolderIdentity{status.st_dev, status.st_ino};
}

Identities identities_of(const std::vector<std::filesystem::path>& dbs,
                         const std::vector<ShardSpec>& shards) {
  Identities identities;
  for (const auto& db : dbs) identities.emplace_back(db, identity_of(db));
  for (const ShardSpec& shard : shards) {
    if (!shard.remote()) identities.emplace_back(shard.path, identity_of(shard.path));
  }
  return identities;
}

}  // namespace

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string joined_paths(const std::vector<std::filesystem::path>& paths) {
  std::string joined;
  for (const auto& path : paths) joined += (joined.empty() ? "" : ", ") + path.string();
  return joined;
}

ShardUnavailableError unreachable(const ShardSpec& spec, const Xapian::Error& error) {
  return ShardUnavailableError(
      "cannot reach " + named(spec) + ": " + one_line(error.get_msg()) +
      (error.get_error_string() ? std::string(" (") + error.get_error_string() + ")" : "") +
      "; check that xapian-tcpsrv serves it there, or give --allow-partial to search the other "
      "shards");
}

bool changed(const Identities& identities) {
  return std::any_of(identities.begin(), identities.end(),
                     [](const auto& entry) { return identity_of(entry.first) != entry.second; });
}

OpenedShards open_shards(const std::vector<std::filesystem::path>& dbs, MissingShards missing,
                         const std::string& analyzer_fingerprint) {
  OpenedShards opened;
  const std::vector<ShardSpec> specs = resolve_databases(dbs);
  // Taken before opening: a folder swapped in meanwhile is noticed, and the index opened again.
  opened.identities = identities_of(dbs, specs);
  std::vector<Xapian::Database>& shards = opened.shards;
  std::optional<std::pair<std::string, std::string>> gazetteer;  // shard, hash
  for (const ShardSpec& spec : specs) {
    try {
      Xapian::Database shard = spec.remote() ? open_remote(spec) : open_local(spec);
      check_shard_compatible(shard,
                             spec.remote() ? spec.describe() : "'" + spec.path.string() + "'",
                             spec.remote() ? "rebuild it on the machine that serves it "
                                             "(`naviny index --rebuild`) and restart xapian-tcpsrv"
                                           : rebuild_hint(spec.index),
                             analyzer_fingerprint);
      if (shard.get_doccount() > 0) {
        const std::string hash = gazetteer_hash(shard);
        if (!gazetteer) {
          gazetteer.emplace(named(spec), hash);
          opened.first = shard;
        } else if (gazetteer->second != hash) {
          throw IncompatibleIndexError(
              "the " + gazetteer->first + " and the " + named(spec) +
              " were tagged with different entity gazetteers, so entity filters, facets and "
              "names would depend on the shard; index every shard with the same gazetteer "
              "(--gazetteer FILE) and search them together again");
        }
      }
      opened.combined.add_database(shard);
      opened.specs.push_back(spec);
      shards.push_back(std::move(shard));
    } catch (const Xapian::NetworkError& e) {
      if (!spec.remote()) throw;
      if (missing == MissingShards::fail) throw unreachable(spec, e);
      opened.missing.push_back(spec.describe());
    }
  }
  if (shards.empty()) {
    throw ShardUnavailableError("none of the shards of " + joined_paths(dbs) + " can be reached (" +
                                joined_strings(opened.missing) +
                                "); check that xapian-tcpsrv serves them");
  }
  if (!gazetteer) opened.first = shards.front();
  check_parts(opened);
  return opened;
}

}  // namespace naviny
