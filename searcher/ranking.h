#pragma once

#include <cstddef>

namespace naviny {

// How results are ranked. The defaults were tuned on the Vaswani collection with
// bench/tune_relevance.py (figures in bench/README.md); `naviny search` can override each for
// tuning runs.
struct RankingOptions {
  // BM25: k1 saturates term frequency, b normalises for document length.
  double bm25_k1 = 0.8;
  double bm25_b = 0.45;
  // Pseudo-relevance feedback for descriptive queries: a query of at least `expand_min_words`
  // plain words (no phrases, fields or operators) is run once, the `expand_terms` words that best
  // describe its top `expand_docs` results are added at `expand_weight`, and it is run again.
  // Names and filters are never expanded. expand_terms = 0 turns it off.
  std::size_t expand_min_words = 3;
  std::size_t expand_docs = 5;
  std::size_t expand_terms = 20;
  double expand_weight = 0.1;
};

}  // namespace naviny
