#include "searcher/match_counter.h"

#include "common/schema.h"

namespace naviny {

MatchCounter::MatchCounter(bool remote)
    : remote_(remote), remote_groups_(schema::kDuplicateGroupSlot.slot) {}

Xapian::MatchSpy* MatchCounter::spy() {
  if (remote_) return &remote_groups_;
  return &articles_;
}

std::size_t MatchCounter::articles() const {
  return remote_ ? remote_groups_.get_total() : articles_.articles;
}

std::size_t MatchCounter::stories(const Xapian::MSet& collapsed) const {
  if (!remote_) return collapsed.get_matches_lower_bound();
  // ValueCountMatchSpy leaves out articles without a value.
  std::size_t stories = 0;
  std::size_t grouped = 0;
  for (auto value = remote_groups_.values_begin(); value != remote_groups_.values_end(); ++value) {
    ++stories;
    grouped += value.get_termfreq();
  }
  return stories + (remote_groups_.get_total() - grouped);
}

}  // namespace naviny
