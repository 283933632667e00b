#include "searcher/highlighter.h"

#include <algorithm>

#include "common/schema.h"

namespace naviny {
namespace {

constexpr std::size_t kWindowWords = 24;
constexpr std::string_view kEllipsis = "…";

struct Word {
  std::size_t begin;
  std::size_t end;
  bool matched;
};

// Cuts at a UTF-8 character boundary at or before `offset`.
std::size_t char_boundary(std::string_view text, std::size_t offset) {
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  return offset;
}

}  // namespace

Highlighter::Highlighter(const Xapian::Query& query, Analyzer& analyzer) : analyzer_(analyzer) {
  // snippet() asks analyze_word() directly; analyze_text() is what keeps the analyzer's memo
  // bounded, so give it its turn once per search (no reference into the memo is held here).
  analyzer_.analyze_text("", [](const Token&, const WordForms&) {});
  const std::string title(schema::kTitle.prefix);
  const std::string exact(schema::kExact.prefix);
  const std::string key(schema::kNameKey.prefix);
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::string& t = *term;
    if (t.starts_with(exact)) {
      exact_forms_.insert(t.substr(exact.size()));
    } else if (t.starts_with(key)) {
      keys_.insert(t.substr(key.size()));
    } else if (t.starts_with(title)) {
      search_forms_.insert(t.substr(title.size()));
    } else if (!t.empty() && !(t[0] >= 'A' && t[0] <= 'Z')) {
      search_forms_.insert(t);
    }
  }
}

bool Highlighter::matches(const WordForms& forms) const {
  if (search_forms_.contains(forms.search) || exact_forms_.contains(forms.exact)) return true;
  // As in the index: only capitalised words carry name keys.
  return forms.capitalized && ((!forms.key.empty() && keys_.contains(forms.key)) ||
                               (!forms.alt_key.empty() && keys_.contains(forms.alt_key)));
}

Snippet Highlighter::snippet(std::string_view text, std::size_t max_bytes) const {
  std::vector<Word> words;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.next(token)) {
    auto found = matched_words_.find(token.word);
    if (found == matched_words_.end()) {
      found = matched_words_.emplace(token.word, matches(analyzer_.analyze_word(token.word))).first;
    }
    words.push_back({token.begin, token.end, found->second});
  }
  // The window of words with the most matches; the earliest wins a tie.
  std::size_t best_start = 0;
  std::size_t best_score = 0;
  std::size_t score = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    score += words[i].matched ? 1 : 0;
    if (i >= kWindowWords) score -= words[i - kWindowWords].matched ? 1 : 0;
    if (score > best_score) {
      best_score = score;
      best_start = i + 1 > kWindowWords ? i + 1 - kWindowWords : 0;
    }
  }
  // Start a little before the first match of the window, for context.
  std::size_t first = best_start;
  while (first < words.size() && best_score > 0 && !words[first].matched) ++first;
  first = first >= 3 ? first - 3 : 0;
  if (first > best_start) first = best_start;

  Snippet snippet;
  const std::size_t begin = words.empty() ? 0 : words[first].begin;
  const std::size_t end = char_boundary(text, std::min(text.size(), begin + max_bytes));
  if (begin > 0) snippet.text.append(kEllipsis);
  std::size_t copied = begin;
  for (std::size_t i = first; i < words.size() && words[i].end <= end; ++i) {
    if (!words[i].matched) continue;
    snippet.text.append(text.substr(copied, words[i].begin - copied));
    const std::size_t mark = snippet.text.size();
    snippet.text.append(text.substr(words[i].begin, words[i].end - words[i].begin));
    snippet.highlights.emplace_back(mark, snippet.text.size());
    copied = words[i].end;
  }
  snippet.text.append(text.substr(copied, end - copied));
  if (end < text.size()) snippet.text.append(kEllipsis);
  for (char& c : snippet.text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return snippet;
}

}  // namespace naviny
