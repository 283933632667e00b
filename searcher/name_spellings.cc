#include "searcher/name_spellings.h"

#include <algorithm>

#include "analyzers/gazetteer.h"
#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/name_rules.h"

namespace naviny {
namespace {

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

// Whether a word found under a name key of the query word `term` (a search form) is no spelling
// of the name the reader typed: gathers what the rules (name_rules.h) look at, and asks them.
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
    const WordForms& word = *key_spelling.forms;
    const auto named = own_ ? gazetteer_.entities_named_by_word(word) : std::nullopt;
    SpellingCandidate candidate{word, dominant_script(word.exact), typed_};
    candidate.typed_capitalised = typed_capitalised_;
    candidate.typed_in_corpus = typed_in_corpus_;
    candidate.typed_given_name = typed_given_name_;
    candidate.typed_entities = own_ ? &*own_ : nullptr;
    candidate.named = named ? &*named : nullptr;
    candidate.names_a_typed_entity =
        named && std::ranges::any_of(named->ids, [&](const std::string& id) {
          return std::ranges::find(*own_, id) != own_->end();
        });
    // A word with a surname's v suffix is a surname, though a given name's case form too
    // (Борисов, Бориса of Борис). Only a given name spelt exactly so counts: with some 900 people
    // in the gazetteer, the forms of their given names (Nadiya, Марфа) reach most names (Nadeem,
    // Мърфи).
    candidate.another_persons_given_name =
        !typed_given_name_ && !ends_in_v_suffix(word.romanized) &&
        gazetteer_.is_given_name(word.romanized, {word.name_keys.primary, word.name_keys.alternate},
                                 true);
    return judge_spelling(candidate) != NameVerdict::spelling;
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
