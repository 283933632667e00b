#pragma once

// Helpers for the passes that rewrite a parsed query (name keys, entities, wildcards).

#include <xapian.h>

#include <cctype>
#include <string>
#include <vector>

namespace naviny {

// Search forms are lower case; every prefixed term (fields, keys, entities) begins with a
// capital.
inline bool is_search_form_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// The window of an OP_NEAR or OP_PHRASE query (a NEAR/N or ADJ/N of the query parser is N plus
// the number of words less one), which Xapian 1.4 keeps but gives back only in its description:
// "Query((putin@1 NEAR 11 medvedev@2))". 0, Xapian's "as many as the subqueries", if it cannot
// be read.
inline Xapian::termcount window_of(const Xapian::Query& query) {
  if (query.get_num_subqueries() == 0) return 0;
  // A description is "Query(" + what the query is + ")".
  const auto inner = [](const Xapian::Query& q) {
    const std::string description = q.get_description();
    return description.substr(6, description.size() - 7);
  };
  const std::string whole = inner(query);
  const std::string first = "(" + inner(query.get_subquery(0));
  const std::string op = query.get_type() == Xapian::Query::OP_NEAR ? " NEAR " : " PHRASE ";
  if (!whole.starts_with(first + op)) return 0;
  Xapian::termcount window = 0;
  for (std::size_t i = first.size() + op.size();
       i < whole.size() && std::isdigit(static_cast<unsigned char>(whole[i])); ++i) {
    window = window * 10 + static_cast<Xapian::termcount>(whole[i] - '0');
  }
  return window;
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
