#include "analyzers/entity_recognizer.h"

#include <algorithm>
#include <compare>
#include <optional>
#include <set>

#include "common/text.h"

namespace naviny {
namespace {

// The romanised word's first letters: a case form that changes a consonant (Parlamencie) meets the
// first word of its alias (Parlament Europejski) by none of the keys, but begins like it.
constexpr std::size_t kLookupPrefixLetters = 3;

std::vector<std::string> lookup_keys(const AliasWord& word) {
  std::vector<std::string> keys{"s:" + word.search};
  if (!word.key.empty()) keys.push_back("k:" + word.key);
  if (!word.alt_key.empty()) keys.push_back("k:" + word.alt_key);
  if (word.romanized.size() >= kLookupPrefixLetters) {
    keys.push_back("r:" + word.romanized.substr(0, kLookupPrefixLetters));
  }
  return keys;
}

// Whether words[next] is a name written right after the previous word, with only a space
// between: then a one-word alias met by name key alone is more likely a first name ("Георги
// Коритаров" is no mention of Georgia) than a re-spelt place or surname.
bool begins_a_name(const std::vector<AnalyzedWord>& words, std::size_t next) {
  return next < words.size() && words[next].name_like && !words[next].starts_sentence &&
         words[next].token.begin == words[next - 1].token.end + 1;
}

// How well an alias fits the words at a position; a better fit wins, and equally good fits of
// different entities are ambiguous. Longer first ("New York" before "York"), then a full alias
// before a short form, then more words matched by search form rather than by the coarser name
// key (Латвии is Латвия, not Литва, though the two share a key), then more letters in common
// at the start of the words, where a case form keeps its stem (the Russian stemmer cuts both
// Индиана and Индия to "india", but Индианы begins like Indiana's alias Индиана).
struct Fit {
  std::size_t length = 0;
  bool full = false;
  std::size_t by_search_form = 0;
  std::size_t letters_in_common = 0;
  auto operator<=>(const Fit&) const = default;
};

// `scripts_named_in` says, for a script, whether the alias's entity has a one-word alias written
// in it.
template <typename ScriptsNamedIn>
std::optional<Fit> fit_at(const std::vector<AnalyzedWord>& words, std::size_t start,
                          const Alias& alias, ScriptsNamedIn scripts_named_in) {
  if (start + alias.words.size() > words.size()) return std::nullopt;
  Fit fit{alias.words.size(), !alias.short_form, 0};
  for (std::size_t i = 0; i < alias.words.size(); ++i) {
    const AnalyzedWord& word = words[start + i];
    if (!(alias.words.size() > 1 ? word_matches_in_longer_alias(word, alias.words[i])
                                 : word_matches(word, alias.words[i]))) {
      return std::nullopt;
    }
    const bool same_search_form = word.forms.search == alias.words[i].search;
    if (same_search_form) ++fit.by_search_form;
    fit.letters_in_common += common_prefix_size(word.forms.romanized, alias.words[i].romanized);
    // A word of a longer alias has its neighbours to confirm it; an acronym is matched letter for
    // letter already.
    if (alias.words.size() > 1 || alias.words[i].acronym) continue;
    // Across scripts a third of the letters may differ, and a stem hides more (Виргиния stems to
    // "virgin"); where the entity has a one-word alias in the word's own script, the word must be
    // a form of that (Davis is no Давос, Virgin no Виргиния).
    const Script script = dominant_script(word.forms.exact);
    if (script != dominant_script(alias.words[i].exact) && scripts_named_in(script)) {
      return std::nullopt;
    }
    if (same_search_form ? !shared_stem_suffices(word, alias.words[i])
                         : word.starts_sentence || !spelt_alike(word.forms, alias.words[i]) ||
                               begins_a_name(words, start + i + 1)) {
      return std::nullopt;
    }
  }
  return fit;
}

}  // namespace

EntityRecognizer::EntityRecognizer(const Gazetteer& gazetteer)
    : given_names_(gazetteer.entities().size()),
      one_word_alias_scripts_(gazetteer.entities().size()),
      gazetteer_(gazetteer) {
  for (std::size_t i = 0; i < gazetteer.aliases().size(); ++i) {
    const Alias& alias = gazetteer.aliases()[i];
    if (alias.words.size() == 1) {
      one_word_alias_scripts_[alias.entity].insert(dominant_script(alias.words.front().exact));
    }
    for (std::string& key : lookup_keys(alias.words.front())) {
      by_first_word_.emplace(std::move(key), i);
    }
    if (!alias.short_form && alias.words.size() > 1 && !alias.words.front().romanized.empty() &&
        gazetteer.entities()[alias.entity].type == EntityType::person) {
      given_names_[alias.entity].push_back(alias.words.front().romanized);
    }
  }
}

std::optional<std::size_t> EntityRecognizer::named_by_initials(
    const std::vector<AnalyzedWord>& words, std::size_t first, std::size_t length,
    const std::set<std::size_t>& entities) const {
  // The first initial stands for the given name: "В. В. Путин", "Путин В. В.".
  std::size_t initials = first;
  while (initials > 0 && words[initials - 1].initials) --initials;
  if (initials == first) {
    initials = first + length;
    if (initials >= words.size() || !words[initials].initials) return std::nullopt;
  }
  const std::string& letters = words[initials].forms.romanized;
  if (letters.empty()) return std::nullopt;
  std::optional<std::size_t> named;
  for (const std::size_t entity : entities) {
    if (std::ranges::any_of(given_names_[entity], [&](const std::string& given_name) {
          return given_name.front() == letters.front();
        })) {
      if (named) return std::nullopt;
      named = entity;
    }
  }
  return named;
}

EntityMentions EntityRecognizer::recognize(
    const std::vector<const std::vector<AnalyzedWord>*>& texts,
    std::vector<RecognizedMention>* trace) const {
  EntityMentions full;
  struct ShortMention {
    std::set<std::size_t> entities;  // those it may name
    std::size_t traced;              // index into *trace, if tracing
  };
  std::vector<ShortMention> short_mentions;
  std::vector<RecognizedMention> ignored;
  std::vector<RecognizedMention>& mentions = trace != nullptr ? *trace : ignored;
  for (std::size_t text_index = 0; text_index < texts.size(); ++text_index) {
    const std::vector<AnalyzedWord>& words = *texts[text_index];
    for (std::size_t i = 0; i < words.size();) {
      const AliasWord first = alias_word_of(words[i].forms);
      std::vector<std::string> keys{"s:" + first.search};
      if (words[i].name_like) {
        for (std::string& key : lookup_keys(first)) {
          if (!key.starts_with("s:")) keys.push_back(std::move(key));
        }
      }
      Fit best;
      std::set<std::size_t> best_entities;
      for (const std::string& key : keys) {
        const auto [from, to] = by_first_word_.equal_range(key);
        for (auto it = from; it != to; ++it) {
          const Alias& alias = gazetteer_.aliases()[it->second];
          const std::optional<Fit> fit = fit_at(words, i, alias, [&](Script script) {
            return one_word_alias_scripts_[alias.entity].contains(script);
          });
          if (!fit || *fit < best) continue;
          if (best < *fit) best_entities.clear();
          best = *fit;
          best_entities.insert(alias.entity);
        }
      }
      if (best.length == 0) {
        ++i;
        continue;
      }
      mentions.push_back({text_index, i, best.length, std::nullopt});
      const std::optional<std::size_t> named =
          !best.full                  ? named_by_initials(words, i, best.length, best_entities)
          : best_entities.size() == 1 ? std::optional(*best_entities.begin())
                                      : std::nullopt;
      if (named) {
        ++full[*named];
        mentions.back().entity = named;
      } else if (!best.full) {
        short_mentions.push_back({best_entities, mentions.size() - 1});
      }
      i += best.length;
    }
  }
  for (const ShortMention& mention : short_mentions) {
    std::size_t resolved = 0;
    std::size_t with_full_mention = 0;
    for (const std::size_t entity : mention.entities) {
      if (full.contains(entity)) resolved = entity, ++with_full_mention;
    }
    if (with_full_mention == 1) {
      ++full[resolved];
      mentions[mention.traced].entity = resolved;
    }
  }
  return full;
}

std::vector<TextMention> entities_in_text(std::string_view text, const Gazetteer& gazetteer,
                                          Analyzer& analyzer) {
  const std::vector<AnalyzedWord> words = analyze_words(analyzer, text);
  std::vector<RecognizedMention> trace;
  EntityRecognizer(gazetteer).recognize({&words}, &trace);
  std::vector<TextMention> mentions;
  for (const RecognizedMention& mention : trace) {
    const Token& first = words[mention.first_word].token;
    const Token& last = words[mention.first_word + mention.words - 1].token;
    TextMention shown{std::string(text.substr(first.begin, last.end - first.begin)), std::nullopt};
    if (mention.entity) shown.entity = gazetteer.entities()[*mention.entity];
    mentions.push_back(std::move(shown));
  }
  return mentions;
}

}  // namespace naviny
