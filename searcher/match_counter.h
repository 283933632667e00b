#pragma once

#include <xapian.h>

#include <cstddef>

namespace naviny {

// Counts the articles and the stories (near-duplicate groups, schema::kDuplicateGroupSlot) among
// the matches Xapian looks at. Xapian 1.4 does not count articles when it collapses
// near-duplicates: the MSet's bounds stay apart even when every match was looked at
// (matcher/multimatch.cc), but a match spy sees each match before collapsing.
class MatchCounter {
 public:
  // Over remote shards the spy must be one xapian-tcpsrv knows: Xapian's ValueCountMatchSpy,
  // whose distinct values are the groups. Locally the spy only counts: once every match was looked
  // at, the lower bound of the collapsed MSet is the number of distinct groups (Xapian's
  // Collapser counts them), and reading each match's group again cost a fifth of a facet search.
  explicit MatchCounter(bool remote);
  MatchCounter(const MatchCounter&) = delete;
  MatchCounter& operator=(const MatchCounter&) = delete;
  // Add to an Enquire before get_mset; the counter must outlive the Enquire's use of it.
  Xapian::MatchSpy* spy();
  std::size_t articles() const;
  // `collapsed` is the search's MSet, from an Enquire that looked at every match.
  std::size_t stories(const Xapian::MSet& collapsed) const;

 private:
  class ArticleCounter : public Xapian::MatchSpy {
   public:
    void operator()(const Xapian::Document&, double) override { ++articles; }
    std::size_t articles = 0;
  };

  bool remote_;
  Xapian::ValueCountMatchSpy remote_groups_;
  ArticleCounter articles_;
};

}  // namespace naviny
