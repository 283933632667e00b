#pragma once

// Legal forms of organisations (Inc, Plc, AG, ПАО, ТОВ, sp. z o.o., a.s.) and the corporate words
// written beside a company's name (Holdings, Group): "Pfizer Inc" and "ПАО Газпром" name the
// company that "Pfizer" and "Газпром" name. The list is a selection, for the corpus's languages,
// of rigour's org_types.yml (opensanctions/rigour, MIT; corpus/README.md).

#include <cstddef>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"

namespace naviny {

// The words of `words` left when legal forms and corporate words are taken off both ends, as
// [first, last) indexes; the whole range if there are none.
std::pair<std::size_t, std::size_t> without_legal_forms(const std::vector<AnalyzedWord>& words);

}  // namespace naviny
