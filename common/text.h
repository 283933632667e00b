#pragma once

// Small byte-level text helpers shared by the article parser, the gazetteer and boilerplate
// rules, the document builder and the searcher. Unicode-aware folding lives in analyzers/.

#include <string>
#include <string_view>

namespace naviny {

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

}  // namespace naviny
