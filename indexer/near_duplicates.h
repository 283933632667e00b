#pragma once

// Near-duplicate detection: syndicated copies of one article (the same agency text on two
// sites, with other furniture around it) get the same duplicate group, and searches show one
// copy per group. Each article gets a 64-bit simhash of its word shingles; copies differ in a few
// bits at most. Seven 9-bit bands of the hash are indexed as terms, so that candidates (which
// share at least one band when at most 6 bits differ) are found without a scan.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
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

}  // namespace naviny
