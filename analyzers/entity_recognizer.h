#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteer.h"

namespace naviny {

// Mentions per entity (index into Gazetteer::entities()) in one article.
using EntityMentions = std::map<std::size_t, std::size_t>;

// Finds the gazetteer's entities in the words of one article (title and body, in any order).
// At each word the longest alias that matches wins. A short form counts only when the article
// also has a full alias of exactly one of the entities it may name; otherwise it is left
// unresolved rather than guessed (Biden alone, with both Joe and Hunter Biden in the gazetteer).
class EntityRecognizer {
 public:
  explicit EntityRecognizer(const Gazetteer& gazetteer);

  EntityMentions recognize(const std::vector<const std::vector<AnalyzedWord>*>& texts) const;
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  // Alias indexes by the search form and name keys of their first word.
  std::multimap<std::string, std::size_t> by_first_word_;
  const Gazetteer& gazetteer_;
};

}  // namespace naviny
