#include "searcher/inflected_phrases.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyzers/script.h"
#include "common/schema.h"
#include "searcher/base_forms.h"
#include "searcher/entity_expansion.h"
#include "searcher/query_builder.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

// Shorter stems are the start of too many unrelated words.
constexpr std::size_t kMinStemLetters = 3;
// Words this short are prepositions and conjunctions more often than not, and do not decline.
constexpr std::size_t kMinDeclinedLetters = 4;
// Phrases one typed phrase may become: the commonest forms of each word are kept.
constexpr std::size_t kMaxReadings = 32;

// The endings of nouns and adjectives, the empty one included. Polish, Czech, Slovak and Slovene:
// agencj-a/-i, agencij-a/-e/-o/-ah, vlámsk-á/-é/-ého, europejsk-a/-iej/-ich, nov-a/-ega/-em.
constexpr auto kLatinEndings = std::to_array<std::string_view>({
    "",    "a",   "e",    "i",   "o",    "u",   "y",   "á",    "é",   "í",   "ó",    "ú",
    "ý",   "ą",   "ę",    "ě",   "ů",    "ou",  "ům",  "ov",   "ová", "ové", "ovou", "ových",
    "ém",  "ého", "ému",  "ým",  "ými",  "ých", "ím",  "ími",  "ích", "ího", "ímu",  "ej",
    "iej", "ego", "iego", "emu", "iemu", "ym",  "ymi", "ych",  "im",  "imi", "ich",  "ie",
    "ii",  "ia",  "iu",   "ią",  "ję",   "ją",  "ami", "ach",  "ech", "och", "owi",  "ovi",
    "om",  "em",  "iem",  "jem", "ów",   "ách", "ám",  "ega",  "ih",  "ima", "ah",   "am",
    "ja",  "je",  "ji",   "jo",  "ju",   "jah", "jam", "jami",
});

// Russian, Ukrainian and Belarusian: агентств-о/-а/-ом, европейск-ая/-ой/-ого, міжнародн-а/-ої;
// Bulgarian with its article: агенция-та, европейск-а/-ата/-ия/-ият/-ите.
constexpr auto kCyrillicEndings = std::to_array<std::string_view>({
    "",    "а",   "я",   "о",   "е",   "ы",   "и",   "і",   "ї",   "у",   "ю",   "ь",   "й",
    "ой",  "ей",  "ий",  "ый",  "ій",  "ая",  "яя",  "ое",  "ее",  "ые",  "ие",  "ого", "его",
    "ому", "ему", "ом",  "ем",  "ым",  "им",  "ыми", "ими", "ых",  "их",  "ую",  "юю",  "ою",
    "ею",  "ам",  "ям",  "ами", "ями", "ах",  "ях",  "ов",  "ев",  "ів",  "ові", "еві", "ої",
    "ім",  "іх",  "ія",  "ії",  "ію",  "ия",  "ии",  "ию",  "ией", "ием", "ага", "аму", "амі",
    "ямі", "ымі", "імі", "ае",  "ыя",  "яе",  "яй",  "ай",  "єю",  "та",  "ът",  "ят",  "то",
    "те",  "ата", "ята", "ото", "ите", "ият", "ета",
});

// The stem of a word whose last syllable has a fleeting e, which its other forms drop between
// two consonants (Bulgarian национален, националния; Czech Biden, Bidna), or empty.
std::string without_fleeting_e(std::string_view word) {
  const std::string_view last = last_letter(word);
  const std::string_view e = last_letter(word.substr(0, word.size() - last.size()));
  if (e != "e" && e != "е") return {};
  const std::string_view before = word.substr(0, word.size() - last.size() - e.size());
  if (is_vowel_letter(last) || letter_count(before) < kMinStemLetters ||
      is_vowel_letter(last_letter(before))) {
    return {};
  }
  return std::string(before) + std::string(last);
}

// The stems a word may have: the word less each ending of its script that leaves enough letters.
std::vector<std::string> stems_of(std::string_view word) {
  std::vector<std::string> stems;
  const auto add_stems = [&](const auto& endings) {
    for (const std::string_view ending : endings) {
      if (!word.ends_with(ending)) continue;
      if (letter_count(word) < letter_count(ending) + kMinStemLetters) continue;
      stems.emplace_back(word.substr(0, word.size() - ending.size()));
    }
  };
  switch (dominant_script(word)) {
    case Script::latin:
      add_stems(kLatinEndings);
      break;
    case Script::cyrillic:
      add_stems(kCyrillicEndings);
      break;
    case Script::other:
      break;
  }
  if (std::string without_e = without_fleeting_e(word); !without_e.empty()) {
    stems.push_back(std::move(without_e));
  }
  return stems;
}

// Function words that nearly every Polish, Czech, Slovak or Slovene article has and English or
// German ones do not: what tells a Slavic case form (zdrowia, zdrowiu) from a word of another
// language that happens to share its stem and an ending (policy, police).
constexpr auto kSlavicLatinFunctionWords =
    std::to_array<std::string_view>({"się", "że", "jest", "že", "sa", "je", "ki", "tudi"});
// Articles examined to tell which language writes a form.
constexpr Xapian::doccount kLanguageSample = 2000;

// Whether most articles that write a Latin-script search form are in a Slavic language.
bool written_in_slavic_articles(const Xapian::Database& db, const std::string& search,
                                Xapian::doccount articles) {
  std::vector<Xapian::Query> function_words;
  for (const std::string_view word : kSlavicLatinFunctionWords) {
    function_words.emplace_back(std::string(schema::kExact.prefix) + std::string(word));
  }
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, Xapian::Query(search),
      Xapian::Query(Xapian::Query::OP_OR, function_words.begin(), function_words.end())));
  const Xapian::doccount examined = std::min(articles, kLanguageSample);
  const Xapian::MSet slavic = enquire.get_mset(0, 0, examined);
  return 2 * slavic.get_matches_lower_bound() >= examined;
}

struct CaseForm {
  std::string search;
  std::string exact;  // one of the exact forms of that search form
  Xapian::doccount articles;
};

// Whether every letter of a phrase's words is one of the English alphabet: only then may its
// words be English ones (a Cyrillic word, or one with á, ł, ř, is not).
bool in_english_letters(const std::vector<std::string>& words) {
  return std::ranges::all_of(words, [](const std::string& word) {
    return std::ranges::all_of(word, [](char byte) { return (byte & 0x80) == 0; });
  });
}

// The search forms, commonest first, of the case forms the index has, in `field` (a prefix, or
// empty for the text), of the word typed as `typed_exact`; the typed form's own term first
// whatever its count. `in_english_letters`: whether the phrase may be English
// (in_english_letters()), whose forms must then be shown Slavic.
std::vector<CaseForm> forms_in_index(const Xapian::Database& db, Analyzer& analyzer,
                                     const std::string& field, const std::string& term,
                                     const std::string& typed_exact, bool in_english_letters) {
  std::vector<CaseForm> forms{{term, typed_exact, 0}};
  if (letter_count(typed_exact) < kMinDeclinedLetters) return forms;
  const std::string exact_prefix(schema::kExact.prefix);
  for (const std::string& exact : case_forms_of(typed_exact)) {
    if (!db.term_exists(exact_prefix + exact)) continue;
    const std::string& search = analyzer.analyze_word(exact).search;
    if (std::ranges::any_of(forms, [&](const CaseForm& form) { return form.search == search; })) {
      continue;
    }
    const Xapian::doccount articles = db.get_termfreq(field + search);
    if (articles == 0) continue;
    if (!in_english_letters ||
        written_in_slavic_articles(db, search,
                                   field.empty() ? articles : db.get_termfreq(search))) {
      forms.push_back({search, exact, articles});
    }
  }
  std::stable_sort(forms.begin() + 1, forms.end(),
                   [](const CaseForm& a, const CaseForm& b) { return a.articles > b.articles; });
  return forms;
}

// Drops the rarest forms of the words with the most until the readings fit the bound.
void keep_commonest(std::vector<std::vector<CaseForm>>& forms_by_word) {
  const auto readings = [&] {
    std::size_t product = 1;
    for (const auto& forms : forms_by_word) product *= forms.size();
    return product;
  };
  while (readings() > kMaxReadings) {
    std::ranges::max_element(forms_by_word, {}, &std::vector<CaseForm>::size)->pop_back();
  }
}

// Calls on_reading(forms) for every choice of one form per word but the forms typed (each
// word's first).
template <typename OnReading>
void for_other_readings(const std::vector<std::vector<CaseForm>>& forms_by_word,
                        OnReading on_reading) {
  std::vector<std::size_t> choice(forms_by_word.size(), 0);
  std::vector<const CaseForm*> reading(forms_by_word.size());
  while (true) {
    std::size_t i = 0;
    while (i < choice.size() && ++choice[i] == forms_by_word[i].size()) choice[i++] = 0;
    if (i == choice.size()) return;
    for (std::size_t w = 0; w < choice.size(); ++w) reading[w] = &forms_by_word[w][choice[w]];
    on_reading(reading);
  }
}

Xapian::Query phrase_with_inflections(const Xapian::Query& phrase, const Xapian::Database& db,
                                      IndexGazetteer& gazetteer, const QueryWordKeys& words,
                                      const std::unordered_set<std::string>& names) {
  using Q = Xapian::Query;
  // title:"…" reads its words as in free text, and its readings are title terms.
  const std::string title_prefix(schema::kTitle.prefix);
  const bool in_title = phrase.get_num_subqueries() > 0 &&
                        phrase.get_subquery(0).get_type() == Q::LEAF_TERM &&
                        (*phrase.get_subquery(0).get_terms_begin()).starts_with(title_prefix);
  const std::string field = in_title ? title_prefix : std::string();
  Analyzer& analyzer = gazetteer.analyzer();
  std::vector<std::string> typed_terms;
  std::vector<std::string> typed;  // each word's exact form as typed
  std::vector<bool> name_like;
  for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
    const Q part = phrase.get_subquery(i);
    if (part.get_type() != Q::LEAF_TERM) return phrase;
    const std::string field_term = *part.get_terms_begin();
    if (!field_term.starts_with(field)) return phrase;
    const std::string term = field_term.substr(field.size());
    const auto seen = words.find(term);
    if (!is_search_form_term(term) || seen == words.end() || seen->second.typed.empty()) {
      return phrase;
    }
    typed_terms.push_back(term);
    // A word typed twice in one phrase, in two ways, is left as typed (an empty form).
    typed.push_back(seen->second.typed.size() == 1
                        ? analyzer.analyze_word(seen->second.typed.front()).exact
                        : std::string());
    name_like.push_back(names.contains(term));
  }
  // A phrase that names an entity finds the entity's articles in every case form already.
  const std::vector<Q> words_typed(typed_terms.begin(), typed_terms.end());
  const Q without_field(Q::OP_PHRASE, words_typed.begin(), words_typed.end(), window_of(phrase));
  if (in_title ? entities_named_in_title(without_field, gazetteer, names, words).has_value()
               : entities_named_by_query(without_field, gazetteer, names, words).has_value()) {
    return phrase;
  }
  const bool english_letters = in_english_letters(typed);
  std::vector<std::vector<CaseForm>> forms_by_word;
  for (std::size_t i = 0; i < typed_terms.size(); ++i) {
    forms_by_word.push_back(
        typed[i].empty()
            ? std::vector<CaseForm>{{typed_terms[i], typed_terms[i], 0}}
            : forms_in_index(db, analyzer, field, typed_terms[i], typed[i], english_letters));
  }
  keep_commonest(forms_by_word);
  if (std::ranges::all_of(forms_by_word, [](const auto& forms) { return forms.size() == 1; })) {
    return phrase;
  }
  std::vector<Q> readings;
  std::vector<Q> entities;
  std::unordered_set<std::string> entity_ids;
  for_other_readings(forms_by_word, [&](const std::vector<const CaseForm*>& reading) {
    std::vector<Q> terms;
    std::vector<std::string> exact_words;
    for (const CaseForm* form : reading) {
      terms.emplace_back(field + form->search);
      exact_words.push_back(form->exact);
    }
    readings.emplace_back(phrase.get_type(), terms.begin(), terms.end(), window_of(phrase));
    // A reading that names an entity names it in another case (lordsko zbornico, lordska
    // zbornica: the House of Lords), as the recogniser would tag it in an article.
    for (const std::string& id : gazetteer.ids_named_by(exact_words, name_like)) {
      if (!entity_ids.insert(id).second) continue;
      entities.push_back(entity_term(id, in_title));
    }
  });
  if (readings.empty()) return phrase;
  std::vector<Q> alternatives{
      phrase, Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, readings.begin(), readings.end()), kNameKeyWeight)};
  if (!entities.empty()) {
    alternatives.emplace_back(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, entities.begin(), entities.end()),
                              kEntityNameWeight);
  }
  return Q(Q::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace

std::vector<std::string> case_forms_of(std::string_view word) {
  // Generated rather than looked for among the index's words, which would read a large part of a
  // large vocabulary for a short stem.
  const std::vector<std::string> stems = stems_of(word);
  std::vector<std::string> forms;
  const auto add = [&](std::string form) {
    if (form != word) forms.push_back(std::move(form));
  };
  const auto add_endings = [&](const std::string& stem, const auto& endings) {
    for (const std::string_view ending : endings) add(stem + std::string(ending));
  };
  const Script script = dominant_script(word);
  for (const std::string& stem : stems) {
    if (script == Script::latin) add_endings(stem, kLatinEndings);
    if (script == Script::cyrillic) add_endings(stem, kCyrillicEndings);
    if (std::string with_e = with_fleeting_e(stem, script); !with_e.empty()) {
      add(std::move(with_e));
    }
  }
  std::ranges::sort(forms);
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

Xapian::Query with_inflected_phrases(const Xapian::Query& query, const Xapian::Database& db,
                                     IndexGazetteer& gazetteer, const QueryWordKeys& words,
                                     const std::unordered_set<std::string>& names) {
  if (query.get_type() == Xapian::Query::OP_PHRASE) {
    return phrase_with_inflections(query, db, gazetteer, words, names);
  }
  return with_subqueries_rewritten(query, [&](const Xapian::Query& part) {
    return with_inflected_phrases(part, db, gazetteer, words, names);
  });
}

}  // namespace naviny
