#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace naviny {

// FNV-1a, 64 bits: stable across compilers and runs (unlike std::hash), and cheap enough to hash
// every article on every `naviny index` run. It detects changes; it is not a security measure.
constexpr std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

inline std::string to_hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4)
    hex[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return hex;
}

// Hashes a std::string key as the std::string_view it is looked up by: with StringMap, a find by
// a view builds no string (one allocation per look-up of a long word, in the analysis of every
// word of every article).
struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

}  // namespace naviny
