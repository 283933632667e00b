// Any written form of a name finds what its base form finds: a case form of any of the corpus's
// languages, typed alone, in a phrase, after title: or in an entity filter (issue 19).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "searcher/base_forms.h"
#include "searcher/searcher.h"
#include "test_support.h"

namespace naviny {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

// (file name, text) of each article of a corpus.
using Articles = std::vector<std::pair<std::string, std::string>>;

// The index of `articles`, tagged with the bundled gazetteer, in `dir`.
std::filesystem::path indexed(const testing::TempDir& dir, const Articles& articles) {
  for (const auto& [file, text] : articles) testing::write_file(dir / "corpus" / file, text);
  testing::index_or_fail(dir / "corpus", dir / "db");
  return dir / "db";
}

// Short articles in several languages. Each names its entity in one case form only, so a query
// finds the others only by reading the form it was given.
std::filesystem::path any_form_corpus() {
  static const testing::TempDir dir;
  static const std::filesystem::path db = indexed(
      dir,
      {
          {"germany_en.txt", "Election\n\nVoters in Germany went to the polls on Sunday."},
          {"germany_ru.txt", "Выборы\n\nВ Германии прошли выборы в бундестаг."},
          {"germany_pl.txt", "Wybory\n\nW Niemczech odbyły się wybory do Bundestagu."},
          {"germany_cs.txt", "Volby\n\nV Německu se konaly volby do Spolkového sněmu."},
          {"russia_en.txt", "Sanctions\n\nThe union imposed sanctions on Russia."},
          {"russia_uk.txt", "Санкції\n\nСоюз запровадив санкції проти Росії."},
          {"russia_pl.txt", "Sankcje\n\nUnia nałożyła sankcje na Rosję."},
          {"warsaw_en.txt", "Summit\n\nLeaders met in Warsaw on Friday."},
          {"warsaw_pl.txt", "Szczyt\n\nPrzywódcy spotkali się w Warszawie."},
          {"lukashenko_uk.txt", "Вибори\n\nОлександр Лукашенко заявив про вибори."},
          {"lukashenko_pl.txt", "Spotkanie\n\nAleksander Łukaszenka spotkał się z ambasadorem."},
          {"lukashevich.txt", "Interview\n\nAlexander Lukashevich spoke to the press."},
          {"putin_pl.txt",
           "Rozmowa\n\nKanclerz zadzwoniła do prezydenta. Putinowi przekazano list."},
          {"putin_ru.txt", "Звонок\n\nВладимир Путин провёл переговоры с канцлером."},
          {"dublin_en.txt", "Talks\n\nThe talks in Dublin ended without a deal."},
          {"dublin_bg.txt", "Преговори\n\nПреговорите в Дъблин приключиха."},
          {"dublin_cs.txt", "Jednání\n\nJednání v Dublinu skončila bez dohody."},
          {"johnson_en.txt", "Boris Johnson resigns\n\nThe prime minister resigned on Thursday."},
          {"johnson_ru.txt", "Джонсон ушёл в отставку\n\nПремьер-министр подал в отставку."},
          {"johnson_body.txt", "Weather\n\nBoris Johnson spoke about the rain."},
          {"barnier_ru.txt", "Переговоры\n\nМишель Барнье провёл переговоры в Лондоне."},
          {"bernie_uk.txt",
           "Мітинг\n\nБерні Сандерс виступив на мітингу. Берні закликав голосувати."},
          {"lukasz_pl.txt", "Mecz\n\nŁukasz Osiński zdobył bramkę. Łukasz cieszył się z gola."},
          {"tsikhanouskaya_be.txt", "Сустрэча\n\nСвятлана Ціханоўская сустрэлася з паслом."},
          {"sechenov_ru.txt", "Конференция\n\nВ Сеченовском университете прошла конференция."},
          {"paxton_bg.txt", "Иск\n\nГлавният прокурор на Тексас Кен Пакстън внесе иск."},
          {"pakistan_ru.txt", "Протесты\n\nВ Пакистане прошли протесты."},
          {"pope_pl.txt", "Audiencja\n\nPrezydent spotkał się z papieżem Franciszem."},
          {"france_pl.txt", "Wizyta\n\nPrezydent przyjechał do Francji."},
          {"chile_pl.txt", "Protesty\n\nW Chile trwają protesty."},
          {"davos_ru.txt", "Форум\n\nВ Давосе открылся форум."},
          {"davis_pl.txt", "Brexit\n\nWypowiedź Davisa wywołała burzę w Londynie."},
          {"hongkong_cs.txt", "Protesty\n\nV Hongkongu pokračují protesty."},
          {"hongkong_bg.txt", "Протести\n\nПротестите в Хонконг продължават."},
          {"hongkong_en.txt", "Protests\n\nProtests go on in Hong Kong."},
          {"hill_ru.txt", "Показания\n\nФиона Хилл дала показания в Конгрессе."},
          {"hill_en.txt", "Testimony\n\nFiona Hill testified before Congress."},
      });
  return db;
}

// The test name of a row of a table: its `name`.
template <typename Case>
std::string case_name(const ::testing::TestParamInfo<Case>& param) {
  return param.param.name;
}

struct AnyFormCase {
  const char* name;
  const char* query;
  const char* language;               // of the form typed
  std::vector<std::string> expected;  // every article about the entity, in any language
};

void PrintTo(const AnyFormCase& c, std::ostream* out) {
  *out << c.query;
}

class AnyForm : public ::testing::TestWithParam<AnyFormCase> {};

TEST_P(AnyForm, FindsTheArticlesOfEveryLanguage) {
  const AnyFormCase& c = GetParam();
  EXPECT_THAT(testing::search_ids(any_form_corpus(), c.query), IsSupersetOf(c.expected))
      << c.query << " (" << c.language << ")";
}

const std::vector<std::string> kGermany{"germany_en.txt", "germany_ru.txt", "germany_pl.txt",
                                        "germany_cs.txt"};
const std::vector<std::string> kRussia{"russia_en.txt", "russia_uk.txt", "russia_pl.txt"};
const std::vector<std::string> kWarsaw{"warsaw_en.txt", "warsaw_pl.txt"};
const std::vector<std::string> kLukashenko{"lukashenko_uk.txt", "lukashenko_pl.txt"};
const std::vector<std::string> kPutin{"putin_pl.txt", "putin_ru.txt"};
const std::vector<std::string> kDublin{"dublin_en.txt", "dublin_bg.txt", "dublin_cs.txt"};

INSTANTIATE_TEST_SUITE_P(
    Table, AnyForm,
    ::testing::Values(
        // Case forms the recogniser tags in articles name the entity as a query too.
        AnyFormCase{"PolishLocative", "Niemczech", "pl", kGermany},
        AnyFormCase{"CzechLocative", "Německu", "cs", kGermany},
        AnyFormCase{"SloveneLocative", "Nemčiji", "sl", kGermany},
        AnyFormCase{"PolishGenitive", "Rosji", "pl", kRussia},
        AnyFormCase{"UkrainianGenitive", "Росії", "uk", kRussia},
        AnyFormCase{"UkrainianDative", "Лукашенкові", "uk", kLukashenko},
        AnyFormCase{"PolishGenitiveOfAPerson", "Łukaszenki", "pl", kLukashenko},
        AnyFormCase{"PolishDative", "Putinowi", "pl", kPutin},
        // A case form whose name key is cut elsewhere than its base form's (Varšav-o, Varšav-a).
        AnyFormCase{"SloveneAccusative", "Varšavo", "sl", kWarsaw},
        AnyFormCase{"CzechLocativeOfWarsaw", "Varšavě", "cs", kWarsaw},
        // Where a language writes a name as one word (Hongkong, Хонконг), the gazetteer has it.
        AnyFormCase{"ANameWrittenAsOneWord",
                    "Hongkongu",
                    "cs",
                    {"hongkong_cs.txt", "hongkong_bg.txt", "hongkong_en.txt"}},
        AnyFormCase{"ANameWrittenAsTwoWords",
                    "\"Hong Kong\"",
                    "en",
                    {"hongkong_cs.txt", "hongkong_bg.txt", "hongkong_en.txt"}},
        // A place the gazetteer does not know: the case form meets its base form in the corpus.
        AnyFormCase{"NameOutsideTheGazetteer", "Dublinu", "cs", kDublin},
        AnyFormCase{"LowerCase", "niemczech", "pl", kGermany},
        AnyFormCase{"InABooleanQuery",
                    "Rosji OR Niemczech",
                    "pl",
                    {"russia_en.txt", "russia_uk.txt", "germany_en.txt", "germany_ru.txt"}}),
    case_name<AnyFormCase>);

struct StrictCase {
  const char* name;
  const char* query;
  const char* wanted;
  const char* unwanted;  // another person's given name or another word, close in spelling
};

void PrintTo(const StrictCase& c, std::ostream* out) {
  *out << c.query;
}

class AnyFormStrict : public ::testing::TestWithParam<StrictCase> {};

TEST_P(AnyFormStrict, FindsTheNameAndNotItsLookAlike) {
  const std::vector<std::string> found = testing::search_ids(any_form_corpus(), GetParam().query);
  EXPECT_THAT(found, Contains(GetParam().wanted));
  EXPECT_THAT(found, Not(Contains(GetParam().unwanted)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, AnyFormStrict,
    ::testing::Values(
        // Берні is spelt close to Барньє, but the gazetteer knows it as Bernie Sanders's name.
        StrictCase{"AnotherPersonsGivenName", "Barnier", "barnier_ru.txt", "bernie_uk.txt"},
        // The English stemmer cuts Łukaszence (of Łukaszenka) to the stem of Łukasz.
        StrictCase{"AStemmerCutIntoAGivenName", "Łukaszence", "lukashenko_pl.txt", "lukasz_pl.txt"},
        // Polish c is ц: Cichanowska shares no key with Сеченовском read as English.
        StrictCase{"PolishCIsNoEnglishC", "Cichanowska", "tsikhanouskaya_be.txt",
                   "sechenov_ru.txt"},
        // Пакстън (Paxton in Bulgarian) is one letter from Пакистан, but that letter is a syllable.
        StrictCase{"ALetterApartThatIsASyllable", "Пакстън", "paxton_bg.txt", "pakistan_ru.txt"},
        // Franciszem (of Franciszek) begins like Francie (France) but goes on as another word.
        StrictCase{"AnotherWordAfterTheAliasVowels", "Franciszem", "pope_pl.txt", "france_pl.txt"},
        // Chile shares a key with Хилл and Hill (Fiona Hill); a short name of an entity meets
        // under its keys only its spellings with other vowels.
        StrictCase{"AShortNameOfAnEntityInTheOtherScript", "Chile", "chile_pl.txt", "hill_ru.txt"},
        StrictCase{"AShortNameOfAnEntityTypedInCyrillic", "Чили", "chile_pl.txt", "hill_en.txt"},
        // Davisa (of Davis) is spelt close to Давос, but Davos has a Latin name to compare with.
        StrictCase{"ANameOfTheEntityInTheWordsOwnScript", "Davos", "davos_ru.txt", "davis_pl.txt"}),
    case_name<StrictCase>);

TEST(AnyFormNoLukashevich, ACaseFormOfLukashenkoIsNoLukashevich) {
  EXPECT_THAT(testing::search_ids(any_form_corpus(), "Лукашенкові"),
              Not(Contains("lukashevich.txt")));
  EXPECT_THAT(testing::search_ids(any_form_corpus(), "Łukaszenki"),
              Not(Contains("lukashevich.txt")));
}

struct FilterCase {
  const char* name;
  const char* query;
  std::vector<std::string> expected;
};

void PrintTo(const FilterCase& c, std::ostream* out) {
  *out << c.query;
}

class AnyFormFilter : public ::testing::TestWithParam<FilterCase> {};

TEST_P(AnyFormFilter, ResolvesTheCaseForm) {
  const FilterCase& c = GetParam();
  const testing::CliResult result =
      testing::run_cli({"search", "--db", any_form_corpus().string(), "--json", c.query});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(testing::search_ids(any_form_corpus(), c.query),
              UnorderedElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Table, AnyFormFilter,
    ::testing::Values(FilterCase{"UkrainianDative", "person:Лукашенкові", kLukashenko},
                      FilterCase{"PolishGenitive", "person:Łukaszenki", kLukashenko},
                      FilterCase{"PolishLocative", "place:Niemczech", kGermany},
                      FilterCase{"UkrainianGenitive", "place:Росії", kRussia}),
    case_name<FilterCase>);

TEST(AnyFormFilterErrors, AnAmbiguousCaseFormListsTheCandidates) {
  const testing::CliResult result =
      testing::run_cli({"search", "--db", any_form_corpus().string(), "person:Bidena"});
  EXPECT_NE(result.exit_code, 0);
  // Asked to choose, not told that no such person exists.
  EXPECT_THAT(result.err, HasSubstr("person:Bidena could be"));
  EXPECT_THAT(result.err, HasSubstr("Joe Biden"));
  EXPECT_THAT(result.err, HasSubstr("Hunter Biden"));
}

// Orlando's made-up base form Orlandia is spelt like Irlandia (Ireland), but is no alias of it.
TEST(AnyFormFilterErrors, AMadeUpBaseFormNamesNoEntity) {
  const testing::CliResult result =
      testing::run_cli({"search", "--db", any_form_corpus().string(), "place:Orlando"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.err, HasSubstr("no place called 'Orlando'"));
  const testing::CliResult listed =
      testing::run_cli({"entities", "--db", any_form_corpus().string(), "Orlando"});
  EXPECT_THAT(listed.out, Not(HasSubstr("ireland")));
}

TEST(AnyFormEntities, TheListingResolvesACaseForm) {
  const testing::CliResult result =
      testing::run_cli({"entities", "--db", any_form_corpus().string(), "Łukaszenki"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("alexander-lukashenko"));
}

TEST(AnyFormTitle, ANameInTheTitleIsFoundInEitherScript) {
  const std::vector<std::string> titles{"johnson_en.txt", "johnson_ru.txt"};
  EXPECT_THAT(testing::search_ids(any_form_corpus(), "title:Johnson"),
              UnorderedElementsAreArray(titles));
  EXPECT_THAT(testing::search_ids(any_form_corpus(), "title:Джонсон"),
              UnorderedElementsAreArray(titles));
}

// Titles that name their entity in one form each, and articles that name it only in the body.
std::filesystem::path titles_corpus() {
  static const testing::TempDir dir;
  static const std::filesystem::path db = indexed(
      dir,
      {
          {"biden_pl.txt", "Rozmowa z Bidenem\n\nPrezydent Joe Biden rozmawiał z premierem."},
          {"biden_ru.txt", "Байден выступил в Конгрессе\n\nДжо Байден выступил с речью."},
          {"biden_cs.txt", "Biden vyhrál\n\nVolby vyhrál Biden."},
          {"biden_body.txt", "Weather report\n\nJoe Biden spoke about the rain."},
          {"germany_de.txt", "Deutschland wählt\n\nDie Wahl findet am Sonntag statt."},
          {"germany_ru.txt", "Выборы в Германии\n\nВыборы прошли в воскресенье."},
          {"germany_body.txt", "Wybory\n\nW Niemczech odbyły się wybory."},
          {"commission_uk.txt", "Європейська комісія оштрафувала Google\n\nШтраф склав мільярд."},
          {"commission_pl.txt", "Komisja Europejska nałożyła karę\n\nKara wynosi miliard euro."},
          {"commission_body.txt", "Fine\n\nThe European Commission fined the company."},
      });
  return db;
}

class AnyFormInTitle : public ::testing::TestWithParam<AnyFormCase> {};

// title: with a case form or a translation finds every title that names the entity, and no
// article that names it only in the body.
TEST_P(AnyFormInTitle, FindsEveryTitleThatNamesTheEntity) {
  EXPECT_THAT(testing::search_ids(titles_corpus(), GetParam().query),
              UnorderedElementsAreArray(GetParam().expected));
}

const std::vector<std::string> kBidenTitles{"biden_pl.txt", "biden_ru.txt", "biden_cs.txt"};
const std::vector<std::string> kGermanyTitles{"germany_de.txt", "germany_ru.txt"};
const std::vector<std::string> kCommissionTitles{"commission_uk.txt", "commission_pl.txt"};

INSTANTIATE_TEST_SUITE_P(
    Table, AnyFormInTitle,
    ::testing::Values(
        AnyFormCase{"PolishGenitive", "title:Bidena", "pl", kBidenTitles},
        AnyFormCase{"CzechInstrumental", "title:Bidenem", "cs", kBidenTitles},
        AnyFormCase{"RussianGenitive", "title:Байдена", "ru", kBidenTitles},
        AnyFormCase{"PolishLocativeOfATranslatedName", "title:Niemczech", "pl", kGermanyTitles},
        AnyFormCase{"CzechLocativeOfATranslatedName", "title:Německu", "cs", kGermanyTitles},
        AnyFormCase{"PolishPhraseInTheGenitive", "title:\"Komisji Europejskiej\"", "pl",
                    kCommissionTitles},
        AnyFormCase{"UkrainianPhraseInTheInstrumental", "title:\"Європейською комісією\"", "uk",
                    kCommissionTitles}),
    case_name<AnyFormCase>);

// Names of two words in several languages, and articles that have one of their words only.
std::filesystem::path two_word_names_corpus() {
  static const testing::TempDir dir;
  static const std::filesystem::path db = indexed(
      dir, {
               {"white_house_en.txt", "Talks\n\nThe White House announced new talks."},
               {"white_house_uk.txt", "Переговори\n\nБілий дім оголосив нові переговори."},
               {"white_house_pl.txt", "Rozmowy\n\nBiały Dom ogłosił nowe rozmowy."},
               {"house_en.txt", "By the lake\n\nThe white walls of the house were painted."},
               {"democrats_en.txt", "Primary\n\nThe Democratic Party held its primary."},
               {"democrats_ru.txt", "Выборы\n\nДемократическая партия выиграла выборы."},
               {"party_cs.txt", "Let\n\nNa palubě letadla byla párty až do rána."},
           });
  return db;
}

class AnyFormUnquoted : public ::testing::TestWithParam<AnyFormCase> {};

// Words typed one after another that name an entity together are read as the name, as the
// recogniser reads them in an article: what the quoted name finds, and not the articles that
// have one of the words only.
TEST_P(AnyFormUnquoted, ATwoWordNameFindsWhatTheQuotedNameFinds) {
  const AnyFormCase& c = GetParam();
  EXPECT_THAT(testing::search_ids(two_word_names_corpus(), c.query),
              UnorderedElementsAreArray(c.expected))
      << c.query << " (" << c.language << ")";
  EXPECT_THAT(testing::search_ids(two_word_names_corpus(), std::string("\"") + c.query + "\""),
              UnorderedElementsAreArray(c.expected));
}

const std::vector<std::string> kWhiteHouse{"white_house_en.txt", "white_house_uk.txt",
                                           "white_house_pl.txt"};
const std::vector<std::string> kDemocrats{"democrats_en.txt", "democrats_ru.txt"};

INSTANTIATE_TEST_SUITE_P(Table, AnyFormUnquoted,
                         ::testing::Values(AnyFormCase{"English", "White House", "en", kWhiteHouse},
                                           AnyFormCase{"Ukrainian", "Білий дім", "uk", kWhiteHouse},
                                           AnyFormCase{"Polish", "Biały Dom", "pl", kWhiteHouse},
                                           AnyFormCase{"AnEnglishWordNoArticleHas",
                                                       "Democratic Party", "en", kDemocrats},
                                           AnyFormCase{"Russian", "Демократическая партия", "ru",
                                                       kDemocrats}),
                         case_name<AnyFormCase>);

// Beside other words, the name is one alternative among them; lower case, the words are words.
TEST(AnyFormUnquotedAmongWords, TheNameCountsAsOneWord) {
  EXPECT_THAT(testing::search_ids(two_word_names_corpus(), "White House lake"),
              UnorderedElementsAre("white_house_en.txt", "white_house_uk.txt", "white_house_pl.txt",
                                   "house_en.txt"));
  EXPECT_THAT(testing::search_ids(two_word_names_corpus(), "white house"),
              IsSupersetOf({"white_house_en.txt", "house_en.txt"}));
}

// The words of a name read as one are right as typed, though no article writes them so: no
// "did you mean" to a word of another language that is spelt like one of them.
TEST(AnyFormUnquotedAmongWords, ANameNoArticleWritesSoIsNoMisspelling) {
  const testing::TempDir dir;
  const std::filesystem::path db =
      indexed(dir, {{"democrats_ru.txt", "Выборы\n\nДемократическая партия выиграла выборы."},
                    {"elections_cs.txt", "Volby\n\nV úterý demokrati a republikáni volili."}});
  Searcher searcher(db);
  SearchRequest request;
  request.query = "Democratic Party";
  const SearchResults results = searcher.search(request);
  EXPECT_EQ(results.suggestion, "");
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits.front().id, "democrats_ru.txt");
  request.query = "Democratik";  // alone, a word like another
  EXPECT_NE(searcher.search(request).suggestion, "");
}

struct BaseFormCase {
  const char* typed;
  const char* base;
};

class CandidateBaseForms : public ::testing::TestWithParam<BaseFormCase> {};

TEST_P(CandidateBaseForms, IncludeTheNominative) {
  EXPECT_THAT(candidate_base_forms(GetParam().typed), Contains(std::string(GetParam().base)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, CandidateBaseForms,
    ::testing::Values(BaseFormCase{"dublinu", "dublin"}, BaseFormCase{"pfizerja", "pfizer"},
                      BaseFormCase{"varšavo", "varšava"}, BaseFormCase{"bidna", "biden"},
                      BaseFormCase{"sofiji", "sofija"}, BaseFormCase{"ohiu", "ohio"},
                      BaseFormCase{"islamabadzie", "islamabad"}, BaseFormCase{"ameryce", "ameryka"},
                      BaseFormCase{"niemczech", "niemcy"}, BaseFormCase{"лукашенкові", "лукашенко"},
                      BaseFormCase{"путину", "путин"}, BaseFormCase{"парламентът", "парламент"},
                      BaseFormCase{"америці", "америка"}, BaseFormCase{"rutteho", "rutte"},
                      BaseFormCase{"kaczynského", "kaczynski"},
                      BaseFormCase{"solbergovou", "solberg"}, BaseFormCase{"mayeva", "may"},
                      BaseFormCase{"murphyjeva", "murphy"}, BaseFormCase{"wallace'a", "wallace"},
                      BaseFormCase{"belfaście", "belfast"}));

TEST(CandidateBaseFormsOfAShortWord, AreNone) {
  // Two letters left are the start of too many other names.
  EXPECT_THAT(candidate_base_forms("una"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace naviny
