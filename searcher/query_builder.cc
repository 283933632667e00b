#include "searcher/query_builder.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "analyzers/script.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/base_forms.h"
#include "searcher/entity_expansion.h"
#include "searcher/exact_phrases.h"
#include "searcher/field_filters.h"
#include "searcher/inflected_phrases.h"
#include "searcher/name_spellings.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_WILDCARD;

// Function words that only add noise to a ranked OR query ("measurement OF dielectric constants
// OF liquids BY THE use OF microwave techniques"). Xapian's QueryParser drops them from queries,
// except inside phrases; the index keeps them, so phrases still match.
constexpr const char* kStopwords[] = {
    "a",     "an",   "and", "are",  "as",   "at",    "be",    "been",  "but",  "by",
    "for",   "from", "has", "have", "how",  "in",    "into",  "is",    "it",   "its",
    "of",    "on",   "or",  "that", "the",  "their", "there", "these", "they", "this",
    "those", "to",   "was", "were", "what", "which", "with",  "и",     "в",    "во",
    "не",    "на",   "с",   "со",   "что",  "как",   "по",    "к",     "у",    "из",
    "за",    "от",   "о",   "об",   "для",  "же",    "то",    "а",     "но",   "або",
    "і",     "та",   "у",   "з",    "що",   "це",    "ад",    "для",   "ці"};

// Words that make a query more than plain words: operators, and characters of phrases, fields,
// grouping, love/hate and wildcards.
constexpr std::string_view kOperatorWords[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
constexpr std::string_view kSyntaxCharacters = "\":()+-*";

// A quotation mark and the marks that close what it opens.
struct QuotationMark {
  std::string_view mark;
  std::string_view closer;
  std::string_view other_closer = {};
  bool closed_by(std::string_view m) const { return m == closer || m == other_closer; }
};

// Xapian's QueryParser reads ASCII and English curly double quotes as phrase quotes; readers
// paste names with their own language's marks: «…» (ru, uk, be), „…“ and „…” (pl, cs, sk, bg,
// de), »…« (sl).
constexpr QuotationMark kQuotationMarks[] = {
    {"\"", "\""}, {"«", "»"}, {"»", "«"}, {"„", "“", "”"}, {"‟", "”"}, {"“", "”"}, {"”", "”"},
};

// The query with a phrase in any language's quotation marks in ASCII ones. Marks inside a phrase
// are part of it, not phrases of their own: a name quoted inside a quoted phrase ("Русской службы
// «Голоса Америки»", «Газета «Правда»»), or an opening mark whose closing one the reader left out
// ("МИА «Россия сегодня"), keeps the phrase whole. A mark closes the phrase it or any mark inside
// it opened.
std::string with_ascii_phrase_quotes(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  std::vector<const QuotationMark*> open;  // the outer phrase first, then the marks inside it
  while (!text.empty()) {
    const auto mark = std::ranges::find_if(
        kQuotationMarks, [&](const QuotationMark& m) { return text.starts_with(m.mark); });
    if (mark == std::end(kQuotationMarks)) {
      plain += text.front();
      text.remove_prefix(1);
      continue;
    }
    text.remove_prefix(mark->mark.size());
    const auto closed = std::find_if(open.rbegin(), open.rend(), [&](const QuotationMark* o) {
      return o->closed_by(mark->mark);
    });
    const bool closes = closed != open.rend();
    if (closes) {
      open.erase(std::prev(closed.base()), open.end());
    } else {
      open.push_back(mark);
    }
    // Only the outer phrase's own marks are phrase quotes; the others read as a space.
    plain += open.empty() || (open.size() == 1 && !closes) ? '"' : ' ';
  }
  return plain;
}

void configure(Xapian::QueryParser& parser, const Xapian::Database& db, Xapian::Stem stem,
               bool exact, const Xapian::Stopper& stopwords,
               const std::shared_ptr<IndexGazetteer>& gazetteer,
               const std::shared_ptr<QueryProblem>& problem) {
  parser.set_database(db);
  parser.set_stemmer(stem);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  if (!exact) parser.set_stopper(&stopwords);
  parser.set_default_op(Xapian::Query::OP_OR);
  for (const schema::Prefix& prefix : schema::kPrefixes) {
    if (prefix.field.empty()) continue;
    const std::string field(prefix.field);
    switch (prefix.kind) {
      case schema::TermKind::free_text:
        // Exact forms are indexed once, for title and body alike.
        parser.add_prefix(field, std::string(exact ? schema::kExact.prefix : prefix.prefix));
        break;
      case schema::TermKind::boolean:
        if (field == schema::kLang.field || field == schema::kSource.field) {
          parser.add_boolean_prefix(field,
                                    (new FrontMatterFieldProcessor(std::string(prefix.prefix),
                                                                   field == schema::kLang.field))
                                        ->release());
        } else {
          parser.add_boolean_prefix(field, std::string(prefix.prefix));
        }
        break;
      case schema::TermKind::internal:
        break;
    }
  }
  for (const schema::EntityField& field : schema::kEntityFields) {
    // release(): Xapian's reference counting owns the processor from here on.
    parser.add_boolean_prefix(std::string(field.field),
                              (new EntityFieldProcessor(gazetteer, std::string(field.field),
                                                        parse_type(field.type), problem))
                                  ->release());
  }
  if (exact) parser.add_prefix("", std::string(schema::kExact.prefix));
  // A field rather than a range processor: Xapian passes only FROM..TO to those, and leaves a
  // year, a month or a misspelt range to be read as words that find nothing.
  parser.add_boolean_prefix(std::string(schema::kDateSlot.name),
                            (new DateFieldProcessor(problem))->release());
}

bool is_field_name(std::string_view name) {
  for (const schema::Prefix& prefix : schema::kPrefixes) {
    if (!prefix.field.empty() && prefix.field == name) return true;
  }
  for (const schema::EntityField& field : schema::kEntityFields) {
    if (field.field == name) return true;
  }
  return name == schema::kDateSlot.name;
}

std::string known_fields() {
  std::string list;
  for (const schema::Prefix& prefix : schema::kPrefixes) {
    if (!prefix.field.empty())
      list += std::string(list.empty() ? "" : ", ") + std::string(prefix.field) + ":";
  }
  for (const schema::EntityField& field : schema::kEntityFields)
    list += ", " + std::string(field.field) + ":";
  return list + ", " + std::string(schema::kDateSlot.name) + ":";
}

// Xapian reads "foo:bar" with an unknown "foo" as the phrase "foo bar", which silently finds
// nothing; a typo in a field name deserves an error. Quoted text is left alone.
void reject_unknown_fields(const std::string& text) {
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (quoted || !std::isalpha(static_cast<unsigned char>(text[i])) ||
        (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1])) && text[i - 1] != '(' &&
         text[i - 1] != '+' && text[i - 1] != '-')) {
      continue;
    }
    std::size_t end = i;
    while (end < text.size() &&
           (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '_'))
      ++end;
    if (end + 1 < text.size() && text[end] == ':' &&
        !std::isspace(static_cast<unsigned char>(text[end + 1])) && text[end + 1] != '/' &&
        !is_field_name(std::string_view(text).substr(i, end - i))) {
      throw QueryError("unknown field '" + text.substr(i, end - i + 1) +
                       "' in the query; the fields are " + known_fields() +
                       "; to search for the words, leave out the colon");
    }
    i = end;
  }
}

// title:Johnson finds the titles that write the name in another spelling or script (Джонсон), as
// the word finds them in the body: the title terms of the spellings under its name keys.
Xapian::Query with_title_spellings(const Xapian::Query& query, const QueryWordKeys& keys,
                                   const QueryNames& query_names, const Xapian::Database& db,
                                   IndexGazetteer& gazetteer) {
  using Q = Xapian::Query;
  const std::string title_prefix(schema::kTitle.prefix);
  const std::string word = (*query.get_terms_begin()).substr(title_prefix.size());
  const auto found = keys.find(word);
  if (!is_search_form_term(word) || found == keys.end() || !query_names.names.contains(word)) {
    return query;
  }
  const bool capitalised = query_names.typed_capitalised.contains(word);
  const std::vector<KeySpelling> under_keys =
      spellings_under_keys(db, found->second.keys, gazetteer.analyzer());
  std::vector<Q> titles;
  for (const Q& spelling :
       spellings_of_the_typed_name(db, gazetteer, word, found->second, capitalised, under_keys)) {
    const std::string exact(schema::exact_form_of_name_spelling(*spelling.get_terms_begin()));
    const std::string title_term =
        title_prefix + gazetteer.analyzer().analyze_word(with_capital(exact)).search;
    if (db.term_exists(title_term)) titles.emplace_back(title_term);
  }
  if (titles.empty()) return query;
  return Q(Q::OP_OR, query,
           Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_SYNONYM, titles.begin(), titles.end()), kNameKeyWeight));
}

}  // namespace

Xapian::Query with_name_keys(const Xapian::Query& query, const QueryWordKeys& keys,
                             const QueryNames& query_names, const Xapian::Database& db,
                             IndexGazetteer& gazetteer) {
  using Q = Xapian::Query;
  const auto key_terms = [&](const std::string& term) {
    std::vector<Q> terms;
    const auto found = keys.find(term);
    if (found == keys.end()) return terms;
    for (const std::string& key : found->second.keys) {
      terms.emplace_back(std::string(schema::kNameKey.prefix) + key);
    }
    return terms;
  };
  switch (query.get_type()) {
    case Q::LEAF_TERM: {
      const std::string term = *query.get_terms_begin();
      if (term.starts_with(schema::kTitle.prefix)) {
        return with_title_spellings(query, keys, query_names, db, gazetteer);
      }
      if (!is_search_form_term(term)) return query;
      const auto typed = query_names.typed_capitalised.find(term);
      const bool capitalised = typed != query_names.typed_capitalised.end();
      const std::vector<Q> variants = key_terms(term);
      const bool with_keys = !variants.empty() && query_names.names.contains(term);
      if (!capitalised && !with_keys) return query;
      const auto found = keys.find(term);
      const std::vector<KeySpelling> under_keys =
          found == keys.end() ? std::vector<KeySpelling>{}
                              : spellings_under_keys(db, found->second.keys, gazetteer.analyzer());
      const QueryWordNames* seen = found == keys.end() ? nullptr : &found->second;
      const Q searched = capitalised
                             ? where_written_as_the_typed_name(query, typed->second, seen,
                                                               under_keys, db, gazetteer.analyzer())
                             : query;
      if (!with_keys) return searched;
      // The keys weigh as one term, but match only in articles that have a spelling under them
      // that the corpus writes as a name.
      const std::vector<Q> spellings =
          spellings_of_the_typed_name(db, gazetteer, term, *seen, capitalised, under_keys);
      if (spellings.empty()) return searched;
      return Q(Q::OP_OR, searched,
               Q(Q::OP_SCALE_WEIGHT,
                 Q(Q::OP_FILTER, Q(Q::OP_SYNONYM, variants.begin(), variants.end()),
                   Q(Q::OP_OR, spellings.begin(), spellings.end())),
                 kNameKeyWeight));
    }
    case Q::OP_PHRASE:
    case Q::OP_NEAR: {
      // Xapian 1.4 phrases take only terms, so each reading of the phrase (or of NEAR, ADJ) is a
      // phrase of its own, in the same window: the typed forms, then each word's name key
      // (primary, then alternate) where it has one. Keys are indexed only for capitalised words,
      // so this matches names, as intended.
      const Q::op op = query.get_type();
      const Xapian::termcount window = window_of(query);
      std::vector<Q> typed;
      std::vector<Q> primary;
      std::vector<Q> alternate;
      bool any_key = false;
      bool any_alternate = false;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Q part = query.get_subquery(i);
        const std::vector<Q> variants =
            part.get_type() == Q::LEAF_TERM ? key_terms(*part.get_terms_begin()) : std::vector<Q>{};
        typed.push_back(part);
        primary.push_back(variants.empty() ? part : variants[0]);
        alternate.push_back(variants.size() > 1 ? variants[1] : primary.back());
        any_key = any_key || !variants.empty();
        any_alternate = any_alternate || variants.size() > 1;
      }
      if (!any_key) return query;
      std::vector<Q> readings{Q(op, primary.begin(), primary.end(), window)};
      if (any_alternate) readings.emplace_back(op, alternate.begin(), alternate.end(), window);
      return Q(
          Q::OP_OR, Q(op, typed.begin(), typed.end(), window),
          Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, readings.begin(), readings.end()), kNameKeyWeight));
    }
    default:
      return with_subqueries_rewritten(query, [&](const Q& part) {
        return with_name_keys(part, keys, query_names, db, gazetteer);
      });
  }
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer,
                           std::shared_ptr<IndexGazetteer> gazetteer)
    : db_(db),
      analyzer_(std::move(analyzer)),
      gazetteer_(std::move(gazetteer)),
      word_keys_(std::make_shared<QueryWordKeys>()),
      typed_capitals_(std::make_shared<TypedCapitals>()),
      stopwords_(std::begin(kStopwords), std::end(kStopwords)) {
  configure(folded_parser_, db,
            make_query_stemmer(analyzer_, WordForm::search, word_keys_, typed_capitals_), false,
            stopwords_, gazetteer_, problem_);
  configure(exact_parser_, db, make_query_stemmer(analyzer_, WordForm::exact), true, stopwords_,
            gazetteer_, problem_);
}

bool QueryBuilder::names_by_lower_case_alias(const AnalyzedWord& word) {
  // The stored alias table first: most lower-case words are no alias of any kind, and asking the
  // recogniser would parse the gazetteer.
  // By search form or, for a case form whose search form is not the alias's (Czech has no
  // stemmer: republikánů, republikáni), by a one-word alias spelt alike under its name keys.
  const std::optional<WordNaming> naming = gazetteer_->entities_named_by_word(word.forms);
  if (!naming || naming->ids.empty()) return false;
  // Not name-like: only an alias written in lower case fits (республиканцы, the members of the
  // party, names it in text; "labour" is no Labour).
  return !gazetteer_->ids_named_by({word.token.word}, {false}).empty();
}

Xapian::Query QueryBuilder::build(const std::string& text, bool exact) {
  std::string cleaned = without_acronym_case_endings(with_ascii_phrase_quotes(text));
  for (char& c : cleaned) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // NUL and other controls
  }
  if (cleaned.find_first_not_of(' ') == std::string::npos) {
    throw QueryError("the query is empty; give at least one word, e.g. `naviny search sanctions`");
  }
  reject_unknown_fields(cleaned);
  if (exact) return with_exact_phrases_on_search_forms(parse(exact_parser_, cleaned), *analyzer_);
  word_keys_->clear();
  typed_capitals_->clear();
  const std::vector<AnalyzedWord> words = analyze_words(*analyzer_, cleaned);
  for (const AnalyzedWord& word : words) {
    if (word.forms.capitalized) typed_capitals_->emplace(word.forms.exact, word.token.word);
  }
  QueryNames query_names = names_in(words);
  const ExpandWord expand = [&](const Xapian::Query& query) {
    return with_name_keys(with_entities_named(query, *gazetteer_, query_names.names, *word_keys_),
                          *word_keys_, query_names, db_, *gazetteer_);
  };
  return with_inflected_phrases(
      expand(with_base_forms(parse(folded_parser_, with_named_runs_quoted(cleaned, query_names)),
                             db_, *gazetteer_, *word_keys_, query_names, expand)),
      db_, *gazetteer_, *word_keys_, query_names.names);
}

QueryNames QueryBuilder::names_in(const std::vector<AnalyzedWord>& words) {
  // A lower-case "may" is the word the corpus writes that way: it has no other spellings under its
  // name key (Мэй) and names no entity (Theresa May's short form).
  QueryNames query_names;
  for (const AnalyzedWord& word : words) {
    if (word.forms.capitalized) {
      query_names.typed_capitalised.emplace(word.forms.search, word.forms.exact);
      query_names.names.insert(word.forms.search);
      continue;
    }
    Xapian::doccount as_name = 0;
    for (const std::string* key : word.forms.name_keys.both()) {
      if (key->empty()) continue;
      as_name =
          std::max(as_name, db_.get_termfreq(schema::name_spelling_term(*key, word.forms.exact)));
    }
    if (written_as_name(db_, as_name, word.forms.exact) || names_by_lower_case_alias(word))
      query_names.names.insert(word.forms.search);
  }
  return query_names;
}

std::vector<std::pair<std::size_t, std::size_t>> QueryBuilder::named_word_runs(
    const std::string& text) {
  // Which words are names costs look-ups in the index: not for a query that can have no run.
  if (!plain_words_only(text) || whitespace_words(text).size() < 2) return {};
  return named_word_runs(text, names_in(analyze_words(*analyzer_, text)));
}

std::vector<std::pair<std::size_t, std::size_t>> QueryBuilder::named_word_runs(
    const std::string& text, const QueryNames& query_names) {
  // With operators, quotes or fields, the reader quotes a name to have it read as one.
  if (!plain_words_only(text)) return {};
  std::vector<std::string> typed;
  for (const auto& [offset, word] : whitespace_words(text)) typed.emplace_back(word);
  return word_runs_naming_entities(typed, *gazetteer_, query_names.names, *analyzer_);
}

std::string QueryBuilder::with_named_runs_quoted(const std::string& text,
                                                 const QueryNames& query_names) {
  const auto words = whitespace_words(text);
  std::string quoted;
  std::size_t copied = 0;
  for (const auto& [first, size] : named_word_runs(text, query_names)) {
    const std::size_t begin = words[first].first;
    const std::size_t end = words[first + size - 1].first + words[first + size - 1].second.size();
    quoted += text.substr(copied, begin - copied) + '"' + text.substr(begin, end - begin) + '"';
    copied = end;
  }
  return quoted + text.substr(copied);
}

bool QueryBuilder::plain_words_only(const std::string& text) const {
  if (text.find_first_of(kSyntaxCharacters) != std::string::npos) return false;
  return std::ranges::none_of(whitespace_words(text), [](const auto& offset_and_word) {
    const std::string_view word = offset_and_word.second;
    return std::ranges::any_of(kOperatorWords, [&](std::string_view operator_word) {
      // NEAR/5, ADJ/3
      return word == operator_word || word.starts_with(std::string(operator_word) + "/");
    });
  });
}

std::size_t QueryBuilder::descriptive_words(const std::string& typed) const {
  const std::string text = with_ascii_phrase_quotes(typed);
  if (!plain_words_only(text)) return 0;
  std::size_t count = 0;
  for (const auto& [offset, word] : whitespace_words(text)) {
    if (!stopwords_(ascii_lower(word))) ++count;
  }
  return count;
}

Xapian::Query QueryBuilder::parse(Xapian::QueryParser& parser, const std::string& text) {
  Xapian::Query query;
  problem_->reset();
  try {
    query = parser.parse_query(text, kParserFlags);
    if (*problem_) throw QueryError(**problem_);
  } catch (const Xapian::QueryParserError& e) {
    // Xapian does not say where; find the first word at which the query stops parsing.
    std::string where;
    const auto words = whitespace_words(text);
    for (std::size_t n = 1; n <= words.size(); ++n) {
      const std::string prefix = text.substr(0, words[n - 1].first + words[n - 1].second.size());
      try {
        parser.parse_query(prefix, kParserFlags);
      } catch (const Xapian::QueryParserError&) {
        std::ostringstream out;
        out << " at word " << n << " ('" << words[n - 1].second << "', character "
            << words[n - 1].first + 1 << ")";
        where = out.str();
        break;
      }
    }
    throw QueryError("cannot parse the query" + where + ": " + e.get_msg() +
                     "; operators such as AND, OR, NOT and NEAR need a word on each side");
  } catch (const Xapian::Error& e) {
    throw QueryError("cannot run the query: " + e.get_msg());
  }
  if (query.empty()) {
    throw QueryError("the query has no words to search for; give at least one word");
  }
  return query;
}

}  // namespace naviny
