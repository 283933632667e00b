#include "searcher/relevance_model.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <unordered_map>

namespace naviny {

std::vector<std::pair<std::string, double>> relevance_model(
    const Xapian::Database& db, const std::vector<std::pair<Xapian::docid, double>>& articles,
    const Xapian::ExpandDecider& accept, std::size_t count) {
  double total_score = 0;
  for (const auto& [docid, score] : articles) total_score += score;
  if (total_score <= 0) return {};
  std::map<std::string, double> weights;
  // The articles share many words, and asking `accept` costs a look-up in the index.
  std::unordered_map<std::string, bool> accepted;
  for (const auto& [docid, score] : articles) {
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    Xapian::termcount length = 0;
    for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
      std::string word = *term;
      auto known = accepted.find(word);
      if (known == accepted.end()) known = accepted.emplace(word, accept(word)).first;
      if (!known->second) continue;
      words.emplace_back(std::move(word), term.get_wdf());
      length += term.get_wdf();
    }
    if (length == 0) continue;
    const double share = score / total_score;
    for (const auto& [word, wdf] : words) {
      weights[word] += share * static_cast<double>(wdf) / static_cast<double>(length);
    }
  }
  std::vector<std::pair<std::string, double>> best(weights.begin(), weights.end());
  const auto heavier = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t kept = std::min(count, best.size());
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(kept), best.end(),
                    heavier);
  best.resize(kept);
  return best;
}

}  // namespace naviny
