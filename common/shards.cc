#include "common/shards.h"

#include <charconv>
#include <fstream>

#include "common/errors.h"
#include "common/hash.h"

namespace naviny {
namespace fs = std::filesystem;
namespace {

std::string quoted(const fs::path& path) {
  return "'" + path.string() + "'";
}

std::string line_origin(std::size_t line, const fs::path& stub) {
  return "line " + std::to_string(line) + " of " + quoted(stub);
}

fs::path resolved(const std::string& path, const fs::path& stub) {
  const fs::path given(path);
  return given.is_absolute() ? given : stub.parent_path() / given;
}

// "HOST:PORT" or "[IPV6]:PORT"; false if there is no valid port.
bool parse_host_port(std::string text, std::string& host, unsigned& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  const char* first = text.data() + colon + 1;
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, port);
  if (error != std::errc() || end != last || port == 0 || port > 65535) return false;
  host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return !host.empty();
}

}  // namespace

std::string shard_folder_name(std::size_t shard) {
  return "shard-" + std::to_string(shard);
}

std::size_t shard_of(std::string_view id, std::size_t shard_count) {
  return shard_count <= 1 ? 0 : static_cast<std::size_t>(fnv1a64(id) % shard_count);
}

ShardPart parse_shard_part(std::string_view text, std::string_view option) {
  const auto number = [](std::string_view digits, std::size_t& value) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return !digits.empty() && error == std::errc() && end == digits.data() + digits.size();
  };
  const std::size_t slash = text.find('/');
  ShardPart part;
  const std::string given = std::string(option) + " " + std::string(text);
  if (slash == std::string_view::npos || !number(text.substr(0, slash), part.shard) ||
      !number(text.substr(slash + 1), part.count) || part.count == 0 || part.count > 1024) {
    throw UsageError(given + ": give the shard as K/N, e.g. " + std::string(option) +
                     " 0/2 for the first of two shards (N from 1 to 1024)");
  }
  if (part.shard >= part.count) {
    throw UsageError(given + ": shards are numbered from 0, as the folders shard-0 … are, so the " +
                     std::to_string(part.count) + " shards are 0/" + std::to_string(part.count) +
                     " to " + std::to_string(part.count - 1) + "/" + std::to_string(part.count));
  }
  return part;
}

std::string shard_stub_text(std::size_t shard_count) {
  std::string text = "# naviny sharded index: " + std::to_string(shard_count) +
                     " shards; an article with id ID is in shard FNV-1a-64(ID) mod " +
                     std::to_string(shard_count) + "\n";
  for (std::size_t shard = 0; shard < shard_count; ++shard) {
    text += "auto " + shard_folder_name(shard) + "\n";
  }
  return text;
}

std::size_t index_shard_count(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) return 0;
  if (!fs::is_directory(path, error) || !fs::exists(path / kShardStubName, error)) return 1;
  const std::vector<ShardSpec> shards = read_stub_file(path / kShardStubName);
  for (std::size_t shard = 0; shard < shards.size(); ++shard) {
    if (shards[shard].kind != ShardSpec::Kind::local ||
        shards[shard].path.lexically_normal() !=
            (path / shard_folder_name(shard)).lexically_normal()) {
      throw InternalError(quoted(path / kShardStubName) +
                          " does not list the shards of a naviny index (shard-0, shard-1, … in "
                          "order); naviny writes only indexes it created: give --db another "
                          "folder, or rebuild this one with `naviny index --rebuild`");
    }
  }
  return shards.size();
}

std::vector<fs::path> shard_paths(const fs::path& path, std::size_t shard_count) {
  if (shard_count <= 1) return {path};
  std::vector<fs::path> paths;
  for (std::size_t shard = 0; shard < shard_count; ++shard) {
    paths.push_back(path / shard_folder_name(shard));
  }
  return paths;
}

std::string ShardSpec::describe() const {
  switch (kind) {
    case Kind::local:
      return quoted(path);
    case Kind::tcp:
      return "remote " + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
             std::to_string(port);
    case Kind::prog:
      return "remote :" + program + (args.empty() ? "" : " " + args);
  }
  return {};
}

std::vector<ShardSpec> read_stub_file(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) {
    throw NotFoundError("cannot read the stub file " + quoted(stub) +
                        "; check the path given to --db");
  }
  std::vector<ShardSpec> shards;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    ShardSpec spec;
    spec.origin = line_origin(number, stub);
    if ((type == "auto" || type == "glass" || type == "chert") && !rest.empty()) {
      spec.kind = ShardSpec::Kind::local;
      spec.path = resolved(rest, stub);
      shards.push_back(std::move(spec));
      continue;
    }
    if (type == "remote" && rest.starts_with("tcp ")) rest.erase(0, 4);
    if (type == "remote" && rest.starts_with(":") && rest.size() > 1) {
      const std::size_t args = rest.find(' ');
      spec.kind = ShardSpec::Kind::prog;
      spec.program = rest.substr(1, args == std::string::npos ? std::string::npos : args - 1);
      if (args != std::string::npos) spec.args = rest.substr(args + 1);
      shards.push_back(std::move(spec));
      continue;
    }
    if (type == "remote" && parse_host_port(rest, spec.host, spec.port)) {
      spec.kind = ShardSpec::Kind::tcp;
      shards.push_back(std::move(spec));
      continue;
    }
    throw UsageError(
        "cannot read " + line_origin(number, stub) +
        ": a stub file line is `auto PATH`, `remote HOST:PORT` (also `remote tcp HOST:PORT`) or "
        "`remote :PROGRAM ARGS`; see docs/scaling-out.md");
  }
  if (shards.empty()) {
    throw UsageError("the stub file " + quoted(stub) +
                     " lists no databases; add lines such as `remote HOST:PORT`");
  }
  return shards;
}

std::vector<ShardSpec> resolve_databases(const std::vector<fs::path>& dbs) {
  std::vector<ShardSpec> shards;
  const auto add_folder = [&shards](const fs::path& folder, const std::string& origin) {
    std::error_code error;
    if (fs::is_directory(folder, error) && fs::exists(folder / kShardStubName, error)) {
      for (ShardSpec& spec : read_stub_file(folder / kShardStubName)) {
        spec.index = folder;
        shards.push_back(std::move(spec));
      }
    } else {
      ShardSpec spec;
      spec.path = folder;
      spec.index = folder;
      spec.origin = origin;
      shards.push_back(std::move(spec));
    }
  };
  for (const fs::path& db : dbs) {
    std::error_code error;
    if (!fs::is_regular_file(db, error)) {
      add_folder(db, "");
      continue;
    }
    for (ShardSpec& spec : read_stub_file(db)) {
      if (spec.kind == ShardSpec::Kind::local) {
        add_folder(spec.path, spec.origin);
      } else {
        shards.push_back(std::move(spec));
      }
    }
  }
  return shards;
}

}  // namespace naviny
