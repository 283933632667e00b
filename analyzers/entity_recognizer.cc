#include "analyzers/entity_recognizer.h"

#include <algorithm>
#include <compare>
#include <functional>
#include <optional>
#include <set>
#include <utility>

#include "analyzers/home_places.h"
#include "analyzers/legal_forms.h"
#include "common/text.h"

namespace naviny {
namespace {

// The romanised word's first letters: a case form that changes a consonant (Parlamencie) meets the
// first word of its alias (Parlament Europejski) by none of the keys, but begins like it.
constexpr std::size_t kCandidatePrefixLetters = 3;

std::vector<std::string> candidate_keys(const WordForms& forms) {
  std::vector<std::string> keys;
  keys.reserve(4);
  keys.push_back("s:" + forms.search);
  for (const std::string* key : forms.name_keys.both()) {
    if (!key->empty()) keys.push_back("k:" + *key);
  }
  if (forms.romanized.size() >= kCandidatePrefixLetters) {
    keys.push_back("r:" + forms.romanized.substr(0, kCandidatePrefixLetters));
  }
  return keys;
}

// The key of the first letters by which a word in lower case finds the aliases it may begin in
// another case form (českého ministerstva zdravotnictví, of české ministerstvo zdravotnictví:
// Czech and Slovene search forms keep their endings): those whose first word need not be
// capitalised. Apart from the "r:" keys, so that the many lower-case words of a text walk only
// these few aliases.
std::optional<std::string> lower_case_prefix_key(const WordForms& forms) {
  if (forms.romanized.size() < kCandidatePrefixLetters) return std::nullopt;
  return "l:" + forms.romanized.substr(0, kCandidatePrefixLetters);
}

// The keys a word of text is looked up by: its search form, and for a word written as a name the
// coarser keys as well.
std::vector<std::string> keys_of_text_word(const AnalyzedWord& word) {
  if (word.name_like) return candidate_keys(word.forms);
  std::vector<std::string> keys;
  keys.reserve(2);
  keys.push_back("s:" + word.forms.search);
  if (std::optional<std::string> key = lower_case_prefix_key(word.forms)) {
    keys.push_back(std::move(*key));
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
// different entities are ambiguous. Longer first ("New York" before "York"), then more words
// matched by search form rather than by the coarser name key or a likeness of spelling (Латвии is
// Латвия, not Литва, though the two share a key; Cameron is David Cameron's short form, not the
// full alias Cameroon it resembles), then a full alias before a short form, then more letters in
// common at the start of the words, where a case form keeps its stem (the Russian stemmer cuts
// both Индиана and Индия to "india", but Индианы begins like Indiana's alias Индиана).
struct Fit {
  std::size_t length = 0;
  std::size_t by_search_form = 0;
  bool full = false;
  std::size_t letters_in_common = 0;
  auto operator<=>(const Fit&) const = default;
};

// The test a fit of `alias` at `word` starts with: it depends on the word's forms and name_like
// only, so AliasCandidateMemo may remember it.
bool begins(const AnalyzedWord& word, const Alias& alias) {
  return alias.words.size() > 1 ? word_matches_in_longer_alias(word, alias.words.front(),
                                                               alias.first_word_may_be_lower_case)
                                : word_matches(word, alias.words.front());
}

// The values `index` holds under the keys `word` is looked up by, in the order of the keys, whose
// alias (`alias_of` a value) `word` begins, as remembered in `known`, the memo's entry for `word`.
// The keys are built only when the memo does not know the word yet.
template <typename AliasOf>
const std::vector<std::size_t>& candidates(const KeyIndex& index, std::size_t memo_index,
                                           const AnalyzedWord& word,
                                           AliasCandidateMemo::Word& known, AliasOf alias_of) {
  return known.candidates(
      memo_index, index, [&] { return keys_of_text_word(word); },
      [&](std::size_t value) { return begins(word, alias_of(value)); });
}

// The numbers of the three indexes of aliases a word is looked up in, in an AliasCandidateMemo.
constexpr std::size_t kAliasesMemoIndex = 0;
constexpr std::size_t kGivenNamesMemoIndex = 1;
constexpr std::size_t kSurnamesMemoIndex = 2;
static_assert(AliasCandidateMemo::kIndexes == 3);

// `alias` must be a candidate of words[start] (candidates()), which words[start] begins.
// `scripts_named_in` says, for a script, whether the alias's entity has a one-word alias written
// in it.
template <typename ScriptsNamedIn>
std::optional<Fit> fit_at(const std::vector<AnalyzedWord>& words, std::size_t start,
                          const Alias& alias, ScriptsNamedIn scripts_named_in) {
  if (start + alias.words.size() > words.size()) return std::nullopt;
  Fit fit{alias.words.size(), 0, !alias.short_form};
  for (std::size_t i = 0; i < alias.words.size(); ++i) {
    const AnalyzedWord& word = words[start + i];
    if (i > 0 && !word_matches_in_longer_alias(word, alias.words[i])) return std::nullopt;
    // A name does not run over the end of a sentence ("…Polska. MSZ…" is no "polskie MSZ") but
    // over a period of its own (U.S. Senate).
    if (i > 0 && word.starts_sentence && !alias.words[i].after_period) return std::nullopt;
    const bool same_search_form = word.forms.search == alias.words[i].forms.search;
    if (same_search_form) ++fit.by_search_form;
    fit.letters_in_common +=
        common_prefix_size(word.forms.romanized, alias.words[i].forms.romanized);
    // A word of a longer alias has its neighbours to confirm it; an acronym is matched letter for
    // letter already.
    if (alias.words.size() > 1 || alias.words[i].acronym) continue;
    // Across scripts a third of the letters may differ, and a stem hides more (Виргиния stems to
    // "virgin"); where the entity has a one-word alias in the word's own script, the word must be
    // a form of that (Davis is no Давос, Virgin no Виргиния).
    const Script script = word.forms.script;
    if (script != alias.words[i].forms.script && scripts_named_in(script)) {
      return std::nullopt;
    }
    if (same_search_form
            ? !shared_stem_suffices(word, alias.words[i])
            : word.starts_sentence || !spelt_alike(word.forms, alias.words[i]) ||
                  names_an_s_apart(word.forms.romanized, script, alias.words[i].forms.romanized,
                                   alias.words[i].forms.script) ||
                  begins_a_name(words, start + i + 1)) {
      return std::nullopt;
    }
  }
  return fit;
}

// The entities of the aliases that fit best at words[start], and how well; `known`: the memo's
// entry for words[start]; `length`, if not 0, the only length of alias wanted.
std::pair<Fit, std::set<std::size_t>> best_fit_at(
    const KeyIndex& by_first_word, const Gazetteer& gazetteer,
    const std::vector<std::set<Script>>& one_word_alias_scripts,
    const std::vector<AnalyzedWord>& words, std::size_t start, AliasCandidateMemo::Word& known,
    std::size_t length) {
  Fit best;
  std::set<std::size_t> best_entities;
  for (const std::size_t index :
       candidates(by_first_word, kAliasesMemoIndex, words[start], known,
                  [&](std::size_t value) -> const Alias& { return gazetteer.aliases()[value]; })) {
    const Alias& alias = gazetteer.aliases()[index];
    if (length != 0 && alias.words.size() != length) continue;
    const std::optional<Fit> fit = fit_at(words, start, alias, [&](Script script) {
      return one_word_alias_scripts[alias.entity].contains(script);
    });
    if (!fit || *fit < best) continue;
    if (best < *fit) best_entities.clear();
    best = *fit;
    best_entities.insert(alias.entity);
  }
  return {best, best_entities};
}

// Given names written alone ("Hunter", "Мелания"), resolved once the whole article is read: each
// names the one person so called whose surname the article writes elsewhere, unless the article
// also writes that word next to another name ("Eric Garcetti", "Дункан Хантер"): then that may be
// whom it means.
class LoneGivenNames {
 public:
  using Position = std::pair<std::size_t, std::size_t>;  // text, word

  explicit LoneGivenNames(std::multimap<std::size_t, Position> surnames)
      : surnames_(std::move(surnames)) {}

  // `words[position.second]` is a given name of `people`; `traced`: the index of the short-form
  // mention it also is, if it is one.
  void add(const std::set<std::size_t>& people, const std::vector<AnalyzedWord>& words,
           Position position, std::optional<std::size_t> traced) {
    if (people.empty()) return;
    const std::size_t i = position.second;
    if (begins_a_name(words, i + 1) ||
        (i > 0 && words[i - 1].name_like && begins_a_name(words, i))) {
      given_to_others_.insert(people.begin(), people.end());
      return;
    }
    std::optional<std::size_t> named;
    for (const std::size_t person : people) {
      const auto [from, to] = surnames_.equal_range(person);
      if (std::any_of(from, to, [&](const auto& surname) { return surname.second != position; })) {
        if (named) return;
        named = person;
      }
    }
    if (named) found_.push_back({*named, position, traced});
  }

  // Counts the given names that name a person, and records them in `mentions`, which stays in
  // text order; a short-form mention already resolved keeps its entity.
  void resolve(EntityMentions& counts, std::vector<RecognizedMention>& mentions) const {
    bool appended = false;
    for (const Found& given_name : found_) {
      if (given_to_others_.contains(given_name.person)) continue;
      if (given_name.traced) {
        RecognizedMention& mention = mentions[*given_name.traced];
        if (mention.entity) continue;
        mention.entity = given_name.person;
      } else {
        mentions.push_back(
            {given_name.position.first, given_name.position.second, 1, given_name.person});
        appended = true;
      }
      ++counts[given_name.person];
    }
    if (appended) {
      std::ranges::sort(mentions, {}, [](const RecognizedMention& mention) {
        return std::pair(mention.text, mention.first_word);
      });
    }
  }

 private:
  struct Found {
    std::size_t person;
    Position position;
    std::optional<std::size_t> traced;
  };
  std::multimap<std::size_t, Position> surnames_;
  std::vector<Found> found_;
  std::set<std::size_t> given_to_others_;
};

}  // namespace

EntityRecognizer::EntityRecognizer(const Gazetteer& gazetteer)
    : one_word_alias_scripts_(gazetteer.entities().size()),
      given_name_parts_(gazetteer.entities().size(), kGivenNamesMemoIndex),
      surname_parts_(gazetteer.entities().size(), kSurnamesMemoIndex),
      gazetteer_(gazetteer) {
  for (std::size_t i = 0; i < gazetteer.aliases().size(); ++i) {
    const Alias& alias = gazetteer.aliases()[i];
    if (alias.words.size() == 1) {
      one_word_alias_scripts_[alias.entity].insert(alias.words.front().forms.script);
    }
    for (const std::string& key : candidate_keys(alias.words.front().forms)) {
      by_first_word_.add(key, i);
    }
    if (alias.first_word_may_be_lower_case) {
      if (std::optional<std::string> key = lower_case_prefix_key(alias.words.front().forms)) {
        by_first_word_.add(*key, i);
      }
    }
    if (gazetteer.is_full_name_of_person(alias) && !alias.words.front().forms.romanized.empty()) {
      given_name_parts_.add(alias.entity, alias.words.front());
      surname_parts_.add(alias.entity, alias.words.back());
    }
  }
  by_first_word_.sort();
  given_name_parts_.finish();
  surname_parts_.finish();
}

void KeyIndex::add(std::string_view key, std::size_t value) {
  entries_.push_back({std::hash<std::string_view>()(key), keys_.size(), key.size(), value});
  keys_.append(key);
}

void KeyIndex::sort() {
  // By hash, then order of adding (where a key begins in keys_): no string is compared, but
  // where two keys share a hash, which is rare.
  std::ranges::sort(entries_, {},
                    [](const Entry& entry) { return std::pair(entry.hash, entry.key_begin); });
  for (auto run = entries_.begin(); run != entries_.end();) {
    const auto end =
        std::find_if(run, entries_.end(), [&](const Entry& at) { return at.hash != run->hash; });
    if (std::any_of(run, end, [&](const Entry& at) { return key_of(at) != key_of(*run); })) {
      std::stable_sort(run, end,
                       [&](const Entry& a, const Entry& b) { return key_of(a) < key_of(b); });
    }
    run = end;
  }
  values_.reserve(entries_.size());
  for (const Entry& entry : entries_) values_.push_back(entry.value);
}

std::span<const std::size_t> KeyIndex::find(std::string_view key) const {
  const std::size_t hash = std::hash<std::string_view>()(key);
  const auto same_hash = std::ranges::equal_range(entries_, hash, {}, &Entry::hash);
  const auto first =
      std::ranges::find_if(same_hash, [&](const Entry& at) { return key_of(at) == key; });
  const auto last =
      std::find_if(first, same_hash.end(), [&](const Entry& at) { return key_of(at) != key; });
  const auto offset = static_cast<std::size_t>(first - entries_.begin());
  return std::span(values_).subspan(offset, static_cast<std::size_t>(last - first));
}

void EntityRecognizer::NameParts::add(std::size_t entity, const AliasWord& part) {
  if (std::ranges::any_of(by_entity_[entity], [&](std::size_t known) {
        return parts_[known].words.front().forms.exact == part.forms.exact;
      })) {
    return;
  }
  scripts_[entity].insert(part.forms.script);
  for (const std::string& key : candidate_keys(part.forms)) by_key_.add(key, parts_.size());
  by_entity_[entity].push_back(parts_.size());
  parts_.push_back({entity, {part}, true});
}

std::set<std::size_t> EntityRecognizer::NameParts::people_at(
    const std::vector<AnalyzedWord>& words, std::size_t i, AliasCandidateMemo::Word& known) const {
  std::set<std::size_t> people;
  if (!words[i].name_like) return people;
  for (const std::size_t index :
       candidates(by_key_, memo_index_, words[i], known,
                  [&](std::size_t value) -> const Alias& { return parts_[value]; })) {
    const Alias& part = parts_[index];
    if (people.contains(part.entity)) continue;
    if (fit_at(words, i, part,
               [&](Script script) { return scripts_[part.entity].contains(script); })) {
      people.insert(part.entity);
    }
  }
  return people;
}

bool EntityRecognizer::NameParts::any_begins_with(std::size_t entity, char letter) const {
  return std::ranges::any_of(by_entity_[entity], [&](std::size_t part) {
    return parts_[part].words.front().forms.romanized.front() == letter;
  });
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
    if (given_name_parts_.any_begins_with(entity, letters.front())) {
      if (named) return std::nullopt;
      named = entity;
    }
  }
  return named;
}

std::multimap<std::size_t, EntityRecognizer::WordPosition> EntityRecognizer::surnames_in(
    const std::vector<const std::vector<AnalyzedWord>*>& texts, const TextMemo& known) const {
  std::multimap<std::size_t, WordPosition> surnames;
  for (std::size_t text_index = 0; text_index < texts.size(); ++text_index) {
    for (std::size_t i = 0; i < texts[text_index]->size(); ++i) {
      for (const std::size_t person :
           surname_parts_.people_at(*texts[text_index], i, *known[text_index][i])) {
        surnames.emplace(person, WordPosition{text_index, i});
      }
    }
  }
  return surnames;
}

EntityMentions EntityRecognizer::recognize(
    const std::vector<const std::vector<AnalyzedWord>*>& texts,
    std::vector<RecognizedMention>* trace, AliasCandidateMemo* memo) const {
  EntityMentions full;
  struct ShortMention {
    std::set<std::size_t> entities;  // those it may name
    std::size_t traced;              // index into *trace, if tracing
  };
  std::vector<ShortMention> short_mentions;
  std::vector<RecognizedMention> ignored;
  std::vector<RecognizedMention>& mentions = trace != nullptr ? *trace : ignored;
  AliasCandidateMemo memo_of_this_call;
  if (memo == nullptr) memo = &memo_of_this_call;
  memo->forget_if_full();
  TextMemo known(texts.size());
  for (std::size_t text_index = 0; text_index < texts.size(); ++text_index) {
    known[text_index].reserve(texts[text_index]->size());
    for (const AnalyzedWord& word : *texts[text_index]) {
      known[text_index].push_back(&memo->word(word));
    }
  }
  LoneGivenNames lone_given_names(surnames_in(texts, known));
  // A name that begins inside a shorter or short-form one and runs past it is the name meant:
  // "the House of Lords" is the House of Lords, not the short form "the House" and two words.
  const auto yields_to_a_name_within = [&](std::size_t text_index, std::size_t start,
                                           const Fit& fit) {
    const std::vector<AnalyzedWord>& words = *texts[text_index];
    for (std::size_t inner = start + 1; inner < start + fit.length; ++inner) {
      const Fit overlapping = best_fit_at(by_first_word_, gazetteer_, one_word_alias_scripts_,
                                          words, inner, *known[text_index][inner], 0)
                                  .first;
      if (inner + overlapping.length <= start + fit.length) continue;
      if ((overlapping.full && !fit.full) || overlapping.length > fit.length) return true;
    }
    return false;
  };
  for (std::size_t text_index = 0; text_index < texts.size(); ++text_index) {
    const std::vector<AnalyzedWord>& words = *texts[text_index];
    for (std::size_t i = 0; i < words.size();) {
      AliasCandidateMemo::Word& word_known = *known[text_index][i];
      const auto [best, best_entities] =
          best_fit_at(by_first_word_, gazetteer_, one_word_alias_scripts_, words, i, word_known, 0);
      if (best.length > 1 && yields_to_a_name_within(text_index, i, best)) {
        ++i;
        continue;
      }
      if (best.length == 0) {
        lone_given_names.add(given_name_parts_.people_at(words, i, word_known), words,
                             {text_index, i}, std::nullopt);
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
        if (best.length == 1) {
          lone_given_names.add(given_name_parts_.people_at(words, i, word_known), words,
                               {text_index, i}, mentions.size() - 1);
        }
      }
      i += best.length;
    }
  }
  // Counted before any short form resolves (a place's may), and only for articles that have one.
  const std::set<std::size_t> main_places =
      short_mentions.empty() ? std::set<std::size_t>{} : most_mentioned_places(full);
  for (const ShortMention& mention : short_mentions) {
    std::size_t resolved = 0;
    std::size_t with_full_mention = 0;
    for (const std::size_t entity : mention.entities) {
      if (full.contains(entity)) resolved = entity, ++with_full_mention;
    }
    if (with_full_mention == 0) {
      // The organisations it may name whose home place is the place the article names most.
      for (const std::size_t entity : mention.entities) {
        if (std::ranges::any_of(home_places(entity),
                                [&](std::size_t place) { return main_places.contains(place); })) {
          resolved = entity, ++with_full_mention;
        }
      }
    }
    if (with_full_mention == 1) {
      ++full[resolved];
      mentions[mention.traced].entity = resolved;
    }
  }
  // After the short forms: a given name is no full mention ("Biden … his son Hunter" leaves Biden
  // unresolved).
  lone_given_names.resolve(full, mentions);
  return full;
}

std::set<std::size_t> EntityRecognizer::most_mentioned_places(const EntityMentions& full) const {
  std::set<std::size_t> places;
  std::size_t most = 0;
  for (const auto& [entity, mentions] : full) {
    if (gazetteer_.entities()[entity].type != EntityType::place || mentions < most) continue;
    if (mentions > most) places.clear(), most = mentions;
    places.insert(entity);
  }
  return places;
}

const std::vector<std::size_t>& EntityRecognizer::home_places(std::size_t entity) const {
  std::call_once(home_places_found_,
                 [&] { home_places_ = home_places_of_organisations(gazetteer_); });
  return home_places_[entity];
}

std::set<std::size_t> EntityRecognizer::organisations_short_formed_by(
    const std::vector<AnalyzedWord>& words) const {
  if (words.empty()) return {};
  AliasCandidateMemo memo;
  AliasCandidateMemo::Word& first_word_known = memo.word(words.front());
  auto [fit, named] = best_fit_at(by_first_word_, gazetteer_, one_word_alias_scripts_, words, 0,
                                  first_word_known, words.size());
  if (fit.full) return {};
  std::erase_if(named, [&](std::size_t entity) {
    return gazetteer_.entities()[entity].type != EntityType::org;
  });
  return named;
}

std::set<std::size_t> EntityRecognizer::entities_named_by(
    const std::vector<AnalyzedWord>& words) const {
  if (words.empty()) return {};
  AliasCandidateMemo memo;
  AliasCandidateMemo::Word& first_word_known = memo.word(words.front());
  auto [fit, named] = best_fit_at(by_first_word_, gazetteer_, one_word_alias_scripts_, words, 0,
                                  first_word_known, words.size());
  // An organisation's short form is a generic word (Сенат, MSZ, the Commission) that stands for
  // it only after the article has named it in full; alone it names none.
  if (!fit.full) {
    std::erase_if(named, [&](std::size_t entity) {
      return gazetteer_.entities()[entity].type == EntityType::org;
    });
  }
  if (!named.empty()) return named;
  if (words.size() == 1) return surname_parts_.people_at(words, 0, first_word_known);
  // "Pfizer Inc", "ПАО Газпром": the company the words left name.
  const auto [first, last] = without_legal_forms(words);
  if (last - first == words.size()) return named;
  const std::vector<AnalyzedWord> name(words.begin() + static_cast<std::ptrdiff_t>(first),
                                       words.begin() + static_cast<std::ptrdiff_t>(last));
  for (const std::size_t entity : entities_named_by(name)) {
    if (gazetteer_.entities()[entity].type == EntityType::org) named.insert(entity);
  }
  return named;
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
    TextMention shown{std::string(text.substr(first.begin, last.end - first.begin)), std::nullopt,
                      first.begin, last.end};
    if (mention.entity) shown.entity = gazetteer.entities()[*mention.entity];
    mentions.push_back(std::move(shown));
  }
  return mentions;
}

}  // namespace naviny
