#include "analyzers/qualified_names.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace naviny {
namespace {

// Case-folded. Words typed beside an organisation's name to say what kind it is, in the corpus's
// languages (legal forms, such as Inc or ПАО, are in legal_forms.cc), and the English article.
constexpr std::array<std::string_view, 33> kKindWords = {
    // English, German
    "the", "agency", "news", "newspaper", "broadcaster", "party", "airline", "airlines", "agentur",
    "nachrichtenagentur", "zeitung", "partei",
    // Russian, Ukrainian, Belarusian, Bulgarian
    "агентство", "информагентство", "газета", "партия", "авиакомпания", "агенція", "партія",
    "авіакомпанія", "агенцтва", "партыя", "агенция", "вестник",
    // Polish, Czech, Slovak, Slovene
    "agencja", "gazeta", "partia", "agentura", "strana", "agentúra", "agencija", "stranka",
    "časopis"};

bool is_kind_word(const AnalyzedWord& word) {
  return std::ranges::find(kKindWords, word.forms.exact) != kKindWords.end();
}

// The longest run of words a place's name takes in a display name (Bosnia and Herzegovina).
constexpr std::size_t kLongestPlaceName = 4;

// The places that an entity's display name names (Labour Party (UK): the United Kingdom;
// Ministry of Foreign Affairs of Poland: Poland), each run of its words read alone: the name as
// a whole may be an alias of the entity, which would hide the place in it.
std::set<std::size_t> places_in_display_name(const EntityRecognizer& recognizer, Analyzer& analyzer,
                                             std::size_t entity) {
  const Gazetteer& gazetteer = recognizer.gazetteer();
  std::vector<AnalyzedWord> words = analyze_words(analyzer, gazetteer.entities()[entity].name);
  for (AnalyzedWord& word : words) word.starts_sentence = false;
  std::set<std::size_t> places;
  for (std::size_t first = 0; first < words.size(); ++first) {
    for (std::size_t size = 1; size <= kLongestPlaceName && first + size <= words.size(); ++size) {
      const auto begin = words.begin() + static_cast<std::ptrdiff_t>(first);
      for (const std::size_t named :
           recognizer.entities_named_by({begin, begin + static_cast<std::ptrdiff_t>(size)})) {
        if (gazetteer.entities()[named].type == EntityType::place) places.insert(named);
      }
    }
  }
  return places;
}

bool meet(const std::set<std::size_t>& a, const std::set<std::size_t>& b) {
  return std::ranges::any_of(a, [&](std::size_t x) { return b.contains(x); });
}

}  // namespace

std::set<std::size_t> entities_named_with_qualifiers(const EntityRecognizer& recognizer,
                                                     Analyzer& analyzer,
                                                     const std::vector<AnalyzedWord>& words) {
  if (words.size() < 2) return {};
  std::vector<RecognizedMention> trace;
  recognizer.recognize({&words}, &trace);
  const Gazetteer& gazetteer = recognizer.gazetteer();
  const auto is_place = [&](std::size_t entity) {
    return gazetteer.entities()[entity].type == EntityType::place;
  };
  std::vector<bool> covered(words.size());
  std::size_t parts = 0;
  std::optional<std::set<std::size_t>> named;  // what every mention but the places may name
  bool named_in_full = false;
  std::set<std::size_t> places;
  for (const RecognizedMention& mention : trace) {
    const auto begin = words.begin() + static_cast<std::ptrdiff_t>(mention.first_word);
    const std::vector<AnalyzedWord> span(begin, begin + static_cast<std::ptrdiff_t>(mention.words));
    std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(mention.first_word), mention.words,
                true);
    ++parts;
    std::set<std::size_t> entities;
    if (mention.entity) {
      entities.insert(*mention.entity);
    } else {
      entities = recognizer.entities_named_by(span);
      entities.merge(recognizer.organisations_short_formed_by(span));
    }
    if (entities.empty()) return {};
    if (std::ranges::all_of(entities, is_place)) {
      places.merge(entities);
      continue;
    }
    named_in_full = named_in_full || mention.entity.has_value();
    if (named) {
      std::erase_if(*named, [&](std::size_t entity) { return !entities.contains(entity); });
    } else {
      named = std::move(entities);
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i]) continue;
    if (!is_kind_word(words[i])) return {};
    ++parts;
  }
  // People have their own rules for the order and parts of their names: "Putin Vladimir" is a
  // phrase in the wrong order, not a qualified name.
  if (named) {
    std::erase_if(*named, [&](std::size_t entity) {
      return gazetteer.entities()[entity].type != EntityType::org;
    });
  }
  if (!named || named->empty() || parts < 2) return {};
  if (places.empty()) return named_in_full ? *named : std::set<std::size_t>{};
  std::set<std::size_t> tied;
  std::set<std::size_t> placeless;
  for (const std::size_t entity : *named) {
    const std::set<std::size_t> own = places_in_display_name(recognizer, analyzer, entity);
    if (meet(own, places)) tied.insert(entity);
    if (own.empty()) placeless.insert(entity);
  }
  if (!tied.empty()) return tied;
  return named_in_full ? placeless : std::set<std::size_t>{};
}

}  // namespace naviny
