#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace naviny {

// Byte offset of the first byte that is not part of well-formed UTF-8, or nullopt if the
// whole text is valid (ICU's rules: no overlongs, no surrogates, nothing above U+10FFFF).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace naviny
