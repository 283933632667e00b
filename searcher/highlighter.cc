#include "searcher/highlighter.h"

#include <algorithm>

#include "analyzers/tokenizer.h"
#include "common/schema.h"
#include "searcher/query_rewrite.h"

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

Highlighter::Highlighter(const Xapian::Database& db, const Xapian::Query& query) : db_(db) {
  const std::string title(schema::kTitle.prefix);
  const std::string exact(schema::kExact.prefix);
  const std::string key(schema::kNameKey.prefix);
  const std::string spelling(schema::kNameSpelling.prefix);
  // A single word's key matches only the spellings the query lists under it (Wahl's key is also
  // Welle's): those are highlighted by their exact-form terms, which have positions, and the key
  // itself only where the query lists none (a phrase's second reading).
  std::vector<std::string> keys_with_spellings;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::string& t = *term;
    const std::size_t colon = t.find(':');
    if (t.starts_with(spelling) && colon != std::string::npos) {
      keys_with_spellings.push_back(key + t.substr(spelling.size(), colon - spelling.size()));
      terms_.push_back(exact + t.substr(colon + 1));
    } else if (t.starts_with(exact) || t.starts_with(key) || is_search_form_term(t)) {
      terms_.push_back(t);
    } else if (t.starts_with(title)) {
      // A title: query highlights the same word in the body, where it has no title term.
      terms_.push_back(t.substr(title.size()));
    }
  }
  std::erase_if(terms_, [&](const std::string& t) {
    return std::ranges::find(keys_with_spellings, t) != keys_with_spellings.end();
  });
  std::sort(terms_.begin(), terms_.end());
  terms_.erase(std::unique(terms_.begin(), terms_.end()), terms_.end());
}

std::vector<std::size_t> Highlighter::matched_words(Xapian::docid docid) const {
  std::vector<std::size_t> words;
  for (const std::string& term : terms_) {
    for (auto position = db_.positionlist_begin(docid, term);
         position != db_.positionlist_end(docid, term); ++position) {
      if (*position >= schema::kBodyFirstPosition) {
        words.push_back(static_cast<std::size_t>(*position - schema::kBodyFirstPosition));
      }
    }
  }
  return words;
}

Snippet Highlighter::snippet(Xapian::docid docid, std::string_view text,
                             std::size_t max_bytes) const {
  std::vector<Word> words;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.next(token)) words.push_back({token.begin, token.end, false});
  for (const std::size_t matched : matched_words(docid)) {
    if (matched < words.size()) words[matched].matched = true;
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
