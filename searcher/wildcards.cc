#include "searcher/wildcards.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "common/errors.h"
#include "common/schema.h"
#include "searcher/name_spellings.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

// The slot a short name key keeps for a run of vowels (analyzers/name_key.cc).
constexpr char kKeyVowelSlot = 'a';
// Name keys are looked up by beginnings of at least this many classes: one class alone would
// mean reading a good part of the index's names.
constexpr std::size_t kMinKeyBeginning = 2;

// The pattern of a wildcard query: Xapian 1.4 has no accessor for it, but describes it as
// "Query(WILDCARD SYNONYM sanc)"; terms hold no spaces.
std::optional<std::string> wildcard_pattern(const Xapian::Query& wildcard) {
  const std::string description = wildcard.get_description();
  const std::string opening = "Query(WILDCARD ";
  if (!description.starts_with(opening) || !description.ends_with(")")) return std::nullopt;
  const std::size_t space = description.find(' ', opening.size());
  if (space == std::string::npos) return std::nullopt;
  const std::string pattern = description.substr(space + 1, description.size() - space - 2);
  if (pattern.find(' ') != std::string::npos) return std::nullopt;
  return pattern;
}

// The distinct terms one wildcard stands for, no more than a limit.
class Expansion {
 public:
  // `prefix`: of the terms the wildcard matches; `shown`: the wildcard as the reader wrote it.
  Expansion(const Xapian::Database& db, std::string prefix, std::string shown,
            std::size_t max_terms)
      : db_(db), prefix_(std::move(prefix)), shown_(std::move(shown)), max_terms_(max_terms) {}

  // A term the index has.
  void add(const std::string& term) {
    if (terms_.insert(term).second && terms_.size() > max_terms_) {
      throw QueryError("the wildcard '" + shown_ + "' matches more than " +
                       std::to_string(max_terms_) +
                       " words of the index; give more letters before the *");
    }
  }

  // The first of these search forms that the index has under the prefix, if any.
  void add_first_indexed(std::initializer_list<std::string_view> search_forms) {
    for (const std::string_view search_form : search_forms) {
      const std::string term = prefix_ + std::string(search_form);
      if (terms_.contains(term) || db_.term_exists(term)) {
        add(term);
        return;
      }
    }
  }

  Xapian::Query query() const {
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms_.begin(), terms_.end());
  }

 private:
  const Xapian::Database& db_;
  std::string prefix_;
  std::string shown_;
  std::size_t max_terms_;
  std::set<std::string> terms_;  // ordered, so that a query is the same on every run
};

template <typename OnTerm>
void for_each_term_beginning(const Xapian::Database& db, const std::string& beginning,
                             OnTerm&& on_term) {
  for (auto term = db.allterms_begin(beginning); term != db.allterms_end(beginning); ++term) {
    on_term(*term);
  }
}

// The search form the indexer gave a word it wrote in this exact (case-folded) form. A capital
// changes it only for a Russian surname in -ов or -ев (Медведев is `medvedev`, медведев the stem
// `medved`); a wildcard that reaches such a form more likely means the surname, the lower-case
// reading counting where the index has no surname.
void add_search_form_of(const std::string& exact_form, Analyzer& analyzer, Expansion& expansion) {
  const std::string as_name = analyzer.analyze_word(with_capital(exact_form)).search;
  const std::string as_word = analyzer.analyze_word(exact_form).search;
  expansion.add_first_indexed({as_name, as_word});
}

// Where to look for the spellings of a name that begins with the typed letters: beginnings of
// name keys. The key of a beginning is not always a beginning of the name's key: a skeleton of
// three consonants or fewer keeps slots for its vowels that a longer one drops (лукаш is `lakas`,
// лукашенко `lksnk`), and the last letters may read otherwise once others follow (the h of Joh is
// silent in Johnson). Hence the key, and the key without vowel slots, each without its last class.
std::vector<std::string> name_key_beginnings(const WordForms& typed) {
  std::vector<std::string> beginnings;
  for (const std::string* key : typed.name_keys.both()) {
    if (key->empty()) continue;
    std::string consonants = key->substr(0, 1);  // a leading slot is an initial vowel, kept
    std::copy_if(key->begin() + 1, key->end(), std::back_inserter(consonants),
                 [](char c) { return c != kKeyVowelSlot; });
    for (std::string beginning : {*key, consonants}) {
      if (beginning.size() > kMinKeyBeginning) beginning.pop_back();
      beginnings.push_back(std::move(beginning));
    }
  }
  // Each part of the key space once: a beginning that begins with another is covered by it.
  std::ranges::sort(beginnings);
  std::vector<std::string> covering;
  for (std::string& beginning : beginnings) {
    if (covering.empty() || !beginning.starts_with(covering.back())) {
      covering.push_back(std::move(beginning));
    }
  }
  return covering;
}

// Whether a romanised spelling of a name in the other script begins as the typed letters do,
// romanised: the same consonants, vowels aside, over as many letters or as said (Johns* reaches
// Джонсон, dzhonson), and the same vowel in the first syllable (Лукаш* reaches Łukaszenka, not
// Luksemburg; Trump* Трамп).
bool begins_like(std::string_view spelling, std::string_view typed, bool typed_in_latin) {
  const std::string_view beginning = spelling.substr(0, typed.size());
  const bool same_letters =
      beginning.size() == typed.size() && differ_in_vowels_only(typed, beginning);
  if (!same_letters && !begins_as_said(spelling, typed)) return false;
  return typed_in_latin ? begin_alike_across_scripts(typed, beginning)
                        : begin_alike_across_scripts(beginning, typed);
}

// The names written in the other script than `typed` that begin like it, by their search forms.
void add_names_of_the_other_script(const WordForms& typed, const Xapian::Database& db,
                                   Analyzer& analyzer, Expansion& expansion) {
  const Script script = dominant_script(typed.exact);
  if (script == Script::other || typed.romanized.empty()) return;
  const std::string spelling_prefix(schema::kNameSpelling.prefix);
  for (const std::string& key : name_key_beginnings(typed)) {
    for_each_term_beginning(db, spelling_prefix + key, [&](const std::string& term) {
      const std::string exact_form(schema::exact_form_of_name_spelling(term));
      if (exact_form.empty()) return;
      const Script spelling_script = dominant_script(exact_form);
      if (spelling_script == script || spelling_script == Script::other) return;
      const std::string romanized = analyzer.analyze_word(exact_form).romanized;
      if (!begins_like(romanized, typed.romanized, script == Script::latin) ||
          !written_as_name(db, db.get_termfreq(term), exact_form)) {
        return;
      }
      add_search_form_of(exact_form, analyzer, expansion);
    });
  }
}

// A wildcard on search forms, whose terms have `prefix` (none, or the title's); `typed` is the
// beginning as Xapian's parser hands it: lower-cased, unanalysed.
Xapian::Query search_form_expansion(const std::string& prefix, const std::string& typed,
                                    const std::string& shown, const Xapian::Database& db,
                                    Analyzer& analyzer, std::size_t max_terms) {
  Expansion expansion(db, prefix, shown, max_terms);
  const WordForms forms = analyzer.analyze_word(typed);
  // Unstemmed: the stem of a beginning may be shorter than the words' (sanctio -> sanctio, but
  // sanctions -> sanction).
  const std::string& romanized = forms.romanized.empty() ? forms.search : forms.romanized;
  if (!romanized.empty()) {
    for_each_term_beginning(db, prefix + romanized, [&](const std::string& term) {
      if (is_search_form_term(term.substr(prefix.size()))) expansion.add(term);
    });
  }
  const std::string exact_prefix(schema::kExact.prefix);
  for_each_term_beginning(db, exact_prefix + forms.exact, [&](const std::string& term) {
    add_search_form_of(term.substr(exact_prefix.size()), analyzer, expansion);
  });
  add_names_of_the_other_script(forms, db, analyzer, expansion);
  return expansion.query();
}

// A wildcard that matches terms as typed (exact forms, in exact mode).
Xapian::Query literal_expansion(const std::string& pattern, const std::string& shown,
                                const Xapian::Database& db, std::size_t max_terms) {
  Expansion expansion(db, "", shown, max_terms);
  for_each_term_beginning(db, pattern, [&](const std::string& term) { expansion.add(term); });
  return expansion.query();
}

Xapian::Query expansion_of(const std::string& pattern, const Xapian::Database& db,
                           Analyzer& analyzer, std::size_t max_terms) {
  const std::string exact_prefix(schema::kExact.prefix);
  const std::string title_prefix(schema::kTitle.prefix);
  if (pattern.starts_with(exact_prefix)) {
    return literal_expansion(pattern, pattern.substr(exact_prefix.size()) + "*", db, max_terms);
  }
  if (is_search_form_term(pattern)) {
    return search_form_expansion("", pattern, pattern + "*", db, analyzer, max_terms);
  }
  const std::string in_title = pattern.substr(std::min(title_prefix.size(), pattern.size()));
  if (pattern.starts_with(title_prefix) && is_search_form_term(in_title)) {
    return search_form_expansion(title_prefix, in_title,
                                 std::string(schema::kTitle.field) + ":" + in_title + "*", db,
                                 analyzer, max_terms);
  }
  return literal_expansion(pattern, pattern + "*", db, max_terms);
}

bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_wildcard(query.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

Xapian::Query with_wildcards_expanded(const Xapian::Query& query, const Xapian::Database& db,
                                      Analyzer& analyzer, std::size_t max_terms) {
  using Q = Xapian::Query;
  // A query without wildcards goes to Xapian as it was built, not rebuilt.
  if (!has_wildcard(query)) return query;
  if (query.get_type() == Q::OP_WILDCARD) {
    const std::optional<std::string> pattern = wildcard_pattern(query);
    return pattern ? expansion_of(*pattern, db, analyzer, max_terms) : query;
  }
  return with_subqueries_rewritten(
      query, [&](const Q& part) { return with_wildcards_expanded(part, db, analyzer, max_terms); });
}

}  // namespace naviny
