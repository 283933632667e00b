#pragma once

// Site furniture in web-scraped articles ("blog comments powered by Disqus", "Print Friendly,
// PDF & Email", course adverts, "Similar articles" teasers) pollutes ranking and snippets. The
// rules of CORPUS/boilerplate.conf (format: corpus/README.md) take such lines out of an article's
// body before it is indexed.

#include <string>
#include <string_view>
#include <vector>

namespace naviny {

class BoilerplateFilter {
 public:
  BoilerplateFilter() = default;
  // Parses the rules; `source` names them in errors. Throws BadInputError naming a bad line.
  static BoilerplateFilter parse(std::string_view rules, std::string_view source);

  // The body without boilerplate lines, and without everything from a `cut:` line on.
  std::string clean(std::string_view body) const;
  bool empty() const { return lines_.empty() && cuts_.empty(); }

 private:
  std::vector<std::string> lines_;  // case-folded: a short line containing one is dropped
  std::vector<std::string> cuts_;   // case-folded: a short line containing one ends the article
};

}  // namespace naviny
