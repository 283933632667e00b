#include "analyzers/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/uvernum.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "analyzers/case_folder.h"
#include "analyzers/name_key.h"
#include "analyzers/script.h"
#include "analyzers/transliteration.h"
#include "common/hash.h"

namespace naviny {
namespace {

// Russian Snowball reads the -ов/-ев that ends a surname in the nominative as a plural ending
// (Медведев -> медвед, the stem of медведь "bear"; Иванов -> иван, the first name) but keeps it in
// every other case (Медведева, Медведеву -> медведев). In a capitalised word it is kept, so that a
// surname has one stem of its own.
bool cut_surname_suffix(std::string_view word, std::string_view stem) {
  return word.size() == stem.size() + std::string_view("ов").size() && word.starts_with(stem) &&
         (word.ends_with("ов") || word.ends_with("ев"));
}

// Vocabulary grows with the corpus; past this many distinct words the memo starts afresh.
constexpr std::size_t kMaxCachedWords = 1'000'000;

// Up to this many capitalised words at the start of a sentence, analyze_words looks for each
// among the words written in lower case instead of building a set of them.
constexpr std::ptrdiff_t kMaxScansForLowerCase = 2;

// Whether the text between two words ends a sentence.
bool ends_sentence(std::string_view gap) {
  return gap.find_first_of(".!?\n") != std::string_view::npos ||
         gap.find("\u2026") != std::string_view::npos;
}

constexpr std::string_view kPolishNasals[][2] = {{"\u0119", "e"}, {"\u0105", "a"}};  // ę, ą

bool has_polish_nasal(std::string_view word) {
  for (const auto& nasal : kPolishNasals) {
    if (word.find(nasal[0]) != std::string_view::npos) return true;
  }
  return false;
}

std::string denasalize(std::string_view word) {
  std::string out(word);
  for (const auto& [nasal, plain] : kPolishNasals) {
    for (std::size_t at = out.find(nasal); at != std::string::npos; at = out.find(nasal, at)) {
      out.replace(at, nasal.size(), plain);
      at += plain.size();
    }
  }
  return out;
}

}  // namespace

struct Analyzer::Parts {
  CaseFolder case_folder;
  Romanizer romanizer;
  Xapian::Stem russian{"russian"};
  Xapian::Stem english{"english"};
};

Analyzer::Analyzer() : parts_(std::make_unique<Parts>()) {
  fingerprint_ = "naviny-analyzer/" + std::to_string(kVersion) + " icu/" U_ICU_VERSION + " rules/" +
                 to_hex(fnv1a64(Romanizer::rules()));
}

Analyzer::~Analyzer() = default;

const WordForms& Analyzer::analyze_word(std::string_view word) {
  auto found = cache_.find(word);
  if (found == cache_.end()) found = cache_.emplace(std::string(word), compute(word)).first;
  return found->second;
}

void Analyzer::trim_cache() {
  if (cache_.size() > kMaxCachedWords) cache_.clear();
}

WordForms Analyzer::compute(std::string_view word) const {
  WordForms forms;
  // Every form, the exact one included, comes from the word as it reads, so that "Тeкcac" typed
  // with Latin e, c, a, c is found, highlighted and spelt as Тексас.
  forms.exact = read_lookalikes_in_word_script(parts_->case_folder.fold(word));
  forms.capitalized = starts_with_capital(word);
  std::string stemmed;
  // Stemmers cut names hard (Russian "оксана" -> "окса", English "eshche" -> "eshch"), so name
  // keys come from the unstemmed romanized word and cut Slavic endings of their own.
  std::string unstemmed_romanized;
  // The same with Polish ę and ą read as plain e and a, when the word has them.
  std::string denasalized_romanized;
  forms.script = dominant_script(forms.exact);
  switch (forms.script) {
    case Script::cyrillic: {
      const std::string prepared = prepare_for_russian_stemmer(forms.exact);
      stemmed = parts_->russian(prepared);
      if (forms.capitalized && cut_surname_suffix(prepared, stemmed)) stemmed = prepared;
      unstemmed_romanized = parts_->romanizer.romanize(prepared);
      break;
    }
    case Script::latin: {
      stemmed = parts_->english(forms.exact);
      std::string_view unstemmed = forms.exact;
      if (unstemmed.ends_with("'s")) unstemmed.remove_suffix(2);  // Putin's
      unstemmed_romanized = parts_->romanizer.romanize(unstemmed);
      if (has_polish_nasal(unstemmed)) {
        denasalized_romanized = parts_->romanizer.romanize(denasalize(unstemmed));
      }
      break;
    }
    case Script::other:
      stemmed = forms.exact;
      break;
  }
  forms.search = parts_->romanizer.romanize(stemmed);
  if (forms.search.empty()) forms.search = forms.exact;
  if (std::all_of(unstemmed_romanized.begin(), unstemmed_romanized.end(),
                  [](char c) { return c >= 'a' && c <= 'z'; })) {
    forms.romanized = unstemmed_romanized;
  }
  NameKeys keys = name_keys(unstemmed_romanized.empty() ? forms.search : unstemmed_romanized);
  if (keys.alternate.empty() && !denasalized_romanized.empty()) {
    // The English press drops the nasal that Cyrillic keeps: Wałęsa ~ Валенса and ~ Walesa.
    keys.alternate = std::move(name_keys(denasalized_romanized).primary);
    if (keys.alternate == keys.primary) keys.alternate.clear();
  }
  forms.name_keys.primary = std::move(keys.primary);
  forms.name_keys.alternate = std::move(keys.alternate);
  return forms;
}

std::vector<AnalyzedWord> analyze_words(Analyzer& analyzer, std::string_view text,
                                        const std::vector<AnalyzedWord>* context) {
  std::vector<AnalyzedWord> words;
  std::size_t previous_end = 0;
  analyzer.analyze_text(text, [&](const Token& token, const WordForms& forms) {
    const bool starts_sentence =
        words.empty() || ends_sentence(text.substr(previous_end, token.begin - previous_end));
    previous_end = token.end;
    // The tokenizer keeps the period of some initials (Cyrillic "Х.") and leaves others ("J.").
    const bool period_follows = token.end < text.size() && text[token.end] == '.';
    const bool initials = written_as_initials(
        text.substr(token.begin, token.end + (period_follows ? 1 : 0) - token.begin));
    words.push_back({token, forms, starts_sentence, false, initials});
  });
  const std::vector<const std::vector<AnalyzedWord>*> lists = {&words, context};
  // A title has one or two capitalised words that open a sentence: looking each up in the words
  // is cheaper than hashing every lower-case word of the article, which a body needs.
  const auto opens_sentence_capitalised = [](const AnalyzedWord& word) {
    return word.forms.capitalized && word.starts_sentence;
  };
  std::function<bool(const std::string&)> written_in_lower_case;
  std::unordered_set<std::string_view> lower_case_forms;
  if (std::ranges::count_if(words, opens_sentence_capitalised) <= kMaxScansForLowerCase) {
    written_in_lower_case = [&](const std::string& search) {
      return std::ranges::any_of(lists, [&](const std::vector<AnalyzedWord>* list) {
        return list != nullptr && std::ranges::any_of(*list, [&](const AnalyzedWord& word) {
                 return !word.forms.capitalized && word.forms.search == search;
               });
      });
    };
  } else {
    for (const std::vector<AnalyzedWord>* list : lists) {
      if (list == nullptr) continue;
      for (const AnalyzedWord& word : *list) {
        if (!word.forms.capitalized) lower_case_forms.insert(word.forms.search);
      }
    }
    written_in_lower_case = [&](const std::string& search) {
      return lower_case_forms.contains(search);
    };
  }
  for (AnalyzedWord& word : words) {
    word.name_like = word.forms.capitalized &&
                     (!word.starts_sentence || !written_in_lower_case(word.forms.search));
  }
  return words;
}

}  // namespace naviny
