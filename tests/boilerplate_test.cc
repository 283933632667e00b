#include "indexer/boilerplate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "common/errors.h"
#include "common/schema.h"
#include "indexer/bundled_gazetteer.h"
#include "searcher/searcher.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct CleanCase {
  const char* name;
  const char* body;
  const char* cleaned;
};

constexpr const char* kRules =
    "# comment\n"
    "line: comments powered by Disqus\n"
    "line: Print Friendly, PDF & Email\n"
    "cut: Similar articles\n";

class BoilerplateClean : public ::testing::TestWithParam<CleanCase> {};

TEST_P(BoilerplateClean, DropsFurnitureKeepsText) {
  const BoilerplateFilter filter = BoilerplateFilter::parse(kRules, "rules");
  EXPECT_EQ(filter.clean(GetParam().body), GetParam().cleaned);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BoilerplateClean,
    ::testing::Values(
        CleanCase{"LineDropped", "Minsk said no.\nblog comments powered by Disqus\nThe end.",
                  "Minsk said no.\nThe end."},
        CleanCase{"CaseIgnored", "Text.\nPRINT FRIENDLY, PDF & EMAIL", "Text."},
        CleanCase{"CutDropsTheRest", "Text.\n\nSimilar articles\nTeaser one\nTeaser two", "Text."},
        CleanCase{"LongParagraphKept",
                  "A reader wrote that the widget said comments powered by Disqus, which is a "
                  "long sentence of real text that goes on well past the length of any furniture "
                  "line, so that naviny must keep it whole and never drop it as site furniture.",
                  "A reader wrote that the widget said comments powered by Disqus, which is a "
                  "long sentence of real text that goes on well past the length of any furniture "
                  "line, so that naviny must keep it whole and never drop it as site furniture."},
        CleanCase{"NothingToDrop", "Just text.", "Just text."}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(BoilerplateRules, BadRuleNamesItsLine) {
  try {
    BoilerplateFilter::parse("line: ok\nDisqus\n", "boilerplate.conf");
    FAIL() << "a rule without line: or cut: was accepted";
  } catch (const BadInputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("boilerplate.conf, line 2"));
  }
  EXPECT_THROW(BoilerplateFilter::parse("cut:   \n", "r"), BadInputError);
}

using SeedBoilerplate = testing::IndexedOnce<testing::seed_corpus>;

TEST_F(SeedBoilerplate, SiteFurnitureIsNotSearchable) {
  for (const char* furniture :
       {"Disqus", "Tekedia", "\"Print Friendly\"", "\"Similar articles\"", "Masterclass"}) {
    EXPECT_THAT(testing::search_ids(db(), furniture), IsEmpty()) << furniture;
  }
  // The text around the furniture is still there.
  EXPECT_THAT(testing::search_ids(db(), "\"early bird\" OR crackdown"),
              ::testing::Contains("001_2f936300b4f84b0e.txt"));
}

TEST(BoilerplateChange, NextIndexRunReindexesEveryArticle) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  testing::write_file(dir / "corpus/a.txt", "Talks\n\nMinsk talks.\nSubscribe to our newsletter\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "newsletter"), ::testing::ElementsAre("a.txt"));
  testing::write_file(dir / "corpus/boilerplate.conf", "line: Subscribe to our newsletter\n");
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("updated 1"));
  EXPECT_THAT(testing::search_ids(dir / "db", "newsletter"), IsEmpty());
  EXPECT_THAT(testing::search_ids(dir / "db", "Minsk"), ::testing::ElementsAre("a.txt"));
}

// Scraped titles in the corpus languages, cleaned with the bundled rules: breadcrumbs, banners,
// datelines and stamps go, a headline run into its first paragraph is cut from it.
struct TitleCase {
  const char* name;
  const char* title;
  const char* body;
  const char* clean_title;
  const char* body_starts_with;  // the body's first line afterwards
};

class ScrapedTitle : public ::testing::TestWithParam<TitleCase> {};

TEST_P(ScrapedTitle, LosesFurniture) {
  const BoilerplateFilter filter =
      BoilerplateFilter::parse(bundled_boilerplate(), "corpus/boilerplate.conf");
  Article article;
  article.title = GetParam().title;
  article.body = GetParam().body;
  filter.clean(article);
  EXPECT_EQ(article.title, GetParam().clean_title);
  EXPECT_EQ(article.body.substr(0, article.body.find('\n')), GetParam().body_starts_with);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ScrapedTitle,
    ::testing::Values(
        TitleCase{"EnglishHomeNews",
                  "Home News How Russia is losing one of its allies to one of its worst enemies",
                  "Minsk is drifting.",
                  "How Russia is losing one of its allies to one of its worst enemies",
                  "Minsk is drifting."},
        TitleCase{"RussianCrumbs", "Главная Новости Лукашенко встретился с Путиным в Сочи",
                  "Встреча длилась пять часов.", "Лукашенко встретился с Путиным в Сочи",
                  "Встреча длилась пять часов."},
        TitleCase{"PolishCrumbs", "Strona główna Wiadomości Polska zamyka granicę z Białorusią",
                  "Decyzja zapadła w nocy.", "Polska zamyka granicę z Białorusią",
                  "Decyzja zapadła w nocy."},
        TitleCase{"GermanCrumbs", "Startseite Nachrichten Merkel trifft Macron in Paris",
                  "Das Treffen war kurz.", "Merkel trifft Macron in Paris",
                  "Das Treffen war kurz."},
        TitleCase{"SloveneCrumbs", "Domov Novice Vrh G20 za pravično distribucijo cepiva",
                  "Voditelji so se dogovorili.", "Vrh G20 za pravično distribucijo cepiva",
                  "Voditelji so se dogovorili."},
        TitleCase{"UkrainianTrail", "Головна / Світ / Америка / Байден підписав указ про санкції",
                  "Указ набуде чинності завтра.", "Байден підписав указ про санкції",
                  "Указ набуде чинності завтра."},
        TitleCase{"UkrainianTrailAfterHome",
                  "Home / COVID-19 / Вакцинування від ковіду триває вже в 46 країнах", "Текст.",
                  "Вакцинування від ковіду триває вже в 46 країнах", "Текст."},
        TitleCase{"RussianLeadingStamps", "08.11.2018 04:07 : В Пакистане освободили христианку",
                  "Текст.", "В Пакистане освободили христианку", "Текст."},
        TitleCase{"NavigationWordOpeningAHeadlineStays", "Новости о Brexit обсуждают в Лондоне",
                  "Текст.", "Новости о Brexit обсуждают в Лондоне", "Текст."},
        TitleCase{"BulgarianTrailingStamps",
                  "Пакистан започна кампания срещу ислямистка групировка 24.11.2018 | 11:15",
                  "Текст.", "Пакистан започна кампания срещу ислямистка групировка", "Текст."},
        TitleCase{"CrumbsRepeatedBelow",
                  "Главная В США Почти все штаты утвердили результаты выборов",
                  "Почти все штаты утвердили результаты выборов\n\nДжо Байден стал ближе к победе.",
                  "Почти все штаты утвердили результаты выборов",
                  "Почти все штаты утвердили результаты выборов"},
        TitleCase{"LongRunTogetherCutAtDate",
                  "Оправданная в Пакистане христианка хочет приехать в Германию 11.11.2018 По "
                  "словам адвоката Асии Биби, его подзащитная хотела бы приехать в Германию.",
                  "Текст.", "Оправданная в Пакистане христианка хочет приехать в Германию",
                  "11.11.2018 По словам адвоката Асии Биби, его подзащитная хотела бы приехать в "
                  "Германию."},
        TitleCase{"LongRunTogetherCutWhereTheLeadRepeatsIt",
                  "Тони Блеър: В Европейския съюз има неща, които са трудно защитими В "
                  "Европейския съюз има неща, които са трудно защитими, признава Тони Блеър.",
                  "Текст.", "Тони Блеър: В Европейския съюз има неща, които са трудно защитими",
                  "В Европейския съюз има неща, които са трудно защитими, признава Тони Блеър."},
        TitleCase{
            "LongRunTogetherCutAtSentenceEnd",
            "Křesťance v Pákistánu hrozil trest smrti. Soud ji osvobodil. Radikální "
            "islamisté jsou ve varu a požadují její popravu, vláda vyjednává s demonstranty "
            "v Islámábádu, v Láhauru a v dalších městech země.",
            "Text.", "Křesťance v Pákistánu hrozil trest smrti.",
            "Soud ji osvobodil. Radikální islamisté jsou ve varu a požadují její popravu, "
            "vláda vyjednává s demonstranty v Islámábádu, v Láhauru a v dalších městech země."},
        TitleCase{"CleanTitleKept", "Belarus and the USA: Is Rapprochement Possible?", "Text.",
                  "Belarus and the USA: Is Rapprochement Possible?", "Text."},
        TitleCase{"BulgarianTimeAndAgency", "Лондон вярва, че ще може да търгува с ЕС 03:50 БГНЕС",
                  "Текст.", "Лондон вярва, че ще може да търгува с ЕС", "Текст."},
        TitleCase{"OneWordTitleOverAParagraphKept", "Ryanair",
                  "Ryanair je irský nízkonákladový letecký dopravce se sídlem v Dublinu.",
                  "Ryanair",
                  "Ryanair je irský nízkonákladový letecký dopravce se sídlem v Dublinu."},
        TitleCase{"YearIsNoStamp", "Brexit deal expected before the end of 2020", "Text.",
                  "Brexit deal expected before the end of 2020", "Text."}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

// A first line that is furniture is not the title: the first following line that is a headline
// is, and leaves the body.
struct BetterLineCase {
  const char* name;
  const char* first_line;
  const char* body;
  const char* clean_title;
  const char* body_starts_with;
};

class FurnitureFirstLine : public ::testing::TestWithParam<BetterLineCase> {};

TEST_P(FurnitureFirstLine, TitleIsTheNextHeadline) {
  const BoilerplateFilter filter =
      BoilerplateFilter::parse(bundled_boilerplate(), "corpus/boilerplate.conf");
  Article article;
  article.title = GetParam().first_line;
  article.body = GetParam().body;
  filter.clean(article);
  EXPECT_EQ(article.title, GetParam().clean_title);
  EXPECT_EQ(article.body.substr(0, article.body.find('\n')), GetParam().body_starts_with);
}

INSTANTIATE_TEST_SUITE_P(
    Table, FurnitureFirstLine,
    ::testing::Values(
        BetterLineCase{"RussianCookieBanner",
                       "Наш сайт использует файлы Cookie, чтобы предоставлять вам "
                       "персонализированную информацию. Подробности - в Положении о защите "
                       "личных данных.",
                       "Ryanair отменила рейсы из-за забастовки\n\nПилоты бастуют второй день.",
                       "Ryanair отменила рейсы из-за забастовки", "Пилоты бастуют второй день."},
        BetterLineCase{"UkrainianCookieBanner",
                       "Ми використовуємо файли Cookie, щоб надавати вам персоналізовану "
                       "інформацію.",
                       "Пілоти Ryanair оголосили страйк\n\nСтрайк триватиме добу.",
                       "Пілоти Ryanair оголосили страйк", "Страйк триватиме добу."},
        BetterLineCase{"RegistrationBanner",
                       "Регистрация пройдена успешно! Пожалуйста, перейдите по ссылке из письма",
                       "Массовая вакцинация стартует в понедельник\n\nВакцину получат все.",
                       "Массовая вакцинация стартует в понедельник", "Вакцину получат все."},
        BetterLineCase{"BulgarianDateline", "сряда, 04 Ноември 2020 / 09:16",
                       "Байдън води в Пенсилвания\n\nБроенето продължава.",
                       "Байдън води в Пенсилвания", "Броенето продължава."},
        BetterLineCase{"DateAlone", "07.11.2020", "Байдън печели изборите в САЩ\n\nТекст.",
                       "Байдън печели изборите в САЩ", "Текст."},
        BetterLineCase{
            "SectionLabel", "Германия",
            "Вакцина от коронавируса: в Германии готовятся к первым испытаниям\n\nТекст.",
            "Вакцина от коронавируса: в Германии готовятся к первым испытаниям", "Текст."},
        BetterLineCase{"CrumbAlone", "Новини",
                       "Тереза Мей ще произнесе важни речи за Brexit\n\nТекст.",
                       "Тереза Мей ще произнесе важни речи за Brexit", "Текст."}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST_F(SeedBoilerplate, SeedTitleLosesHomeNews) {
  Searcher searcher(db());
  SearchRequest request;
  request.query = "id:001_2f936300b4f84b0e.txt";
  const SearchResults results = searcher.search(request);
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].title,
            "How Russia is losing one of its allies to one of its worst enemies");
}

// A folder without boilerplate.conf is cleaned with the bundled rules, and an index whose titles
// went through older title rules is re-indexed by the next run.
TEST(TitleRules, BundledByDefaultAndNewRulesReindex) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  testing::write_file(dir / "corpus/a.txt",
                      "Регистрация пройдена успешно! Пожалуйста, перейдите по ссылке\n\n"
                      "Минск закрыл границу с Литвой\n\nТекст о границе.\n");
  testing::index_or_fail(dir / "corpus", dir / "db");
  {
    Searcher searcher(dir / "db");
    SearchRequest request;
    request.query = "границу";
    const SearchResults results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].title, "Минск закрыл границу с Литвой");
  }
  EXPECT_THAT(testing::search_ids(dir / "db", "Регистрация"), IsEmpty());
  {
    Xapian::WritableDatabase db((dir / "db").string());
    db.set_metadata(std::string(schema::kMetaTitleRules), "0");
    db.commit();
  }
  const auto result =
      testing::run_cli({"index", "--db", (dir / "db").string(), (dir / "corpus").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("updated 1"));
}

}  // namespace
}  // namespace naviny
