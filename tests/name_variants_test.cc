// Table-driven test of the name keys: groups of spellings of one name (people and places of
// Belarusian, Russian, Ukrainian and Polish politics) must meet, negative pairs must not. The
// table is tests/fixtures/name_variants.tsv; its header describes the format.

#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
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

struct VariantGroup {
  std::string label;
  std::vector<std::string> variants;  // the first is the one all others must meet
  int line = 0;
};

struct NegativePair {
  std::string label;
  std::string a;
  std::string b;
  int line = 0;
};

void PrintTo(const VariantGroup& group, std::ostream* out) {
  *out << group.label << " (line " << group.line << ")";
}

void PrintTo(const NegativePair& pair, std::ostream* out) {
  *out << pair.a << " | " << pair.b << " (line " << pair.line << ")";
}

struct Table {
  std::vector<VariantGroup> groups;
  std::vector<NegativePair> negative_pairs;
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
    if (fields.size() != 2) {
      table.errors.push_back(where + "expected two tab-separated fields");
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
    if (fields[0] == "!") {
      if (words.size() != 2) {
        table.errors.push_back(where + "a negative pair needs exactly two words");
        continue;
      }
      std::string label = ascii_part(words[0]) + "_vs_" + ascii_part(words[1]);
      if (!labels.insert(label).second) label += "_line" + std::to_string(line);
      labels.insert(label);
      table.negative_pairs.push_back({label, words[0], words[1], line});
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
      table.groups.push_back({fields[0], std::move(words), line});
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
  return word + " {search: " + forms.search + ", key: " + forms.key +
         ", alt_key: " + forms.alt_key + "}";
}

bool share_key(const WordForms& a, const WordForms& b) {
  for (const std::string* key : {&a.key, &a.alt_key}) {
    if (!key->empty() && (*key == b.key || *key == b.alt_key)) return true;
  }
  return false;
}

// Two words meet when ordinary search or a name key joins them.
bool meet(const std::string& a, const std::string& b) {
  const WordForms forms_a = analyzer().analyze_word(a);  // copies, not references into the cache
  const WordForms forms_b = analyzer().analyze_word(b);
  return forms_a.search == forms_b.search || share_key(forms_a, forms_b);
}

TEST(NameVariantTable, Loads) {
  for (const std::string& error : table().errors) ADD_FAILURE() << error;
  EXPECT_GE(table().groups.size(), kMinGroups);
  EXPECT_GE(table().negative_pairs.size(), kMinNegativePairs);
}

class NameVariantGroup : public ::testing::TestWithParam<VariantGroup> {};

TEST_P(NameVariantGroup, EveryVariantMeetsTheFirst) {
  const VariantGroup& group = GetParam();
  const std::string& first = group.variants.front();
  for (std::size_t i = 1; i < group.variants.size(); ++i) {
    const std::string& variant = group.variants[i];
    EXPECT_TRUE(meet(first, variant))
        << group.label << " (line " << group.line << "): " << describe(variant) << " does not meet "
        << describe(first);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, NameVariantGroup, ::testing::ValuesIn(table().groups),
                         [](const ::testing::TestParamInfo<VariantGroup>& row) {
                           return row.param.label;
                         });

class NameVariantNegativePair : public ::testing::TestWithParam<NegativePair> {};

TEST_P(NameVariantNegativePair, DoNotMeet) {
  const NegativePair& pair = GetParam();
  EXPECT_FALSE(meet(pair.a, pair.b))
      << "line " << pair.line << ": " << describe(pair.a) << " meets " << describe(pair.b);
}

INSTANTIATE_TEST_SUITE_P(Table, NameVariantNegativePair,
                         ::testing::ValuesIn(table().negative_pairs),
                         [](const ::testing::TestParamInfo<NegativePair>& row) {
                           return row.param.label;
                         });

}  // namespace
}  // namespace naviny
