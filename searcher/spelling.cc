#include "searcher/spelling.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/inflected_phrases.h"
#include "searcher/query_builder.h"

namespace naviny {
namespace {

// Shorter words are too alike for one edit to tell a typo from another word.
constexpr std::size_t kMinLetters = 4;
// The spelling table's trigram look-up, for Latin words no alias or index word corrects.
constexpr unsigned kMaxSpellingTableEdits = 2;

// Whether the word at `offset` of a query is inside a phrase quoted with ASCII double quotes.
bool inside_quotes(std::string_view query, std::size_t offset) {
  return std::ranges::count(query.substr(0, offset), '"') % 2 == 1;
}

std::string exact_term(std::string_view exact) {
  return std::string(schema::kExact.prefix) + std::string(exact);
}

std::size_t edit_bound(std::size_t letters) {
  return letters >= SpellingSuggester::kLongWordLetters ? 2 : 1;
}

// The fewer edits of the word's exact and (for an alias) romanized spelling: one romanized edit
// may be several letters of the script (Тихановская, Tikhanovskaya), and the other way round
// (Zełenski, Zelenski).
std::size_t edits_to(const std::u32string& exact, const std::u32string& romanized,
                     std::u32string_view spelling_exact, std::u32string_view spelling_romanized,
                     std::size_t bound) {
  std::size_t edits = spelling_distance(exact, spelling_exact, bound);
  if (!spelling_romanized.empty()) {
    edits = std::min(edits, spelling_distance(romanized, spelling_romanized, bound));
  }
  return edits;
}

}  // namespace

std::u32string letters_of(std::string_view utf8) {
  std::u32string letters;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto size = static_cast<int32_t>(utf8.size());
  int32_t offset = 0;
  while (offset < size) {
    UChar32 letter;
    U8_NEXT(bytes, offset, size, letter);
    letters.push_back(letter < 0 ? U'\uFFFD' : static_cast<char32_t>(letter));
  }
  return letters;
}

std::size_t spelling_distance(std::u32string_view a, std::u32string_view b, std::size_t bound) {
  const std::size_t beyond = bound + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return beyond;
  // Three rows of the edit table: two back (for swaps), the last one and this one.
  std::vector<std::size_t> before(b.size() + 1), last(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) last[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t least = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t replace = last[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, replace});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      least = std::min(least, row[j]);
    }
    if (least > bound) return beyond;
    std::swap(before, last);
    std::swap(last, row);
  }
  return std::min(last[b.size()], beyond);
}

bool is_case_form_of(std::string_view word, std::string_view name) {
  // Two letters swapped are a typo, also among the final vowels (Pompoe, Pompeo).
  if (word.size() == name.size()) {
    const std::size_t first = common_prefix_size(word, name);
    if (first + 2 <= word.size() && word[first] == name[first + 1] &&
        word[first + 1] == name[first] && word.substr(first + 2) == name.substr(first + 2)) {
      return false;
    }
  }
  std::string_view stem = name;
  while (!stem.empty() && std::string_view("aeiou").find(stem.back()) != std::string_view::npos) {
    stem.remove_suffix(1);
  }
  return stem.size() >= kMinLetters - 1 && word.starts_with(stem) &&
         word.size() - stem.size() <= kMaxCaseEndingLetters;
}

SpellingSuggester::SpellingSuggester(const Xapian::Database& db, std::shared_ptr<Analyzer> analyzer,
                                     std::shared_ptr<IndexGazetteer> gazetteer,
                                     QueryBuilder& builder)
    : db_(db),
      analyzer_(std::move(analyzer)),
      gazetteer_(std::move(gazetteer)),
      builder_(builder) {}

std::string SpellingSuggester::suggestion(const std::string& query) {
  std::string corrected;
  std::size_t copied = 0;
  const auto words = whitespace_words(query);
  // The words of a name the recogniser reads in them are right as typed, even where no article
  // writes them so (Democratic Party, whose articles write Демократическая партия).
  std::vector<bool> in_a_name(words.size());
  for (const auto& [first, size] : builder_.named_word_runs(query)) {
    std::fill_n(in_a_name.begin() + static_cast<std::ptrdiff_t>(first), size, true);
  }
  std::size_t checked = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& [offset, word] = words[i];
    if (checked == SpellingSuggester::kMaxWordsChecked) break;
    if (in_a_name[i]) continue;
    // Only whole plain words: not operators, fields, phrases or numbers; nor acronyms, too short
    // to tell from one another by a letter.
    if (word.find(':') != std::string::npos || written_in_capitals(word)) continue;
    const std::vector<AnalyzedWord> analysed = analyze_words(*analyzer_, word);
    if (analysed.size() != 1 || analysed[0].token.word != word) continue;
    // In a phrase, a word the corpus writes in another case form is read in that form already
    // (inflected_phrases.h): "Nová vlámská aliance" finds "Nové vlámské aliance". Only a word the
    // index lacks is looked at, as correction() would.
    if (inside_quotes(query, offset) && !in_index(analysed[0].forms) &&
        in_another_case_form(analysed[0].forms.exact)) {
      continue;
    }
    ++checked;
    const std::optional<std::string> replacement = correction(analysed[0]);
    if (!replacement) continue;
    corrected.append(query, copied, offset - copied).append(*replacement);
    copied = offset + word.size();
  }
  if (copied == 0) return {};
  corrected.append(query, copied);
  // Each correction finds articles alone (correction()); together they may not.
  if (words.size() > 1 && matches(corrected) == 0) return {};
  return corrected;
}

bool SpellingSuggester::in_index(const WordForms& forms) const {
  return db_.term_exists(forms.search) || db_.term_exists(exact_term(forms.exact));
}

bool SpellingSuggester::in_another_case_form(const std::string& exact) const {
  return std::ranges::any_of(case_forms_of(exact), [&](const std::string& form) {
    return db_.term_exists(exact_term(form));
  });
}

std::optional<std::string> SpellingSuggester::correction(const AnalyzedWord& word) {
  const WordForms& forms = word.forms;
  const std::u32string exact = letters_of(forms.exact);
  if (forms.romanized.empty() || exact.size() < kMinLetters) return std::nullopt;
  if (in_index(forms)) return std::nullopt;
  if (const auto naming = gazetteer_->entities_named_by_word(forms);
      naming && !naming->ids.empty()) {
    if (!naming->by_likeness) return std::nullopt;
    return likeness_correction(word, naming->ids);
  }
  // A spelling that neither the index nor the gazetteer has may still find articles through the
  // name keys it shares with names (Lukahsenko, by Lukashenko's): corrected, it must find as many.
  const Xapian::doccount wanted = std::max<Xapian::doccount>(1, matches(word.token.word));

  const std::size_t bound = edit_bound(exact.size());
  const std::u32string romanized = letters_of(forms.romanized);
  const Script script = dominant_script(forms.exact);
  std::vector<Spelling> index_words;
  add_index_words(word, bound, index_words);
  std::vector<Candidate> candidates;
  const auto consider = [&](const Spelling& spelling) {
    const std::size_t edits =
        edits_to(exact, romanized, spelling.exact_letters, spelling.romanized_letters, bound);
    if (edits <= bound) candidates.push_back({&spelling, edits, 0});
  };
  for (const Spelling& alias : aliases()) {
    if (alias.script == script) consider(alias);
  }
  for (const Spelling& index_word : index_words) consider(index_word);
  if (auto text = first_that_finds(std::move(candidates), word, wanted)) return text;

  if (script != Script::latin) return std::nullopt;
  const std::string nearest = db_.get_spelling_suggestion(forms.romanized, kMaxSpellingTableEdits);
  if (nearest.empty()) return std::nullopt;
  std::string text = as_typed(word, nearest);
  if (matches(text) < wanted) return std::nullopt;
  return text;
}

// A word that names an entity only by a likeness of spelling found its articles; it is corrected
// only if it is no case form of an alias of that entity in its script.
std::optional<std::string> SpellingSuggester::likeness_correction(
    const AnalyzedWord& word, const std::vector<std::string>& ids) {
  const WordForms& forms = word.forms;
  const std::u32string exact = letters_of(forms.exact);
  const std::u32string romanized = letters_of(forms.romanized);
  const std::size_t bound = edit_bound(exact.size());
  const Script script = dominant_script(forms.exact);
  std::vector<Candidate> candidates;
  for (const Spelling& alias : aliases()) {
    if (alias.script != script || std::ranges::find(ids, alias.id) == ids.end()) {
      continue;
    }
    if (is_case_form_of(forms.romanized, alias.romanized)) return std::nullopt;
    const std::size_t edits =
        edits_to(exact, romanized, alias.exact_letters, alias.romanized_letters, bound);
    if (edits <= bound) candidates.push_back({&alias, edits, 0});
  }
  return first_that_finds(std::move(candidates), word, 1);
}

// The first candidate that finds `wanted` articles or more, of the kCandidatesTried with the
// fewest edits, then the spellings most articles have.
std::optional<std::string> SpellingSuggester::first_that_finds(std::vector<Candidate> candidates,
                                                               const AnalyzedWord& word,
                                                               Xapian::doccount wanted) {
  // One spelling may be an alias of several entities and a word of the index too.
  std::ranges::sort(candidates, [](const Candidate& a, const Candidate& b) {
    return std::tie(a.spelling->exact, a.edits) < std::tie(b.spelling->exact, b.edits);
  });
  const auto duplicates = std::ranges::unique(candidates, [](const auto& a, const auto& b) {
    return a.spelling->exact == b.spelling->exact;
  });
  candidates.erase(duplicates.begin(), duplicates.end());
  for (Candidate& candidate : candidates) {
    candidate.frequency = db_.get_termfreq(exact_term(candidate.spelling->exact));
  }
  std::ranges::sort(candidates, [](const Candidate& a, const Candidate& b) {
    if (a.edits != b.edits) return a.edits < b.edits;
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    return a.spelling->exact < b.spelling->exact;
  });
  for (std::size_t i = 0; i < candidates.size() && i < kCandidatesTried; ++i) {
    std::string text = as_typed(word, candidates[i].spelling->exact);
    if (matches(text) >= wanted) return text;
  }
  return std::nullopt;
}

// The index's words (exact forms) that begin with the word's first letter and are at most `bound`
// edits from it.
void SpellingSuggester::add_index_words(const AnalyzedWord& word, std::size_t bound,
                                        std::vector<Spelling>& words) const {
  const std::string& exact = word.forms.exact;
  const std::u32string letters = letters_of(exact);
  std::size_t first_letter_bytes = 1;
  while (first_letter_bytes < exact.size() &&
         (static_cast<unsigned char>(exact[first_letter_bytes]) & 0xC0) == 0x80) {
    ++first_letter_bytes;
  }
  const std::string prefix = exact_term(exact.substr(0, first_letter_bytes));
  const Script script_of_word = dominant_script(exact);
  const std::size_t prefix_size = schema::kExact.prefix.size();
  std::u32string term_letters;
  for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term) {
    const std::string& name = *term;
    // A letter is one to four bytes: a term whose bytes alone show too many letters added or
    // dropped is not decoded.
    const std::size_t bytes = name.size() - prefix_size;
    if (bytes + bound < letters.size() || bytes > 4 * (letters.size() + bound)) continue;
    term_letters = letters_of(std::string_view(name).substr(prefix_size));
    if (spelling_distance(letters, term_letters, bound) <= bound) {
      words.push_back({name.substr(prefix_size), {}, term_letters, {}, script_of_word, {}});
    }
  }
}

const std::vector<SpellingSuggester::Spelling>& SpellingSuggester::aliases() {
  if (!aliases_) {
    aliases_.emplace();
    for (IndexGazetteer::AliasSpelling& alias : gazetteer_->one_word_aliases()) {
      const Script script = dominant_script(alias.exact);
      aliases_->push_back({std::move(alias.exact),
                           std::move(alias.romanized),
                           {},
                           {},
                           script,
                           std::move(alias.id)});
      aliases_->back().exact_letters = letters_of(aliases_->back().exact);
      aliases_->back().romanized_letters = letters_of(aliases_->back().romanized);
    }
  }
  return *aliases_;
}

std::string SpellingSuggester::as_typed(const AnalyzedWord& word, const std::string& exact) const {
  return word.forms.capitalized ? with_capital(exact) : exact;
}

Xapian::doccount SpellingSuggester::matches(const std::string& text) {
  Xapian::Query query;
  try {
    query = builder_.build(text, false);
  } catch (const QueryError&) {
    return 0;
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  const Xapian::MSet found = enquire.get_mset(0, 1);
  return found.empty() ? 0 : std::max<Xapian::doccount>(1, found.get_matches_estimated());
}

}  // namespace naviny
