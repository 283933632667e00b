#include "searcher/name_spellings.h"

#include <algorithm>

#include "analyzers/gazetteer.h"
#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "common/schema.h"
#include "common/text.h"

namespace naviny {
namespace {

// Adams's is a form of Adams, which the rules that compare final letters must not take it for.
bool is_possessive(std::string_view exact_form) {
  return exact_form.ends_with("'s");
}

// Whether a word of the corpus is a name an s apart from one spelling of a typed name
// (names_an_s_apart); a possessive is its word's form.
bool is_an_s_apart(const WordForms& word, const QueryWordNames::Spelling& typed) {
  return !is_possessive(word.exact) && names_an_s_apart(word.romanized, dominant_script(word.exact),
                                                        typed.romanized, typed.script);
}

// A word under a name key counts as a name if at least kNameShareTenths tenths of the articles
// that have it write it as one. Names are written as names nearly always; common words that open
// sentences (Если, Masz, Wiele) are not, even where they do in most of the articles that have
// them (short news items). Nine tenths rather than a half: on SlavicNER, precision 0.743 -> 0.754
// for 0.001 of recall (bench/HISTORY.md, issue 3).
constexpr Xapian::doccount kNameShareTenths = 9;
// A typed name whose search form the corpus has more than this many times as often as written as
// typed or as a name is, in most articles, another word (where_written_as_typed_or_as_a_name).
constexpr Xapian::doccount kCommonWordShare = 10;

// The name-spelling terms of the words that the corpus writes as names in at least
// kNameShareTenths tenths of the articles that have them: a word the corpus also writes in lower
// case is a common word that sometimes opens a sentence (Если shares a key with Oslo, Ранее with
// Ryan). Words for which `not_a_spelling` holds are left out too.
template <typename Predicate>
std::vector<Xapian::Query> spellings_written_as_names(const Xapian::Database& db,
                                                      const std::vector<KeySpelling>& under_keys,
                                                      Predicate not_a_spelling) {
  std::vector<Xapian::Query> spellings;
  for (const KeySpelling& spelling : under_keys) {
    if (written_as_name(db, spelling.articles, spelling.exact_form) && !not_a_spelling(spelling)) {
      spellings.emplace_back(spelling.term);
    }
  }
  return spellings;
}

// Up to this many letters, one letter is a third of a name: spelt_as_one_name would let in other
// names a letter away (Wall for Wahl, Kenny for Kenya).
constexpr std::size_t kMaxShortNameLetters = 5;

// Whether a word found under a name key of the query word `term` (a search form) is no spelling
// of the name the reader typed. Keys are coarse (Yellen shares one with Юлиян and Alina, Paxton
// with Пакистан), so a word counts only
// - if the gazetteer knows it as a name of an entity the query word names too (Ціханоўскай for
//   Tsikhanouskaya), by an alias of its search form or, keeping the syllables across scripts
//   (syllables_agree), by a likeness of spelling;
// - or if it names no other entity (Канады and Irlandii do) and is alike. In the other script,
//   where Cyrillic writes English names by sound (Pence ~ Пенс, Blair ~ Блэр), it must share the
//   vowel of the first syllable (first_vowels_agree: Yellen is no Юлиян) and keep the syllables
//   (Масих is no Maas). In the same script it must be spelt as the same name (spelt_as_one_name:
//   Łukaszenka ~ Lukashenko, not Welle ~ Wahl) with the same first vowel (Baker is no Booker),
//   not be the typed word with its final vowels cut off (Roman is no Romania) nor a name an s
//   apart (names_an_s_apart: Francis is no France); a short typed word the corpus has meets only
//   its case forms and its spellings with other vowels there (Wahla and Said, not Wall for Wahl).
// In any script, a surname suffix the key leaves out must be there if it was typed (Borisov is no
// Бориса), and a Cyrillic surname with it only if it was (Христов is no Christ), and a word the
// gazetteer knows as a person's given name is no spelling of a typed word that is none (Мария, of
// Maria Zakharova, is no Marr). A query word that names no entity but was typed as a name may
// still meet a name of another entity spelt close to it (a typo: Lukashenco), unless the corpus
// has the word as typed: then it is no typo, and the other entity's name counts only in its own
// script as a case form (Davos is no Davis; Camerona is still Cameron), and in the other if spelt
// closer to the typed word than to that entity's alias (Бэннон is Bannon, not Benin). A lower-case
// word (медведь, a bear) never meets another entity's name.
class NotASpellingOfTheQueryWord {
 public:
  NotASpellingOfTheQueryWord(IndexGazetteer& gazetteer, const std::string& term,
                             const QueryWordNames& typed, bool typed_capitalised,
                             bool typed_in_corpus)
      : gazetteer_(gazetteer),
        typed_(typed.spellings),
        typed_capitalised_(typed_capitalised),
        typed_in_corpus_(typed_in_corpus),
        typed_given_name_(std::ranges::any_of(typed.spellings,
                                              [&](const QueryWordNames::Spelling& spelling) {
                                                return gazetteer.is_given_name(spelling.romanized,
                                                                               typed.keys, true);
                                              })),
        own_(gazetteer.ids_by_search_form(term, typed.spellings)) {}
  bool operator()(const KeySpelling& key_spelling) const {
    if (!key_spelling.forms) return false;
    const WordForms& spelling = *key_spelling.forms;
    const Script script = dominant_script(spelling.exact);
    if (std::ranges::any_of(typed_, [&](const QueryWordNames::Spelling& typed) {
          return ends_in_v_suffix(typed.romanized) && !ends_in_v_suffix(spelling.romanized);
        })) {
      return true;
    }
    const auto named = own_ ? gazetteer_.entities_named_by_word(spelling) : std::nullopt;
    const std::vector<std::string>* ids = named ? &named->ids : nullptr;
    const bool names_own_entity = ids && std::ranges::any_of(*ids, [&](const std::string& id) {
                                    return std::ranges::find(*own_, id) != own_->end();
                                  });
    const auto keeps_syllables = [&](const QueryWordNames::Spelling& typed) {
      return typed.script == script ||
             syllables_agree(typed.romanized, typed.script == Script::latin, spelling.romanized);
    };
    // A word with a surname's v suffix is a surname, though a given name's case form too (Борисов,
    // Бориса of Борис). Only a given name spelt exactly so counts: with some 900 people in the
    // gazetteer, the forms of their given names (Nadiya, Марфа) reach most names (Nadeem, Мърфи).
    const bool another_persons_given_name =
        !typed_given_name_ && !ends_in_v_suffix(spelling.romanized) &&
        gazetteer_.is_given_name(spelling.romanized, {spelling.key, spelling.alt_key}, true);
    // A likeness to an alias is no spelling of it in another script unless it keeps its
    // syllables: Франс (of France Presse) is spelt close to Francis, but is one syllable. Nor is
    // a likeness that the gazetteer knows as another person's given name: Берні (Bernie Sanders)
    // is spelt close to Барньє, but is no Barnier.
    if (names_own_entity &&
        (!named->by_likeness ||
         (!another_persons_given_name && std::ranges::any_of(typed_, keeps_syllables)))) {
      return false;
    }
    // Nor is a Cyrillic surname with the suffix a spelling of a word typed without it (Христов is
    // no Christ).
    if (script == Script::cyrillic && is_cyrillic_v_surname(spelling.romanized) &&
        std::ranges::none_of(typed_, [&](const QueryWordNames::Spelling& typed) {
          return has_v_surname_suffix(typed.romanized);
        })) {
      return true;
    }
    if (another_persons_given_name) return true;
    const bool same_name = std::ranges::any_of(typed_, [&](const QueryWordNames::Spelling& typed) {
      if (typed.script == script && typed_in_corpus_ &&
          typed.romanized.size() <= kMaxShortNameLetters &&
          !differ_in_vowels_only(typed.romanized, spelling.romanized)) {
        return same_script_variant(spelling.romanized, typed.romanized);
      }
      if (!spelt_as_one_name(typed.romanized, spelling.romanized)) return false;
      if (typed.script != script) return keeps_syllables(typed);
      return !is_bare_stem_of(spelling.romanized, typed.romanized) &&
             !is_an_s_apart(spelling, typed) &&
             (first_vowels_agree(typed.romanized, spelling.romanized) ||
              same_script_variant(spelling.romanized, typed.romanized));
    });
    const bool other_script =
        std::ranges::any_of(typed_, [&](const QueryWordNames::Spelling& typed) {
          return typed.script != script &&
                 first_vowels_agree(typed.romanized, spelling.romanized) && keeps_syllables(typed);
        });
    if (!ids || ids->empty()) return !same_name && !other_script;
    // A typo: the name as the gazetteer spells it, give or take a third of its letters.
    if (own_->empty()) {
      return !typed_capitalised_ ||
             std::ranges::none_of(typed_, [&](const QueryWordNames::Spelling& typed) {
               if (!typed_in_corpus_) return spelt_close(typed.romanized, spelling.romanized);
               // Then it is no typo, and the word is the other entity's unless it is spelt
               // closer to the typed one (Бэннон is Bannon, not Benin; Франс is France's).
               return typed.script == script
                          ? same_script_variant(spelling.romanized, typed.romanized)
                          : edit_distance(typed.romanized, spelling.romanized) <
                                named->edits_to_alias;
             });
    }
    return true;  // it names other entities only
  }

 private:
  IndexGazetteer& gazetteer_;
  std::vector<QueryWordNames::Spelling> typed_;
  bool typed_capitalised_;
  bool typed_in_corpus_;
  bool typed_given_name_;
  std::optional<std::vector<std::string>> own_;
};

// A word typed with a capital is a name. Where most articles that have its search form have it as
// another word, and not as a name (God and год, "year", are both `god`), it finds only the
// articles that write it as typed or as a name of that search form.
Xapian::Query where_written_as_typed_or_as_a_name(const Xapian::Query& term_query,
                                                  const std::string& typed_exact,
                                                  const std::vector<KeySpelling>& under_keys,
                                                  const Xapian::Database& db) {
  using Q = Xapian::Query;
  const std::string term = *term_query.get_terms_begin();
  const std::string as_typed = std::string(schema::kExact.prefix) + typed_exact;
  std::vector<Q> written{Q(as_typed)};
  // The most articles one of these has: a lower bound of how many have any, which would take a
  // search to count.
  Xapian::doccount in_written = db.get_termfreq(as_typed);
  for (const KeySpelling& spelling : under_keys) {
    if (spelling.forms && spelling.forms->search == term) {
      written.emplace_back(spelling.term);
      in_written = std::max(in_written, spelling.articles);
    }
  }
  if (in_written * kCommonWordShare >= db.get_termfreq(term)) return term_query;
  return Q(Q::OP_FILTER, term_query, Q(Q::OP_OR, written.begin(), written.end()));
}

// The words of the corpus with the search form of a typed name (Latin ones, as exact-form terms),
// split into the name's forms and the names an s apart from it, which share the search form only
// because the English stemmer cut a final s (names_an_s_apart: Adam for Adams, Harris for Harry,
// Czech Francie for Francis). A possessive (Adams's) is a form.
struct SearchFormWords {
  std::vector<Xapian::Query> forms;
  std::vector<Xapian::Query> s_apart;
};

// The exact forms that the English stemmer may cut to the search form `search`, by the endings it
// cuts from names (Adam, Adams, Adams's; Francie, Francis; Harry, Harris). Generated rather than
// found by walking the index's exact forms that begin with the search form: for a short one ("i")
// that walk reads most of the vocabulary.
std::vector<std::string> forms_stemmed_to(const std::string& search) {
  std::vector<std::string> forms;
  for (const char* ending : {"", "s", "'s", "e", "es"}) forms.push_back(search + ending);
  if (search.ends_with('i')) {
    const std::string stem = search.substr(0, search.size() - 1);
    for (const char* ending : {"y", "ys", "y's", "ie", "ies"}) forms.push_back(stem + ending);
  }
  return forms;
}

bool is_an_s_apart_from_the_typed_name(const WordForms& forms,
                                       const std::vector<QueryWordNames::Spelling>& typed) {
  return !typed.empty() &&
         std::ranges::all_of(typed, [&](const QueryWordNames::Spelling& spelling) {
           return is_an_s_apart(forms, spelling);
         });
}

SearchFormWords words_of_search_form(const std::string& term,
                                     const std::vector<QueryWordNames::Spelling>& typed,
                                     const Xapian::Database& db, Analyzer& analyzer) {
  SearchFormWords words;
  for (const std::string& exact : forms_stemmed_to(term)) {
    const std::string exact_term = std::string(schema::kExact.prefix) + exact;
    if (!db.term_exists(exact_term)) continue;
    const std::vector<AnalyzedWord> analysed = analyze_words(analyzer, exact);
    if (analysed.size() != 1 || analysed.front().forms.search != term) continue;
    (is_an_s_apart_from_the_typed_name(analysed.front().forms, typed) ? words.s_apart : words.forms)
        .emplace_back(exact_term);
  }
  return words;
}

// A typed name matches an article by its search form only if the article has it other than
// through names an s apart alone: one with Adam but no Adams is not about John Adams. Names in
// other scripts with the search form (`under_keys`) are forms too.
Xapian::Query without_names_an_s_apart(const Xapian::Query& searched, const std::string& term,
                                       const QueryWordNames& typed,
                                       const std::vector<KeySpelling>& under_keys,
                                       const Xapian::Database& db, Analyzer& analyzer) {
  using Q = Xapian::Query;
  SearchFormWords words = words_of_search_form(term, typed.spellings, db, analyzer);
  if (words.s_apart.empty()) return searched;
  for (const KeySpelling& spelling : under_keys) {
    if (spelling.forms && spelling.forms->search == term &&
        !is_an_s_apart_from_the_typed_name(*spelling.forms, typed.spellings)) {
      words.forms.emplace_back(spelling.term);
    }
  }
  words.forms.emplace_back(Q::OP_AND_NOT, Q::MatchAll,
                           Q(Q::OP_OR, words.s_apart.begin(), words.s_apart.end()));
  return Q(Q::OP_FILTER, searched, Q(Q::OP_OR, words.forms.begin(), words.forms.end()));
}

}  // namespace

// Whether the corpus writes `exact_form` as a name (in `as_name` articles) in at least
// kNameShareTenths tenths of the articles that have it. A word it never has counts as a name.
bool written_as_name(const Xapian::Database& db, Xapian::doccount as_name,
                     std::string_view exact_form) {
  const Xapian::doccount in_all =
      db.get_termfreq(std::string(schema::kExact.prefix) + std::string(exact_form));
  return as_name * 10 >= in_all * kNameShareTenths;
}

std::vector<KeySpelling> spellings_under_keys(const Xapian::Database& db,
                                              const std::vector<std::string>& keys,
                                              Analyzer& analyzer) {
  std::vector<KeySpelling> spellings;
  for (const std::string& key : keys) {
    const std::string prefix = schema::name_spelling_prefix(key);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      KeySpelling spelling{*term, (*term).substr(prefix.size()), db.get_termfreq(*term), {}};
      const std::vector<AnalyzedWord> words = analyze_words(analyzer, spelling.exact_form);
      if (words.size() == 1) spelling.forms = words.front().forms;
      spellings.push_back(std::move(spelling));
    }
  }
  return spellings;
}

std::vector<Xapian::Query> spellings_of_the_typed_name(const Xapian::Database& db,
                                                       IndexGazetteer& gazetteer,
                                                       const std::string& term,
                                                       const QueryWordNames& typed,
                                                       bool typed_capitalised,
                                                       const std::vector<KeySpelling>& under_keys) {
  return spellings_written_as_names(
      db, under_keys,
      NotASpellingOfTheQueryWord(gazetteer, term, typed, typed_capitalised,
                                 db.get_termfreq(term) > 0));
}

Xapian::Query where_written_as_the_typed_name(const Xapian::Query& term_query,
                                              const std::string& typed_exact,
                                              const QueryWordNames* typed,
                                              const std::vector<KeySpelling>& under_keys,
                                              const Xapian::Database& db, Analyzer& analyzer) {
  const Xapian::Query written =
      where_written_as_typed_or_as_a_name(term_query, typed_exact, under_keys, db);
  if (typed == nullptr) return written;
  return without_names_an_s_apart(written, *term_query.get_terms_begin(), *typed, under_keys, db,
                                  analyzer);
}

}  // namespace naviny
