#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace naviny {

struct CorpusFile {
  std::string id;  // path below the corpus root, with '/' separators
  std::filesystem::path path;
};

// Every article file (*.txt, not hidden) below `root`, sorted by id. Folders that cannot be
// listed are reported through `on_problem(relative_path, reason)` and skipped; directory
// symlinks are not followed, so a symlink loop cannot trap the scan. Throws NotFoundError if
// `root` is not a folder.
std::vector<CorpusFile> scan_corpus(
    const std::filesystem::path& root,
    const std::function<void(const std::string&, const std::string&)>& on_problem);

// The article id of a file below `root`.
std::string article_id(const std::filesystem::path& root, const std::filesystem::path& file);

}  // namespace naviny
