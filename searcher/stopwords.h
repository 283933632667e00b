#pragma once

// Function words of the corpus languages (bg cs pl ru sl uk be de en): "dla", "что", "the".
// `naviny similar` leaves them out of the words it looks for and reports as shared. A list rather
// than a document-frequency cut: in a corpus of several languages each language's function words
// are in a minority of the articles (Polish "dla" in the Polish ones only), below the frequency
// of topic words such as "Brexit", so no frequency threshold tells the two apart.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace naviny {

class Analyzer;

// The words, per language, as written.
const std::vector<std::pair<std::string_view, std::string_view>>& stopword_table();

// The search forms (analysis chain: folded, stemmed, romanized) of every word of the table.
std::unordered_set<std::string> stopword_search_forms(Analyzer& analyzer);

}  // namespace naviny
