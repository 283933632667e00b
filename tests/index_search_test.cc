#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using testing::TempDir;
using ::testing::UnorderedElementsAre;

class MiniCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_folder(testing::mini_corpus(), corpus());
    testing::index_or_fail(corpus(), db());
  }
  std::filesystem::path corpus() const { return dir_ / "corpus"; }
  std::filesystem::path db() const { return dir_ / "db"; }
  std::vector<std::string> ids(const std::string& query,
                               const std::vector<std::string>& extra = {}) const {
    return testing::search_ids(db(), query, extra);
  }
  std::vector<std::string> sorted_ids(const std::string& query,
                                      const std::vector<std::string>& extra = {}) const {
    auto found = ids(query, extra);
    std::sort(found.begin(), found.end());
    return found;
  }

  TempDir dir_;
};

TEST_F(MiniCorpus, CyrillicQueryFindsLatinTextAndBack) {
  EXPECT_EQ(sorted_ids("Путин"), sorted_ids("Putin"));
  EXPECT_EQ(sorted_ids("Putin"), (std::vector<std::string>{"kremlin.txt", "ru/vstrecha.txt"}));
}

TEST_F(MiniCorpus, PhraseMatchesAcrossScripts) {
  EXPECT_EQ(sorted_ids("\"Владимир Путин\""),
            (std::vector<std::string>{"kremlin.txt", "ru/vstrecha.txt"}));
  EXPECT_EQ(sorted_ids("\"Putin Vladimir\""), std::vector<std::string>{});
}

TEST_F(MiniCorpus, EverySpellingOfLukashenkoAndNotLukashevich) {
  const std::vector<std::string> expected{"be/naviny.txt",   "kremlin.txt",   "lacinka.txt",
                                          "ru/vstrecha.txt", "sanctions.txt", "uk/zelenskyi.txt"};
  for (const char* spelling : {"Lukashenko", "Lukashenka", "Łukašenka", "Лукашенко", "Лукашэнка",
                               "Лукашэнкі", "Lukaszenka"}) {
    EXPECT_EQ(sorted_ids(spelling), expected) << spelling;
  }
}

TEST_F(MiniCorpus, UkrainianNamesAndPlaces) {
  EXPECT_EQ(ids("Zelensky"), std::vector<std::string>{"uk/zelenskyi.txt"});
  EXPECT_EQ(ids("Zełenski"), std::vector<std::string>{"uk/zelenskyi.txt"});
  EXPECT_EQ(ids("Kyiv"), std::vector<std::string>{"uk/zelenskyi.txt"});
}

TEST_F(MiniCorpus, LacinkaAndBelarusianCyrillicMeet) {
  EXPECT_EQ(sorted_ids("Cichanoŭskaja"),
            (std::vector<std::string>{"be/naviny.txt", "lacinka.txt"}));
  EXPECT_EQ(sorted_ids("Ціханоўская"), sorted_ids("Tsikhanouskaya"));
}

TEST_F(MiniCorpus, ExactModeMatchesTheSurfaceFormOnly) {
  EXPECT_EQ(ids("Лукашэнка", {"--exact"}), std::vector<std::string>{"be/naviny.txt"});
  EXPECT_EQ(ids("Lukashenko", {"--exact"}), std::vector<std::string>{"kremlin.txt"});
}

TEST_F(MiniCorpus, DateRangesFilter) {
  EXPECT_EQ(sorted_ids("date:2020-01-01..2020-12-31"),
            (std::vector<std::string>{"kremlin.txt", "ru/vstrecha.txt"}));
  EXPECT_EQ(ids("Putin date:2020-09-15..2020-12-31"), std::vector<std::string>{"ru/vstrecha.txt"});
}

TEST_F(MiniCorpus, SortByDateKeepsUndatedArticlesLast) {
  const std::string query = "Putin OR sanctions OR Lukashenko OR Minsk";
  const auto first_four = [&](const std::string& order) {
    auto found = ids(query, {"--sort", order});
    found.resize(4);
    return found;
  };
  EXPECT_THAT(first_four("-date"), ElementsAre("sanctions.txt", "ru/vstrecha.txt", "kremlin.txt",
                                               ::testing::Not(::testing::EndsWith("kremlin.txt"))));
  EXPECT_THAT(first_four("date"),
              ElementsAre("kremlin.txt", "ru/vstrecha.txt", "sanctions.txt",
                          ::testing::Not(::testing::EndsWith("sanctions.txt"))));
  // A date range combined with date order.
  EXPECT_THAT(ids("Putin OR Minsk date:2020-01-01..2020-12-31", {"--sort", "-date"}),
              ElementsAre("ru/vstrecha.txt", "kremlin.txt"));
}

TEST_F(MiniCorpus, BooleanOperatorsAndPrefixes) {
  EXPECT_EQ(sorted_ids("Putin AND loan"), std::vector<std::string>{"kremlin.txt"});
  EXPECT_EQ(sorted_ids("Putin -loan"), std::vector<std::string>{"ru/vstrecha.txt"});
  EXPECT_EQ(sorted_ids("title:sanctions"), std::vector<std::string>{"sanctions.txt"});
  EXPECT_EQ(sorted_ids("Putin NEAR loan"), std::vector<std::string>{"kremlin.txt"});
  EXPECT_EQ(sorted_ids("U.S."), std::vector<std::string>{"kremlin.txt"});
}

TEST_F(MiniCorpus, SnippetHighlightsCyrillicMatchOfLatinQuery) {
  Searcher searcher(db());
  SearchRequest request;
  request.query = "Tsikhanouskaya";
  const SearchResults results = searcher.search(request);
  const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                [](const Hit& h) { return h.id == "be/naviny.txt"; });
  ASSERT_NE(hit, results.hits.end());
  ASSERT_FALSE(hit->snippet.highlights.empty());
  const auto [begin, end] = hit->snippet.highlights.front();
  EXPECT_EQ(hit->snippet.text.substr(begin, end - begin), "Ціханоўская");
}

// The words a snippet marks, in order.
std::vector<std::string> highlighted_words(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const auto& [begin, end] : snippet.highlights) {
    words.push_back(snippet.text.substr(begin, end - begin));
  }
  return words;
}

TEST(Highlighting, MarksTheWordsThatMatchedAsTheyAreWritten) {
  TempDir dir;
  testing::write_file(
      dir / "corpus/talks.txt",
      "Minsk talks\n\nVladimir Putin met Лукашэнка in Sochi. Lukashevich, a diplomat, "
      "said the sanctions hurt and the talks failed. Alexander Lukashenko answered "
      "that sanctions are war. Лукашенко left. Deutsche Welle quoted Markus Wahl.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  struct Case {
    const char* query;
    bool exact;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"Lukashenko", false, {"Лукашэнка", "Lukashenko", "Лукашенко"}},
      {"Лукашенко", true, {"Лукашенко"}},
      {"\"Владимир Путин\"", false, {"Vladimir", "Putin"}},
      {"sanction", false, {"sanctions", "sanctions"}},
      {"title:talks", false, {"talks"}},
      {"Sochi OR diplomat", false, {"Sochi", "diplomat"}},
      // Welle shares Wahl's name key, but is no spelling of it.
      {"Wahl", false, {"Wahl"}},
  };
  Searcher searcher(dir / "db");
  for (const Case& c : cases) {
    SearchRequest request;
    request.query = c.query;
    request.exact = c.exact;
    const SearchResults results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 1U) << c.query;
    EXPECT_EQ(highlighted_words(results.hits[0].snippet), c.marked) << c.query;
  }
}

// The articles found for `Oslo` in a corpus that writes it in English and in Russian, and has
// Если ("if"), which shares a key with Oslo, open a sentence in `openings` short items and
// если in lower case in `lower_case` others.
std::vector<std::string> oslo_among_ifs(std::size_t openings, std::size_t lower_case) {
  TempDir dir;
  testing::write_file(dir / "corpus/oslo.txt", "Talks\n\nThe talks were held in Oslo.\n");
  testing::write_file(dir / "corpus/osla.txt", "Переговоры\n\nВстреча прошла в Осло.\n");
  for (std::size_t i = 0; i < openings; ++i) {
    testing::write_file(dir / "corpus" / ("if" + std::to_string(i) + ".txt"),
                        "Погода\n\nЕсли бы не дождь. Мы пошли домой.\n");
  }
  for (std::size_t i = 0; i < lower_case; ++i) {
    testing::write_file(dir / "corpus" / ("lower" + std::to_string(i) + ".txt"),
                        "Заметка\n\nМы пойдём, если будет солнце.\n");
  }
  testing::index_or_fail(dir / "corpus", dir / "db");
  auto found = testing::search_ids(dir / "db", "Oslo");
  std::sort(found.begin(), found.end());
  return found;
}

// Если opening a sentence is taken for a name in an article that has no lower-case если. Across
// the corpus the word is mostly written in lower case, so a query for Oslo leaves it out.
TEST(NameKeys, WordsTheCorpusWritesInLowerCaseAreNoNames) {
  EXPECT_THAT(oslo_among_ifs(1, 3), ElementsAre("osla.txt", "oslo.txt"));
}

// A name is written as a name nearly everywhere; a common word that opens sentences in most of the
// short items that have it is still no name if any tenth of them write it in lower case.
TEST(NameKeys, WordsThatATenthOfTheirArticlesWriteInLowerCaseAreNoNames) {
  EXPECT_THAT(oslo_among_ifs(2, 1), ElementsAre("osla.txt", "oslo.txt"));
}

// A surname typed with its capital is the surname in every case, not the word Snowball reads in
// its nominative (Медведев -> медвед, as медведь "bear").
TEST(SurnameStems, TypedSurnameMatchesItsCasesAndNotTheCommonWord) {
  TempDir dir;
  testing::write_file(dir / "corpus/bear.txt", "Лес\n\nВ лесу видели медведя.\n");
  testing::write_file(dir / "corpus/pm.txt",
                      "Визит\n\nВстреча с Дмитрием Медведевым прошла в Сочи.\n");
  testing::write_file(dir / "corpus/en.txt", "Visit\n\nDmitry Medvedev came to Sochi.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  for (const char* query : {"Медведев", "Medvedev"}) {
    auto found = testing::search_ids(dir / "db", query);
    std::sort(found.begin(), found.end());
    EXPECT_THAT(found, ElementsAre("en.txt", "pm.txt")) << query;
  }
  auto phrase = testing::search_ids(dir / "db", "\"Дмитрий Медведев\"");
  std::sort(phrase.begin(), phrase.end());
  EXPECT_THAT(phrase, ElementsAre("en.txt", "pm.txt"));
  EXPECT_THAT(testing::search_ids(dir / "db", "медведь"), ElementsAre("bear.txt"));
}

TEST(Ranking, TitleMatchOutranksBodyMatch) {
  TempDir dir;
  testing::write_file(dir / "corpus/body.txt",
                      "Harvest report\n\nFarmers expect tractors to be scarce this spring.\n");
  testing::write_file(dir / "corpus/title.txt",
                      "Tractors report\n\nFarmers expect machines to be scarce this spring.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "tractors"), ElementsAre("title.txt", "body.txt"));
}

TEST(Ranking, ExactSpellingOutranksNameVariant) {
  TempDir dir;
  testing::write_file(dir / "corpus/a.txt", "Report\n\nLukashenka spoke in Minsk today.\n");
  testing::write_file(dir / "corpus/b.txt", "Report\n\nLukashenko spoke in Minsk today.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "Lukashenko"), ElementsAre("b.txt", "a.txt"));
  EXPECT_THAT(testing::search_ids(dir / "db", "Lukashenka"), ElementsAre("a.txt", "b.txt"));
}

TEST(Ranking, NamePhraseMatchesInAnotherScriptAndInflection) {
  TempDir dir;
  testing::write_file(dir / "corpus/en.txt", "Report\n\nJoe Biden spoke in Warsaw.\n");
  testing::write_file(dir / "corpus/ru.txt", "Сообщение\n\nДжо Байден выступил в Варшаве.\n");
  testing::write_file(dir / "corpus/pl.txt", "Raport\n\nWizyta Joe Bidena w Warszawie.\n");
  testing::write_file(dir / "corpus/hunter.txt", "Report\n\nHunter Biden spoke in Kyiv.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  auto found = testing::search_ids(dir / "db", "\"Joe Biden\"");
  std::sort(found.begin(), found.end());
  EXPECT_THAT(found, ElementsAre("en.txt", "pl.txt", "ru.txt"));
  EXPECT_EQ(testing::search_ids(dir / "db", "\"Joe Biden\"").front(), "en.txt");
}

// Articles about tractors and fertiliser, one of which (fertiliser.txt) shares words with the
// others but not the query words used below, and unrelated ones, so that relevance feedback has
// something to find and each ranking option something to change.
class RankingOptionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const std::pair<const char*, const char*> articles[] = {
        {"factory.txt",
         "Tractor factory\n\nThe tractor factory in Minsk raised exports of tractors to farmers "
         "who also buy potash fertiliser for the harvest.\n"},
        {"exports.txt",
         "Tractor exports\n\nExports from the factory: tractors, potash fertiliser and harvest "
         "machines for farmers.\n"},
        {"fertiliser.txt",
         "Fertiliser prices\n\nPotash fertiliser prices rise before the harvest, farmers "
         "say.\n"},
        {"football.txt", "Football\n\nThe match in Minsk ended in a draw.\n"},
        {"weather.txt", "Weather\n\nRain and wind across the country this week.\n"},
        {"theatre.txt", "Theatre\n\nA new play opened at the national theatre.\n"},
    };
    for (const auto& [name, text] : articles) testing::write_file(*dir_ / "corpus" / name, text);
    testing::index_or_fail(*dir_ / "corpus", db());
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::filesystem::path db() { return *dir_ / "db"; }

  // (id, score) of every match, in rank order.
  static std::vector<std::pair<std::string, double>> ranked(const std::string& query,
                                                            const RankingOptions& ranking) {
    Searcher searcher(db());
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    request.ranking = ranking;
    std::vector<std::pair<std::string, double>> found;
    for (const Hit& hit : searcher.search(request).hits) found.emplace_back(hit.id, hit.score);
    return found;
  }

 private:
  static inline std::unique_ptr<TempDir> dir_;
};

// By default feedback reorders what the typed words find and adds nothing, so that the count is
// of articles with the typed words; asked to, it finds an article without them.
TEST_F(RankingOptionsTest, FeedbackFindsAnArticleWithoutTheQueryWordsOnlyWhenAsked) {
  const std::string query = "tractor factory exports";
  RankingOptions off;
  off.expand_terms = 0;
  RankingOptions adding;
  adding.expand_adds_matches = true;
  const auto ids = [](const auto& found) {
    std::vector<std::string> out;
    for (const auto& [id, score] : found) out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_THAT(ids(ranked(query, off)), ::testing::Not(::testing::Contains("fertiliser.txt")));
  EXPECT_EQ(ids(ranked(query, {})), ids(ranked(query, off)));
  EXPECT_NE(ranked(query, {}), ranked(query, off));  // reordered or rescored, still
  EXPECT_THAT(ids(ranked(query, adding)), ::testing::Contains("fertiliser.txt"));
}

TEST_F(RankingOptionsTest, AnExpandedQueryCountsTheArticlesWithItsWords) {
  Searcher searcher(db());
  SearchRequest request;
  request.query = "tractor factory exports";
  const SearchResults expanded = searcher.search(request);
  request.query = "tractor OR factory OR exports";  // an operator: never expanded
  const SearchResults typed = searcher.search(request);
  ASSERT_TRUE(expanded.counts && typed.counts);
  EXPECT_EQ(expanded.counts->results().value, typed.counts->results().value);
  EXPECT_EQ(expanded.counts->results().value, 2U);
}

// Each option must reach the ranking: the same query, with the option changed, scores
// differently. (Two settings that happened to score alike would fail here too; none do.)
TEST_F(RankingOptionsTest, EveryOptionChangesTheScores) {
  const std::string query = "tractor factory exports";
  struct Variant {
    std::string name;
    RankingOptions base;
    RankingOptions changed;
  };
  std::vector<Variant> variants;
  const RankingOptions defaults;
  for (const auto& [name, scheme] : kWeightingSchemes) {
    RankingOptions changed = defaults;
    changed.weighting = scheme;
    RankingOptions base = defaults;
    base.weighting = scheme == Weighting::bm25 ? Weighting::ifb2 : Weighting::bm25;
    variants.push_back({"weighting " + std::string(name), base, changed});
  }
  const auto with = [&](auto change) {
    RankingOptions options = defaults;
    change(options);
    return options;
  };
  const auto ifb2 = [](RankingOptions& o) { o.weighting = Weighting::ifb2; };
  variants.push_back({"dfr-c", with([&](RankingOptions& o) { ifb2(o), o.dfr_c = 1.0; }),
                      with([&](RankingOptions& o) { ifb2(o), o.dfr_c = 4.0; })});
  variants.push_back(
      {"bm25-k1", with([](RankingOptions& o) { o.weighting = Weighting::bm25; }),
       with([](RankingOptions& o) { o.weighting = Weighting::bm25, o.bm25_k1 = 1.6; })});
  variants.push_back({"proximity-weight", with([](RankingOptions& o) { o.proximity_weight = 0; }),
                      with([](RankingOptions& o) { o.proximity_weight = 0.5; })});
  variants.push_back({"expand-weight", with([](RankingOptions& o) { o.expand_weight = 0.1; }),
                      with([](RankingOptions& o) { o.expand_weight = 0.5; })});
  variants.push_back(
      {"expand-term-weights",
       with([](RankingOptions& o) { o.expand_term_weights = ExpansionTermWeights::flat; }),
       with([](RankingOptions& o) { o.expand_term_weights = ExpansionTermWeights::eset; })});
  // Weighted by their ESet weights, which the two schemes compute differently.
  variants.push_back({"expand-scheme", with([](RankingOptions& o) {
                        o.expand_term_weights = ExpansionTermWeights::eset,
                        o.expand_scheme = ExpansionScheme::trad;
                      }),
                      with([](RankingOptions& o) {
                        o.expand_term_weights = ExpansionTermWeights::eset,
                        o.expand_scheme = ExpansionScheme::bo1;
                      })});
  variants.push_back({"expand-scheme rm", with([](RankingOptions& o) {
                        o.expand_term_weights = ExpansionTermWeights::eset,
                        o.expand_scheme = ExpansionScheme::trad;
                      }),
                      with([](RankingOptions& o) {
                        o.expand_term_weights = ExpansionTermWeights::eset,
                        o.expand_scheme = ExpansionScheme::rm;
                      })});
  variants.push_back(
      {"bm25-min-normlen", with([](RankingOptions& o) { o.weighting = Weighting::bm25; }),
       with([](RankingOptions& o) { o.weighting = Weighting::bm25, o.bm25_min_normlen = 2; })});
  variants.push_back({"expand-query-terms",
                      with([](RankingOptions& o) { o.expand_query_terms = false; }),
                      with([](RankingOptions& o) { o.expand_query_terms = true; })});
  // 0.2 of six articles: only words of one article, which feedback never adds.
  variants.push_back({"expand-max-df", with([](RankingOptions& o) { o.expand_max_df = 1; }),
                      with([](RankingOptions& o) { o.expand_max_df = 0.2; })});
  // Only the best match gives feedback.
  variants.push_back({"expand-min-score", with([](RankingOptions& o) { o.expand_min_score = 0; }),
                      with([](RankingOptions& o) { o.expand_min_score = 0.99; })});
  variants.push_back({"expand-adds-matches",
                      with([](RankingOptions& o) { o.expand_adds_matches = false; }),
                      with([](RankingOptions& o) { o.expand_adds_matches = true; })});
  for (const Variant& variant : variants) {
    const auto base = ranked(query, variant.base);
    ASSERT_FALSE(base.empty()) << variant.name;
    EXPECT_NE(ranked(query, variant.changed), base) << variant.name;
  }
}

// Feedback weighs the typed words again by how much the best matches use them (RM3): of
// "tractor minsk rain", four articles are about Minsk's tractors and one long one mentions rain.
// Ranked by the typed words alone, the rare word wins (rain.txt first, as with the feedback
// before, which added new words only); the topic the best matches share should.
TEST(Ranking, FeedbackWeighsTheTopicOfTheBestMatches) {
  TempDir dir;
  const std::pair<const char*, const char*> articles[] = {
      {"plant.txt", "Tractor plant\n\nThe tractor plant in Minsk built more tractors this year.\n"},
      {"exports.txt", "Tractor exports\n\nMinsk tractor exports grew, the tractor makers said.\n"},
      {"fair.txt", "Tractor fair\n\nA tractor fair opened in Minsk with new tractor models.\n"},
      {"show.txt", "Tractor show\n\nMinsk showed its newest tractor to visitors.\n"},
      {"farm.txt",
       "Farm news\n\nOne farmer bought a tractor and a new barn for the cows last spring.\n"},
      {"rain.txt",
       "Forecast\n\nRain is expected on the coast tomorrow, with strong wind from the sea and "
       "cold nights ahead, forecasters said on the radio, warning drivers and sailors alike.\n"},
      {"football.txt", "Football\n\nThe match ended in a draw.\n"},
      {"weather.txt", "Weather\n\nSnow and wind across the country.\n"},
      {"theatre.txt", "Theatre\n\nA new play opened at the theatre.\n"},
      {"music.txt", "Music\n\nA concert in the park on Sunday.\n"},
      {"bread.txt", "Bread\n\nBread prices rose in the shops.\n"},
      {"ferry.txt", "Ferry\n\nThe ferry left the port at noon.\n"},
      {"library.txt", "Library\n\nThe library opens a new reading room.\n"},
      {"chess.txt", "Chess\n\nA chess tournament for schools.\n"},
  };
  for (const auto& [name, text] : articles) testing::write_file(dir / "corpus" / name, text);
  testing::index_or_fail(dir / "corpus", dir / "db");
  const auto found = testing::search_ids(dir / "db", "tractor minsk rain");
  ASSERT_FALSE(found.empty());
  EXPECT_THAT(found.front(), ::testing::AnyOf("exports.txt", "fair.txt", "plant.txt", "show.txt"));
  EXPECT_THAT(found, ::testing::Contains("rain.txt"));  // still found
}

// Feedback reads the top results as they are shown, one per near-duplicate group: five copies of
// one syndicated text must not make up the whole model and crowd out what the other matches say.
TEST(Ranking, FeedbackCountsSyndicatedCopiesOnce) {
  TempDir dir;
  const std::string wire =
      "Tractor exports\n\nMinsk tractor exports rose again this month, the tractor makers in "
      "Minsk said, as potash shipments through the port were halted and potash traders waited "
      "for news from the ministry about potash quotas, potash prices and potash contracts for "
      "the coming season, while tractor dealers abroad asked Minsk for more tractors.\n";
  for (int copy = 0; copy < 5; ++copy) {
    testing::write_file(dir / "corpus" / ("wire" + std::to_string(copy) + ".txt"), wire);
  }
  const std::pair<const char*, const char*> articles[] = {
      {"plant.txt",
       "Tractor plant\n\nThe tractor plant in Minsk built tractors for the harvest.\n"},
      {"fair.txt", "Tractor fair\n\nMinsk tractor exports at the fair, ready for the harvest.\n"},
      {"show.txt", "Tractor show\n\nMinsk tractor exports shown before the harvest began.\n"},
      {"farm.txt", "Farm\n\nA Minsk tractor on the farm helps the harvest.\n"},
      {"potash.txt", "Potash\n\nPotash quotas and potash prices were set again.\n"},
      {"grain.txt", "Grain\n\nThe harvest was early and the grain harvest large.\n"},
      {"ferry.txt", "Ferry\n\nThe ferry left the port at noon.\n"},
      {"chess.txt", "Chess\n\nA chess tournament for schools.\n"},
  };
  for (const auto& [name, text] : articles) testing::write_file(dir / "corpus" / name, text);
  testing::index_or_fail(dir / "corpus", dir / "db");
  // What the model weighs shows in the articles it finds without the typed words: asked for.
  Searcher searcher(dir / "db");
  SearchRequest request;
  request.query = "tractor minsk exports";
  request.ranking.expand_adds_matches = true;
  std::vector<std::string> found;
  for (const Hit& hit : searcher.search(request).hits) found.push_back(hit.id);
  const auto rank = [&](const char* id) { return std::find(found.begin(), found.end(), id); };
  ASSERT_NE(rank("grain.txt"), found.end());
  EXPECT_TRUE(rank("potash.txt") == found.end() || rank("grain.txt") < rank("potash.txt"));
}

// A quoted name is searched as the phrase typed OR the phrase in its other spellings; every
// offered scheme must find it (Xapian 1.4's BB2 found nothing, and is not offered).
TEST(Ranking, EverySchemeFindsQuotedNames) {
  TempDir dir;
  testing::write_file(dir / "corpus/talks.txt",
                      "Talks\n\nVladimir Putin met Лукашэнка in Sochi.\n");
  testing::write_file(dir / "corpus/weather.txt", "Weather\n\nRain over Minsk all week.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  Searcher searcher(dir / "db");
  for (const auto& [scheme, weighting] : kWeightingSchemes) {
    for (const char* query : {"\"Vladimir Putin\"", "\"Владимир Путин\""}) {
      SearchRequest request;
      request.query = query;
      request.ranking.weighting = weighting;
      const SearchResults results = searcher.search(request);
      ASSERT_EQ(results.hits.size(), 1U) << scheme << " " << query;
      EXPECT_EQ(results.hits[0].id, "talks.txt") << scheme << " " << query;
    }
  }
}

// Scheme names are checked where they are read, once: a misspelt one fails every query, not just
// the descriptive ones that get expanded.
TEST_F(RankingOptionsTest, UnknownSchemesAreUsageErrors) {
  for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
           {"--weighting", "bm26"},
           {"--expand-scheme", "rocchio"},
           {"--expand-term-weights", "idf"},
       }) {
    const auto cli = testing::run_cli({"search", "--db", db().string(), option, value, "x"});
    EXPECT_EQ(cli.exit_code, static_cast<int>(ExitCode::usage)) << option << " " << value;
    EXPECT_THAT(cli.err, ::testing::HasSubstr("unknown")) << cli.err;
    EXPECT_THAT(cli.err, ::testing::HasSubstr(value)) << cli.err;
  }
}

// Each named value of a ranking file reaches the search as the value it names.
TEST_F(RankingOptionsTest, SchemeNamesInARankingFileSelectTheScheme) {
  const std::string query = "tractor factory exports";
  const auto top_score = [&](const std::string& ranking_file_text) {
    const std::filesystem::path file = db().parent_path() / "ranking.conf";
    testing::write_file(file, ranking_file_text);
    const auto cli = testing::run_cli(
        {"search", "--db", db().string(), "--ranking", file.string(), "--json", query});
    EXPECT_EQ(cli.exit_code, 0) << ranking_file_text << cli.err;
    return cli.out.substr(cli.out.find("\"score\""), 20);
  };
  EXPECT_NE(top_score("weighting = bm25\n"), top_score("weighting = ifb2\n"));
  EXPECT_NE(top_score("expand-scheme = trad\n"), top_score("expand-scheme = bo1\n"));
  EXPECT_EQ(top_score("weighting = bm25\n"), top_score("# the defaults\n"));
}

TEST(Incremental, AddModifyDeleteAreReflected) {
  TempDir dir;
  testing::write_file(dir / "corpus/a.txt", "Alpha\n\nabout potash\n");
  testing::write_file(dir / "corpus/b.txt", "Beta\n\nabout tractors\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  auto rerun =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  EXPECT_NE(rerun.out.find("added 0, updated 0, removed 0, unchanged 2, skipped 0"),
            std::string::npos)
      << rerun.out;

  testing::write_file(dir / "corpus/a.txt", "Alpha\n\nabout tractors now\n");
  std::filesystem::remove(dir / "corpus/b.txt");
  testing::write_file(dir / "corpus/c.txt", "Gamma\n\nabout potash\n");
  rerun = testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  EXPECT_NE(rerun.out.find("added 1, updated 1, removed 1, unchanged 0, skipped 0; 2 articles"),
            std::string::npos)
      << rerun.out;
  EXPECT_THAT(testing::search_ids(dir / "db", "tractors"), ElementsAre("a.txt"));
  EXPECT_THAT(testing::search_ids(dir / "db", "potash"), ElementsAre("c.txt"));
}

TEST(BadInput, BadFilesAreSkippedAndTheRestIndexed) {
  TempDir dir;
  testing::write_file(dir / "corpus/good.txt", "Good\n\npotash exports\n");
  testing::write_file(dir / "corpus/empty.txt", "");
  testing::write_file(dir / "corpus/binary.txt", std::string("\x7f"
                                                             "ELF\0\0\0\1",
                                                             8));
  testing::write_file(dir / "corpus/latin1.txt", "Caf\xE9\n\npotash\n");
  testing::write_file(dir / "corpus/notes.md", "not an article: ignored");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.err.find("skipped empty.txt: the file is empty"), std::string::npos);
  EXPECT_NE(result.err.find("skipped binary.txt: looks like a binary file"), std::string::npos);
  EXPECT_NE(result.err.find("skipped latin1.txt: is not valid UTF-8"), std::string::npos);
  EXPECT_NE(result.out.find("added 1, updated 0, removed 0, unchanged 0, skipped 3; 1 articles"),
            std::string::npos)
      << result.out;
  EXPECT_THAT(testing::search_ids(dir / "db", "potash"), ElementsAre("good.txt"));
}

}  // namespace
}  // namespace naviny
