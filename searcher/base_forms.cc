#include "searcher/base_forms.h"

#include <algorithm>
#include <cstdint>

#include "analyzers/script.h"
#include "common/schema.h"
#include "searcher/entity_expansion.h"
#include "searcher/name_spellings.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

// What is left of a name once its ending is cut must be this long: shorter stems are the start of
// too many other names (Kos-a, Ros-a).
constexpr std::size_t kMinStemLetters = 3;

// More letters than a case ending has, which the English stemmer cuts only as a derivational
// ending (-ence, -ment): from a Slavic name, that cut may leave another name's stem.
constexpr std::size_t kMinDerivationalCutLetters = 4;

// An ending of a case form and the endings its nominative may have instead. A name in another
// language's press keeps its consonants and changes its ending: Dublin-u, Pfizer-a, Varšav-o,
// Sofij-i, Ohi-u, Лукашенк-ові, Путин-у. Longest first, since the first that fits is not
// always the right one, all are tried.
struct CaseEnding {
  std::string_view ending;
  std::vector<std::string_view> nominatives;
};

const std::vector<std::string_view> kLatinNominatives{"", "a", "o", "y", "ia", "ja"};
const std::vector<std::string_view> kCyrillicNominatives{"", "а", "я", "о", "ь", "й", "ия", "ія"};

// Polish, Czech, Slovak and Slovene endings of nouns and of foreign names declined as nouns.
const std::vector<CaseEnding> kLatinEndings{
    // A softened consonant before the ending goes back to the hard one of the nominative.
    {"czech", {"cy"}},
    {"rzech", {"ry"}},
    {"szech", {"chy"}},
    {"dzie", {"d", "da"}},
    {"cie", {"t", "ta"}},
    {"rze", {"r", "ra"}},
    {"dze", {"ga"}},
    {"ce", {"ka"}},
    {"ze", {"ha", "ga"}},
    {"ście", {"st"}},  // Belfaście
    // Czech declines a foreign name in -i, -e or -y as an adjective (Kadrího, Rutteho,
    // Kaczynského) and a woman's surname in -ová (Solbergovou, Markleové).
    {"ího", {"i", "í"}},
    {"ého", {"i", "y", "e", "ý"}},
    {"ho", {""}},
    {"ovou", {""}},
    {"ové", {""}},
    {"ová", {""}},
    // Slovene possessive forms of foreign names (Mayeva, Murphyjeva, Churchillovega, Hitlerjevo).
    {"jevega", {""}},
    {"ovega", {""}},
    {"evega", {""}},
    {"jeva", {""}},
    {"jevo", {""}},
    {"jevi", {""}},
    {"eva", {""}},
    {"ah", {"e", "a", "y", "i"}},  // Atenah (Atene)
    // Polish writes an ending after an apostrophe where the name ends in a silent letter
    // (Wallace'a, Macron'owi).
    {"'a", {""}},
    {"'owi", {""}},
    {"'em", {""}},
    {"'u", {""}},
    {"'ie", {""}},
    {"ami", kLatinNominatives},
    {"ach", kLatinNominatives},
    {"ech", kLatinNominatives},
    {"owi", kLatinNominatives},
    {"ovi", kLatinNominatives},
    {"iem", kLatinNominatives},
    {"jem", kLatinNominatives},
    {"om", kLatinNominatives},
    {"em", kLatinNominatives},
    {"ie", kLatinNominatives},
    {"ou", kLatinNominatives},
    {"ům", kLatinNominatives},
    {"ów", kLatinNominatives},
    {"ji", kLatinNominatives},
    {"ju", kLatinNominatives},
    {"ja", {""}},
    {"ą", kLatinNominatives},
    {"ę", kLatinNominatives},
    {"ě", kLatinNominatives},
    {"u", kLatinNominatives},
    {"a", kLatinNominatives},
    {"e", kLatinNominatives},
    {"i", kLatinNominatives},
    {"y", kLatinNominatives},
    {"o", kLatinNominatives},
};

// Russian, Ukrainian, Belarusian and Bulgarian endings, and the Bulgarian definite article.
const std::vector<CaseEnding> kCyrillicEndings{
    {"ами", kCyrillicNominatives},
    {"ями", kCyrillicNominatives},
    {"ові", kCyrillicNominatives},
    {"еві", kCyrillicNominatives},
    {"ого", kCyrillicNominatives},
    {"ому", kCyrillicNominatives},
    {"ему", kCyrillicNominatives},
    {"цы", {"ка"}},
    {"цэ", {"ка"}},
    {"ці", {"ка"}},
    {"зі", {"га"}},
    {"ом", kCyrillicNominatives},
    {"ем", kCyrillicNominatives},
    {"ою", kCyrillicNominatives},
    {"ею", kCyrillicNominatives},
    {"ой", kCyrillicNominatives},
    {"ей", kCyrillicNominatives},
    {"ам", kCyrillicNominatives},
    {"ям", kCyrillicNominatives},
    {"ах", kCyrillicNominatives},
    {"ях", kCyrillicNominatives},
    {"ым", kCyrillicNominatives},
    {"им", kCyrillicNominatives},
    {"ът", {""}},
    {"ят", {"", "й", "ь"}},
    {"та", {""}},
    {"то", {""}},
    {"те", {""}},
    {"у", kCyrillicNominatives},
    {"ю", kCyrillicNominatives},
    {"а", kCyrillicNominatives},
    {"я", kCyrillicNominatives},
    {"е", kCyrillicNominatives},
    {"і", kCyrillicNominatives},
    {"и", kCyrillicNominatives},
    {"ы", kCyrillicNominatives},
    {"ї", kCyrillicNominatives},
};

}  // namespace

std::string with_fleeting_e(std::string_view stem, Script script) {
  const std::string_view last = last_letter(stem);
  const std::string_view before = last_letter(stem.substr(0, stem.size() - last.size()));
  if (is_vowel_letter(last) || is_vowel_letter(before) || before.empty()) return {};
  return std::string(stem.substr(0, stem.size() - last.size())) +
         (script == Script::cyrillic ? "е" : "e") + std::string(last);
}

std::vector<std::string> candidate_base_forms(std::string_view exact) {
  const Script script = dominant_script(exact);
  if (script == Script::other) return {};
  std::vector<std::string> candidates;
  const auto add = [&](std::string candidate) {
    if (candidate != exact && std::ranges::find(candidates, candidate) == candidates.end()) {
      candidates.push_back(std::move(candidate));
    }
  };
  for (const CaseEnding& rule : script == Script::latin ? kLatinEndings : kCyrillicEndings) {
    if (!exact.ends_with(rule.ending) ||
        letter_count(exact) < letter_count(rule.ending) + kMinStemLetters) {
      continue;
    }
    const std::string_view stem = exact.substr(0, exact.size() - rule.ending.size());
    for (const std::string_view nominative : rule.nominatives) {
      add(std::string(stem) + std::string(nominative));
    }
    if (std::string restored = with_fleeting_e(stem, script); !restored.empty()) {
      add(std::move(restored));
    }
  }
  return candidates;
}

std::vector<std::string> base_forms_in_index(const Xapian::Database& db, Analyzer& analyzer,
                                             const WordForms& typed) {
  std::vector<std::string> found;
  for (const std::string& candidate : candidate_base_forms(typed.exact)) {
    if (!db.term_exists(std::string(schema::kExact.prefix) + candidate)) continue;
    const WordForms& forms = analyzer.analyze_word(candidate);
    if (forms.search == typed.search) continue;  // the stemmer joins them already
    Xapian::doccount as_name = 0;
    for (const std::string* key : forms.name_keys.both()) {
      if (!key->empty()) {
        as_name = std::max(as_name, db.get_termfreq(schema::name_spelling_term(*key, candidate)));
      }
    }
    if (as_name > 0 && written_as_name(db, as_name, candidate)) found.push_back(candidate);
  }
  return found;
}

std::vector<std::string> base_forms_naming_entities(IndexGazetteer& gazetteer,
                                                    const WordForms& typed) {
  std::vector<std::string> found;
  for (const std::string& candidate : candidate_base_forms(typed.exact)) {
    // By the alias's very spelling: a made-up base form may be spelt like another name
    // (Orlandia, Irlandia) or stem like one of another script (Gava, Гаваі).
    const WordForms& forms = gazetteer.analyzer().analyze_word(with_capital(candidate));
    if (!gazetteer.ids_by_alias_spelling(forms).empty()) found.push_back(candidate);
  }
  return found;
}

Xapian::Query with_base_forms(const Xapian::Query& query, const Xapian::Database& db,
                              IndexGazetteer& gazetteer, QueryWordKeys& words, QueryNames& names,
                              const ExpandWord& expand) {
  Analyzer& analyzer = gazetteer.analyzer();
  using Q = Xapian::Query;
  if (query.get_type() == Q::OP_PHRASE || query.get_type() == Q::OP_NEAR) return query;
  if (query.get_type() != Q::LEAF_TERM) {
    return with_subqueries_rewritten(query, [&](const Q& part) {
      return with_base_forms(part, db, gazetteer, words, names, expand);
    });
  }
  // title:Bidna finds the titles that write Biden, as Bidna finds the articles.
  const std::string_view title(schema::kTitle.prefix);
  const std::string typed_term = *query.get_terms_begin();
  const bool in_title = typed_term.starts_with(title);
  const std::string field = in_title ? std::string(title) : std::string();
  const std::string term = typed_term.substr(field.size());
  const auto word = words.find(term);
  if (!is_search_form_term(term) || !names.names.contains(term) || word == words.end()) {
    return query;
  }
  const bool capitalised = names.typed_capitalised.contains(term);
  std::vector<Q> alternatives{query};
  std::vector<std::string> base_terms;
  // A copy: adding the base forms to `words` may move its entries.
  const std::vector<std::string> typed_words = word->second.typed;
  for (const std::string& typed : typed_words) {
    const WordForms typed_forms = analyzer.analyze_word(typed);
    // A word that names an entity finds the entity's articles in every language already; its base
    // forms would only weigh them twice. They are looked for only to tell whether its stem is a
    // cut into another name, as a derivational ending is (Łukaszence).
    // Titles are the exception: a title whose name the recogniser left unresolved (Biden, in an
    // article that names two Bidens) has no entity term of the title.
    const bool names_an_entity = !gazetteer.ids_named_by({typed}, {true}).empty();
    const bool cut_deep =
        typed_forms.romanized.size() >= typed_forms.search.size() + kMinDerivationalCutLetters;
    if (names_an_entity && !cut_deep && !in_title) continue;
    std::vector<std::string> bases = base_forms_in_index(db, analyzer, typed_forms);
    for (const std::string& base : bases) {
      base_terms.push_back(analyzer.analyze_word(capitalised ? with_capital(base) : base).search);
    }
    if (names_an_entity && !in_title) continue;
    // A case form of an entity's name whose base form the corpus happens not to write (Varšavo,
    // with no Varšava) still names the entity.
    if (bases.empty()) bases = base_forms_naming_entities(gazetteer, typed_forms);
    for (const std::string& base : bases) {
      // Written with the typed word's capital, on which a surname's search form depends (-ов).
      const std::string as_typed = capitalised ? with_capital(base) : base;
      const WordForms& forms = analyzer.analyze_word(as_typed);
      note_query_word(words[forms.search], forms, as_typed);
      names.names.insert(forms.search);
      if (capitalised) names.typed_capitalised.emplace(forms.search, forms.exact);
      // Below the form typed, which ranks first where the article writes it.
      alternatives.emplace_back(Q::OP_SCALE_WEIGHT, expand(Q(field + forms.search)),
                                kNameKeyWeight);
    }
  }
  // The English stemmer may cut a Slavic case form into another name: Łukaszence (Łukaszenka) to
  // the stem of Łukasz. Where every base form keeps more of the word than that, the typed form
  // is matched as written instead.
  // Exact forms are not kept by field, so a title word stays as the stemmer made it.
  if (!in_title && typed_words.size() == 1 && !base_terms.empty() &&
      std::ranges::all_of(base_terms, [&](const std::string& base_term) {
        return base_term.size() > term.size() && base_term.starts_with(term);
      })) {
    // It still names what it names.
    const std::optional<Q> entities = entities_named_by_query(query, gazetteer, names.names, words);
    const Q as_written(std::string(schema::kExact.prefix) +
                       analyzer.analyze_word(typed_words.front()).exact);
    alternatives.front() = entities ? Q(Q::OP_OR, as_written, *entities) : as_written;
  }
  if (alternatives.size() == 1) return alternatives.front();
  return Q(Q::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace naviny
