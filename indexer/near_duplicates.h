#pragma once

// Near-duplicate detection: syndicated copies of one article (the same agency text on two
// sites, with other furniture around it) get the same duplicate group, and searches show one
// copy per group. Each article gets a 64-bit simhash of its word shingles; copies differ in a few
// bits at most. Seven 9-bit bands of the hash are indexed as terms, so that candidates (which
// share at least one band when at most 6 bits differ) are found without a scan.

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"

namespace naviny {

// Copies whose hashes differ in at most this many bits are near-duplicates. Measured: the same
// 70-word agency text with a byline and a share line added differs in 4.
inline constexpr int kMaxDuplicateBits = 6;

// The simhash of a text's words, or nothing for a text too short to judge.
std::optional<std::uint64_t> simhash_of(const std::vector<AnalyzedWord>& words);

// The band terms of a hash (schema::kDuplicateBand).
std::vector<std::string> band_terms(std::uint64_t hash);

std::string hash_value(std::uint64_t hash);
std::optional<std::uint64_t> parse_hash_value(const std::string& value);

// The duplicate group for an article with this hash in `db`: the group of the first article
// whose hash is within kMaxDuplicateBits, other than `id_term`'s own; else `own_group`.
std::string duplicate_group(const Xapian::Database& db, std::uint64_t hash,
                            const std::string& id_term, const std::string& own_group);

// The simhashes and duplicate groups of a database's articles, in memory for an indexing run:
// duplicate_group() reads every candidate document, up to 7 × 200 per article in a large index.
// Gives the same groups as duplicate_group() as long as every change to the database's
// articles is reported to it.
class DuplicateGroups {
 public:
  // Knows no article yet.
  DuplicateGroups() = default;
  // Reads the simhash and group of every article in `db`.
  explicit DuplicateGroups(const Xapian::Database& db);

  // As duplicate_group(), where `own` is the document of the article's earlier version (0: none).
  std::string group_of(std::uint64_t hash, Xapian::docid own, const std::string& own_group) const;

  // The database now holds, at `docid`, an article with this hash (if any) and group.
  void stored(Xapian::docid docid, std::optional<std::uint64_t> hash, std::string group);
  void removed(Xapian::docid docid);

 private:
  static constexpr int kBands = kMaxDuplicateBits + 1;
  struct Entry {
    std::uint64_t hash;
    std::string group;
  };
  std::unordered_map<Xapian::docid, Entry> entries_;
  // Per band, the documents of each band value in ascending order, as the band term's posting
  // list holds them.
  std::array<std::unordered_map<std::uint32_t, std::vector<Xapian::docid>>, kBands> bands_;
};

}  // namespace naviny
