#pragma once

// Helpers for the passes that rewrite a parsed query (name keys, entities, wildcards).

#include <xapian.h>

#include <string>
#include <vector>

namespace naviny {

// Search forms are lower case; every prefixed term (fields, keys, entities) begins with a
// capital.
inline bool is_search_form_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// The same operator over each subquery rewritten. Leaves, and operators that carry parameters
// Xapian 1.4 cannot read back (NEAR's window, scale factors, elite set sizes, ranges), are
// returned as they are.
template <typename Rewrite>
Xapian::Query with_subqueries_rewritten(const Xapian::Query& query, Rewrite rewrite) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_XOR:
    case Q::OP_AND_MAYBE:
    case Q::OP_FILTER:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
      break;
    default:
      return query;
  }
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    parts.push_back(rewrite(query.get_subquery(i)));
  }
  return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

}  // namespace naviny
