#include "indexer/boilerplate.h"

#include "common/errors.h"
#include "common/text.h"

namespace naviny {
namespace {

// Only lines this short are judged: furniture is short, and a paragraph of real text that
// happens to quote "Print Friendly" must stay.
constexpr std::size_t kMaxFurnitureBytes = 200;

constexpr std::string_view kLinePrefix = "line:";
constexpr std::string_view kCutPrefix = "cut:";

bool contains_any(const std::string& folded_line, const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (folded_line.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BoilerplateFilter BoilerplateFilter::parse(std::string_view rules, std::string_view source) {
  BoilerplateFilter filter;
  std::size_t line_number = 0;
  while (!rules.empty()) {
    const std::size_t end = rules.find('\n');
    const std::string_view line = trim(rules.substr(0, end));
    rules = end == std::string_view::npos ? std::string_view{} : rules.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const bool is_cut = line.starts_with(kCutPrefix);
    if (!is_cut && !line.starts_with(kLinePrefix)) {
      throw BadInputError(std::string(source) + ", line " + std::to_string(line_number) +
                          ": a rule starts with 'line:' (drop lines containing the text) or "
                          "'cut:' (drop the article from such a line on)");
    }
    const std::string_view text =
        trim(line.substr(is_cut ? kCutPrefix.size() : kLinePrefix.size()));
    if (text.empty()) {
      throw BadInputError(std::string(source) + ", line " + std::to_string(line_number) +
                          ": the rule has no text to look for");
    }
    (is_cut ? filter.cuts_ : filter.lines_).push_back(ascii_lower(text));
  }
  return filter;
}

std::string BoilerplateFilter::clean(std::string_view body) const {
  if (empty()) return std::string(body);
  std::string out;
  out.reserve(body.size());
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
    if (trim(line).size() <= kMaxFurnitureBytes) {
      const std::string folded = ascii_lower(line);
      if (contains_any(folded, cuts_)) break;
      if (contains_any(folded, lines_)) continue;
    }
    out.append(line).push_back('\n');
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace naviny
