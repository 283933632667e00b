#pragma once

// Where an organisation belongs, as its own names say: Сенат США, Senat USA and US Senate name the
// United States; MSZ Rosji and МИД России, Russia. An article that names that place confirms the
// organisation's generic short form (Сенат, MSZ) as the press uses it: "Сенат одобрил закон" in a
// report from Washington about the United States.

#include <cstddef>
#include <vector>

#include "analyzers/gazetteer.h"

namespace naviny {

// Per entity (indexes into gazetteer.entities()), the places that its full aliases of several
// words name by a run of their words spelt as a full alias of the place (by search forms); empty
// for entities other than organisations with a short form, which is all the rule needs.
std::vector<std::vector<std::size_t>> home_places_of_organisations(const Gazetteer& gazetteer);

}  // namespace naviny
