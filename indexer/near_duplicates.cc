#include "indexer/near_duplicates.h"

#include <algorithm>
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

std::uint32_t band_value(std::uint64_t hash, int band) {
  return static_cast<std::uint32_t>((hash >> (band * kBandBits)) &
                                    ((std::uint64_t{1} << kBandBits) - 1));
}

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
                  static_cast<unsigned>(band_value(hash, band)));
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

DuplicateGroups::DuplicateGroups(const Xapian::Database& db) {
  for (auto value = db.valuestream_begin(schema::kSimhashSlot.slot);
       value != db.valuestream_end(schema::kSimhashSlot.slot); ++value) {
    const auto hash = parse_hash_value(*value);
    if (hash) stored(value.get_docid(), hash, {});
  }
  for (auto value = db.valuestream_begin(schema::kDuplicateGroupSlot.slot);
       value != db.valuestream_end(schema::kDuplicateGroupSlot.slot); ++value) {
    const auto found = entries_.find(value.get_docid());
    if (found != entries_.end()) found->second.group = *value;
  }
}

std::string DuplicateGroups::group_of(std::uint64_t hash, Xapian::docid own,
                                      const std::string& own_group) const {
  static_assert(kBands == ::naviny::kBands);
  for (int band = 0; band < kBands; ++band) {
    const auto list = bands_[band].find(band_value(hash, band));
    if (list == bands_[band].end()) continue;
    const std::size_t candidates = std::min(list->second.size(), kMaxCandidatesPerBand);
    for (std::size_t i = 0; i < candidates; ++i) {
      const Xapian::docid docid = list->second[i];
      const Entry& candidate = entries_.at(docid);
      if (std::popcount(candidate.hash ^ hash) > kMaxDuplicateBits || docid == own) continue;
      if (!candidate.group.empty()) return candidate.group;
    }
  }
  return own_group;
}

void DuplicateGroups::stored(Xapian::docid docid, std::optional<std::uint64_t> hash,
                             std::string group) {
  removed(docid);
  if (!hash) return;
  for (int band = 0; band < kBands; ++band) {
    std::vector<Xapian::docid>& list = bands_[band][band_value(*hash, band)];
    list.insert(std::lower_bound(list.begin(), list.end(), docid), docid);
  }
  entries_.emplace(docid, Entry{*hash, std::move(group)});
}

void DuplicateGroups::removed(Xapian::docid docid) {
  const auto found = entries_.find(docid);
  if (found == entries_.end()) return;
  for (int band = 0; band < kBands; ++band) {
    std::vector<Xapian::docid>& list = bands_[band][band_value(found->second.hash, band)];
    list.erase(std::lower_bound(list.begin(), list.end(), docid));
  }
  entries_.erase(found);
}

}  // namespace naviny
