#pragma once

// The entity gazetteer (corpus/entities.tsv): people, organisations and places with their
// aliases in every script and spelling. Aliases are analysed with the same chain as article
// text, so an inflected or differently romanised mention still matches.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"

namespace naviny {

enum class EntityType { person, org, place };

std::string_view type_name(EntityType type);
std::optional<EntityType> parse_type(std::string_view name);

// The tab-separated columns of one line of a gazetteer TSV, each trimmed, or nothing for a blank
// line or a comment: the one reading of a row, for Gazetteer::parse and for the entity labels a
// search reads from the copy of the gazetteer an index keeps.
std::optional<std::vector<std::string_view>> gazetteer_columns(std::string_view line);

struct Entity {
  std::string id;  // stable slug, e.g. "vladimir-putin"
  EntityType type;
  std::string name;  // display name
};

// One word of an alias, as the matcher compares it: its analysis, and whether it is an acronym.
struct AliasWord {
  // exact is case-folded as the gazetteer writes it; a capitalized word must match a word written
  // as a name.
  WordForms forms;
  // Written in capitals in the gazetteer (UN, VOA, НАТО): must then be spelt the same, letter for
  // letter once romanized. An acronym has no inflections for a stem or name key to bridge, and its
  // stem and key meet other short words (УНН stems to "un"; ВИА shares a key with VOA).
  bool acronym = false;
  // Opens a sentence within the alias's own text, after a period it writes (Agencja ONZ ds.
  // Uchodźców, U.S. Senate): only there may the alias run over a period or line break of the text.
  bool after_period = false;
};

struct Alias {
  std::size_t entity;  // index into Gazetteer::entities()
  std::vector<AliasWord> words;
  // A short form (a bare surname such as "Biden" or "May") identifies the entity only in an
  // article that also has a full alias of it.
  bool short_form = false;
  // Whether the first word may be written in lower case in text: it is so in the gazetteer, or
  // (word_matches' capital_optional) the alias is a full alias of more words, not a person's
  // (Slovene bo is no Beau, если no Эшли), a later word capitalised, the first no acronym. Not a
  // short form: "the Atlantic" (The Atlantic's) would take the words of "the Atlantic Council".
  bool first_word_may_be_lower_case = false;
};

class Gazetteer {
 public:
  Gazetteer() = default;
  // Parses the TSV text; `source` names it in error messages. Throws BadInputError naming the
  // line of a malformed row.
  static Gazetteer parse(std::string_view tsv, std::string_view source, Analyzer& analyzer);

  // The parsed gazetteer as text, every alias word with its analysis, for storing in an index:
  // reading it back costs no ICU work, where parse() analyses every alias (some 40 ms for the
  // bundled gazetteer, at every `naviny search` whose words may name an entity). The first line
  // is `stamp`, which from_analysed() must be given again.
  std::string analysed(std::string_view stamp) const;
  // The gazetteer analysed() wrote under `stamp`, with `tsv` as its text; null if `analysed` has
  // another stamp (another gazetteer or analysis chain) or is not in that format.
  static std::optional<Gazetteer> from_analysed(std::string_view analysed, std::string_view stamp,
                                                std::string tsv);

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Alias>& aliases() const { return aliases_; }
  // Whether an alias is a person's name in full (Vladimir Putin): its first word is a given name,
  // its last a surname.
  bool is_full_name_of_person(const Alias& alias) const {
    return !alias.short_form && alias.words.size() > 1 &&
           entities_[alias.entity].type == EntityType::person;
  }
  bool empty() const { return entities_.empty(); }
  // The TSV it was parsed from, stored in the index so that searches resolve names the same way.
  const std::string& text() const { return text_; }

  std::optional<std::size_t> find_id(std::string_view id) const;
  // What resolve() compares a name by: the search forms of its words, space-separated. Names are
  // matched by search form only, since name keys are too coarse to name an entity from a few
  // words (Biden and Budanov share one, Orlando and Ireland another).
  static std::string lookup_key(std::string_view name, Analyzer& analyzer);
  static std::string lookup_key(const Alias& alias);
  // The same for a run of an alias's words.
  static std::string lookup_key(std::span<const AliasWord> words);
  // Entities (of `type`, if given) with an alias, full or short, whose lookup_key is the
  // lookup_key of `name`; of several, the one whose display name it is, if there is one.
  std::vector<std::size_t> resolve(std::string_view name, std::optional<EntityType> type,
                                   Analyzer& analyzer) const;
  // The entities whose names or aliases are closest in spelling to `name`, best first.
  std::vector<std::size_t> closest(std::string_view name, std::optional<EntityType> type,
                                   Analyzer& analyzer, std::size_t count) const;

 private:
  std::vector<Entity> entities_;
  std::vector<Alias> aliases_;
  std::string text_;
};

// Of the entities a name with this lookup_key fits, the one whose display name it is, if exactly
// one; else all of them. A short form of several entities (Georgia: the country and the U.S.
// state) names the one it is the display name of. `display_key(entity)` is the lookup_key of that
// entity's display name.
template <typename Entity, typename DisplayKey>
std::vector<Entity> named_by_display_name(std::vector<Entity> entities, const std::string& key,
                                          DisplayKey display_key) {
  if (entities.size() < 2) return entities;
  std::vector<Entity> named;
  for (const Entity& entity : entities) {
    if (display_key(entity) == key) named.push_back(entity);
  }
  return named.size() == 1 ? named : entities;
}

// Whether a word of text matches a word of an alias: the same search form, or, for a word
// written as a name or for an alias word in lower case, a shared name key. A capitalised alias word
// matches only a word written as a name (AnalyzedWord::name_like), not one capitalised only because
// it opens a sentence.
//
// `capital_optional`: the alias word's capital may be missing from the text. An institution's
// generic first word is capitalised by some writers and not by others (Министерство / министерство
// здравоохранения Польши, Nejvyšší soud / nejvyšší soud USA); where a later word of the alias is
// a name, that name, written as one in the text, is the evidence the capital would have been.
bool word_matches(const AnalyzedWord& word, const AliasWord& alias_word,
                  bool capital_optional = false);

// word_matches, or the alias word in the same script with another ending (Parlamencie Europejskim,
// Parlament Europejski): a Polish or Czech case form can change the consonants a name key is made
// of. Only inside a longer alias, whose other words confirm it; alone, such a likeness is common
// (Australia, Austria; Nature, NATO).
bool word_matches_in_longer_alias(const AnalyzedWord& word, const AliasWord& alias_word,
                                  bool capital_optional = false);

// Whether a word that shares only a name key with an alias word is also spelt like it. Name keys
// are coarse (Джордж and Georgia, Мира and Marr share one); a one-word alias needs this more than
// a key. In one script the two may differ only in their endings (Kypr, Kypru; Biden, Bidna, with
// the e Slavic declension drops) or in one letter of a long word (Песков, Пєсков); across scripts
// at most about a third of the letters may differ, in the romanized or the stemmed form, and the
// two must begin alike (the first half of the shorter agrees: Введенный is no Wiedeń).
bool spelt_alike(const WordForms& word, const AliasWord& alias_word);

// spelt_alike for two romanised words of one script: the same name but for its endings, a
// fleeting e or a consonant a case ending softens (Kypr, Kypru; Египет, Египту; Polska, Polsce),
// or one letter of a long word.
bool same_script_variant(std::string_view word, std::string_view alias);

// Whether a word and a name, both romanised, are two names an s apart: one ends in s and the other
// does not, and the word is no case form of the name (Francie and Francis, Harris and Harry, Adam
// and Adams, Banks and Bańka or Банька; Швец, a surname, and Швеция). A word without the s is
// compared with a name of its own script only: Slavic case forms of a name in s add an ending
// (Landsbergisa). The English stemmer, and the Russian
// one for Швец, cut such words alike. The caller decides whether a possessive (Adams's) is a form.
bool names_an_s_apart(std::string_view word, Script word_script, std::string_view name,
                      Script name_script);

// Whether a word with the same search form as an alias word names it. A stem shorter than a few
// letters is too weak alone: the stemmer cuts Виена (Vienna) to "vi" like Ви ("you") and the
// numeral VI, Dania to "dan" like Данные ("data"); such a word must also be spelt alike, and at
// the start of a sentence, where a capital says nothing, be the alias's very spelling (Ukrainian
// Крім "besides" and Крим, Crimea, are both "krim" once romanized). Nor does a stem shared by
// names an s apart (names_an_s_apart). Words that are not plain letters (G7) have no
// spelling to compare and keep their stem match.
bool shared_stem_suffices(const AnalyzedWord& word, const AliasWord& alias_word);

}  // namespace naviny
