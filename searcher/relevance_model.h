#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace naviny {

// The `count` words that a relevance model (Lavrenko and Croft's RM1, the expansion half of
// RM3) weights highest for the feedback `articles` (document, score), best first, each with its
// weight: the sum over the articles of the word's share of the article's words (of those that
// `accept` lets through), times the article's share of the articles' scores. Unlike an ESet,
// which counts each feedback article alike, an article that scored half the best one counts
// half.
std::vector<std::pair<std::string, double>> relevance_model(
    const Xapian::Database& db, const std::vector<std::pair<Xapian::docid, double>>& articles,
    const Xapian::ExpandDecider& accept, std::size_t count);

}  // namespace naviny
