#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace naviny {

// One article as the corpus format defines it (corpus/README.md): UTF-8 text, an optional
// front-matter block between "---" lines, then the title line and the body.
struct Article {
  std::string id;
  std::string title;
  std::string body;
  std::string date;  // YYYY-MM-DD, or empty
  std::string source;
  std::string url;
  std::string lang;
  std::vector<std::string> warnings;  // problems that did not stop it from being indexed
};

// Articles larger than this are indexed up to this size, with a warning, to bound memory.
inline constexpr std::size_t kMaxArticleBytes = 8 * 1024 * 1024;

// Parses the bytes of an article file. Throws BadInputError with a one-line reason if the bytes
// are empty, binary or not UTF-8.
Article parse_article(std::string_view bytes, std::string id);

// Reads at most kMaxArticleBytes + 1 bytes of a file, so that memory stays bounded however large
// the file is (parse_article then truncates with a warning). Throws BadInputError, saying why, if
// the file does not exist, is a folder or cannot be read.
std::string read_article_file(const std::filesystem::path& path);

// The same for a stream, such as standard input.
std::string read_article_stream(std::istream& in);

}  // namespace naviny
