#include "indexer/article.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/dates.h"
#include "common/errors.h"
#include "common/text.h"
#include "common/utf8.h"

namespace naviny {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kFrontMatterFence = "---";

// Splits off the first line (without its newline) and advances `rest` past it.
std::string_view take_line(std::string_view& rest) {
  const auto newline = rest.find('\n');
  const std::string_view line = rest.substr(0, newline);
  rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
  return line;
}

// The day of a front-matter date, YYYY-MM-DD or that followed by a time ("T10:00:00Z" or
// " 10:00"); or why it is none, as a warning.
struct FrontMatterDate {
  std::string day;
  std::string warning;
};

constexpr std::string_view kWithoutDate = "indexed without a date";

FrontMatterDate read_date(const std::string& value) {
  const std::string_view text(value);
  const std::string_view day = text.substr(0, 10);
  const auto year = digits_value(day.substr(0, 4), 4);
  const auto month = day.size() == 10 ? digits_value(day.substr(5, 2), 2) : std::nullopt;
  const auto day_of_month = day.size() == 10 ? digits_value(day.substr(8, 2), 2) : std::nullopt;
  const bool time_or_end =
      text.size() == 10 || (text.size() > 10 && (text[10] == 'T' || text[10] == ' '));
  if (!year || !month || !day_of_month || day[4] != '-' || day[7] != '-' || !time_or_end) {
    return {{},
            "date '" + value + "' is not ISO 8601 (YYYY-MM-DD, e.g. 2021-06-24); " +
                std::string(kWithoutDate)};
  }
  if (const auto why = why_not_a_day(*year, *month, *day_of_month)) {
    return {{},
            "date '" + value + "' is no day of the calendar (" + *why + "); " +
                std::string(kWithoutDate)};
  }
  return {std::string(day), {}};
}

// Reads "key: value" lines up to the closing fence; returns false if there is no closing fence,
// in which case the "---" line is ordinary text.
bool read_front_matter(std::string_view& rest, Article& article) {
  std::string_view cursor = rest;
  if (trim(take_line(cursor)) != kFrontMatterFence) return false;
  Article fields;
  while (!cursor.empty()) {
    const std::string_view line = trim(take_line(cursor));
    if (line == kFrontMatterFence) {
      article.title = std::move(fields.title);
      article.source = std::move(fields.source);
      article.url = std::move(fields.url);
      article.lang = std::move(fields.lang);
      article.date = std::move(fields.date);
      article.warnings.insert(article.warnings.end(), fields.warnings.begin(),
                              fields.warnings.end());
      rest = cursor;
      return true;
    }
    const auto colon = line.find(':');
    if (line.empty() || colon == std::string_view::npos) continue;
    const std::string_view key = trim(line.substr(0, colon));
    const std::string value(trim(line.substr(colon + 1)));
    if (key == "title") fields.title = value;
    if (key == "source") fields.source = value;
    if (key == "url") fields.url = value;
    if (key == "lang") fields.lang = value;
    if (key == "date") {
      FrontMatterDate date = read_date(value);
      fields.date = std::move(date.day);
      if (!date.warning.empty()) fields.warnings.push_back(std::move(date.warning));
    }
  }
  return false;
}

}  // namespace

Article parse_article(std::string_view bytes, std::string id) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  if (trim(bytes).empty())
    throw BadInputError(
        "the file is empty (or only blank); write the article into it or remove it");
  if (bytes.find('\0') != std::string_view::npos) {
    throw BadInputError(
        "looks like a binary file (it contains NUL bytes), not an article; move it out of the "
        "corpus folder");
  }
  Article article;
  article.id = std::move(id);
  if (bytes.size() > kMaxArticleBytes) {
    std::size_t cut = kMaxArticleBytes;
    while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80) --cut;
    bytes = bytes.substr(0, cut);
    article.warnings.push_back("larger than " + std::to_string(kMaxArticleBytes >> 20) +
                               " MiB; only the first " + std::to_string(kMaxArticleBytes >> 20) +
                               " MiB are indexed");
  }
  if (const auto bad = first_invalid_utf8(bytes)) {
    throw BadInputError("is not valid UTF-8 (first bad byte at offset " + std::to_string(*bad) +
                        "); convert it, e.g. with `iconv -f WINDOWS-1251 -t UTF-8`");
  }
  std::string_view rest = bytes;
  const bool has_front_matter = read_front_matter(rest, article);
  if (!has_front_matter || article.title.empty()) {
    std::string_view line;
    while (!rest.empty() && (line = trim(take_line(rest))).empty()) {
    }
    if (line.empty())
      throw BadInputError(
          "has front matter but no title and no text; add a `title:` line or the article's text");
    article.title = std::string(line);
  }
  article.body = std::string(trim(rest));
  return article;
}

std::string read_article_stream(std::istream& in) {
  // Read in chunks rather than into one kMaxArticleBytes + 1 buffer: zeroing and faulting in
  // 8 MiB per article cost ~8 % of indexing, for articles that are a few KiB.
  constexpr std::size_t kChunkBytes = 64 * 1024;
  std::string bytes;
  while (bytes.size() <= kMaxArticleBytes) {
    const std::size_t before = bytes.size();
    const std::size_t wanted = std::min(kChunkBytes, kMaxArticleBytes + 1 - before);
    bytes.resize(before + wanted);
    in.read(bytes.data() + before, static_cast<std::streamsize>(wanted));
    if (in.bad()) throw BadInputError("cannot be read (I/O error); check the disk or the pipe");
    bytes.resize(before + static_cast<std::size_t>(in.gcount()));
    if (bytes.size() < before + wanted) break;
  }
  return bytes;
}

std::string read_article_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw BadInputError("does not exist; check the path");
  }
  if (status.type() == std::filesystem::file_type::directory) {
    throw BadInputError("is a folder, not an article; index folders with `naviny index`");
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = errno != 0 ? std::strerror(errno) : "cannot be opened";
    throw BadInputError("cannot be read (" + reason + "); check its permissions");
  }
  return read_article_stream(in);
}

}  // namespace naviny
