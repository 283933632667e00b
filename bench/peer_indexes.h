#pragma once

// The peers naviny is compared with (bench/compare.sh): plain Xapian, as a stock install indexes
// text (TermGenerator and QueryParser with the English stemmer, no analysers), and SQLite FTS5
// (unicode61 tokenizer, diacritics removed). Both read the corpus with naviny's own scanner and
// article parser, so the timings compare the indexing, not the file handling.

#include <cstddef>
#include <filesystem>

namespace naviny::bench {

struct PeerIndexSummary {
  std::size_t articles = 0;
  std::size_t bytes = 0;  // article file bytes read
};

// Value slots of the plain Xapian index: the same date slot as naviny (YYYYMMDD), and the
// language, which stands in for naviny's entity facets (plain Xapian has no entities).
inline constexpr unsigned kPlainDateSlot = 0;
inline constexpr unsigned kPlainLangSlot = 3;

// Document data of the plain index: "id\ntitle\nbody".
PeerIndexSummary build_plain_xapian_index(const std::filesystem::path& corpus,
                                          const std::filesystem::path& db);

// One FTS5 table `articles(id UNINDEXED, title, body, date UNINDEXED, lang UNINDEXED)`.
PeerIndexSummary build_fts5_index(const std::filesystem::path& corpus,
                                  const std::filesystem::path& db_file);

}  // namespace naviny::bench
