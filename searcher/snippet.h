#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace naviny {

// The passage of an article shown with a hit (searcher/highlighter.h finds it).
struct Snippet {
  std::string text;
  // Byte ranges of `text` to highlight, in order and not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

}  // namespace naviny
