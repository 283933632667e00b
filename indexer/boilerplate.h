#pragma once

// Site furniture in web-scraped articles ("blog comments powered by Disqus", "Print Friendly,
// PDF & Email", course adverts, "Similar articles" teasers, cookie and registration banners)
// pollutes ranking and snippets, and scraped titles carry it too: breadcrumbs ("Home News …",
// "Главная / В США / …"), banners scraped in place of the headline, datelines, and a headline run
// together with the article's first paragraph. The rules of CORPUS/boilerplate.conf (format:
// corpus/README.md) and the structural title rules here clean both before an article is indexed.

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/case_folder.h"
#include "indexer/article.h"

namespace naviny {

class BoilerplateFilter {
 public:
  // Bumped whenever the structural title rules change what they make of a title: stored in the
  // index (schema::kMetaTitleRules), so that the next `naviny index` re-indexes every article.
  static constexpr int kTitleRulesVersion = 1;
  // A title longer than this (in bytes) is taken for a headline run together with the article's
  // first paragraph, and is cut.
  static constexpr std::size_t kMaxTitleBytes = 200;

  BoilerplateFilter() = default;
  // Parses the rules; `source` names them in errors. Throws BadInputError naming a bad line.
  static BoilerplateFilter parse(std::string_view rules, std::string_view source);

  // The body without boilerplate lines, and without everything from a `cut:` line on.
  std::string clean(std::string_view body) const;

  // Cleans the article's title and body: the title loses breadcrumbs (`crumb:` words and
  // "A / B / Title" trails), the date stamps that open or close it and, when over kMaxTitleBytes,
  // everything after its headline (which moves to the top of the body). A title that is furniture
  // (a `line:` rule, a dateline, nothing but crumbs, one word over a headline) is replaced by the
  // first of the next lines that is not, which leaves the body.
  void clean(Article& article) const;

  bool empty() const { return lines_.empty() && cuts_.empty() && crumbs_.empty(); }

 private:
  bool is_furniture_line(std::string_view line) const;
  std::string_view without_crumbs(std::string_view title) const;

  CaseFolder folder_;
  std::vector<std::string> lines_;   // case-folded: a short line containing one is dropped
  std::vector<std::string> cuts_;    // case-folded: a short line containing one ends the article
  std::vector<std::string> crumbs_;  // case-folded: navigation words that open a title
};

}  // namespace naviny
