// The alias-table rows an index stores (common/alias_rows.h) read back as written, and a line of
// another form (an index of another version) is skipped rather than misread.

#include "common/alias_rows.h"

#include <gtest/gtest.h>

#include <string>

namespace naviny {
namespace {

TEST(AliasRows, RoundTrip) {
  const AliasRow spelt{"alexander-lukashenko", "lukashenka", "лукашэнка"};
  // The fields point into the line, which must outlive them.
  const std::string line = encode_row(spelt);
  const auto alias = decode_alias_row(line);
  ASSERT_TRUE(alias);
  EXPECT_EQ(alias->id, "alexander-lukashenko");
  EXPECT_EQ(alias->romanized, "lukashenka");
  EXPECT_EQ(alias->exact, "лукашэнка");

  const std::string phrase_line = encode_row(AliasRow{"european-union", {}, {}});
  EXPECT_EQ(phrase_line, "european-union");
  const auto phrase = decode_alias_row(phrase_line);
  ASSERT_TRUE(phrase);
  EXPECT_EQ(phrase->id, "european-union");
  EXPECT_TRUE(phrase->exact.empty());

  const std::string word_line = encode_row(AliasWordRow{"nato", "nato", "nato", "нато", "lc"});
  const auto word = decode_alias_word_row(word_line);
  ASSERT_TRUE(word);
  EXPECT_EQ(word->search, "nato");
  EXPECT_EQ(word->exact, "нато");
  EXPECT_EQ(word->scripts, "lc");
  // A table written before rows carried their entity's scripts still reads, saying none.
  const auto older = decode_alias_word_row("nato\tnato\tnato\tнато");
  ASSERT_TRUE(older);
  EXPECT_EQ(older->exact, "нато");
  EXPECT_TRUE(older->scripts.empty());

  const std::string given_line = encode_row(GivenNameRow{"maria-zakharova", "mariya"});
  const auto given = decode_given_name_row(given_line);
  ASSERT_TRUE(given);
  EXPECT_EQ(given->id, "maria-zakharova");
  EXPECT_EQ(given->romanized, "mariya");
}

TEST(AliasRows, LinesOfAnotherFormAreSkipped) {
  EXPECT_FALSE(decode_alias_row("id\tonly-two"));
  EXPECT_FALSE(decode_alias_word_row("id\tsearch\tromanized"));
  EXPECT_FALSE(decode_given_name_row("id"));
  EXPECT_FALSE(decode_given_name_row("id\ta\tb"));
}

}  // namespace
}  // namespace naviny
