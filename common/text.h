#pragma once

// Small byte-level text helpers shared by the article parser, the gazetteer and boilerplate
// rules, the document builder and the searcher. Unicode-aware folding lives in analyzers/.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace naviny {

// "5.9 MiB", "12.0 KiB": a size on disk as `naviny stats` and `naviny compact` print it.
inline std::string human_size(std::uintmax_t bytes) {
  char buffer[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", static_cast<double>(bytes) / (1 << 10));
  }
  return buffer;
}

// `text` without leading and trailing spaces, tabs, carriage returns and newlines.
inline std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// `text` with A-Z lowered; other bytes, UTF-8 included, as they are.
inline std::string ascii_lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

// The words of `text` between ASCII white space, each with the byte offset where it starts.
inline std::vector<std::pair<std::size_t, std::string>> whitespace_words(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  std::vector<std::pair<std::size_t, std::string>> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !space(text[i])) ++i;
    if (i > start) words.emplace_back(start, std::string(text.substr(start, i - start)));
  }
  return words;
}

// The parts of `text` between separators, empty ones included: "a\t\tb" gives "a", "", "b".
// This form refills `parts`, so that a loop over many lines reuses one vector.
inline void split(std::string_view text, char separator, std::vector<std::string_view>& parts) {
  parts.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  split(text, separator, parts);
  return parts;
}

// Calls on_line(std::string_view) for each '\n'-separated line of `text`, empty ones included; a
// final '\n' ends the last line rather than starting an empty one.
template <typename OnLine>
void for_each_line(std::string_view text, OnLine&& on_line) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    on_line(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

inline std::size_t common_prefix_size(std::string_view a, std::string_view b) {
  return static_cast<std::size_t>(std::ranges::mismatch(a, b).in1 - a.begin());
}

// Levenshtein distance in bytes: insertions, deletions and replacements.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Whether two spellings differ in at most about a third of their letters (edit_distance):
// variants and inflections of one name, not two names that share a coarse key.
inline bool spelt_close(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && 3 * edit_distance(a, b) <= std::max(a.size(), b.size());
}

}  // namespace naviny
