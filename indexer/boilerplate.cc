#include "indexer/boilerplate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "common/errors.h"
#include "common/text.h"

namespace naviny {
namespace {

// Only body lines this short (in characters) are judged: furniture is short, and a paragraph of
// real text that happens to quote "Print Friendly" must stay.
constexpr std::size_t kMaxFurnitureChars = 200;
// How many lines after a furniture title are tried as the title.
constexpr std::size_t kTitleCandidates = 3;
// A headline cut out of a run-together line has at least this many words.
constexpr std::size_t kMinHeadlineWords = 3;
// A line with a date or time stamp and fewer words than this is a dateline, not a headline.
constexpr std::size_t kMinDatelineFreeWords = 3;

constexpr std::string_view kLinePrefix = "line:";
constexpr std::string_view kCutPrefix = "cut:";
constexpr std::string_view kCrumbPrefix = "crumb:";
// Separators of breadcrumb trails ("Home / World / America / Title").
constexpr std::string_view kTrailSeparators[] = {" / ", " » ", " › ", " > ", " >> "};

// `text` without the spaces and breadcrumb separators it starts with.
std::string_view without_leading_separators(std::string_view text) {
  constexpr std::string_view kSeparators[] = {" ", "/", "|", ">", "»", "›", ":", "-", "–", "—"};
  for (bool more = true; more;) {
    more = false;
    for (const std::string_view separator : kSeparators) {
      if (text.starts_with(separator)) {
        text.remove_prefix(separator.size());
        more = true;
      }
    }
  }
  return text;
}

bool contains_any(const std::string& folded_line, const std::vector<std::string>& needles) {
  return std::any_of(needles.begin(), needles.end(), [&](const std::string& needle) {
    return folded_line.find(needle) != std::string::npos;
  });
}

std::size_t count_chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

UChar32 first_code_point(std::string_view text) {
  if (text.empty()) return -1;
  std::int32_t offset = 0;
  UChar32 c = -1;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), offset,
          static_cast<std::int32_t>(text.size()), c);
  return c;
}

// A headline starts with a capital, a digit or a quotation mark, never in mid-sentence.
bool starts_like_headline(std::string_view text) {
  const UChar32 c = first_code_point(text);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c) || u_ispunct(c));
}

// Words with at least two letters ("Minsk", "г." is not one).
std::size_t count_letter_words(const std::vector<std::string_view>& words) {
  std::size_t count = 0;
  for (const std::string_view word : words) {
    std::size_t letters = 0;
    for (std::int32_t offset = 0; offset < static_cast<std::int32_t>(word.size());) {
      UChar32 c = -1;
      U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), offset,
              static_cast<std::int32_t>(word.size()), c);
      if (c >= 0 && u_isalpha(c)) ++letters;
    }
    if (letters >= 2) ++count;
  }
  return count;
}

// Space-separated words, as views into `text`.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string_view without_punctuation_around(std::string_view word) {
  constexpr std::string_view kAround = ",;()|-";
  while (!word.empty() && kAround.find(word.front()) != std::string_view::npos)
    word.remove_prefix(1);
  while (!word.empty() && kAround.find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return word;
}

// "24.11.2018", "01/02/18", "10:45", "14:50:30".
bool is_date_or_time(std::string_view word) {
  word = without_punctuation_around(word);
  std::size_t groups = 1;
  std::size_t digits = 0;
  bool colon = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') {
      if (++digits > 4) return false;
    } else if (c == '.' || c == '/' || c == ':') {
      if (digits == 0) return false;
      colon = colon || c == ':';
      ++groups;
      digits = 0;
    } else {
      return false;
    }
  }
  if (digits == 0 && !word.empty() && word.back() == '.') --groups;  // "24.11.2018." ends a date
  return (colon && groups >= 2 && groups <= 3) || (!colon && groups == 3);
}

// "БНР", "AFP": two to six capital letters.
bool is_acronym(std::string_view word) {
  std::size_t letters = 0;
  for (std::int32_t offset = 0; offset < static_cast<std::int32_t>(word.size());) {
    UChar32 c = -1;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), offset,
            static_cast<std::int32_t>(word.size()), c);
    if (c < 0 || !u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

// Numbers and separators that sites print after a headline: "| 698 |", "0".
bool is_stamp_filler(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= '0' && c <= '9') || std::string_view(".,:/|-").find(c) != std::string_view::npos;
  });
}

// The title without the runs of stamps that open or close it: "16:19 Великобритания: …",
// "… групировка 24.11.2018 | 11:15".
std::string_view without_stamps(std::string_view title) {
  const std::vector<std::string_view> words = words_of(title);
  const auto is_stamp = [](std::string_view word) {
    return is_stamp_filler(word) || is_date_or_time(word);
  };
  // A run of numbers and separators goes only if it has a date or time in it: "Brexit 2020" stays.
  const auto stamped = [&](std::size_t from, std::size_t to) {
    return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(from),
                       words.begin() + static_cast<std::ptrdiff_t>(to), is_date_or_time);
  };
  std::size_t first = 0;
  while (first < words.size() && is_stamp(words[first])) ++first;
  if (!stamped(0, first)) first = 0;
  std::size_t last = words.size();
  // "… 04:22 БНР": a time stamp and the agency that wrote the headline.
  if (last >= 2 && is_acronym(words[last - 1]) && is_date_or_time(words[last - 2])) --last;
  while (last > first && is_stamp(words[last - 1])) --last;
  if (!stamped(last, words.size())) last = words.size();
  if (first >= last) return {};  // nothing but stamps: a dateline
  const char* begin = words[first].data();
  const char* end = words[last - 1].data() + words[last - 1].size();
  return {begin, static_cast<std::size_t>(end - begin)};
}

// A line of a date or time stamp and hardly any words: "сряда, 04 Ноември 2020 / 09:16",
// "Диана Тодорова -04 ноември 2020 | 14:50:30", not "16:19 Великобритания напуска ЕС".
bool is_dateline(std::string_view line) {
  const std::vector<std::string_view> words = words_of(line);
  if (std::none_of(words.begin(), words.end(), is_date_or_time)) return false;
  const std::vector<std::string_view> rest = words_of(without_stamps(line));
  std::vector<std::string_view> plain;  // without month names: the word after a day's number
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string_view previous = i > 0 ? without_punctuation_around(rest[i - 1]) : "";
    const bool after_day =
        !previous.empty() && previous.size() <= 2 &&
        std::all_of(previous.begin(), previous.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!after_day) plain.push_back(rest[i]);
  }
  return count_letter_words(plain) < kMinDatelineFreeWords;
}

// The last part of "Home / World / America / Title", when the parts before it are short.
std::string_view without_trail(std::string_view title) {
  for (const std::string_view separator : kTrailSeparators) {
    std::size_t separators = 0;
    std::size_t last = std::string_view::npos;
    bool short_parts = true;
    for (std::size_t start = 0, found; (found = title.find(separator, start)) != title.npos;
         start = found + separator.size()) {
      short_parts = short_parts && words_of(title.substr(start, found - start)).size() <= 3;
      ++separators;
      last = found + separator.size();
    }
    if (separators >= 2 && short_parts) return trim(title.substr(last));
  }
  return title;
}

// Where a title over kMaxTitleBytes stops being a headline: at a date or time stamp, where its
// first words come round again (the lead repeats the headline), or at its first sentence's end;
// whichever comes first after kMinHeadlineWords words. nullopt if none is found.
std::optional<std::size_t> headline_end(std::string_view title) {
  const std::vector<std::string_view> words = words_of(title);
  const auto offset_of = [&](std::size_t i) {
    return static_cast<std::size_t>(words[i].data() - title.data());
  };
  constexpr std::size_t kRepeat = 4;
  for (std::size_t i = kMinHeadlineWords; i < words.size(); ++i) {
    if (is_date_or_time(words[i])) return offset_of(i);
    if (i + kRepeat <= words.size()) {
      for (std::size_t j = 0; j + kRepeat <= i; ++j) {
        if (std::equal(words.begin() + static_cast<std::ptrdiff_t>(i),
                       words.begin() + static_cast<std::ptrdiff_t>(i + kRepeat),
                       words.begin() + static_cast<std::ptrdiff_t>(j))) {
          return offset_of(i);
        }
      }
    }
    const char last = words[i - 1].back();
    if ((last == '.' || last == '!' || last == '?') && starts_like_headline(words[i])) {
      return offset_of(i);
    }
  }
  return std::nullopt;
}

// The first non-empty lines of `body`, as views into it.
std::vector<std::string_view> leading_lines(std::string_view body, std::size_t count) {
  std::vector<std::string_view> lines;
  for_each_line(body, [&](std::string_view line) {
    if (lines.size() < count && !trim(line).empty()) lines.push_back(trim(line));
  });
  return lines;
}

// `body` with `line` (a view into it) replaced by `replacement`.
std::string replace_line(std::string_view body, std::string_view line,
                         std::string_view replacement) {
  const auto start = static_cast<std::size_t>(line.data() - body.data());
  std::string out(body.substr(0, start));
  out.append(replacement);
  out.append(body.substr(start + line.size()));
  return std::string(trim(out));
}

}  // namespace

BoilerplateFilter BoilerplateFilter::parse(std::string_view rules, std::string_view source) {
  BoilerplateFilter filter;
  std::size_t line_number = 0;
  while (!rules.empty()) {
    const std::size_t end = rules.find('\n');
    const std::string_view line = trim(rules.substr(0, end));
    rules = end == std::string_view::npos ? std::string_view{} : rules.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string>* kind = nullptr;
    std::string_view prefix;
    for (auto [rule_prefix, rule_kind] :
         {std::pair{kLinePrefix, &filter.lines_}, std::pair{kCutPrefix, &filter.cuts_},
          std::pair{kCrumbPrefix, &filter.crumbs_}}) {
      if (line.starts_with(rule_prefix)) std::tie(prefix, kind) = std::pair{rule_prefix, rule_kind};
    }
    if (kind == nullptr) {
      throw BadInputError(std::string(source) + ", line " + std::to_string(line_number) +
                          ": a rule starts with 'line:' (drop lines containing the text), "
                          "'cut:' (drop the article from such a line on) or 'crumb:' (a "
                          "navigation word that opens scraped titles)");
    }
    const std::string_view text = trim(line.substr(prefix.size()));
    if (text.empty()) {
      throw BadInputError(std::string(source) + ", line " + std::to_string(line_number) +
                          ": the rule has no text to look for");
    }
    kind->push_back(filter.folder_.fold(text));
  }
  return filter;
}

bool BoilerplateFilter::is_furniture_line(std::string_view line) const {
  const std::string folded = folder_.fold(line);
  return contains_any(folded, lines_) || contains_any(folded, cuts_);
}

std::string_view BoilerplateFilter::without_crumbs(std::string_view title) const {
  bool stripped = true;
  while (stripped && !title.empty()) {
    stripped = false;
    const std::vector<std::string_view> words = words_of(title);
    for (const std::string& crumb : crumbs_) {
      const std::size_t crumb_words = words_of(crumb).size();
      if (crumb_words > words.size()) continue;
      const std::string_view lead(
          words.front().data(),
          static_cast<std::size_t>(words[crumb_words - 1].data() + words[crumb_words - 1].size() -
                                   words.front().data()));
      if (folder_.fold(lead) != crumb) continue;
      const std::string_view rest = without_leading_separators(title.substr(lead.size()));
      // "Новости о Brexit" is a headline that starts with a navigation word, not a breadcrumb.
      if (!rest.empty() && !starts_like_headline(rest)) continue;
      title = trim(rest);
      stripped = true;
      break;
    }
  }
  return title;
}

std::string BoilerplateFilter::clean(std::string_view body) const {
  if (lines_.empty() && cuts_.empty()) return std::string(body);
  std::string out;
  out.reserve(body.size());
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
    if (count_chars(trim(line)) <= kMaxFurnitureChars) {
      const std::string folded = folder_.fold(line);
      if (contains_any(folded, cuts_)) break;
      if (contains_any(folded, lines_)) continue;
    }
    out.append(line).push_back('\n');
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

void BoilerplateFilter::clean(Article& article) const {
  const auto headline = [this](std::string_view line) -> std::optional<std::string_view> {
    if (is_furniture_line(line) || is_dateline(line)) return std::nullopt;
    const std::string_view text = without_stamps(without_crumbs(without_trail(line)));
    if (text.empty()) return std::nullopt;
    return text;
  };
  std::string title;
  std::string body = article.body;
  const std::vector<std::string_view> next_lines = leading_lines(body, kTitleCandidates);
  std::size_t used_lines = 0;  // lines of the body above the one the title was taken from
  // The title line, then the lines below it.
  std::vector<std::string_view> candidates{article.title};
  candidates.insert(candidates.end(), next_lines.begin(), next_lines.end());
  std::vector<std::optional<std::string_view>> headlines;
  for (const std::string_view line : candidates) headlines.push_back(headline(line));
  // A clear headline: a few words, not a paragraph.
  const auto clear = [](const std::optional<std::string_view>& text) {
    return text && words_of(*text).size() >= kMinHeadlineWords && text->size() <= kMaxTitleBytes &&
           !text->ends_with('.');
  };
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!headlines[i]) continue;
    // One word ("Германия", a site's name) over a clear headline is a section label.
    if (words_of(*headlines[i]).size() == 1 &&
        std::any_of(headlines.begin() + static_cast<std::ptrdiff_t>(i) + 1, headlines.end(),
                    clear)) {
      continue;
    }
    title = std::string(*headlines[i]);
    used_lines = i;
    if (i > 0) body = replace_line(body, candidates[i], "");
    break;
  }
  if (title.empty()) {  // no line is a headline: keep the title as it is
    article.body = clean(article.body);
    return;
  }
  // A line just below that the title ends or starts with is the headline without its
  // breadcrumbs, or without the paragraph run into it.
  for (const std::string_view line : leading_lines(body, used_lines + kTitleCandidates)) {
    const bool long_enough =
        words_of(line).size() >= kMinHeadlineWords && line.size() < title.size();
    if (long_enough && (std::string_view(title).ends_with(line) || title.starts_with(line))) {
      title = std::string(line);
      break;
    }
  }
  if (title.size() > kMaxTitleBytes) {
    if (const auto end = headline_end(title)) {
      const std::string lead = std::string(trim(std::string_view(title).substr(*end)));
      title = std::string(trim(std::string_view(title).substr(0, *end)));
      body = lead + "\n\n" + body;
    }
  }
  article.title = std::move(title);
  article.body = clean(body);
}

}  // namespace naviny
