// Table-driven test of the name keys: groups of spellings of one name (people and places of
// Belarusian, Russian, Ukrainian and Polish politics) must meet, pairs of different names must
// not, and a common word whose key a name shares must not be written as a name in running text.
// Known gaps (?variant) and known collisions (!?) are counted and reported, not failed. The table
// is tests/fixtures/name_variants.tsv; its header describes the format.

#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <iostream>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

constexpr std::size_t kMinGroups = 110;
constexpr std::size_t kMinNegativePairs = 40;
constexpr std::size_t kMinCommonWordPairs = 10;
constexpr char kKnownMark = '?';

struct Variant {
  std::string word;
  bool known_gap = false;  // written ?word: reported when it does not meet, not failed
};

struct VariantGroup {
  std::string label;
  std::vector<Variant> variants;  // the first is the one all others must meet
  int line = 0;
};

struct NegativePair {
  std::string label;
  std::string a;
  std::string b;
  bool known_collision = false;  // written !?: reported when the two meet, not failed
  int line = 0;
};

// A name and a common word that may share its key, and a sentence with the word in lower case.
struct CommonWordPair {
  std::string label;
  std::string name;
  std::string word;
  std::string sentence;
  int line = 0;
};

void PrintTo(const VariantGroup& group, std::ostream* out) {
  *out << group.label << " (line " << group.line << ")";
}

void PrintTo(const NegativePair& pair, std::ostream* out) {
  *out << pair.a << " | " << pair.b << " (line " << pair.line << ")";
}

void PrintTo(const CommonWordPair& pair, std::ostream* out) {
  *out << pair.name << " | " << pair.word << " (line " << pair.line << ")";
}

struct Table {
  std::vector<VariantGroup> groups;
  std::vector<NegativePair> negative_pairs;
  std::vector<CommonWordPair> common_word_pairs;
  std::vector<std::string> errors;  // malformed lines, reported by TableLoads
};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(separator, begin);
    parts.emplace_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

bool is_ascii_label(std::string_view label) {
  if (label.empty()) return false;
  for (const char c : label) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A gtest-safe name for a word: its ASCII letters and digits, else "w".
std::string ascii_part(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  return out.empty() ? "w" : out;
}

Table read_table() {
  Table table;
  const auto path = testing::source_dir() / "tests" / "fixtures" / "name_variants.tsv";
  std::ifstream in(path);
  if (!in) {
    table.errors.push_back("cannot open " + path.string());
    return table;
  }
  std::set<std::string> labels;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text.front() == '#') continue;
    const std::string where = "line " + std::to_string(line) + ": ";
    const std::vector<std::string> fields = split(text, '\t');
    const bool common_word = !fields.empty() && fields[0] == "~";
    if (fields.size() != (common_word ? 3u : 2u)) {
      table.errors.push_back(where + (common_word ? "expected three tab-separated fields"
                                                  : "expected two tab-separated fields"));
      continue;
    }
    std::vector<std::string> words = split(fields[1], '|');
    bool words_ok = true;
    for (const std::string& word : words) {
      words_ok = words_ok && !word.empty() && word.find(' ') == std::string::npos;
    }
    if (!words_ok) {
      table.errors.push_back(where + "empty word or word with a space");
      continue;
    }
    const auto unique_label = [&](std::string label) {
      if (!labels.insert(label).second) label += "_line" + std::to_string(line);
      labels.insert(label);
      return label;
    };
    if (fields[0] == "!" || fields[0] == "!?" || common_word) {
      if (words.size() != 2) {
        table.errors.push_back(where + "a pair needs exactly two words");
        continue;
      }
      if (words[0].front() == kKnownMark || words[1].front() == kKnownMark) {
        table.errors.push_back(where + "mark a known collision with !?, not ?word");
        continue;
      }
      std::string label = unique_label(ascii_part(words[0]) + "_vs_" + ascii_part(words[1]));
      if (common_word) {
        table.common_word_pairs.push_back({label, words[0], words[1], fields[2], line});
      } else {
        table.negative_pairs.push_back({label, words[0], words[1], fields[0] == "!?", line});
      }
    } else {
      if (!is_ascii_label(fields[0])) {
        table.errors.push_back(where + "group label must be [a-z0-9_]+");
        continue;
      }
      if (words.size() < 2) {
        table.errors.push_back(where + "a group needs at least two variants");
        continue;
      }
      if (!labels.insert(fields[0]).second) {
        table.errors.push_back(where + "duplicate label " + fields[0]);
        continue;
      }
      std::vector<Variant> variants;
      bool marks_ok = true;
      for (std::string& word : words) {
        const bool known = word.front() == kKnownMark;
        if (known) word.erase(0, 1);
        marks_ok = marks_ok && !word.empty();
        variants.push_back({std::move(word), known});
      }
      if (!marks_ok || variants.front().known_gap) {
        table.errors.push_back(where + "a lone ? or a known gap as the first variant");
        continue;
      }
      table.groups.push_back({fields[0], std::move(variants), line});
    }
  }
  return table;
}

const Table& table() {
  static const Table loaded = read_table();
  return loaded;
}

Analyzer& analyzer() {
  static Analyzer shared;  // building the ICU transliterator once keeps the table fast
  return shared;
}

// "Word {search: s, key: k, alt_key: a}", for failure messages.
std::string describe(const std::string& word) {
  const WordForms& forms = analyzer().analyze_word(word);
  return word + " {search: " + forms.search + ", key: " + forms.name_keys.primary +
         ", alt_key: " + forms.name_keys.alternate + "}";
}

// Two words meet when ordinary search or a name key joins them.
bool meet(const std::string& a, const std::string& b) {
  const WordForms forms_a = analyzer().analyze_word(a);  // copies, not references into the cache
  const WordForms forms_b = analyzer().analyze_word(b);
  return forms_a.search == forms_b.search || forms_a.name_keys.share_one_with(forms_b.name_keys);
}

TEST(NameVariantTable, Loads) {
  for (const std::string& error : table().errors) ADD_FAILURE() << error;
  EXPECT_GE(table().groups.size(), kMinGroups);
  EXPECT_GE(table().negative_pairs.size(), kMinNegativePairs);
  EXPECT_GE(table().common_word_pairs.size(), kMinCommonWordPairs);
}

// Counts the known gaps and collisions, and lists those that no longer hold, so that their marks
// can be removed. Never fails on them.
TEST(NameVariantTable, ReportsKnownGapsAndCollisions) {
  std::size_t gaps = 0;
  std::size_t gaps_closed = 0;
  for (const VariantGroup& group : table().groups) {
    for (std::size_t i = 1; i < group.variants.size(); ++i) {
      if (!group.variants[i].known_gap) continue;
      ++gaps;
      if (meet(group.variants.front().word, group.variants[i].word)) {
        ++gaps_closed;
        std::cout << "known gap now meets, remove its ?: " << group.label << " (line " << group.line
                  << "): " << group.variants[i].word << "\n";
      }
    }
  }
  std::size_t collisions = 0;
  std::size_t collisions_resolved = 0;
  for (const NegativePair& pair : table().negative_pairs) {
    if (!pair.known_collision) continue;
    ++collisions;
    if (!meet(pair.a, pair.b)) {
      ++collisions_resolved;
      std::cout << "known collision no longer meets, mark it ! (line " << pair.line
                << "): " << pair.a << " | " << pair.b << "\n";
    }
  }
  std::cout << "known gaps: " << gaps - gaps_closed << " of " << gaps
            << " still unmatched; known collisions: " << collisions - collisions_resolved << " of "
            << collisions << " still meet\n";
  RecordProperty("known_gaps_unmatched", static_cast<int>(gaps - gaps_closed));
  RecordProperty("known_collisions_meeting", static_cast<int>(collisions - collisions_resolved));
}

class NameVariantGroup : public ::testing::TestWithParam<VariantGroup> {};

TEST_P(NameVariantGroup, EveryVariantMeetsTheFirst) {
  const VariantGroup& group = GetParam();
  const std::string& first = group.variants.front().word;
  std::size_t known_gaps = 0;
  for (std::size_t i = 1; i < group.variants.size(); ++i) {
    const Variant& variant = group.variants[i];
    if (variant.known_gap) {
      if (!meet(first, variant.word)) ++known_gaps;
      continue;
    }
    EXPECT_TRUE(meet(first, variant.word))
        << group.label << " (line " << group.line << "): " << describe(variant.word)
        << " does not meet " << describe(first);
  }
  if (known_gaps > 0) RecordProperty("known_gaps", static_cast<int>(known_gaps));
}

INSTANTIATE_TEST_SUITE_P(Table, NameVariantGroup, ::testing::ValuesIn(table().groups),
                         [](const ::testing::TestParamInfo<VariantGroup>& row) {
                           return row.param.label;
                         });

class NameVariantNegativePair : public ::testing::TestWithParam<NegativePair> {};

TEST_P(NameVariantNegativePair, DoNotMeet) {
  const NegativePair& pair = GetParam();
  if (pair.known_collision) {
    RecordProperty("known_collision", meet(pair.a, pair.b) ? "meets" : "resolved");
    return;
  }
  EXPECT_FALSE(meet(pair.a, pair.b))
      << "line " << pair.line << ": " << describe(pair.a) << " meets " << describe(pair.b);
}

INSTANTIATE_TEST_SUITE_P(Table, NameVariantNegativePair,
                         ::testing::ValuesIn(table().negative_pairs),
                         [](const ::testing::TestParamInfo<NegativePair>& row) {
                           return row.param.label;
                         });

// What keeps a name query from the common word: in running text the word is in lower case (or
// opens a sentence and is also written in lower case), so it is not name_like and is never
// indexed under a name key; and ordinary search keeps them apart by their search forms.
class NameVariantCommonWord : public ::testing::TestWithParam<CommonWordPair> {};

TEST_P(NameVariantCommonWord, IsNotWrittenAsAName) {
  const CommonWordPair& pair = GetParam();
  const WordForms name = analyzer().analyze_word(pair.name);
  const std::string word_exact = analyzer().analyze_word(pair.word).exact;
  const std::vector<AnalyzedWord> words = analyze_words(analyzer(), pair.sentence);
  bool found = false;
  for (const AnalyzedWord& word : words) {
    found = found || word.forms.exact == word_exact;
    EXPECT_NE(word.forms.search, name.search) << "line " << pair.line << ": " << word.token.word
                                              << " shares the search form of " << pair.name;
    if (name.name_keys.share_one_with(word.forms.name_keys)) {
      EXPECT_FALSE(word.name_like)
          << "line " << pair.line << ": " << word.token.word << " shares a key with "
          << describe(pair.name) << " and is taken for a name in: " << pair.sentence;
    }
  }
  EXPECT_TRUE(found) << "line " << pair.line << ": the sentence lacks " << pair.word;
  RecordProperty(
      "keys_collide",
      name.name_keys.share_one_with(analyzer().analyze_word(pair.word).name_keys) ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(Table, NameVariantCommonWord,
                         ::testing::ValuesIn(table().common_word_pairs),
                         [](const ::testing::TestParamInfo<CommonWordPair>& row) {
                           return row.param.label;
                         });

}  // namespace
}  // namespace naviny
