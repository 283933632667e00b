// Exact forms (`--exact`, and the spellings a name query lists) are indexed without positions
// (issue 22: they held some 44 % of the index's positions). Phrases of them, and the words a
// snippet marks for them, go through the positions of the words' search forms instead.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::UnorderedElementsAreArray;

using Article = testing::TitledArticle;

const std::vector<Article>& articles() {
  static const std::vector<Article> list = {
      {"adjacent.txt", "Заявление", "Вчера Медведев заявил о новых правилах. Медведев уехал."},
      // Upper case: the same exact forms, indexed under the capitalised word's search form.
      {"capitals.txt", "Заявление", "Вчера МЕДВЕДЕВ ЗАЯВИЛ о новых правилах."},
      // Lower case: a search form of its own (a capital keeps a surname's -ев).
      {"lower.txt", "Заявление", "Вчера медведев заявил о новых правилах."},
      // Other case forms of the same words: the same search forms, side by side.
      {"other_forms.txt", "Заявление", "Вчера Медведева заявила о новых правилах."},
      {"apart.txt", "Заявление", "Медведев вчера заявил о новых правилах."},
      // The exact forms apart, other forms of them side by side.
      {"marks.txt", "Заявление",
       "Медведева заявила одно, потом Медведев заявил другое, а мы слушали."},
      {"name.txt", "Выступление", "На заседании выступил Шпаковский, депутаты слушали."},
  };
  return list;
}

class ExactForms : public testing::IndexedArticles<articles> {
 protected:
  // The words marked in the snippet of `file` among the results of `query`.
  static std::vector<std::string> marked(const std::string& query, const std::string& file,
                                         bool exact) {
    Searcher searcher(db());
    SearchRequest request;
    request.query = query;
    request.exact = exact;
    request.all_copies = true;
    for (const Hit& hit : searcher.search(request).hits) {
      if (hit.id != file) continue;
      std::vector<std::string> words;
      for (const auto& [begin, end] : hit.snippet.highlights) {
        words.push_back(hit.snippet.text.substr(begin, end - begin));
      }
      return words;
    }
    ADD_FAILURE() << query << " does not find " << file;
    return {};
  }
};

// The exact-form terms keep their wdf (how often the article writes the form) but no positions;
// the search forms and the name keys, which phrases of names read, keep theirs.
TEST_F(ExactForms, AreIndexedWithoutPositionsWhileSearchFormsAndNameKeysHaveThem) {
  const Xapian::Database index(db().string());
  const Xapian::docid docid = *index.postlist_begin(schema::id_term("adjacent.txt"));
  std::size_t exact_terms = 0;
  std::size_t key_terms = 0;
  std::size_t search_terms = 0;
  for (auto term = index.termlist_begin(docid); term != index.termlist_end(docid); ++term) {
    const std::string& t = *term;
    const Xapian::termcount positions = term.positionlist_count();
    if (t.starts_with(schema::kExact.prefix) && !t.starts_with(schema::kEntity.prefix)) {
      ++exact_terms;
      EXPECT_EQ(positions, 0U) << t;
      EXPECT_EQ(term.get_wdf(), t == std::string(schema::kExact.prefix) + "медведев" ? 2U : 1U)
          << t;
    } else if (t.starts_with(schema::kNameKey.prefix)) {
      ++key_terms;
      EXPECT_GT(positions, 0U) << t;
    } else if (!t.empty() && !(t[0] >= 'A' && t[0] <= 'Z')) {
      ++search_terms;
      EXPECT_GT(positions, 0U) << t;
    }
  }
  EXPECT_GT(exact_terms, 5U);
  EXPECT_GT(key_terms, 0U);
  EXPECT_GT(search_terms, 5U);
}

// An exact phrase (or NEAR) finds the articles that write those very forms side by side (in any
// letter case, as exact mode folds case), and not other case forms of the words, nor the forms
// apart.
TEST_F(ExactForms, PhrasesFindTheExactFormsSideBySideOnly) {
  struct Case {
    const char* query;
    std::vector<std::string> finds;
  };
  const std::vector<Case> cases = {
      {"\"медведев заявил\"", {"adjacent.txt", "capitals.txt", "lower.txt", "marks.txt"}},
      {"\"Медведев заявил\"", {"adjacent.txt", "capitals.txt", "lower.txt", "marks.txt"}},
      {"\"Медведева заявила\"", {"other_forms.txt", "marks.txt"}},
      {"\"заявил медведев\"", {}},
      {"медведев NEAR заявил",
       {"adjacent.txt", "capitals.txt", "lower.txt", "marks.txt", "apart.txt"}},
      {"title:\"медведев заявил\"", {"adjacent.txt", "capitals.txt", "lower.txt", "marks.txt"}},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(testing::search_ids(db(), c.query, {"--exact"}), UnorderedElementsAreArray(c.finds))
        << c.query;
  }
}

// A snippet marks the words whose exact form the query has: of an exact query, and of a name
// query through the spellings it lists under the name's key (Shpakovsky: Шпаковский), not the
// other forms of the same search forms.
TEST_F(ExactForms, SnippetsMarkTheWordsOfTheExactForms) {
  struct Case {
    const char* query;
    bool exact;
    const char* file;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"\"медведев заявил\"", true, "marks.txt", {"Медведев", "заявил"}},
      {"медведева", true, "marks.txt", {"Медведева"}},
      {"\"медведев заявил\"", true, "capitals.txt", {"МЕДВЕДЕВ", "ЗАЯВИЛ"}},
      {"Shpakovsky", false, "name.txt", {"Шпаковский"}},
      // Ordinary search marks every form of the words.
      {"\"Медведев заявил\"", false, "marks.txt", {"Медведева", "заявила", "Медведев", "заявил"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(marked(c.query, c.file, c.exact), c.marked) << c.query << " " << c.file;
  }
}

}  // namespace
}  // namespace naviny
