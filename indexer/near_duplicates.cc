#include "indexer/near_duplicates.h"

#include <array>
#include <bit>
#include <cstdio>

#include "common/hash.h"
#include "common/schema.h"

namespace naviny {
namespace {

// Shingles of this many words: copies share nearly all, different articles on one topic few.
constexpr std::size_t kShingleWords = 3;
// Below this many words a text has too few shingles for its hash to mean anything.
constexpr std::size_t kMinWords = 40;
// With kMaxDuplicateBits + 1 bands, two hashes that differ in at most kMaxDuplicateBits bits
// agree on at least one band (pigeonhole).
constexpr int kBands = kMaxDuplicateBits + 1;
constexpr int kBandBits = 64 / kBands;
// Articles on one popular band value are many; looking at more than this many is not worth it.
constexpr std::size_t kMaxCandidatesPerBand = 200;

}  // namespace

std::optional<std::uint64_t> simhash_of(const std::vector<AnalyzedWord>& words) {
  if (words.size() < kMinWords) return std::nullopt;
  std::array<int, 64> votes{};
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::string shingle;
    for (std::size_t j = 0; j < kShingleWords; ++j) shingle += words[i + j].forms.search + ' ';
    const std::uint64_t hash = fnv1a64(shingle);
    for (int bit = 0; bit < 64; ++bit) votes[bit] += (hash >> bit) & 1 ? 1 : -1;
  }
  std::uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) simhash |= std::uint64_t{1} << bit;
  }
  return simhash;
}

std::vector<std::string> band_terms(std::uint64_t hash) {
  std::vector<std::string> terms;
  for (int band = 0; band < kBands; ++band) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d:%x", band,
                  static_cast<unsigned>((hash >> (band * kBandBits)) &
                                        ((std::uint64_t{1} << kBandBits) - 1)));
    terms.push_back(std::string(schema::kDuplicateBand.prefix) + buffer);
  }
  return terms;
}

std::string hash_value(std::uint64_t hash) {
  return to_hex(hash);
}

std::optional<std::uint64_t> parse_hash_value(const std::string& value) {
  if (value.size() != 16) return std::nullopt;
  std::uint64_t hash = 0;
  for (const char c : value) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    hash = (hash << 4) | static_cast<std::uint64_t>(digit);
  }
  return hash;
}

std::string duplicate_group(const Xapian::Database& db, std::uint64_t hash,
                            const std::string& id_term, const std::string& own_group) {
  for (const std::string& band : band_terms(hash)) {
    std::size_t seen = 0;
    for (auto posting = db.postlist_begin(band);
         posting != db.postlist_end(band) && seen < kMaxCandidatesPerBand; ++posting, ++seen) {
      const Xapian::Document candidate = db.get_document(*posting);
      const auto other = parse_hash_value(candidate.get_value(schema::kSimhashSlot.slot));
      if (!other || std::popcount(*other ^ hash) > kMaxDuplicateBits) continue;
      // Its own earlier version is no duplicate of it.
      auto term = candidate.termlist_begin();
      term.skip_to(id_term);
      if (term != candidate.termlist_end() && *term == id_term) continue;
      const std::string group = candidate.get_value(schema::kDuplicateGroupSlot.slot);
      if (!group.empty()) return group;
    }
  }
  return own_group;
}

}  // namespace naviny
