#include "searcher/exact_phrases.h"

#include <string>
#include <vector>

#include "analyzers/script.h"
#include "common/schema.h"
#include "searcher/query_rewrite.h"

namespace naviny {

std::vector<std::string> search_forms_of_exact(const std::string& exact, Analyzer& analyzer) {
  // Copies: analyze_word's reference lasts only until its next call.
  std::vector<std::string> forms{analyzer.analyze_word(exact).search};
  const std::string capitalised = analyzer.analyze_word(with_capital(exact)).search;
  if (capitalised != forms.front()) forms.push_back(capitalised);
  return forms;
}

Xapian::Query with_exact_phrases_on_search_forms(const Xapian::Query& query, Analyzer& analyzer) {
  using Q = Xapian::Query;
  const Q::op op = query.get_type();
  if (op != Q::OP_PHRASE && op != Q::OP_NEAR) {
    return with_subqueries_rewritten(
        query, [&](const Q& part) { return with_exact_phrases_on_search_forms(part, analyzer); });
  }
  const std::string exact_prefix(schema::kExact.prefix);
  std::vector<Q> search_forms;
  std::vector<Q> exact_forms;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Q part = query.get_subquery(i);
    const std::string term = part.get_type() == Q::LEAF_TERM ? *part.get_terms_begin() : "";
    if (!term.starts_with(exact_prefix)) {
      search_forms.push_back(part);
      continue;
    }
    const std::vector<std::string> forms =
        search_forms_of_exact(term.substr(exact_prefix.size()), analyzer);
    search_forms.emplace_back(Q::OP_OR, forms.begin(), forms.end());
    exact_forms.push_back(part);
  }
  if (exact_forms.empty()) return query;
  return Q(Q::OP_FILTER, Q(Q::OP_AND, exact_forms.begin(), exact_forms.end()),
           Q(op, search_forms.begin(), search_forms.end(), window_of(query)));
}

}  // namespace naviny
