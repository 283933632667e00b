#pragma once

// Front-matter values as the filter terms of lang: and source: hold them. The indexer and the
// query parser both go through these, so `source:"Fixture Wire"`, `source:"fixture wire"`,
// `lang:EN` and `lang:eng` find what `source: Fixture Wire` and `lang: en` were indexed as.

#include <string>
#include <string_view>

namespace naviny {

// `value` with Unicode NFKC case folding (Белта and БЕЛТА are белта).
std::string folded_field_value(std::string_view value);

// A language as the index stores it: case-folded, a region or script subtag left out (en-GB,
// pt_BR), and the ISO 639-2 or 639-3 code of a language that has a two-letter ISO 639-1 code
// written as that (eng, ENG -> en; bel -> be; ger, deu -> de). Anything else is kept folded.
std::string language_code(std::string_view value);

}  // namespace naviny
