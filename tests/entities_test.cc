#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzers/entity_recognizer.h"
#include "common/errors.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kGazetteer =
    "# id\ttype\tname\taliases\tshort_forms\n"
    "lukashenko\tperson\tAlexander Lukashenko\tAliaksandr Lukashenka|Аляксандр "
    "Лукашэнка\tLukashenka|Лукашэнка\n"
    "putin\tperson\tVladimir Putin\tVladimir Putin|Putin|Путин\t\n"
    "joe-biden\tperson\tJoe Biden\tJoe Biden|Джо Байден\tBiden|Байден\n"
    "hunter-biden\tperson\tHunter Biden\tHunter Biden|Хантер Байден\tBiden\n"
    "beau-biden\tperson\tBeau Biden\tBeau Biden|Бо Байден\tBiden\n"
    "donald-trump\tperson\tDonald Trump\tDonald Trump|Trump|Трамп\t\n"
    "melania-trump\tperson\tMelania Trump\tMelania Trump|Мелания Трамп\tMelania\n"
    "eric-trump\tperson\tEric Trump\tEric Trump\t\n"
    "volodymyr-zelensky\tperson\tVolodymyr Zelensky\tVladimir Zelensky|Zelensky\t\n"
    "clifford-may\tperson\tClifford May\tClifford May\tMay\n"
    "george-kent\tperson\tGeorge Kent\tGeorge Kent\tKent\n"
    "belarus\tplace\tBelarus\tBelarus|Беларусь|Белоруссия|Białoruś\t\n"
    "new-york\tplace\tNew York\tNew York\t\n"
    "york\tplace\tYork\tYork\t\n"
    "latvia\tplace\tLatvia\tLatvia|Латвия\t\n"
    "georgia\tplace\tGeorgia\tGeorgia|Грузия\t\n"
    "crimea\tplace\tCrimea\tCrimea|Крым|Krym|Krim|Крим\t\n"
    "lithuania\tplace\tLithuania\tLithuania|Литва\t\n"
    "vienna\tplace\tVienna\tVienna|Виена|Відень|Wiedeń\t\n"
    "cyprus\tplace\tCyprus\tCyprus|Кипър|Ciper\t\n"
    "poland\tplace\tPoland\tPoland|Polska|Polen\t\n"
    "peskov\tperson\tDmitry Peskov\tDmitry Peskov|Peskov|Песков\t\n"
    "denmark\tplace\tDenmark\tDenmark|Дания|Dania\t\n"
    "geneva\tplace\tGeneva\tGeneva|Женева|Ženeva\t\n"
    "united-nations\torg\tUnited Nations\tUnited Nations|UN|ООН\t\n"
    "voice-of-america\torg\tVoice of America\tVoice of America|VOA\t\n"
    "nato\torg\tNATO\tNATO|Nato|НАТО\t\n"
    "omon\torg\tOMON\tOMON|ОМОН\t\n"
    "european-commission\torg\tEuropean Commission\tEuropean Commission|Evropska komisija\t\n"
    "european-parliament\torg\tEuropean Parliament\tEuropean Parliament|Parlament Europejski\t\n"
    "germany\tplace\tGermany\tGermany|Niemcy|Deutschland\t\n"
    "egypt\tplace\tEgypt\tEgypt|Египет|Egipt\t\n"
    "prague\tplace\tPrague\tPrague|Praha|Praga|Прага\t\n"
    "canada\tplace\tCanada\tCanada|Kanada\t\n"
    "turkey\tplace\tTurkey\tTurkey|Turcja\t\n"
    "peru\tplace\tPeru\tPeru|Перу\t\n"
    "india\tplace\tIndia\tIndia|Индия\t\n"
    "indiana\tplace\tIndiana\tIndiana|Индиана\t\n"
    "associated-press\torg\tAssociated Press\tAssociated Press|AP\tАП\n"
    "united-kingdom\tplace\tUnited Kingdom\tUnited Kingdom|UK\t\n"
    "david-davis\tperson\tDavid Davis\tDavid Davis\tDavis\n"
    "davos\tplace\tDavos\tDavos|Давос\t\n"
    "virginia\tplace\tVirginia\tVirginia|Виргиния\t\n"
    "france\tplace\tFrance\tFrance|Francie\t\n"
    "czechia-health-ministry\torg\tMinistry of Health of the Czech Republic\tMinisterstvo "
    "zdravotnictví České republiky|české ministerstvo zdravotnictví\t\n"
    "us-supreme-court\torg\tSupreme Court of the United States\tSupreme Court of the United "
    "States|Верховный "
    "суд США\t\n"
    "white-house\torg\tWhite House\tWhite House|Белый дом\t\n"
    "the-atlantic\torg\tThe Atlantic\tThe Atlantic Monthly\tThe Atlantic\n"
    "atlantic-council\torg\tAtlantic Council\tAtlantic Council\t\n"
    "us-senate\torg\tUS Senate\tU.S. Senate|Senat USA\t\n"
    "unhcr\torg\tUNHCR\tAgencja ONZ ds. Uchodźców\t\n"
    "house-of-lords\torg\tHouse of Lords\tHouse of Lords\tthe House\n"
    "house-of-commons\torg\tHouse of Commons\tHouse of Commons\tthe House\n";

// What the recogniser tags in one text: "id:mentions" in gazetteer order.
std::vector<std::string> ids_recognized_in(const EntityRecognizer& recognizer, Analyzer& analyzer,
                                           const std::string& text) {
  const std::vector<AnalyzedWord> words = analyze_words(analyzer, text);
  std::vector<std::string> ids;
  for (const auto& [entity, count] : recognizer.recognize({&words})) {
    ids.push_back(recognizer.gazetteer().entities()[entity].id + ":" + std::to_string(count));
  }
  return ids;
}

// Recognition over one text.
class Recognition : public ::testing::Test {
 protected:
  std::vector<std::string> entities_in(const std::string& text) {
    return ids_recognized_in(recognizer_, analyzer_, text);
  }
  Analyzer analyzer_;
  Gazetteer gazetteer_ = Gazetteer::parse(kGazetteer, "test gazetteer", analyzer_);
  EntityRecognizer recognizer_{gazetteer_};
};

// The recogniser's look-up table: a key finds exactly its values, in the order they were added,
// however many keys are added around it (thousands, so that keys share hash buckets and runs).
TEST(KeyIndexTable, AKeyFindsItsValuesInTheOrderAdded) {
  KeyIndex index;
  constexpr std::size_t kKeys = 5000;
  for (std::size_t round = 0; round < 3; ++round) {
    for (std::size_t key = kKeys; key-- > 0;)
      index.add("k:" + std::to_string(key), key * 10 + round);
  }
  index.add("", 7);
  index.sort();
  for (const std::size_t key : {std::size_t{0}, std::size_t{1}, std::size_t{2499}, kKeys - 1}) {
    EXPECT_THAT(index.find("k:" + std::to_string(key)),
                ElementsAre(key * 10, key * 10 + 1, key * 10 + 2))
        << key;
  }
  EXPECT_THAT(index.find(""), ElementsAre(7U));
  EXPECT_THAT(index.find("k:5000"), IsEmpty());
  EXPECT_THAT(index.find("k:"), IsEmpty());
  EXPECT_THAT(KeyIndex().find("k:1"), IsEmpty());
}

TEST_F(Recognition, AliasesInAnyScriptAndInflection) {
  EXPECT_THAT(entities_in("Встреча с Путиным прошла. Putin's talks went on."),
              ElementsAre("putin:2"));
  EXPECT_THAT(entities_in("Візіт у Беларусь і Białorusi."), ElementsAre("belarus:2"));
}

TEST_F(Recognition, OneWordAliasSharingOnlyANameKeyMustBeSpeltAlike) {
  // Джордж (George) shares a name key with Georgia, Мира (of the world) with Marr; Лукашэнкі and
  // Łukaszenka are other spellings of the short form Lukashenka.
  EXPECT_THAT(entities_in("Джордж Юстис приехал."), IsEmpty());
  // A short stem is no evidence (Кроме is "besides"), nor a key-only match that starts a name.
  EXPECT_THAT(entities_in("Кроме того, было тихо."), IsEmpty());
  EXPECT_THAT(entities_in("Говори Георги Коритаров."), IsEmpty());
  EXPECT_THAT(entities_in("Войска в Грузии и Georgii, Латвии."),
              ElementsAre("latvia:1", "georgia:2"));
  EXPECT_THAT(entities_in("Aliaksandr Lukashenka met Łukaszenki allies. Лукашэнкі ўлада."),
              ElementsAre("lukashenko:3"));
  EXPECT_THAT(entities_in("Сустрэча ў Białorusi."), ElementsAre("belarus:1"));
}

TEST_F(Recognition, LongestMatchWins) {
  EXPECT_THAT(entities_in("He moved from New York to York."), ElementsAre("new-york:1", "york:1"));
}

TEST_F(Recognition, SpellingBeatsASharedNameKey) {
  // Латвия and Литва share a name key; each inflected form still names its own country.
  EXPECT_THAT(entities_in("Из Латвии и из Литвы."), ElementsAre("latvia:1", "lithuania:1"));
}

TEST_F(Recognition, SurnameCountsAfterAFullMention) {
  EXPECT_THAT(entities_in("Aliaksandr Lukashenka spoke. Later Lukashenka left."),
              ElementsAre("lukashenko:2"));
  EXPECT_THAT(entities_in("Аляксандр Лукашэнка сказаў. Потым Лукашэнкі не было."),
              ElementsAre("lukashenko:2"));
  EXPECT_THAT(entities_in("Later Lukashenka left."), IsEmpty());
}

TEST_F(Recognition, AmbiguousSurnameGoesToTheFullMentionOrNowhere) {
  EXPECT_THAT(entities_in("Joe Biden spoke. Biden then left."), ElementsAre("joe-biden:2"));
  EXPECT_THAT(entities_in("Hunter Biden spoke. Biden then left."), ElementsAre("hunter-biden:2"));
  // Both named in full: the bare surname could be either, so it is not counted.
  EXPECT_THAT(entities_in("Joe Biden and Hunter Biden met. Biden then left."),
              ElementsAre("joe-biden:1", "hunter-biden:1"));
  EXPECT_THAT(entities_in("Biden then left."), IsEmpty());
}

TEST_F(Recognition, CommonWordsThatAreAlsoNamesAreNotTagged) {
  EXPECT_THAT(entities_in("The vote is in May. It rained in Kent."), IsEmpty());
  EXPECT_THAT(entities_in("George Kent testified. Kent said more."), ElementsAre("george-kent:2"));
}

TEST_F(Recognition, AGivenNameAloneNamesThePersonWhoseSurnameTheArticleWrites) {
  EXPECT_THAT(entities_in("Hunter spoke. Biden then left."), ElementsAre("hunter-biden:1"));
  EXPECT_THAT(entities_in("Joe and Hunter spoke. Biden left."),
              ElementsAre("joe-biden:1", "hunter-biden:1"));
  EXPECT_THAT(entities_in("Мелания пришла, Трамп ушёл."),
              ElementsAre("donald-trump:1", "melania-trump:1"));
  // A given name that is also a short form counts as one after a full mention, as before.
  EXPECT_THAT(entities_in("Melania Trump spoke. Melania left."), ElementsAre("melania-trump:2"));
  // Only a given name written as a name, and only with the surname.
  EXPECT_THAT(entities_in("Hunter spoke."), IsEmpty());
  EXPECT_THAT(entities_in("The hunter met Biden."), IsEmpty());
  // Two people so called whose surnames the article writes: it could be either.
  EXPECT_THAT(entities_in("Vladimir met Putin and Zelensky."),
              ElementsAre("putin:1", "volodymyr-zelensky:1"));
  EXPECT_THAT(entities_in("Vladimir met Putin."), ElementsAre("putin:2"));
}

TEST_F(Recognition, AGivenNameNextToAnotherNameIsSomebodyElses) {
  // Eric Garcetti, the mayor: "Eric" alone is then likelier him than Eric Trump.
  EXPECT_THAT(entities_in("Eric Garcetti met Trump. Eric left."), ElementsAre("donald-trump:1"));
  // Duncan Hunter, the congressman, is no Hunter Biden.
  EXPECT_THAT(entities_in("Дункан Хантер и Байден."), IsEmpty());
}

TEST(RecognizedMentions, AGivenNameAloneIsShownInTextOrder) {
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(kGazetteer, "test gazetteer", analyzer);
  std::vector<std::string> shown;
  for (const TextMention& mention :
       entities_in_text("Biden spoke. Hunter left, then Putin.", gazetteer, analyzer)) {
    shown.push_back(mention.words + "=" + (mention.entity ? mention.entity->id : "?"));
  }
  EXPECT_THAT(shown, ElementsAre("Biden=?", "Hunter=hunter-biden", "Putin=putin"));
}

// Words that look like an alias but are none, and the real mentions beside them.
struct RecognitionCase {
  const char* text;
  const char* expected;  // "id:mentions", comma-separated, in gazetteer order
};

void PrintTo(const RecognitionCase& row, std::ostream* out) {
  *out << '"' << row.text << '"';
}

class RecognitionTable : public Recognition,
                         public ::testing::WithParamInterface<RecognitionCase> {};

TEST_P(RecognitionTable, TagsOnlyRealMentions) {
  std::string found;
  for (const std::string& entity : entities_in(GetParam().text)) {
    found += (found.empty() ? "" : ",") + entity;
  }
  EXPECT_EQ(found, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, RecognitionTable,
    ::testing::Values(
        // A capital that only opens a sentence, when the text also has the word in lower case.
        RecognitionCase{"Крім того, було тихо. Уряд крім цього мовчав.", ""},
        RecognitionCase{"Данные показали рост. Мы получили данные.", ""},
        RecognitionCase{"Росія окупувала Крим. Уряд крім цього мовчав.", "crimea:1"},
        // Opening a sentence, a short stem must be the alias's very spelling: Крім and Крим are
        // both "krim" once romanized.
        RecognitionCase{"Крім того, Британія мовчала.", ""},
        RecognitionCase{"Крим анексовано.", "crimea:1"},
        // Виена (Vienna) and Dania stem to "vi" and "dan": a stem that short must be spelt alike.
        RecognitionCase{"Ви казахте това през VI век.", ""},
        RecognitionCase{"Срещата във Виена и после във Виене.", "vienna:2"},
        RecognitionCase{"Всички Данни са тук, каза Dan.", ""},
        RecognitionCase{"Premier Danii i Dania.", "denmark:2"},
        // In one script, a one-word alias met by name key alone must differ only in its ending,
        // or in one letter of a long word: not Война (war), Пушков, Cooper (Cyprus is Ciper in
        // Slovene), Купър or Dan.
        RecognitionCase{"Это Война и мир.", ""},
        RecognitionCase{"Сказал Пушков, а потом Пєсков.", "peskov:1"},
        RecognitionCase{"Agent Cooper came, and Купър too.", ""},
        RecognitionCase{"Prezydent Polski i Kypr.", "poland:1"},
        // A short stem takes a case ending that begins with a vowel: Перри is no Перу.
        RecognitionCase{"Сказал Перри о Перу.", "peru:1"},
        // Across scripts, spellings must differ towards the end (Latvija ~ Латвия), not from the
        // second letter on (Введенный ~ Wiedeń).
        RecognitionCase{"Он сказал: Введенный режим работает.", ""},
        RecognitionCase{"Predsednik Latvije je rekel.", "latvia:1"},
        // Inside a longer alias, a case form may change the consonants of a word (Polish
        // Parlamencie) or drop its e (Slovene Bidna).
        RecognitionCase{"W Parlamencie Europejskim.", "european-parliament:1"},
        RecognitionCase{"Izvolitev Joeja Bidna.", "joe-biden:1"},
        // A case ending may change the stem of a one-word alias so that no name key meets: the
        // fleeting e (Египту, Niemiec) and consonants softened before a locative or dative
        // ending (Niemczech, Egipcie, Polsce, Kanadzie, Pradze, Czech Praze, Ukrainian Празі).
        RecognitionCase{"W Niemczech i z Niemiec.", "germany:2"},
        RecognitionCase{"Помощь Египту, pomoc w Egipcie.", "egypt:2"},
        RecognitionCase{"Mieszka w Polsce, pracuje w Kanadzie.", "poland:1,canada:1"},
        RecognitionCase{"V Praze, w Pradze, у Празі.", "prague:3"},
        // But a stem of four letters is no evidence: Polen's "poln" begins Północy, and Turek
        // ("a Turk") without its e is "turk".
        RecognitionCase{"Na Północy stał Turek.", ""},
        // A short form beside initials names the one person whose given name the first initial
        // begins, before or after the surname, in either script.
        RecognitionCase{"H. Biden spoke, then J. Biden.", "joe-biden:1,hunter-biden:1"},
        RecognitionCase{"Заявіў Лукашэнка А. Р.", "lukashenko:1"},
        RecognitionCase{"L. Biden spoke.", ""},
        // Across scripts a third of the letters may differ (Davis, Давос), but not where the
        // entity has an alias in the word's own script: Davis is then no form of Davos.
        RecognitionCase{"David Davis spoke. The Davis plan failed in Davos, в Давосе.",
                        "david-davis:2,davos:2"},
        // Nor is a word the alias cut short: Виргиния stems to "virgin".
        RecognitionCase{"Virgin Atlantic flew to Virginia.", "virginia:1"},
        // The English stemmer cuts Francis and Francie (Czech for France) alike to "franci".
        RecognitionCase{"Papež Francis navštívil Francie.", "france:1"},
        // Where two aliases fit equally well, the one the word begins like wins: the Russian
        // stemmer cuts Индиана (Indiana) and Индия (India) to the same "india".
        RecognitionCase{"Губернатор Индианы, а в Индиане и в Индии.", "india:1,indiana:2"},
        RecognitionCase{"Штат Индиана.", "indiana:1"},
        // Acronyms are spelt the same or not at all: УНН is a news agency, ВИА a band.
        RecognitionCase{"Агенцията УНН съобщи, че групата ВИА пя.", ""},
        RecognitionCase{"Генсек ООН и UN, а також VOA.", "united-nations:2,voice-of-america:1"},
        // AP is a full alias, Bulgarian АП (in Russian also the President's Administration) only
        // a short form.
        RecognitionCase{"Agencja AP podała.", "associated-press:1"},
        RecognitionCase{"Администрацията АП мълчи.", ""},
        // A Latin abbreviation is not the Cyrillic one that romanises alike: УК is the Criminal
        // Code.
        RecognitionCase{"По статье УК, а не в UK.", "united-kingdom:1"},
        // Russian declines an acronym with a lower-case ending.
        RecognitionCase{"Сотрудники ОМОНа задержали его. ОМОНом руководят.", "omon:2"},
        // A one-word alias met by name key alone does not open a sentence (Žena: "woman"); Slovene
        // Ženevi is Ženeva with a case ending.
        RecognitionCase{"Žena je prišla. Нито един не дойде.", ""},
        RecognitionCase{"Žena je v Ženevi. Сега е в Женева.", "geneva:2"},
        // A common noun of a longer name keeps its inflections in lower case (komisije).
        RecognitionCase{"Predlog Evropske komisije.", "european-commission:1"},
        RecognitionCase{"Evropske države in komisije.", ""},
        // An institution's generic first word is written with a capital or without one, and a
        // name later in the alias confirms it: Верховный суд США, верховный суд США.
        RecognitionCase{"Решение принял верховный суд США.", "us-supreme-court:1"},
        RecognitionCase{"Podle ministerstva zdravotnictví České republiky.",
                        "czechia-health-ministry:1"},
        // But not where no later word is a name, nor an acronym: белый дом is a white house.
        RecognitionCase{"Вчера белый дом покрасили.", ""},
        RecognitionCase{"Генсек оон сказал.", ""},
        // Nor where the first word is a given name: Slovene bo ("will") is no Beau.
        RecognitionCase{"Tako bo Biden rekel, je dodal Joe Biden.", "joe-biden:2"},
        // Nor a short form, whose lower-case first word would take the words of a longer name.
        RecognitionCase{"An article for the Atlantic Council.", "atlantic-council:1"},
        // A lower-case alias in another case (Czech search forms keep their endings).
        RecognitionCase{"Podle českého ministerstva zdravotnictví je to tak.",
                        "czechia-health-ministry:1"},
        RecognitionCase{"Podle českému ministerstvu zdravotnictví.", "czechia-health-ministry:1"},
        // A name of several words does not run over the end of a sentence or a line, only over a
        // period its alias writes (U.S. Senate, ds.).
        RecognitionCase{"Głosował Senat. USA czekają.", ""},
        RecognitionCase{"Głosował Senat\nUSA czekają.", ""},
        RecognitionCase{"Głosował Senat USA.", "us-senate:1"},
        RecognitionCase{"The U.S. Senate voted.", "us-senate:1"},
        RecognitionCase{"Pomaga Agencja ONZ ds. Uchodźców.", "unhcr:1"},
        // A short form yields to a full name that begins inside it and runs past it.
        RecognitionCase{"Peers in the House of Lords voted.", "house-of-lords:1"},
        RecognitionCase{"MPs in the House of Commons voted. Then the House rose.",
                        "house-of-commons:2"},
        RecognitionCase{"Then the House rose.", ""}));

TEST(GazetteerNames, ShortFormOfSeveralEntitiesResolvesToTheOneItNames) {
  // "Georgia" is the country in English and the U.S. state in Polish and Czech: a short form of
  // both, which a full alias in the article resolves; as a query it asks for the country.
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(
      "georgia\tplace\tGeorgia\tГрузия\tGeorgia\n"
      "georgia-us-state\tplace\tGeorgia (U.S. state)\tДжорджия\tGeorgia\n"
      "joe-biden\tperson\tJoe Biden\tJoe Biden\tBiden\n"
      "hunter-biden\tperson\tHunter Biden\tHunter Biden|Хантер Байден\tBiden\n"
      "donald-trump\tperson\tDonald Trump\tDonald Trump|Trump|Трамп\t\n"
      "melania-trump\tperson\tMelania Trump\tMelania Trump|Мелания Трамп\tMelania\n"
      "eric-trump\tperson\tEric Trump\tEric Trump\t\n"
      "volodymyr-zelensky\tperson\tVolodymyr Zelensky\tVladimir Zelensky|Zelensky\t\n",
      "test gazetteer", analyzer);
  EXPECT_THAT(gazetteer.resolve("Georgia", EntityType::place, analyzer), ElementsAre(0));
  EXPECT_THAT(gazetteer.resolve("Biden", std::nullopt, analyzer), ElementsAre(2, 3));
  const EntityRecognizer recognizer(gazetteer);
  const auto ids_in = [&](const std::string& text) {
    return ids_recognized_in(recognizer, analyzer, text);
  };
  EXPECT_THAT(ids_in("Wybory w Georgii."), IsEmpty());
  EXPECT_THAT(ids_in("Выборы в Джорджии. Georgia voted."), ElementsAre("georgia-us-state:2"));
}

// A generic short form (Сенат, MSZ) that no full mention confirms names the one organisation whose
// home place, as its full aliases name it (Сенат США, MSZ Rosji), is the place the article names
// most; where that is no such place, or the places of two of them tie, it names none.
TEST(ShortFormsByHomePlace, ThePlaceTheArticleNamesPicksTheOrganisation) {
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(
      "us-senate\torg\tUS Senate\tUS Senate|Сенат США|Senat USA\tSenate|Сенат|Senat\n"
      "polish-senate\torg\tSenate of Poland\tSenat RP|Сенат Польши\tSenat|Сенат\n"
      "russia-foreign-ministry\torg\tMinistry of Foreign Affairs of Russia\tМИД России|MSZ "
      "Rosji\tМИД|MSZ\n"
      "poland-foreign-ministry\torg\tMinistry of Foreign Affairs of Poland\tМИД Польши|MSZ "
      "RP\tМИД|MSZ\n"
      "united-states\tplace\tUnited States\tUnited States|США|USA\t\n"
      "russia\tplace\tRussia\tRussia|Россия|Rosja\t\n"
      "russia-government\torg\tGovernment of Russia\tGovernment of Russia|Правительство "
      "России\tGovernment|Правительство\n"
      "poland\tplace\tPoland\tPoland|Polska|Польша\t\n"
      "belarus\tplace\tBelarus\tBelarus|Беларусь\t\n",
      "test gazetteer", analyzer);
  const EntityRecognizer recognizer(gazetteer);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Сенат одобрил закон. Президент США подписал его.", "us-senate:1 united-states:1"},
      {"Сенат одобрил закон. В Польше его критикуют.", "polish-senate:1 poland:1"},
      {"Rosja protestuje. Wczoraj MSZ wezwało ambasadora.", "russia-foreign-ministry:1 russia:1"},
      {"Сенат одобрил закон.", ""},
      {"Rosja i Polska spierają się, a MSZ milczy.", "russia:1 poland:1"},
      {"Russia votes. The Government resigned.", "russia:1 russia-government:1"},
      // Only the place the article names most: the gazetteer lists no Government of Belarus,
      // whose supporters these are.
      {"Belarus votes. Belarus waits, Russia watches. Government supporters rally.",
       "russia:1 belarus:2"},
  };
  for (const auto& [text, expected] : rows) {
    std::string found;
    for (const std::string& id : ids_recognized_in(recognizer, analyzer, text)) {
      found += (found.empty() ? "" : " ") + id;
    }
    EXPECT_EQ(found, expected) << text;
  }
}

// Indexing remembers, per word as written and whether it is written as a name, which aliases it
// may begin (AliasCandidateMemo, one per run): recognition with the memo, used across articles,
// finds what it finds without. The texts write one word as a name and not ("May" opening a
// sentence that also writes "may"), in two scripts and inflected, as a given name alone, as the
// first word of a longer alias, as an acronym and declined acronym, so a memo keyed on less than
// the word as written and name_like would hand one of them another's candidates.
TEST(AliasCandidateMemo, RecognitionFindsTheSameMentionsWithAndWithoutIt) {
  const std::vector<std::string> texts = {
      "May we go? We may. Clifford May spoke, and May agreed.",
      "May agreed with Clifford May on Monday.",
      "Melania Trump came. Later Melania and Donald Trump left; Trump spoke.",
      "Melania stayed. Мелания Трамп приехала, Мелания осталась.",
      "New York and York. The new York office of the UN; ООН и НАТО, НАТОвские планы.",
      "Joe Biden and Hunter Biden. Biden said. Байдена ждут. Джо Байден.",
      "Кары ждут. Кары и Путин. Путина ждут, В. Путин и Путину.",
      "Выборы в Джорджии. Georgia voted, Грузия и Georgii, Латвии и Литва.",
      "Parlament Europejski i Parlamencie Europejskim; Evropska komisija, komisije.",
      "Davis in Davos, Давос. Virgin and Виргиния. Associated Press, AP and АП.",
  };
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(kGazetteer, "test gazetteer", analyzer);
  const EntityRecognizer recognizer(gazetteer);
  AliasCandidateMemo memo;
  const auto recognized = [&](const std::string& text, AliasCandidateMemo* with) {
    const std::vector<AnalyzedWord> words = analyze_words(analyzer, text);
    std::vector<RecognizedMention> trace;
    const EntityMentions mentions = recognizer.recognize({&words}, &trace, with);
    std::vector<std::string> shown;
    for (const auto& [entity, count] : mentions) {
      shown.push_back(gazetteer.entities()[entity].id + ":" + std::to_string(count));
    }
    for (const RecognizedMention& mention : trace) {
      shown.push_back(std::to_string(mention.first_word) + "+" + std::to_string(mention.words) +
                      "=" + (mention.entity ? gazetteer.entities()[*mention.entity].id : "?"));
    }
    return shown;
  };
  std::size_t mentions_found = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads what the first remembered
    for (const std::string& text : texts) {
      const std::vector<std::string> without = recognized(text, nullptr);
      EXPECT_EQ(recognized(text, &memo), without) << text << " (pass " << pass << ")";
      mentions_found += without.size();
    }
  }
  EXPECT_GT(mentions_found, 2 * texts.size());
}

// The index stores the gazetteer analysed, so that a search reads it without analysing every
// alias; read back, it recognises what the parsed one does, and only under its own stamp.
TEST(AnalysedGazetteer, ReadBackItTagsAsTheParsedOneDoes) {
  Analyzer analyzer;
  const Gazetteer parsed = Gazetteer::parse(kGazetteer, "test gazetteer", analyzer);
  const std::string stored = parsed.analysed("stamp 1");
  const std::optional<Gazetteer> read = Gazetteer::from_analysed(stored, "stamp 1", kGazetteer);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->analysed("stamp 1"), stored);
  EXPECT_EQ(read->text(), kGazetteer);
  const std::vector<AnalyzedWord> words =
      analyze_words(analyzer, "Аляксандр Лукашэнка сустрэўся з Путиным. Лукашэнку чакалі.");
  const EntityMentions expected = EntityRecognizer(parsed).recognize({&words});
  EXPECT_EQ(expected.size(), 2u);  // Lukashenko and Putin
  EXPECT_EQ(EntityRecognizer(*read).recognize({&words}), expected);
  EXPECT_FALSE(Gazetteer::from_analysed(stored, "stamp 2", kGazetteer).has_value());
  EXPECT_FALSE(Gazetteer::from_analysed("stamp 1\na\t9\t0\n", "stamp 1", kGazetteer).has_value());
}

TEST(GazetteerFile, MalformedRowNamesItsLine) {
  Analyzer analyzer;
  try {
    Gazetteer::parse("# header\nputin\tperson\tVladimir Putin\n", "entities.tsv", analyzer);
    FAIL() << "a row of three columns was accepted";
  } catch (const BadInputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("entities.tsv, line 2"));
  }
  EXPECT_THROW(Gazetteer::parse("x\tanimal\tX\tX\n", "entities.tsv", analyzer), BadInputError);
}

// The sixth column says where a row came from; it names nothing.
TEST(GazetteerFile, SourceColumnIsNoAlias) {
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse("tass\torg\tTASS\tTASS|ТАСС\t\twikidata:Q223799\n",
                                               "entities.tsv", analyzer);
  ASSERT_EQ(gazetteer.entities().size(), 1u);
  EXPECT_EQ(gazetteer.aliases().size(), 2u);
  EXPECT_THROW(Gazetteer::parse("tass\torg\tTASS\tTASS\t\tQ1\textra\n", "entities.tsv", analyzer),
               BadInputError);
}

}  // namespace
}  // namespace naviny
