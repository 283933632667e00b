#include "analyzers/home_places.h"

#include <algorithm>
#include <span>
#include <string>
#include <unordered_map>

namespace naviny {
namespace {

// The longest place name looked for in an alias, in words (Spojených států amerických).
constexpr std::size_t kLongestPlaceName = 4;

}  // namespace

std::vector<std::vector<std::size_t>> home_places_of_organisations(const Gazetteer& gazetteer) {
  const std::vector<Entity>& entities = gazetteer.entities();
  std::unordered_map<std::string, std::vector<std::size_t>> places_by_key;
  std::vector<bool> has_short_form(entities.size());
  for (const Alias& alias : gazetteer.aliases()) {
    const EntityType type = entities[alias.entity].type;
    if (type == EntityType::org && alias.short_form) has_short_form[alias.entity] = true;
    if (type == EntityType::place && !alias.short_form && alias.words.size() <= kLongestPlaceName) {
      std::vector<std::size_t>& places = places_by_key[Gazetteer::lookup_key(alias)];
      if (std::ranges::find(places, alias.entity) == places.end()) places.push_back(alias.entity);
    }
  }
  std::vector<std::vector<std::size_t>> home(entities.size());
  for (const Alias& alias : gazetteer.aliases()) {
    if (!has_short_form[alias.entity] || alias.short_form || alias.words.size() < 2) continue;
    std::vector<std::size_t>& places = home[alias.entity];
    for (std::size_t first = 0; first < alias.words.size(); ++first) {
      for (std::size_t size = 1; size <= kLongestPlaceName && first + size <= alias.words.size();
           ++size) {
        const auto found =
            places_by_key.find(Gazetteer::lookup_key(std::span(alias.words).subspan(first, size)));
        if (found == places_by_key.end()) continue;
        for (const std::size_t place : found->second) {
          if (std::ranges::find(places, place) == places.end()) places.push_back(place);
        }
      }
    }
  }
  return home;
}

}  // namespace naviny
