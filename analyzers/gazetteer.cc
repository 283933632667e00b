#include "analyzers/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <span>
#include <utility>

#include "analyzers/declension.h"
#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "common/errors.h"
#include "common/text.h"

namespace naviny {
namespace {

constexpr std::string_view kTypeNames[] = {"person", "org", "place"};
constexpr std::size_t kMinColumns = 4;
constexpr std::size_t kMaxColumns = 6;
constexpr std::size_t kAliasesColumn = 3;
constexpr std::size_t kShortFormsColumn = 4;
// Column 6 says where the row came from (a Wikidata id, a source file): for the people who keep
// the table, not for matching.
constexpr std::size_t kSourceColumn = 5;
constexpr std::size_t kMinStemLetters = 5;
constexpr std::size_t kMinNameStemLetters = 3;  // Per-u, Kub-a
// The case endings beginning with a consonant that follow a name's final vowel, romanised.
constexpr std::string_view kEndingsAfterAVowel[] = {"ho", "mu", "m",  "mi", "kh",
                                                    "ch", "ta", "to", "te", "t"};
constexpr std::size_t kMinOneLetterApartLetters = 6;

constexpr std::size_t kMaxAcronymEndingLetters = 3;

std::string joined_search_forms(std::span<const AliasWord> words) {
  std::string joined;
  for (const AliasWord& word : words) joined += (joined.empty() ? "" : " ") + word.forms.search;
  return joined;
}

std::vector<AliasWord> alias_words(Analyzer& analyzer, std::string_view text) {
  std::vector<AliasWord> words;
  for (const AnalyzedWord& word : analyze_words(analyzer, text)) {
    words.push_back(
        {word.forms, written_in_capitals(word.token.word), !words.empty() && word.starts_sentence});
  }
  return words;
}

}  // namespace

std::string_view type_name(EntityType type) {
  return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parse_type(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kTypeNames); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

namespace {

// Whether edit_distance(a, b) <= 1: one letter replaced, added or dropped at the first place the
// two differ. Without edit_distance's table, as it runs on many candidate aliases per article.
bool at_most_one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  const std::size_t same = common_prefix_size(a, b);
  if (same == a.size()) return true;
  return a.size() == b.size() ? a.substr(same + 1) == b.substr(same + 1)
                              : a.substr(same) == b.substr(same + 1);
}

// Whether `rest`, the letters a word has after all of an alias's final vowels, can be a case
// ending: one that begins with a vowel or j, or a consonant ending added to a whole vowel-final
// name: Czech and Russian -ho, -mu, -m (Kennedyho, Навальным), Russian plural -ми, -х, the
// Bulgarian article (Комисията), the -v-/-w- of a possessive or dative (Slovene Cuomov, Czech
// Cuomovi, Polish Cuomowi). Else the word goes on as another word: Franciszem is no Francie.
bool ends_after_a_final_vowel(std::string_view rest) {
  if (rest.empty() || is_latin_vowel(rest.front()) || rest.front() == 'j') return true;
  if (rest.front() == 'v' || rest.front() == 'w') return rest.size() <= kMaxCaseEndingLetters;
  return std::ranges::find(kEndingsAfterAVowel, rest) != std::end(kEndingsAfterAVowel);
}

// Two words of one script that are one name differ in their endings (Kypr, Kypru; Rosja, Rosji;
// Spojené, Spojeného), or in one letter of a long word (Песков, Пєсков) other than the last,
// which is the ending's (Francis is no Francie, Czech for France), and not one that makes or
// unmakes a syllable (Пакстън, Paxton in Bulgarian, is no Пакистан). A third of their
// letters, enough between scripts, lets other words of the same script in: Пушков is no Песков,
// Деня no Дания, Cooper no Ciper (Cyprus in Slovene).
bool same_script_ending_variant(std::string_view word, std::string_view alias) {
  // The word is the alias, or its stem, and a case ending that begins with a vowel or j (Kypr-u,
  // May-ová, Rosj-i of Rosja, Spojen-ého of Spojené, Latvi-je of Latvia, Kenned-yho of Kennedy;
  // the Bulgarian article too: Европейск-ата), or none after a plural's -y (Włoch of Włochy).
  // So Dan is no Dania, Virgin no Virginia, Perri no Peru. No Slavic case ending ends in s, as
  // English plurals and Latvian or Greek nominatives do: Francis is no France. A consonant the
  // ending softens is declined_with_changed_stem's (Polsce).
  const auto stem_and_case_ending = [&](std::size_t stem) {
    const std::string_view ending = word.substr(std::min(stem, word.size()));
    // A stem shorter than kMinNameStemLetters is too weak, unless it is the whole alias (Kim Jong
    // Un-a): Dan is no Dania.
    if ((stem < kMinNameStemLetters && stem != alias.size()) ||
        !word.starts_with(alias.substr(0, stem))) {
      return false;
    }
    const std::size_t shared = common_prefix_size(word, alias);
    return word.size() - shared <= kMaxCaseEndingLetters &&
           (ending.empty() ? stem == alias.size() || alias.substr(stem) == "y"
                           : (is_latin_vowel(ending.front()) || ending.front() == 'j') &&
                                 !ending.ends_with('s')) &&
           (shared <= stem || ends_after_a_final_vowel(word.substr(shared)));
  };
  // No Slavic nominative ends in u: an alias that does is indeclinable (Peru, Baku; Перо is no
  // form of Перу). Cyrillic я and ю romanise as ya and yu: the y is the ending's, a vowel before
  // it the stem's (Кени-я, Кени-и; so Кени and Кена are no Кения).
  std::size_t stem = alias.size();
  while (stem > 0 && is_latin_vowel(alias[stem - 1]) && alias.back() != 'u') {
    --stem;
    if (alias[stem] == 'y' && stem + 1 < alias.size()) break;
  }
  return word == alias || stem_and_case_ending(alias.size()) || stem_and_case_ending(stem) ||
         (std::min(word.size(), alias.size()) >= kMinOneLetterApartLetters &&
          word.back() == alias.back() && at_most_one_edit_apart(word, alias) &&
          syllables(word) == syllables(alias));
}

// Romanisations of one name differ mostly towards the end, where the case endings are (Avstriji,
// Австрия; Polsce, Польша); other names that a third of their letters would let in differ early
// (Пушков, Peskov; Введенный, Wiedeń).
bool begin_alike(std::string_view word, std::string_view alias) {
  return 2 * common_prefix_size(word, alias) >= std::min(word.size(), alias.size());
}

bool in_one_script(const WordForms& word, const AliasWord& alias_word) {
  return !word.romanized.empty() && !alias_word.forms.romanized.empty() &&
         word.script == alias_word.forms.script;
}

bool may_begin_in_lower_case(const Alias& alias, EntityType type) {
  if (!alias.words.front().forms.capitalized) return true;
  return alias.words.size() > 1 && !alias.words.front().acronym && !alias.short_form &&
         type != EntityType::person &&
         std::any_of(alias.words.begin() + 1, alias.words.end(),
                     [](const AliasWord& word) { return word.forms.capitalized; });
}

// Whether the word's case lets it match the alias word: see word_matches.
bool case_fits(const AnalyzedWord& word, const AliasWord& alias_word, bool capital_optional) {
  return word.name_like || !alias_word.forms.capitalized || capital_optional;
}

}  // namespace

bool same_script_variant(std::string_view word, std::string_view alias) {
  if (same_script_ending_variant(word, alias)) return true;
  const std::string shorter_word = without_fleeting_e(word);
  const std::string shorter_alias = without_fleeting_e(alias);
  // A word that loses a fleeting e is a nominative, no longer than the alias's case form once
  // without it (Niemiec, Niemcy): Franciszem, without its e, is no France and a case ending.
  return (!shorter_word.empty() && shorter_word.size() <= alias.size() &&
          same_script_ending_variant(shorter_word, alias)) ||
         (!shorter_alias.empty() && same_script_ending_variant(word, shorter_alias)) ||
         declined_with_changed_stem(word, alias);
}

bool spelt_alike(const WordForms& word, const AliasWord& alias_word) {
  if (in_one_script(word, alias_word)) {
    return same_script_variant(word.romanized, alias_word.forms.romanized);
  }
  // Stems cut inflections off (Байдена, Biden) but are short: Кроме's "krom" is one letter from
  // "krym", Ден's "den" from "dan". So they count only from kMinStemLetters up.
  return (spelt_close(word.romanized, alias_word.forms.romanized) ||
          (std::min(word.search.size(), alias_word.forms.search.size()) >= kMinStemLetters &&
           spelt_close(word.search, alias_word.forms.search))) &&
         begin_alike(word.romanized, alias_word.forms.romanized);
}

bool names_an_s_apart(std::string_view word, Script word_script, std::string_view name,
                      Script name_script) {
  if (word.empty() || name.empty() || word.ends_with('s') == name.ends_with('s')) return false;
  // No case ending of the corpus's languages ends in s, in either script: a word in s is a form of
  // a name without it only as a German genitive or an English plural, the name and an s (Merkels,
  // Kennedys), and never a variant one letter off (Banks is no Bańka, nor Банька, whose stems
  // meet).
  if (word.ends_with('s')) return word.substr(0, word.size() - 1) != name;
  return word_script == name_script && !same_script_variant(word, name);
}

bool shared_stem_suffices(const AnalyzedWord& word, const AliasWord& alias_word) {
  if (word.forms.romanized.empty() || alias_word.forms.romanized.empty()) return true;
  if (names_an_s_apart(word.forms.romanized, word.forms.script, alias_word.forms.romanized,
                       alias_word.forms.script)) {
    return false;
  }
  if (word.forms.search.size() >= kMinStemLetters) return true;
  if (word.starts_sentence) return word.forms.exact == alias_word.forms.exact;
  return spelt_alike(word.forms, alias_word);
}

// Russian declines an acronym with a lower-case ending (ОМОНа, МИДом, ЕСе): the word is then the
// acronym's very letters, in capitals, and at most kMaxAcronymEndingLetters lower-case letters.
bool declined_acronym(const AnalyzedWord& word, const AliasWord& alias_word) {
  const std::string_view typed = word.token.word;
  if (!word.forms.exact.starts_with(alias_word.forms.exact) ||
      typed.size() <= alias_word.forms.exact.size()) {
    return false;
  }
  const std::string_view ending = typed.substr(alias_word.forms.exact.size());
  const auto letters = static_cast<std::size_t>(std::ranges::count_if(
      ending, [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }));
  return written_in_capitals(typed.substr(0, alias_word.forms.exact.size())) &&
         !starts_with_capital(ending) && letters <= kMaxAcronymEndingLetters;
}

bool word_matches(const AnalyzedWord& word, const AliasWord& alias_word, bool capital_optional) {
  // A capital that only opens a sentence is no evidence of a name: Крім ("besides") is no Krim,
  // Данные ("data") no Dania, when the article also writes the word in lower case.
  if (!case_fits(word, alias_word, capital_optional)) return false;
  if (alias_word.acronym) {
    // In the alias's own script only: a Latin and a Cyrillic abbreviation that romanise alike are
    // two abbreviations (УК, the Criminal Code, is no UK; АП no AP). The gazetteer lists both
    // where they are one (KGB, КГБ).
    if (word.forms.script != alias_word.forms.script) return false;
    if (declined_acronym(word, alias_word)) return true;
    return word.forms.romanized.empty() || alias_word.forms.romanized.empty()
               ? word.forms.search == alias_word.forms.search
               : word.forms.romanized == alias_word.forms.romanized;
  }
  if (word.forms.search == alias_word.forms.search) return true;
  // A word the alias writes in lower case is a common noun inside a longer name (Evropska
  // komisija, Европейски съвет): its inflections (komisije) need the key even in lower case, and
  // the name's capitalised words confirm it.
  return (word.forms.name_keys.share_one_with(alias_word.forms.name_keys) ||
          (in_one_script(word.forms, alias_word) &&
           declined_with_changed_stem(word.forms.romanized, alias_word.forms.romanized)));
}

bool word_matches_in_longer_alias(const AnalyzedWord& word, const AliasWord& alias_word,
                                  bool capital_optional) {
  return word_matches(word, alias_word, capital_optional) ||
         (case_fits(word, alias_word, capital_optional) && !alias_word.acronym &&
          in_one_script(word.forms, alias_word) &&
          same_script_variant(word.forms.romanized, alias_word.forms.romanized));
}

std::optional<std::vector<std::string_view>> gazetteer_columns(std::string_view line) {
  if (trim(line).empty() || line.front() == '#') return std::nullopt;
  std::vector<std::string_view> columns = split(line, '\t');
  for (std::string_view& column : columns) column = trim(column);
  return columns;
}

Gazetteer Gazetteer::parse(std::string_view tsv, std::string_view source, Analyzer& analyzer) {
  Gazetteer gazetteer;
  gazetteer.text_ = std::string(tsv);
  std::set<std::string, std::less<>> ids;
  std::size_t line_number = 0;
  for (const std::string_view line : split(tsv, '\n')) {
    ++line_number;
    const std::optional<std::vector<std::string_view>> row = gazetteer_columns(line);
    if (!row) continue;
    const auto fail = [&](const std::string& problem) {
      throw BadInputError(
          std::string(source) + ", line " + std::to_string(line_number) + ": " + problem +
          "; each row is id, type, name, aliases, short forms and source, separated "
          "by tabs (see corpus/README.md)");
    };
    const std::vector<std::string_view>& columns = *row;
    if (columns.size() < kMinColumns || columns.size() > kMaxColumns) {
      fail("expected 4 to 6 tab-separated columns, found " + std::to_string(columns.size()));
    }
    const std::string id(columns[0]);
    const std::optional<EntityType> type = parse_type(columns[1]);
    if (id.empty()) fail("the id is empty");
    if (!type) fail("unknown type '" + std::string(columns[1]) + "' (person, org or place)");
    if (!ids.insert(id).second) fail("the id '" + id + "' is used twice");
    const std::size_t entity = gazetteer.entities_.size();
    gazetteer.entities_.push_back({id, *type, std::string(columns[2])});
    for (std::size_t column = kAliasesColumn; column < std::min(columns.size(), kSourceColumn);
         ++column) {
      for (const std::string_view alias : split(columns[column], '|')) {
        std::vector<AliasWord> words = alias_words(analyzer, alias);
        if (words.empty()) continue;
        Alias& added = gazetteer.aliases_.emplace_back(
            Alias{entity, std::move(words), column == kShortFormsColumn});
        added.first_word_may_be_lower_case =
            may_begin_in_lower_case(added, gazetteer.entities_[entity].type);
      }
    }
  }
  return gazetteer;
}

namespace {

// One line per entity ("e", id, type, name) and one per alias ("a", entity, short form, then the
// eight fields of each word), tab-separated: words hold neither tabs nor line breaks.
constexpr std::size_t kAliasWordFields = 8;
constexpr std::string_view kEntityLine = "e";
constexpr std::string_view kAliasLine = "a";

void append_alias_word(std::string& out, const AliasWord& word) {
  const WordForms& forms = word.forms;
  for (const std::string* field : {&forms.exact, &forms.search, &forms.name_keys.primary,
                                   &forms.name_keys.alternate, &forms.romanized}) {
    out += '\t';
    out += *field;
  }
  out += forms.capitalized ? "\t1" : "\t0";
  out += word.acronym ? "\t1" : "\t0";
  out += word.after_period ? "\t1" : "\t0";
}

std::optional<std::size_t> parse_index(std::string_view digits) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string Gazetteer::analysed(std::string_view stamp) const {
  std::string out(stamp);
  out += '\n';
  for (const Entity& entity : entities_) {
    out += std::string(kEntityLine) + '\t' + entity.id + '\t' +
           std::string(type_name(entity.type)) + '\t' + entity.name + '\n';
  }
  for (const Alias& alias : aliases_) {
    out += std::string(kAliasLine) + '\t' + std::to_string(alias.entity) +
           (alias.short_form ? "\t1" : "\t0");
    for (const AliasWord& word : alias.words) append_alias_word(out, word);
    out += '\n';
  }
  return out;
}

std::optional<Gazetteer> Gazetteer::from_analysed(std::string_view analysed, std::string_view stamp,
                                                  std::string tsv) {
  const std::size_t first_line_end = analysed.find('\n');
  if (first_line_end == std::string_view::npos || analysed.substr(0, first_line_end) != stamp) {
    return std::nullopt;
  }
  Gazetteer gazetteer;
  gazetteer.text_ = std::move(tsv);
  gazetteer.aliases_.reserve(static_cast<std::size_t>(std::ranges::count(analysed, '\n')));
  bool well_formed = true;
  std::vector<std::string_view> fields;
  for_each_line(analysed.substr(first_line_end + 1), [&](std::string_view line) {
    if (!well_formed || line.empty()) return;
    split(line, '\t', fields);
    if (fields.front() == kEntityLine && fields.size() == 4) {
      const std::optional<EntityType> type = parse_type(fields[2]);
      if (!type) return void(well_formed = false);
      gazetteer.entities_.push_back({std::string(fields[1]), *type, std::string(fields[3])});
      return;
    }
    // An entity past the last is a malformed line, as is a missing one.
    const std::size_t entity = (fields.size() > 3 ? parse_index(fields[1]) : std::nullopt)
                                   .value_or(gazetteer.entities_.size());
    if (fields.front() != kAliasLine || entity >= gazetteer.entities_.size() ||
        (fields.size() - 3) % kAliasWordFields != 0) {
      return void(well_formed = false);
    }
    Alias alias{entity, {}, fields[2] == "1"};
    alias.words.reserve((fields.size() - 3) / kAliasWordFields);
    for (std::size_t at = 3; at < fields.size(); at += kAliasWordFields) {
      AliasWord& word = alias.words.emplace_back();
      word.forms.exact = fields[at];
      word.forms.script = dominant_script(word.forms.exact);
      word.forms.search = fields[at + 1];
      word.forms.name_keys = {std::string(fields[at + 2]), std::string(fields[at + 3])};
      word.forms.romanized = fields[at + 4];
      word.forms.capitalized = fields[at + 5] == "1";
      word.acronym = fields[at + 6] == "1";
      word.after_period = fields[at + 7] == "1";
    }
    alias.first_word_may_be_lower_case =
        may_begin_in_lower_case(alias, gazetteer.entities_[entity].type);
    gazetteer.aliases_.push_back(std::move(alias));
  });
  if (!well_formed) return std::nullopt;
  return gazetteer;
}

std::optional<std::size_t> Gazetteer::find_id(std::string_view id) const {
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (entities_[i].id == id) return i;
  }
  return std::nullopt;
}

std::string Gazetteer::lookup_key(std::string_view name, Analyzer& analyzer) {
  return joined_search_forms(alias_words(analyzer, name));
}

std::string Gazetteer::lookup_key(const Alias& alias) {
  return joined_search_forms(alias.words);
}

std::string Gazetteer::lookup_key(std::span<const AliasWord> words) {
  return joined_search_forms(words);
}

std::vector<std::size_t> Gazetteer::resolve(std::string_view name, std::optional<EntityType> type,
                                            Analyzer& analyzer) const {
  const auto wanted = [&](std::size_t entity) { return !type || entities_[entity].type == *type; };
  if (const auto by_id = find_id(trim(name)); by_id && wanted(*by_id)) return {*by_id};
  const std::string key = lookup_key(name, analyzer);
  std::set<std::size_t> found;
  for (const Alias& alias : aliases_) {
    if (wanted(alias.entity) && lookup_key(alias) == key) found.insert(alias.entity);
  }
  return named_by_display_name(
      std::vector<std::size_t>(found.begin(), found.end()), key,
      [&](std::size_t entity) { return lookup_key(entities_[entity].name, analyzer); });
}

std::vector<std::size_t> Gazetteer::closest(std::string_view name, std::optional<EntityType> type,
                                            Analyzer& analyzer, std::size_t count) const {
  const std::string wanted = lookup_key(name, analyzer);
  std::vector<std::size_t> best(entities_.size(), std::string::npos);
  for (const Alias& alias : aliases_) {
    if (type && entities_[alias.entity].type != *type) continue;
    best[alias.entity] =
        std::min(best[alias.entity], edit_distance(wanted, joined_search_forms(alias.words)));
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (best[i] != std::string::npos) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return best[a] < best[b]; });
  if (order.size() > count) order.resize(count);
  return order;
}

}  // namespace naviny
