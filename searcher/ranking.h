#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace naviny {

// A name a ranking parameter file or option gives, and the value it stands for.
template <typename Enum>
struct NamedValue {
  std::string_view name;
  Enum value;
};

// Xapian 1.4's built-in weighting schemes. Built-in ones only, so that remote shards
// (xapian-tcpsrv) can run them too. PL2+ and LMWeight are left out: with Xapian's default
// parameters they scored Vaswani at MAP 0.001 and 0.02 (bench/README.md). BB2 is left out: Xapian
// 1.4's BB2 returns no match at all for an OR of two phrases, which is how naviny searches a
// quoted name (the phrase as typed, or in its other spellings).
enum class Weighting { bm25, bm25_plus, pl2, inl2, ifb2, ineb2, dph, dlh };
inline constexpr std::array<NamedValue<Weighting>, 8> kWeightingSchemes{{
    {"bm25", Weighting::bm25},
    {"bm25+", Weighting::bm25_plus},
    {"pl2", Weighting::pl2},
    {"inl2", Weighting::inl2},
    {"ifb2", Weighting::ifb2},
    {"ineb2", Weighting::ineb2},
    {"dph", Weighting::dph},
    {"dlh", Weighting::dlh},
}};

// Query expansion schemes: Xapian's "trad" (Robertson's term selection value) and "bo1" (the
// divergence-from-randomness Bo1 model, which Terrier's query expansion uses), and "rm", a
// relevance model (RM3's), in which each feedback article counts by its score.
enum class ExpansionScheme { trad, bo1, rm };
inline constexpr std::array<NamedValue<ExpansionScheme>, 3> kExpansionSchemes{{
    {"trad", ExpansionScheme::trad},
    {"bo1", ExpansionScheme::bo1},
    {"rm", ExpansionScheme::rm},
}};

// How the added words are weighted against each other: "flat" gives each the same scale factor
// (each then weighs by its own idf); "eset" scales each by its expansion weight relative to the
// best word's, as Terrier and RM3 do, so that the words that describe the top results best count
// most.
enum class ExpansionTermWeights { flat, eset };
inline constexpr std::array<NamedValue<ExpansionTermWeights>, 2> kExpansionTermWeights{{
    {"flat", ExpansionTermWeights::flat},
    {"eset", ExpansionTermWeights::eset},
}};

// The name a table gives `value`.
template <typename Enum, std::size_t N>
constexpr std::string_view name_of(const std::array<NamedValue<Enum>, N>& table, Enum value) {
  for (const NamedValue<Enum>& named : table) {
    if (named.value == value) return named.name;
  }
  return {};
}

// How results are ranked. The defaults were tuned on the Vaswani collection with
// bench/tune_relevance.py (figures in bench/README.md); `naviny search` can override each for
// tuning runs.
struct RankingOptions {
  // BM25 with relevance-model feedback scored Vaswani at MAP 0.3160
  // with 30 added words, 0.3131 with the default 20 (0.3091 with Xapian's trad ESet, 0.3055 with
  // flat feedback). IfB2 (c 2) scored 0.3126 and BB2 (c 4) 0.316, but Xapian 1.4's
  // divergence-from-randomness schemes lose matches in small collections (a word in every article
  // of a two-article index finds one), and BB2 every match of an OR of phrases; a search engine
  // must not lose matches, so they are options for tuning runs only.
  Weighting weighting = Weighting::bm25;
  // BM25 and BM25+: k1 saturates term frequency, b normalises for document length.
  double bm25_k1 = 0.8;
  double bm25_b = 0.45;
  // BM25's document length floor, as a share of the average: shorter articles are scored as if
  // this long, so that a word in a two-line article does not count many times a word in a page.
  // 0.5 is Xapian's default and scored best on Vaswani of 0 to 1.
  double bm25_min_normlen = 0.5;
  // The c of the divergence-from-randomness schemes (pl2, inl2, ifb2, ineb2, bb2): how
  // strongly term frequency is normalised for document length.
  double dfr_c = 2.0;
  // Pseudo-relevance feedback for descriptive queries: a query of at least `expand_min_words`
  // plain words (no phrases, fields or operators) is run once, the `expand_terms` words that best
  // describe its top `expand_docs` results (by `expand_scheme`) are added at `expand_weight`
  // (split between them as `expand_term_weights` says), and it is run again. Names and filters
  // are never expanded. expand_terms = 0 turns it off. The defaults are RM3 (a relevance model
  // of the top 5, typed words included, interpolated with the query): 0.3135 to 0.3163 on
  // Vaswani over weights 0.5 to 1, 30 or 40 words, df shares 0.3 to 0.7 (bench/README.md). 15
  // words rather than 20 (or 30): at 100,000 articles a three-word query takes 0.7 times as long
  // (p50), for a MAP of 0.3123 instead of 0.3131 (0.3160). A df share of 0.2 was faster still,
  // but leaves a collection of a few articles no word to add.
  std::size_t expand_min_words = 3;
  // Proximity: the same descriptive queries also score each pair of neighbouring query words
  // found within `proximity_window` words of each other, at `proximity_weight` (0 turns it off),
  // as sequential-dependence models do: "dielectric constants" close together means more than
  // the two words far apart. Off: on Vaswani it moved MAP by at most +0.0002 (bench/README.md).
  double proximity_weight = 0.0;
  std::size_t proximity_window = 8;
  std::size_t expand_docs = 5;
  std::size_t expand_terms = 15;
  double expand_weight = 0.65;
  ExpansionScheme expand_scheme = ExpansionScheme::rm;
  ExpansionTermWeights expand_term_weights = ExpansionTermWeights::eset;
  // Feedback only from those top results that score at least this share of the best one's
  // score (0: all `expand_docs`), so that a query with one clear answer is not expanded by
  // the also-rans.
  double expand_min_score = 0.0;
  // Whether the typed words may be among the added ones, weighted again by how well they
  // describe the top results (as RM3 and Terrier's query expansion do), or only new words. With
  // the relevance model this is what lifts Vaswani's MAP (0.3113 without, 0.3160 with).
  bool expand_query_terms = true;
  // Words in more than this share of the articles are never added: they say little about a
  // topic, and a relevance model, which has no idf, would otherwise favour them.
  double expand_max_df = 0.5;
  // Whether the added words may bring articles that have none of the typed words. Off, they only
  // reorder the typed words' matches: the count is of articles with the typed words, as a reader
  // reads it ("Brexit deal vote" said 2,888 results where 791 articles have one of the words),
  // and the search walks fewer postings. Vaswani's MAP (20 words) is 0.3131 either way.
  bool expand_adds_matches = false;
};

}  // namespace naviny
