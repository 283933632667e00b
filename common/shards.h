#pragma once

// Where the databases of an index live. An index is one Xapian database (a folder), or a
// sharded index: a folder holding shard-0 … shard-(N-1) and a Xapian stub file XAPIANDB that
// lists them (so Xapian's own tools open the folder as one database too). Searches may also name
// a stub file of their own, whose lines may list shards served by xapian-tcpsrv elsewhere.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace naviny {

// The stub file inside a sharded index folder. Xapian opens a folder holding a file of this name
// as the databases it lists ("stub directory").
inline constexpr std::string_view kShardStubName = "XAPIANDB";

// "shard-3": the folder of shard 3 inside a sharded index.
std::string shard_folder_name(std::size_t shard);

// Which of `shard_count` shards holds the article `id`: FNV-1a 64 of the id's bytes, modulo the
// count. Stable across runs, machines and compilers; changing it would misroute `add` and
// `remove` on existing indexes.
std::size_t shard_of(std::string_view id, std::size_t shard_count);

// One shard of a corpus split over machines or processes (`naviny index --shard K/N`): the
// articles whose shard_of(id, count) is `shard`. Shards are numbered from 0, as the folders
// shard-0 … of `--shards N` are, so shard K/N of a split holds what shard-K of `--shards N` does.
struct ShardPart {
  std::size_t shard = 0;
  std::size_t count = 1;
  bool holds(std::string_view id) const { return shard_of(id, count) == shard; }
  // "1/2", as given to --shard and recorded in the database (schema::kMetaShardPart).
  std::string text() const { return std::to_string(shard) + "/" + std::to_string(count); }
  bool operator==(const ShardPart&) const = default;
};

// Reads "K/N" (0 <= K < N <= 1024). Throws UsageError, naming `option`, for anything else.
ShardPart parse_shard_part(std::string_view text, std::string_view option = "--shard");

// How the index folder at `path` is laid out: 0 if there is nothing there yet, 1 for a single
// database (or anything that is not a sharded index), N for a sharded index of N shards.
std::size_t index_shard_count(const std::filesystem::path& path);

// The databases a sharded index folder of `shard_count` shards consists of, in shard order;
// {path} for 1.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& path,
                                               std::size_t shard_count);

// The XAPIANDB text of a sharded index of `shard_count` shards.
std::string shard_stub_text(std::size_t shard_count);

// One database of a search: a local folder, a shard served by xapian-tcpsrv (tcp), or one
// served by a program speaking the remote protocol on its standard input and output (prog).
struct ShardSpec {
  enum class Kind { local, tcp, prog };
  Kind kind = Kind::local;
  std::filesystem::path path;   // local
  std::string host;             // tcp
  unsigned port = 0;            // tcp
  std::string program;          // prog
  std::string args;             // prog
  std::string origin;           // where it was named: "" for --db, else "line 2 of 'x.stub'"
  std::filesystem::path index;  // local: the index to rebuild if it is out of date

  bool remote() const { return kind != Kind::local; }
  // "'db/shard-1'", "remote 10.0.0.2:33333", "remote :xapian-progsrv db"
  std::string describe() const;
};

// Reads a Xapian stub file. Lines, as Xapian 1.4 writes them (blank lines and lines starting
// with # are ignored; relative paths are relative to the stub file's folder):
//   auto PATH | glass PATH | chert PATH   a local database
//   remote HOST:PORT                      a database served by xapian-tcpsrv (IPv6: [ADDR]:PORT)
//   remote tcp HOST:PORT                  the same (naviny's own spelling, not Xapian's)
//   remote :PROGRAM ARGS                  a database served by a program (xapian-progsrv)
// Throws NotFoundError if the file cannot be read, UsageError naming the line for a bad line.
std::vector<ShardSpec> read_stub_file(const std::filesystem::path& stub);

// The databases that these --db arguments name, in order: a stub file gives the databases it
// lists, a sharded index folder its shards (also when a stub file lists the folder), any other
// path one local database.
std::vector<ShardSpec> resolve_databases(const std::vector<std::filesystem::path>& dbs);

}  // namespace naviny
