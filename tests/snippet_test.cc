// Snippets show why an article matched: the passage with the matched words (or the mention of the
// entity it matched through), in whole words, bounded in characters whatever the script.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/highlighter.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// `count` words of an ordinary text in `words`, a sentence every twelve words.
std::string filler(const std::vector<std::string>& words, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += words[i % words.size()];
    text += (i % 12 == 11) ? ". " : " ";
  }
  return text;
}

std::string russian(std::size_t count) {
  return filler({"вчера", "депутаты", "обсудили", "новые", "правила", "для", "перевозчиков",
                 "заседание", "комиссии", "по", "вопросам", "экономики", "прошло", "спокойно"},
                count);
}
std::string ukrainian(std::size_t count) {
  return filler({"учора", "депутати", "обговорили", "нові", "правила", "для", "перевізників",
                 "засідання", "комісії", "з", "питань", "економіки", "минуло", "спокійно"},
                count);
}
std::string english(std::size_t count) {
  return filler({"yesterday", "the", "deputies", "discussed", "new", "rules", "for", "carriers",
                 "and", "the", "committee", "meeting", "went", "quietly"},
                count);
}
// Three bytes a letter.
std::string georgian(std::size_t count) {
  return filler({"გუშინ", "დეპუტატებმა", "განიხილეს", "ახალი", "წესები", "გადამზიდავებისთვის", "და",
                 "კომიტეტის", "სხდომა", "მშვიდად", "ჩატარდა"},
                count);
}

using Article = testing::TitledArticle;

// Every article the tests below search, indexed once with the bundled gazetteer.
const std::vector<Article>& articles() {
  static const std::vector<Article> list = {
      {"late_ru.txt", "Заседание", russian(30) + "Шпаковский " + russian(30)},
      {"late_uk.txt", "Засідання", ukrainian(30) + "Ковальчуківна " + ukrainian(30)},
      {"late_en.txt", "Meeting", english(30) + "Kowalczyk " + english(30)},
      {"long_ru.txt", "Заседание", russian(3000) + "Вишневецкий " + russian(60)},
      {"long_en.txt", "Meeting", english(3000) + "Wisniewski " + english(60)},
      {"long_ka.txt", "სხდომა", georgian(400) + "Бжезинский " + georgian(400)},
      {"pair_ru.txt", "Заседание",
       "Гордеевич " + russian(200) + "Ярошевич и " + russian(3) + "Ярошевич " + russian(50)},
      {"title_only.txt", "Тарасевич уходит", russian(80)},
      {"putin_ru.txt", "Встреча",
       russian(40) + "Накануне Владимир Путин встретился с министром. " + russian(40)},
      {"putina_ru.txt", "Встреча", russian(60) + "Министр раскритиковал Путина. " + russian(60)},
      {"putin_en.txt", "Meeting", english(60) + "The minister met Putin in Sochi. " + english(60)},
      {"sweden_ru.txt", "Визит", russian(50) + "Министр посетил Швецию. " + russian(50)},
      {"sanctions_ru.txt", "Санкции",
       "Санкции обсуждали долго. Путиным недовольны. " + russian(40)},
  };
  return list;
}

class Snippets : public testing::IndexedArticles<articles> {
 protected:
  // The snippet of article `file` among the results of `query`; fails the test if it is not found.
  static Snippet snippet_of(const std::string& query, const std::string& file) {
    Searcher searcher(db());
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    request.all_copies = true;  // the articles share their filler, and would count as copies
    const SearchResults results = searcher.search(request);
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                  [&](const Hit& h) { return h.id == file; });
    EXPECT_NE(hit, results.hits.end()) << query << " does not find " << file;
    return hit == results.hits.end() ? Snippet{} : hit->snippet;
  }
};

std::vector<std::string> marked_words(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const auto& [begin, end] : snippet.highlights) {
    words.push_back(snippet.text.substr(begin, end - begin));
  }
  return words;
}

// Characters (code points) of valid UTF-8 text; fails the test on a broken sequence.
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    EXPECT_FALSE(lead >= 0x80 && lead < 0xC0) << "a character cut at byte " << i << ": " << text;
    EXPECT_LE(i + length, text.size()) << "a character cut at the end: " << text;
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      EXPECT_EQ(static_cast<unsigned char>(text[i + k]) & 0xC0, 0x80)
          << "a character cut at byte " << i + k << ": " << text;
    }
    i += length;
  }
  return count;
}

std::vector<std::string> chunks(const std::string& text) {
  std::vector<std::string> list;
  std::istringstream in(text);
  for (std::string chunk; in >> chunk;) list.push_back(chunk);
  return list;
}

std::string without_ellipses(std::string text) {
  const std::string ellipsis = "…";
  if (text.starts_with(ellipsis)) text.erase(0, ellipsis.size());
  if (text.ends_with(ellipsis)) text.erase(text.size() - ellipsis.size());
  return text;
}

TEST_F(Snippets, ShowTheMatchWhereverItIsInTheBody) {
  struct Case {
    const char* what;
    const char* query;
    const char* file;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"Cyrillic, 30 words in", "Шпаковский", "late_ru.txt", {"Шпаковский"}},
      {"Ukrainian, 30 words in", "Ковальчуківна", "late_uk.txt", {"Ковальчуківна"}},
      {"Latin, 30 words in", "Kowalczyk", "late_en.txt", {"Kowalczyk"}},
      {"Cyrillic, 3,000 words in", "Вишневецкий", "long_ru.txt", {"Вишневецкий"}},
      {"Latin, 3,000 words in", "Wisniewski", "long_en.txt", {"Wisniewski"}},
      {"Cyrillic among Georgian", "Бжезинский", "long_ka.txt", {"Бжезинский"}},
      {"two matches close together win over one alone",
       "Гордеевич OR Ярошевич",
       "pair_ru.txt",
       {"Ярошевич", "Ярошевич"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(marked_words(snippet_of(c.query, c.file)), c.marked) << c.what;
  }
}

// An article found by `person:Putin` (or by a name query through the entity) that writes no word
// of the query shows the mention that tagged it, in whatever script or case form it is written.
TEST_F(Snippets, MarkTheMentionOfAnEntityTheArticleMatchedThrough) {
  struct Case {
    const char* query;
    const char* file;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"person:Putin", "putin_ru.txt", {"Владимир", "Путин"}},
      {"person:Putin", "putina_ru.txt", {"Путина"}},
      {"person:Путин", "putin_en.txt", {"Putin"}},
      {"person:Путин", "putin_ru.txt", {"Владимир", "Путин"}},
      // A name query reaches the article through the entity it names, not by any spelling.
      {"Sweden", "sweden_ru.txt", {"Швецию"}},
      // The word matched and the mention filtered by are both marked.
      {"санкции person:Putin", "sanctions_ru.txt", {"Санкции", "Путиным"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(marked_words(snippet_of(c.query, c.file)), c.marked) << c.query << " " << c.file;
  }
}

// The entity terms' positions leave their wdf the number of mentions (which BM25 and the
// document length use) and point at the mentions' words.
TEST_F(Snippets, EntityTermsKeepTheirMentionCountAndGainPositions) {
  const Xapian::Database index(db().string());
  const std::string id = std::string(schema::kId.prefix) + "putin_ru.txt";
  const Xapian::docid docid = *index.postlist_begin(id);
  const std::string putin = std::string(schema::kEntity.prefix) + "vladimir-putin";
  auto term = index.termlist_begin(docid);
  term.skip_to(putin);
  ASSERT_EQ(*term, putin);
  EXPECT_EQ(term.get_wdf(), 1U);
  std::vector<Xapian::termpos> positions(term.positionlist_begin(), term.positionlist_end());
  const Xapian::termpos vladimir = schema::kBodyFirstPosition + 41;  // after 40 words, Накануне
  EXPECT_THAT(positions, ElementsAre(vladimir, vladimir + 1));
}

// An article that matched only in its title shows the opening of its body, nothing marked.
TEST_F(Snippets, ATitleOnlyMatchShowsTheOpeningOfTheBody) {
  const Snippet snippet = snippet_of("Тарасевич", "title_only.txt");
  EXPECT_THAT(snippet.highlights, IsEmpty());
  EXPECT_TRUE(snippet.text.starts_with("вчера депутаты обсудили")) << snippet.text;
}

// A snippet is cut between whole words, never inside one, let alone inside a character.
TEST_F(Snippets, AreCutBetweenWholeWords) {
  const std::vector<std::pair<const char*, const char*>> searches = {
      {"Шпаковский", "late_ru.txt"},  {"Ковальчуківна", "late_uk.txt"},
      {"Вишневецкий", "long_ru.txt"}, {"Бжезинский", "long_ka.txt"},
      {"Kowalczyk", "late_en.txt"},   {"person:Putin", "putina_ru.txt"},
  };
  for (const auto& [query, file] : searches) {
    const Snippet snippet = snippet_of(query, file);
    characters(snippet.text);
    const auto article = std::find_if(articles().begin(), articles().end(),
                                      [&](const Article& a) { return a.file == file; });
    ASSERT_NE(article, articles().end());
    const std::vector<std::string> words = chunks(article->body);
    for (const std::string& chunk : chunks(without_ellipses(snippet.text))) {
      EXPECT_NE(std::find(words.begin(), words.end(), chunk), words.end())
          << "'" << chunk << "' is no whole word of " << file << ": " << snippet.text;
    }
  }
}

// The length is counted in characters: a Cyrillic or Georgian snippet (two and three bytes a
// letter) is about as long on screen as a Latin one, and none is longer than the bound.
TEST_F(Snippets, AreBoundedInCharactersWhateverTheScript) {
  const std::vector<std::pair<const char*, const char*>> searches = {
      {"Wisniewski", "long_en.txt"},
      {"Вишневецкий", "long_ru.txt"},
      {"Ковальчуківна", "late_uk.txt"},
      {"Бжезинский", "long_ka.txt"},
  };
  for (const auto& [query, file] : searches) {
    const Snippet snippet = snippet_of(query, file);
    const std::size_t length = characters(snippet.text);
    EXPECT_LE(length, Highlighter::kSnippetCharacters) << file << ": " << snippet.text;
    // Whole words fill all but the last word's worth of the bound.
    EXPECT_GE(length, Highlighter::kSnippetCharacters - 25) << file << ": " << snippet.text;
  }
}

}  // namespace
}  // namespace naviny
