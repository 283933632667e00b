// Each name-matching rule (searcher/name_rules.h) on its own table: a typed word, a word of the
// corpus found under one of its name keys, what the gazetteer says of them, and the rule's verdict.
// The end-to-end behaviour of the rules together is in name_variants_test.cc.

#include "searcher/name_rules.h"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace naviny {
namespace {

using V = NameVerdict;

struct RuleCase {
  RuleCase(std::string typed_word, std::string corpus_word, V verdict,
           bool names_typed_entity = false, std::optional<bool> by_likeness = std::nullopt,
           bool given_name = false)
      : typed(std::move(typed_word)),
        corpus(std::move(corpus_word)),
        expected(verdict),
        names_a_typed_entity(names_typed_entity),
        named_by_likeness(by_likeness),
        another_persons_given_name(given_name) {}

  std::string typed;   // the query word
  std::string corpus;  // the word under its name key
  V expected;
  // What the gazetteer says; the defaults: neither names an entity.
  bool names_a_typed_entity;
  std::optional<bool> named_by_likeness;  // the corpus word names an entity, so (likeness or alias)
  bool another_persons_given_name;
  bool typed_names_nothing = false;  // the typed word was looked up and names no entity
  bool typed_capitalised = true;
  bool typed_in_corpus = false;
  std::size_t edits_to_alias = 99;
};

const NameRule& rule_named(std::string_view name) {
  for (const NameRule& rule : name_rules()) {
    if (rule.name == name) return rule;
  }
  throw std::logic_error("no name rule '" + std::string(name) + "'");
}

V verdict(Analyzer& analyzer, const RuleCase& c, const NameRule* rule) {
  const WordForms typed_forms = analyzer.analyze_word(c.typed);
  const WordForms word = analyzer.analyze_word(c.corpus);
  const std::vector<QueryWordNames::Spelling> typed{
      {typed_forms.romanized, dominant_script(c.typed)}};
  const std::vector<std::string> typed_entities;
  WordNaming named;
  named.ids = {"some-entity"};
  named.by_likeness = c.named_by_likeness.value_or(false);
  named.edits_to_alias = c.edits_to_alias;
  SpellingCandidate candidate{word, dominant_script(c.corpus), typed};
  candidate.typed_capitalised = c.typed_capitalised;
  candidate.typed_in_corpus = c.typed_in_corpus;
  candidate.typed_entities = c.typed_names_nothing ? &typed_entities : nullptr;
  candidate.named = c.named_by_likeness || c.names_a_typed_entity ? &named : nullptr;
  candidate.names_a_typed_entity = c.names_a_typed_entity;
  candidate.another_persons_given_name = c.another_persons_given_name;
  return rule ? rule->decide(candidate) : judge_spelling(candidate);
}

void expect_verdicts(std::string_view rule_name, const std::vector<RuleCase>& cases) {
  Analyzer analyzer;
  const NameRule* rule = rule_name.empty() ? nullptr : &rule_named(rule_name);
  for (const RuleCase& c : cases) {
    EXPECT_EQ(verdict(analyzer, c, rule), c.expected)
        << (rule ? rule->name : "all rules") << ": " << c.typed << " / " << c.corpus;
  }
}

TEST(NameRules, TypedSurnameSuffixKept) {
  expect_verdicts("typed surname suffix kept", {
                                                   {"Borisov", "Бориса", V::not_a_spelling},
                                                   {"Borisov", "Борисова", V::undecided},
                                                   {"Boris", "Бориса", V::undecided},
                                               });
}

TEST(NameRules, NamesTheTypedEntity) {
  RuleCase by_alias{"Tsikhanouskaya", "Ціханоўскай", V::spelling, true, false};
  RuleCase given_name_likeness{"Barnier", "Берні", V::undecided, true, true, true};
  RuleCase one_syllable{"Francis", "Франс", V::undecided, true, true};
  RuleCase likeness_keeping_syllables{"Lukashenko", "Лукашэнка", V::spelling, true, true};
  RuleCase another_entity{"Lukashenko", "Лукашэнка", V::undecided, false, false};
  expect_verdicts("names the typed entity", {by_alias, given_name_likeness, one_syllable,
                                             likeness_keeping_syllables, another_entity});
}

TEST(NameRules, CyrillicSurnameSuffixOnlyIfTyped) {
  expect_verdicts("Cyrillic surname suffix only if typed",
                  {
                      {"Christ", "Христов", V::not_a_spelling},
                      {"Hristov", "Христов", V::undecided},
                      {"Christ", "Христа", V::undecided},
                  });
}

TEST(NameRules, NoOtherPersonsGivenName) {
  RuleCase given{"Marr", "Мария", V::not_a_spelling};
  given.another_persons_given_name = true;
  expect_verdicts("no other person's given name", {given, {"Marr", "Марр", V::undecided}});
}

TEST(NameRules, NamesNoEntityAndIsAlike) {
  RuleCase names_one{"Kennedy", "Канады", V::undecided};
  names_one.named_by_likeness = false;
  expect_verdicts("names no entity and is alike", {
                                                      {"Lukashenko", "Łukaszenka", V::spelling},
                                                      {"Pence", "Пенс", V::spelling},
                                                      {"Wahl", "Welle", V::not_a_spelling},
                                                      {"Yellen", "Юлиян", V::not_a_spelling},
                                                      {"Yellen", "Алина", V::not_a_spelling},
                                                      {"Ософ", "Josepha", V::not_a_spelling},
                                                      {"Celje", "Салим", V::not_a_spelling},
                                                      {"Омар", "Umer", V::spelling},
                                                      {"Perdue", "Пърдю", V::spelling},
                                                      {"Hayes", "Хейс", V::spelling},
                                                      {"Baker", "Booker", V::not_a_spelling},
                                                      {"Romania", "Roman", V::not_a_spelling},
                                                      names_one,
                                                  });
}

TEST(NameRules, TypoOfAnotherEntitysName) {
  RuleCase typo{"Lukashenco", "Lukashenko", V::spelling};
  RuleCase as_typed_in_corpus{"Davos", "Davis", V::not_a_spelling};
  RuleCase case_form{"Cameron", "Camerona", V::spelling};
  RuleCase closer_to_typed{"Bannon", "Бэннон", V::spelling};
  closer_to_typed.edits_to_alias = 4;  // Бэннон is four edits from Benin
  RuleCase lower_case{"lukashenco", "Lukashenko", V::not_a_spelling};
  lower_case.typed_capitalised = false;
  for (RuleCase* c : {&typo, &as_typed_in_corpus, &case_form, &closer_to_typed, &lower_case}) {
    c->named_by_likeness = false;
    c->typed_names_nothing = true;
  }
  as_typed_in_corpus.typed_in_corpus = case_form.typed_in_corpus = closer_to_typed.typed_in_corpus =
      true;
  RuleCase typed_names_an_entity = typo;
  typed_names_an_entity.typed_names_nothing = false;
  typed_names_an_entity.expected = V::undecided;
  expect_verdicts(
      "typo of another entity's name",
      {typo, as_typed_in_corpus, case_form, closer_to_typed, lower_case, typed_names_an_entity});
}

TEST(NameRules, AWordNamingOtherEntitiesOnlyIsNoSpelling) {
  RuleCase other{"Kennedy", "Канады", V::not_a_spelling};
  other.named_by_likeness = false;
  expect_verdicts("names other entities only", {other});
}

// The order matters: a rule asked earlier overrides a later one.
TEST(NameRules, TheFirstRuleThatDecidesGivesTheVerdict) {
  RuleCase suffix_before_entity{"Borisov", "Бориса", V::not_a_spelling, true, false};
  RuleCase entity_before_given_name{"Tsikhanouskaya", "Ціханоўскай", V::spelling, true, false};
  entity_before_given_name.another_persons_given_name = true;
  expect_verdicts("", {suffix_before_entity, entity_before_given_name});
  EXPECT_EQ(name_rules().back().name, "names other entities only");
}

}  // namespace
}  // namespace naviny
