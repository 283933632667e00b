#pragma once

// The rules that decide whether a word of the corpus, found under a name key of a typed query
// word, spells the name the reader typed. Name keys are coarse by design (a key keeps only
// consonants: Yellen shares one with Юлиян and Alina, Paxton with Пакистан), so each word found
// there is judged by an ordered list of named rules; the first that decides gives the verdict.
// docs/name-matching.md lists them with examples; tests/name_rules_test.cc has a table per rule.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/script.h"
#include "analyzers/xapian_stems.h"
#include "searcher/entity_filter.h"

namespace naviny {

// What the rules know of a corpus word and of the typed word, gathered once per corpus word.
struct SpellingCandidate {
  const WordForms& word;                               // the corpus word
  Script script;                                       // the script it is written in
  const std::vector<QueryWordNames::Spelling>& typed;  // the typed word's spellings
  bool typed_capitalised = false;
  bool typed_in_corpus = false;   // the corpus has the typed word's search form
  bool typed_given_name = false;  // the typed word is a given name in the gazetteer
  // The entities the typed word names (nullptr: not looked up, as for a word no key spelling
  // could name), and those the corpus word names (nullptr: none).
  const std::vector<std::string>* typed_entities = nullptr;
  const WordNaming* named = nullptr;
  bool names_a_typed_entity = false;  // named holds one of typed_entities
  // The corpus word is another person's given name, spelt exactly so, and has no surname suffix.
  bool another_persons_given_name = false;
};

enum class NameVerdict { spelling, not_a_spelling, undecided };

struct NameRule {
  std::string_view name;
  std::string_view example;  // of what it decides
  NameVerdict (*decide)(const SpellingCandidate&);
};

// The rules in the order they are asked; the last always decides.
std::span<const NameRule> name_rules();

// The verdict of the first rule that decides.
NameVerdict judge_spelling(const SpellingCandidate& candidate);

// Whether a word of the corpus is a name an s apart from one spelling of a typed name
// (names_an_s_apart: Francis and France); a possessive (Adams's) is its word's form.
bool is_an_s_apart(const WordForms& word, const QueryWordNames::Spelling& typed);

// Up to this many letters, one letter is a third of a name: spelt_as_one_name would let in other
// names a letter away (Wall for Wahl, Kenny for Kenya).
inline constexpr std::size_t kMaxShortNameLetters = 5;

}  // namespace naviny
