#pragma once

// Wildcards (sanc*, Трамп*) on an index whose free-text terms are search forms: stemmed and
// romanised words (Трамп is `tramp`), which Xapian's own expansion of the typed beginning, lower
// cased but not analysed, would miss in every script but plain English.

#include <xapian.h>

#include <cstddef>

#include "analyzers/analyzer.h"

namespace naviny {

// The most words one wildcard may stand for. Each is a posting list that every search of the
// query opens and merges, so a beginning of a letter or two (s*), which over a real corpus means
// tens of thousands of words, would make the search slow and its ranking meaningless; a thousand
// still covers every form of a stem or a name, and a reader who meets the limit is asked for more
// letters rather than kept waiting.
inline constexpr std::size_t kMaxWildcardTerms = 1000;

// Replaces each wildcard P* by an OP_SYNONYM (so that it ranks as one word) of the distinct
// search-form terms a reader means by it, in any script:
// - the search forms that begin with P romanised, unstemmed (Трамп* -> tramp...);
// - the search forms of the words the corpus writes beginning with P, case-folded (санкци*: the
//   stem of санкции, `sankts`, is shorter than the typed beginning);
// - the search forms of the names written in the other script whose name key begins like P's and
//   that, romanised, begin with P's consonants and first vowel (Trump* -> Трамп, Трамп* ->
//   Trumpowi; Лукаш* is no Luksemburg).
// A wildcard under title: matches title terms the same way. In exact mode (the exact-form prefix)
// a wildcard matches the exact forms that begin with it, as typed.
//
// Expanded against `db`, the combined database: Xapian 1.4 expands a wildcard separately in each
// shard of a multi-database, with that shard's term statistics only, so it would rank differently
// over shards than over one database. Wildcards under NEAR or a scaled weight (whose parameters
// Xapian 1.4 cannot read back) are left to Xapian. Throws QueryError, naming the wildcard, if one
// would stand for more than `max_terms` words.
Xapian::Query with_wildcards_expanded(const Xapian::Query& query, const Xapian::Database& db,
                                      Analyzer& analyzer,
                                      std::size_t max_terms = kMaxWildcardTerms);

}  // namespace naviny
