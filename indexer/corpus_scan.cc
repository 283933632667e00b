#include "indexer/corpus_scan.h"

#include <algorithm>

#include "common/errors.h"

namespace naviny {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

bool is_article_name(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt";
}

// Why an entry named like an article is not a file we can read, and what to do about it.
std::string why_not_readable(const fs::directory_entry& entry, const std::error_code& error) {
  std::error_code ignored;
  if (entry.is_symlink(ignored)) {
    return "is a symbolic link that leads to no file (" +
           (error ? error.message() : std::string("it points to a folder or a special file")) +
           "); fix the link or remove it";
  }
  if (error) return "cannot be read (" + error.message() + "); check the file and its folder";
  return "is not a regular file (a named pipe, socket or device), so it is not read; move it out "
         "of the corpus folder";
}

}  // namespace

std::string article_id(const fs::path& root, const fs::path& file) {
  return file.lexically_relative(root).generic_string();
}

std::vector<CorpusFile> scan_corpus(
    const fs::path& root,
    const std::function<void(const std::string&, const std::string&)>& on_problem) {
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    throw NotFoundError("no corpus folder at '" + root.string() +
                        "'; give the folder that holds your article files");
  }
  std::vector<CorpusFile> files;
  fs::recursive_directory_iterator walker(root, fs::directory_options::none, error);
  if (error) {
    throw NotFoundError("cannot list the corpus folder '" + root.string() +
                        "': " + error.message());
  }
  for (; walker != fs::recursive_directory_iterator(); walker.increment(error)) {
    if (error) {
      on_problem(article_id(root, walker->path()), "cannot be listed: " + error.message());
      error.clear();
      continue;
    }
    const fs::directory_entry& entry = *walker;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(error)) walker.disable_recursion_pending();
      continue;
    }
    if (entry.is_directory(error)) {
      if (entry.is_symlink(error)) walker.disable_recursion_pending();
      continue;
    }
    if (!is_article_name(entry.path())) continue;
    if (!entry.is_regular_file(error)) {
      on_problem(article_id(root, entry.path()), why_not_readable(entry, error));
      error.clear();
      continue;
    }
    files.push_back({article_id(root, entry.path()), entry.path()});
  }
  std::sort(files.begin(), files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.id < b.id; });
  return files;
}

}  // namespace naviny
