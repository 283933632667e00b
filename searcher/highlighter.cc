#include "searcher/highlighter.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/tokenizer.h"
#include "common/schema.h"
#include "searcher/exact_phrases.h"
#include "searcher/query_rewrite.h"

namespace naviny {
namespace {

constexpr std::string_view kEllipsis = "…";
// Words shown before the first marked word, at most, for context: fewer where a sentence begins
// sooner, or where they would take more than a third of the snippet.
constexpr std::size_t kLeadWords = 6;

struct Word {
  std::size_t begin;
  std::size_t end;
  bool marked;
};

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

bool continues_a_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Counts characters as a snippet shows them: code points, each run of white space as one space.
class ShownCharacters {
 public:
  explicit ShownCharacters(std::string_view text) : before_(text.size() + 1) {
    std::uint32_t count = 0;
    bool after_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      before_[i] = count;
      if (continues_a_character(text[i])) continue;
      const bool space = is_space(text[i]);
      if (!space || !after_space) ++count;
      after_space = space;
    }
    before_[text.size()] = count;
  }
  // Characters shown of the bytes [begin, end), both at character boundaries.
  std::size_t between(std::size_t begin, std::size_t end) const {
    return before_[end] - before_[begin];
  }
  // The last character boundary at or after `begin` up to which at most `characters` are shown.
  std::size_t cut(std::string_view text, std::size_t begin, std::size_t characters) const {
    std::size_t end = begin;
    for (std::size_t next = begin + 1; next <= text.size(); ++next) {
      if (next < text.size() && continues_a_character(text[next])) continue;
      if (between(begin, next) > characters) break;
      end = next;
    }
    return end;
  }

 private:
  std::vector<std::uint32_t> before_;
};

// The words of a body and where a passage of them begins and ends as shown.
class Passages {
 public:
  Passages(std::string_view text, std::vector<Word> words)
      : text_(text), words_(std::move(words)), shown_(text) {}

  const std::vector<Word>& words() const { return words_; }
  const ShownCharacters& shown() const { return shown_; }

  // Where a passage opening with word `i` begins: the first word, with whatever comes before it
  // (an opening quote), else the word.
  std::size_t begin_of(std::size_t i) const {
    if (i > 0) return words_[i].begin;
    std::size_t begin = 0;
    while (begin < words_[0].begin && is_space(text_[begin])) ++begin;
    return begin;
  }
  // Where a passage closing with word `i` ends: with the punctuation that follows the word.
  std::size_t end_of(std::size_t i) const {
    const std::size_t limit = i + 1 < words_.size() ? words_[i + 1].begin : text_.size();
    std::size_t end = words_[i].end;
    while (end < limit && !is_space(text_[end])) ++end;
    return end;
  }
  // Characters shown of the passage from word `first` to word `last`.
  std::size_t length(std::size_t first, std::size_t last) const {
    return shown_.between(begin_of(first), end_of(last));
  }
  bool opens_sentence(std::size_t i) const {
    if (i == 0) return true;
    const std::string_view gap =
        text_.substr(words_[i - 1].end, words_[i].begin - words_[i - 1].end);
    return gap.find_first_of(".!?\n") != std::string_view::npos ||
           gap.find(kEllipsis) != std::string_view::npos;
  }

 private:
  std::string_view text_;
  std::vector<Word> words_;
  ShownCharacters shown_;
};

struct Window {
  std::size_t first = 0;  // words, both included
  std::size_t last = 0;
};

// The run of marked words with the most of them that fits in `budget` characters; the earliest
// wins a tie. The opening word if none is marked.
Window densest_marked(const Passages& passages, std::size_t budget) {
  std::vector<std::size_t> marked;
  for (std::size_t i = 0; i < passages.words().size(); ++i) {
    if (passages.words()[i].marked) marked.push_back(i);
  }
  if (marked.empty()) return {};
  Window best{marked.front(), marked.front()};
  std::size_t best_count = 1;
  std::size_t b = 0;
  for (std::size_t a = 0; a < marked.size(); ++a) {
    b = std::max(a, b);
    while (b + 1 < marked.size() && passages.length(marked[a], marked[b + 1]) <= budget) ++b;
    if (b - a + 1 > best_count) {
      best_count = b - a + 1;
      best = {marked[a], marked[b]};
    }
  }
  return best;
}

// Widens `window` with context to fill `budget` characters: a few words before it (back to the
// start of a sentence), then words after it, then, at the end of the body, more words before.
Window with_context(const Passages& passages, Window window, std::size_t budget) {
  const std::size_t opening = window.first;
  const auto fits = [&](std::size_t first, std::size_t last) {
    return passages.length(first, last) <= budget;
  };
  while (window.first > 0 && opening - window.first < kLeadWords &&
         !passages.opens_sentence(window.first) && fits(window.first - 1, window.last) &&
         passages.length(window.first - 1, opening) <= budget / 3) {
    --window.first;
  }
  while (window.last + 1 < passages.words().size() && fits(window.first, window.last + 1)) {
    ++window.last;
  }
  if (window.last + 1 == passages.words().size()) {
    while (window.first > 0 && fits(window.first - 1, window.last)) --window.first;
  }
  return window;
}

// Appends `text` with each run of white space as one space.
void append_shown(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (!is_space(c)) {
      out.push_back(c);
    } else if (out.empty() || out.back() != ' ') {
      out.push_back(' ');
    }
  }
}

}  // namespace

Highlighter::Highlighter(const Xapian::Database& db, const Xapian::Query& query, Analyzer& analyzer,
                         bool exact_query)
    : db_(db), analyzer_(analyzer) {
  const std::string title(schema::kTitle.prefix);
  const std::string exact(schema::kExact.prefix);
  const std::string key(schema::kNameKey.prefix);
  const std::string spelling(schema::kNameSpelling.prefix);
  // A single word's key matches only the spellings the query lists under it (Wahl's key is also
  // Welle's): those are highlighted as exact forms, and the key itself only where the query lists
  // none (a phrase's second reading).
  std::vector<std::string> keys_with_spellings;
  std::vector<std::string> exact_forms;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::string& t = *term;
    const std::size_t colon = t.find(':');
    if (t.starts_with(schema::kEntity.prefix)) {
      // Before the exact forms: their prefix begins this one (exact forms are case-folded, so no
      // exact form's term begins "XENT").
      entity_terms_.push_back(t);
    } else if (t.starts_with(spelling) && colon != std::string::npos) {
      keys_with_spellings.push_back(key + t.substr(spelling.size(), colon - spelling.size()));
      exact_forms.push_back(t.substr(colon + 1));
    } else if (t.starts_with(exact)) {
      exact_forms.push_back(t.substr(exact.size()));
    } else if (exact_query && is_search_form_term(t)) {
      // Only in the phrases of exact forms rewritten onto them (exact_phrases.h), which match
      // where the exact forms do.
    } else if (t.starts_with(key) || is_search_form_term(t)) {
      terms_.push_back(t);
    } else if (t.starts_with(title)) {
      // A title: query highlights the same word in the body, where it has no title term.
      terms_.push_back(t.substr(title.size()));
    }
  }
  std::erase_if(terms_, [&](const std::string& t) {
    return std::ranges::find(keys_with_spellings, t) != keys_with_spellings.end();
  });
  for (std::vector<std::string>* terms : {&terms_, &entity_terms_, &exact_forms}) {
    std::sort(terms->begin(), terms->end());
    terms->erase(std::unique(terms->begin(), terms->end()), terms->end());
  }
  // Exact forms have no positions: a word of one is found among the words of its search forms.
  for (const std::string& form : exact_forms) {
    for (const std::string& search : search_forms_of_exact(form, analyzer_)) {
      exact_forms_by_search_term_[search].push_back(form);
    }
  }
}

std::vector<std::size_t> Highlighter::body_words(Xapian::docid docid,
                                                 const std::string& term) const {
  std::vector<std::size_t> words;
  for (auto position = db_.positionlist_begin(docid, term);
       position != db_.positionlist_end(docid, term); ++position) {
    if (*position >= schema::kBodyFirstPosition) {
      words.push_back(static_cast<std::size_t>(*position - schema::kBodyFirstPosition));
    }
  }
  return words;
}

std::vector<std::size_t> Highlighter::marked_words(Xapian::docid docid,
                                                   const std::vector<std::string>& texts) const {
  std::vector<std::size_t> marked;
  for (const std::string& term : terms_) {
    for (const std::size_t word : body_words(docid, term)) marked.push_back(word);
  }
  for (const auto& [search_term, exact_forms] : exact_forms_by_search_term_) {
    for (const std::size_t word : body_words(docid, search_term)) {
      if (word < texts.size() &&
          std::ranges::find(exact_forms, analyzer_.analyze_word(texts[word]).exact) !=
              exact_forms.end()) {
        marked.push_back(word);
      }
    }
  }
  std::sort(marked.begin(), marked.end());
  const auto is_marked = [&](std::size_t word) {
    return std::binary_search(marked.begin(), marked.end(), word);
  };
  std::vector<std::size_t> mentions;
  for (const std::string& term : entity_terms_) {
    const std::vector<std::size_t> words = body_words(docid, term);
    // A mention is a run of consecutive words.
    for (std::size_t first = 0, last = 0; first < words.size(); first = last) {
      last = first + 1;
      while (last < words.size() && words[last] == words[last - 1] + 1) ++last;
      if (std::none_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                       words.begin() + static_cast<std::ptrdiff_t>(last), is_marked)) {
        mentions.insert(mentions.end(), words.begin() + static_cast<std::ptrdiff_t>(first),
                        words.begin() + static_cast<std::ptrdiff_t>(last));
      }
    }
  }
  marked.insert(marked.end(), mentions.begin(), mentions.end());
  std::sort(marked.begin(), marked.end());
  marked.erase(std::unique(marked.begin(), marked.end()), marked.end());
  return marked;
}

Snippet Highlighter::snippet(Xapian::docid docid, std::string_view text,
                             std::size_t max_characters) const {
  std::vector<Word> words;
  std::vector<std::string> word_texts;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.next(token)) {
    words.push_back({token.begin, token.end, false});
    // Read only to tell an exact form's words among its search forms' (marked_words).
    if (!exact_forms_by_search_term_.empty()) word_texts.push_back(std::move(token.word));
  }
  if (!words.empty()) {
    for (const std::size_t marked : marked_words(docid, word_texts)) {
      if (marked < words.size()) words[marked].marked = true;
    }
  }
  const Passages passages(text, std::move(words));
  // Room for an ellipsis at each end.
  const std::size_t budget = max_characters > 2 ? max_characters - 2 : 0;

  std::size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  std::size_t end = text.size();
  Window window;
  if (!passages.words().empty()) {
    window = with_context(passages, densest_marked(passages, budget), budget);
    begin = passages.begin_of(window.first);
    end = passages.end_of(window.last);
  }
  // A passage longer than the budget has a single word, or a long run of what is no word.
  if (passages.shown().between(begin, end) > budget)
    end = passages.shown().cut(text, begin, budget);
  const bool more_before =
      std::any_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin),
                  [](char c) { return !is_space(c); });
  const bool more_after = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(end), text.end(),
                                      [](char c) { return !is_space(c); });

  Snippet snippet;
  if (more_before) snippet.text.append(kEllipsis);
  std::size_t copied = begin;
  for (std::size_t i = window.first; i < passages.words().size(); ++i) {
    const Word& word = passages.words()[i];
    if (word.begin >= end) break;
    if (!word.marked) continue;
    append_shown(snippet.text, text.substr(copied, word.begin - copied));
    const std::size_t mark = snippet.text.size();
    const std::size_t word_end = std::min(word.end, end);
    snippet.text.append(text.substr(word.begin, word_end - word.begin));
    snippet.highlights.emplace_back(mark, snippet.text.size());
    copied = word_end;
  }
  append_shown(snippet.text, text.substr(copied, end - copied));
  if (more_after) snippet.text.append(kEllipsis);
  return snippet;
}

}  // namespace naviny
