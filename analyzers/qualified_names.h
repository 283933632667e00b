#pragma once

// Names as catalogues, data sets and careful readers write them where one name could mean several
// things: "Labour Party UK" and "United States Electoral College" (the place the organisation
// belongs to), "CIA Central Intelligence Agency" (an acronym beside what it stands for), "TASS
// news agency" (a word for the kind of organisation). Articles do not write them so and no alias
// need list them: they name what their parts name together. Query side only: in running text
// "Putin Russia" is two names, and the recogniser tags them apart.

#include <cstddef>
#include <set>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"

namespace naviny {

// The entities that `words`, standing alone, name as a name with qualifiers; empty unless every
// word belongs to a mention of the gazetteer or is a word for a kind of organisation (or "the"),
// and the mentions other than places all may name one organisation, at least one of them in full.
// A place among them picks, of those organisations, the ones whose display name names that place
// (Labour Party (UK), Ministry of Foreign Affairs of Poland); one whose display name names another
// place is not named. Through such a place a short form names what it picks (Ministry of Foreign
// Affairs Poland), where alone it names none.
std::set<std::size_t> entities_named_with_qualifiers(const EntityRecognizer& recognizer,
                                                     Analyzer& analyzer,
                                                     const std::vector<AnalyzedWord>& words);

}  // namespace naviny
