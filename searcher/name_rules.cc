#include "searcher/name_rules.h"

#include <algorithm>

#include "analyzers/gazetteer.h"
#include "analyzers/name_key.h"
#include "common/text.h"

namespace naviny {
namespace {

using Spelling = QueryWordNames::Spelling;
using V = NameVerdict;

bool any_typed(const SpellingCandidate& c, auto predicate) {
  return std::ranges::any_of(c.typed, predicate);
}

// Across scripts, where Cyrillic writes English names by sound (Pence ~ Пенс, Blair ~ Блэр), a
// spelling must keep the syllables (Масих is no Maas).
bool keeps_syllables(const SpellingCandidate& c, const Spelling& typed) {
  return typed.script == c.script ||
         syllables_agree(typed.romanized, typed.script == Script::latin, c.word.romanized);
}

// A short typed word meets, under its keys, only its own case forms and its spellings with other
// vowels where the corpus has it as typed, or where it names an entity: the entity's articles
// then come through its aliases, in every script, and a letter is a third of the name (Kenya is
// no Kenny, nor Кенни).
bool typed_names_entities(const SpellingCandidate& c) {
  return c.typed_entities != nullptr && !c.typed_entities->empty();
}

bool held_to_its_letters(const SpellingCandidate& c, const Spelling& typed) {
  return typed.romanized.size() <= kMaxShortNameLetters &&
         (c.typed_in_corpus || typed_names_entities(c));
}

// In its own script, the word is spelt as the same name (spelt_as_one_name: Łukaszenka ~
// Lukashenko, not Welle ~ Wahl) with the same first vowel (Baker is no Booker), is not the typed
// word with its final vowels cut off (Roman is no Romania) nor a name an s apart (Francis is no
// France); a short typed word the corpus has meets only its case forms and its spellings with
// other vowels (Wahla and Said, not Wall for Wahl). In the other script it must keep the
// syllables.
bool alike_in_its_script(const SpellingCandidate& c) {
  return any_typed(c, [&](const Spelling& typed) {
    const std::string& word = c.word.romanized;
    if (typed.script == c.script && held_to_its_letters(c, typed) &&
        !differ_in_vowels_only(typed.romanized, word)) {
      return same_script_variant(word, typed.romanized);
    }
    if (!spelt_as_one_name(typed.romanized, word)) return false;
    if (typed.script != c.script) return keeps_syllables(c, typed);
    return !is_bare_stem_of(word, typed.romanized) && !is_an_s_apart(c.word, typed) &&
           (first_vowels_agree(typed.romanized, word) ||
            same_script_variant(word, typed.romanized));
  });
}

// In the other script, the word begins alike (begin_alike_across_scripts: Yellen is no Юлиян nor
// Алан) and keeps the syllables; a short name held to its letters differs from it in vowels only.
bool alike_across_scripts(const SpellingCandidate& c) {
  return any_typed(c, [&](const Spelling& typed) {
    if (typed_names_entities(c) && held_to_its_letters(c, typed) &&
        !differ_in_vowels_only(typed.romanized, c.word.romanized)) {
      return false;
    }
    if (typed.script == c.script) return false;
    const bool begin_alike = typed.script == Script::latin
                                 ? begin_alike_across_scripts(typed.romanized, c.word.romanized)
                                 : begin_alike_across_scripts(c.word.romanized, typed.romanized);
    return begin_alike && keeps_syllables(c, typed);
  });
}

NameVerdict typed_surname_suffix_kept(const SpellingCandidate& c) {
  return any_typed(c,
                   [&](const Spelling& typed) {
                     return ends_in_v_suffix(typed.romanized) &&
                            !ends_in_v_suffix(c.word.romanized);
                   })
             ? V::not_a_spelling
             : V::undecided;
}

// By an alias of its search form; by a likeness of spelling only if it keeps its syllables
// (Франс, of France Presse, is spelt close to Francis but is one syllable) and is no other
// person's given name (Берні, Bernie Sanders, is spelt close to Барньє).
NameVerdict names_the_typed_entity(const SpellingCandidate& c) {
  if (!c.names_a_typed_entity) return V::undecided;
  const bool kept = !c.named->by_likeness ||
                    (!c.another_persons_given_name && any_typed(c, [&](const Spelling& typed) {
                      return keeps_syllables(c, typed);
                    }));
  return kept ? V::spelling : V::undecided;
}

NameVerdict cyrillic_surname_suffix_only_if_typed(const SpellingCandidate& c) {
  const bool suffix_typed =
      any_typed(c, [](const Spelling& typed) { return has_v_surname_suffix(typed.romanized); });
  return c.script == Script::cyrillic && is_cyrillic_v_surname(c.word.romanized) && !suffix_typed
             ? V::not_a_spelling
             : V::undecided;
}

NameVerdict no_other_persons_given_name(const SpellingCandidate& c) {
  return c.another_persons_given_name ? V::not_a_spelling : V::undecided;
}

NameVerdict names_no_entity_and_is_alike(const SpellingCandidate& c) {
  if (c.named != nullptr && !c.named->ids.empty()) return V::undecided;
  return alike_in_its_script(c) || alike_across_scripts(c) ? V::spelling : V::not_a_spelling;
}

// A query word that names no entity but was typed as a name may be a typo of another entity's
// name (Lukashenco), spelt within a third of its letters. If the corpus has the word as typed, it
// is no typo: the other entity's name counts in its own script only as a case form (Davos is no
// Davis; Camerona is Cameron), and in the other only if spelt closer to the typed word than to
// that entity's alias (Бэннон is Bannon, not Benin; Франс is France's).
NameVerdict typo_of_another_entitys_name(const SpellingCandidate& c) {
  if (c.typed_entities == nullptr || !c.typed_entities->empty()) return V::undecided;
  if (!c.typed_capitalised) return V::not_a_spelling;
  const bool close = any_typed(c, [&](const Spelling& typed) {
    const std::string& word = c.word.romanized;
    if (!c.typed_in_corpus) return spelt_close(typed.romanized, word);
    return typed.script == c.script
               ? same_script_variant(word, typed.romanized)
               : edit_distance(typed.romanized, word) < c.named->edits_to_alias;
  });
  return close ? V::spelling : V::not_a_spelling;
}

NameVerdict names_other_entities_only(const SpellingCandidate&) {
  return V::not_a_spelling;
}

constexpr NameRule kNameRules[] = {
    {"typed surname suffix kept", "Borisov is no Бориса", typed_surname_suffix_kept},
    {"names the typed entity", "Ціханоўскай for Tsikhanouskaya", names_the_typed_entity},
    {"Cyrillic surname suffix only if typed", "Христов is no Christ",
     cyrillic_surname_suffix_only_if_typed},
    {"no other person's given name", "Мария (Zakharova) is no Marr", no_other_persons_given_name},
    {"names no entity and is alike", "Łukaszenka ~ Lukashenko; Welle is no Wahl",
     names_no_entity_and_is_alike},
    {"typo of another entity's name", "Lukashenco; Davos is no Davis",
     typo_of_another_entitys_name},
    {"names other entities only", "Канады names Canada, so it spells no other name",
     names_other_entities_only},
};

}  // namespace

bool is_an_s_apart(const WordForms& word, const QueryWordNames::Spelling& typed) {
  // Adams's is a form of Adams, which the rules that compare final letters must not take it for.
  return !word.exact.ends_with("'s") &&
         names_an_s_apart(word.romanized, dominant_script(word.exact), typed.romanized,
                          typed.script);
}

std::span<const NameRule> name_rules() {
  return kNameRules;
}

NameVerdict judge_spelling(const SpellingCandidate& candidate) {
  for (const NameRule& rule : kNameRules) {
    if (const NameVerdict verdict = rule.decide(candidate); verdict != V::undecided) {
      return verdict;
    }
  }
  return V::not_a_spelling;
}

}  // namespace naviny
