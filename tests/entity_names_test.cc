// The gazetteer built into naviny, and words of a query that name an entity.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.h"
#include "test_support.h"

namespace naviny {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

struct Article {
  std::string file;
  std::string text;
};

// Writes a corpus of `articles` with its own gazetteer into `dir` and indexes it; returns the
// index.
std::filesystem::path indexed_with_gazetteer(const testing::TempDir& dir,
                                             const std::string& gazetteer,
                                             const std::vector<Article>& articles) {
  testing::write_file(dir / "corpus/entities.tsv", gazetteer);
  for (const Article& article : articles) {
    testing::write_file(dir / "corpus" / article.file, article.text);
  }
  testing::index_or_fail(dir / "corpus", dir / "db");
  return dir / "db";
}

// A gazetteer none of whose entities the articles of a test name: they are searched by spelling
// rules alone.
constexpr const char* kUnrelatedGazetteer = "belarus\tplace\tBelarus\tBelarus|Беларусь\t\n";

// A corpus folder without entities.tsv.
class BundledGazetteer : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(dir_ / "corpus/minsk.txt",
                        "Talks in Minsk\n\nAliaksandr Lukashenka met the Swedish envoy in Minsk.");
    testing::write_file(dir_ / "corpus/szwecja.txt",
                        "Rozmowy\n\nSzwecja i Polska podpisały umowę w Sztokholmie.");
    testing::write_file(dir_ / "corpus/shvetsiya.txt",
                        "Переговоры\n\nШвеция и Польша подписали соглашение.");
    testing::write_file(dir_ / "corpus/weather.txt", "Weather\n\nRain and wind over the coast.");
    testing::write_file(dir_ / "corpus/unia.txt", "Sankcje\n\nUnia Europejska nałożyła sankcje.");
    testing::write_file(dir_ / "corpus/prices.txt",
                        "Prices\n\nPrices may rise, and rents may too.");
    testing::write_file(dir_ / "corpus/mey.txt",
                        "Переговоры\n\nТереза Мэй прилетела в Минск. Мэй встретилась с министром.");
  }
  testing::TempDir dir_;
};

TEST_F(BundledGazetteer, TagsACorpusThatHasNone) {
  testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  EXPECT_THAT(testing::search_ids(dir_ / "db", "person:Лукашенко"), ElementsAre("minsk.txt"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "place:Sweden"),
              UnorderedElementsAre("szwecja.txt", "shvetsiya.txt"));
}

TEST_F(BundledGazetteer, NoGazetteerTagsNothing) {
  const auto indexed = testing::run_cli(
      {"index", "--no-gazetteer", "--db", (dir_ / "db").string(), (dir_ / "corpus").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const auto searched = testing::run_cli({"search", "--db", (dir_ / "db").string(), "Minsk"});
  ASSERT_EQ(searched.exit_code, 0) << searched.err;
  EXPECT_THAT(searched.out, HasSubstr("minsk.txt"));
  EXPECT_THAT(searched.out, Not(HasSubstr("mentions:")));
  const auto filtered =
      testing::run_cli({"search", "--db", (dir_ / "db").string(), "person:Lukashenka"});
  EXPECT_NE(filtered.exit_code, 0);
  EXPECT_THAT(filtered.err, HasSubstr("the index has no entities"));
}

TEST_F(BundledGazetteer, AddingToANewIndexTagsToo) {
  const auto added = testing::run_cli(
      {"add", "--db", (dir_ / "db").string(), (dir_ / "corpus/minsk.txt").string()});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(testing::search_ids(dir_ / "db", "person:Lukashenko"), ElementsAre("minsk.txt"));
}

// A place or organisation is often translated, not transliterated: Szwecja and Швеция share no
// spelling with Sweden, but the gazetteer knows them as its names.
TEST_F(BundledGazetteer, AWordThatNamesAnEntityFindsItsTranslations) {
  testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  EXPECT_THAT(testing::search_ids(dir_ / "db", "Sweden"),
              UnorderedElementsAre("szwecja.txt", "shvetsiya.txt"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "Швеция"),
              UnorderedElementsAre("szwecja.txt", "shvetsiya.txt"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "sweden"),
              UnorderedElementsAre("szwecja.txt", "shvetsiya.txt"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "\"European Union\""), ElementsAre("unia.txt"));
  // Exact mode matches the surface form only.
  EXPECT_THAT(testing::search_ids(dir_ / "db", "Sweden", {"--exact"}), IsEmpty());
}

// A surname a reader types alone names the person even where the press writes only the full name
// or a translation: Pope Francis is Franciszek and Франциск, Xi Jinping Си Цзиньпин. Czech Francie
// (France) is no Francis.
TEST(BundledPeople, ASurnameTypedAloneFindsThePersonInEveryLanguage) {
  testing::TempDir dir;
  testing::write_file(dir / "corpus/papiez.txt",
                      "Watykan\n\nPapież Franciszek spotkał się z rodziną Asii Bibi.");
  testing::write_file(dir / "corpus/papa.txt", "Ватикан\n\nПапа Франциск выступил с речью.");
  testing::write_file(dir / "corpus/francie.txt", "Praha\n\nPrezident Francie přiletěl do Prahy.");
  testing::write_file(dir / "corpus/xi.txt", "Пекин\n\nПредседатель КНР Си Цзиньпин заявил.");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "Francis"),
              UnorderedElementsAre("papiez.txt", "papa.txt"));
  EXPECT_THAT(testing::search_ids(dir / "db", "Jinping"), ElementsAre("xi.txt"));
}

// An index whose alias table has the layout before one-word aliases carried their spellings
// (lines of ids alone) still names entities: `Sweden` finds Szwecja and Швеция, not nothing.
TEST_F(BundledGazetteer, AnAliasTableOfThePreviousLayoutStillNamesEntities) {
  testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  {
    Xapian::WritableDatabase db((dir_ / "db").string());
    const std::string prefix(schema::kMetaAliasPrefix);
    std::vector<std::pair<std::string, std::string>> old_layout;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
      std::string ids;
      std::istringstream lines(db.get_metadata(*key));
      for (std::string line; std::getline(lines, line);)
        ids += line.substr(0, line.find('\t')) + "\n";
      old_layout.emplace_back(*key, ids);
    }
    for (const auto& [key, ids] : old_layout) db.set_metadata(key, ids);
    const std::string hash = db.get_metadata(std::string(schema::kMetaGazetteerHash));
    db.set_metadata(std::string(schema::kMetaAliasTableHash),
                    schema::alias_table_stamp_without_spellings(hash));
    db.commit();
  }
  EXPECT_THAT(testing::search_ids(dir_ / "db", "Sweden"),
              UnorderedElementsAre("szwecja.txt", "shvetsiya.txt"));
}

// "may" in lower case is the word the corpus writes that way, not a name of Theresa May.
TEST_F(BundledGazetteer, ALowerCaseCommonWordNamesNoEntity) {
  testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  EXPECT_THAT(testing::search_ids(dir_ / "db", "may"), ElementsAre("prices.txt"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "May"), Contains("mey.txt"));
}

// The generated block of the bundled gazetteer (scripts/countries_from_icu.py) names every state,
// in the region's languages, except those whose names are common words (Russian того, Togo).
TEST(BundledCountries, EveryStateButThoseNamedLikeCommonWords) {
  testing::TempDir dir;
  testing::write_file(dir / "corpus/islamabad.txt",
                      "Суд\n\nВерховный суд Пакистана оправдал её. Premier Pakistanu milczał.");
  testing::write_file(dir / "corpus/togo.txt", "Мнение\n\nТого же мнения был и министр.");
  testing::index_or_fail(dir / "corpus", dir / "db");
  EXPECT_THAT(testing::search_ids(dir / "db", "place:Pakistan"), ElementsAre("islamabad.txt"));
  EXPECT_THAT(testing::search_ids(dir / "db", "place:Пакістан"), ElementsAre("islamabad.txt"));
  const auto togo = testing::run_cli({"search", "--db", (dir / "db").string(), "place:Togo"});
  EXPECT_EQ(togo.exit_code, 4);
  EXPECT_THAT(togo.err, HasSubstr("no place called 'Togo'"));
}

// Articles tagged by older recognition rules are tagged again by the next `naviny index`, as after
// a gazetteer edit: the stored tags would otherwise go stale silently.
TEST_F(BundledGazetteer, NewRecognitionRulesReTagEveryArticle) {
  testing::index_or_fail(dir_ / "corpus", dir_ / "db");
  {
    Xapian::WritableDatabase db((dir_ / "db").string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kMetaRecognizer), "1");
    db.commit();
  }
  const auto again =
      testing::run_cli({"index", "--db", (dir_ / "db").string(), (dir_ / "corpus").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("unchanged 0"));
  EXPECT_THAT(again.out, HasSubstr("every article was re-tagged"));
  const auto unchanged =
      testing::run_cli({"index", "--db", (dir_ / "db").string(), (dir_ / "corpus").string()});
  EXPECT_THAT(unchanged.out, HasSubstr("updated 0"));
  EXPECT_THAT(testing::search_ids(dir_ / "db", "person:Lukashenko"), ElementsAre("minsk.txt"));
}

// `naviny analyze --entities` shows which words the indexer would tag, and as what.
TEST(AnalyzeEntities, ShowsEachMentionAndWhatItNames) {
  const auto shown = testing::run_cli(
      {"analyze", "--entities", "Aliaksandr Lukashenka met Putin in Sochi. Biden did not."});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out,
            "Aliaksandr Lukashenka\tperson alexander-lukashenko (Alexander Lukashenko)\n"
            "Putin\tperson vladimir-putin (Vladimir Putin)\n"
            "Sochi\tplace sochi (Sochi)\n"
            "Biden\tunresolved: several entities, or a short form without a full mention\n");
  testing::TempDir dir;
  testing::write_file(dir / "entities.tsv", "minsk\tplace\tMinsk\tMinsk|Мінск\t\n");
  const auto json = testing::run_cli({"analyze", "--entities", "--json", "--gazetteer",
                                      (dir / "entities.tsv").string(), "У Мінску і Sochi."});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"words\": \"Мінску\""));
  EXPECT_THAT(json.out, HasSubstr("\"id\": \"minsk\""));
  EXPECT_THAT(json.out, Not(HasSubstr("sochi")));
  // A gazetteer given without --entities would be ignored: that is a usage error.
  const auto misuse =
      testing::run_cli({"analyze", "--gazetteer", (dir / "entities.tsv").string(), "Мінск"});
  EXPECT_EQ(misuse.exit_code, 2);
  EXPECT_THAT(misuse.err, HasSubstr("--gazetteer requires --entities"));
}

// Name keys are coarse: Paxton and Пакистан share one. A word the gazetteer knows as a name of
// another entity is not a spelling of the query word; one it does not know still is.
TEST(NameKeysAndEntities, AKeyMatchTheGazetteerKnowsAsAnotherEntityIsLeftOut) {
  testing::TempDir dir;
  const std::filesystem::path db = indexed_with_gazetteer(
      dir,
      "pakistan\tplace\tPakistan\tPakistan|Пакистан\t\n"
      "ken-paxton\tperson\tKen Paxton\tKen Paxton|Кен Пакстон\tPaxton|Пакстон\n"
      "lukashenko\tperson\tAlexander Lukashenko\tLukashenko|Лукашенко\t\n",
      {{"pakistan.txt", "Суд\n\nВерховный суд Пакистан оправдал её."},
       {"paxton.txt", "Иск\n\nГенпрокурор Пакстон подал иск."},
       {"minsk.txt", "Минск\n\nВ Минске выступил Лукашенко."}});
  EXPECT_THAT(testing::search_ids(db, "Paxton"), ElementsAre("paxton.txt"));
  // A word the gazetteer does not list (here a typo) still meets the names spelt close to it.
  EXPECT_THAT(testing::search_ids(db, "Lukashenco"), ElementsAre("minsk.txt"));
}

// A name key is only a consonant skeleton: Wahl shares one with Welle, Kennedy with Канады,
// Orlando with Irlandii. In the same script a word under the key must be spelt as the same name;
// in any script, an inflected name of another entity in the gazetteer is left out.
TEST(NameKeysAndEntities, OnlyWordsSpeltAsTheNameOrNamingNoOtherEntityMeetIt) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir,
                             "canada\tplace\tCanada\tCanada|Канада|Kanada\t\n"
                             "ireland\tplace\tIreland\tIreland|Ирландия|Irlandia\t\n",
                             {{"wahl.txt", "Wahl\n\nMarkus Wahl said so."},
                              {"welle.txt", "Welle\n\nDeutsche Welle reported it."},
                              {"kennedy.txt", "Кеннеди\n\nСенатор Кеннеди выступил."},
                              {"kanada.txt", "Премьер\n\nПремьер Канады приехал."},
                              {"orlando.txt", "Floryda\n\nW Orlando padało."},
                              {"irlandia.txt", "Premier\n\nPremier Irlandii przyjechał."},
                              {"lukaszenka.txt", "Mińsk\n\nAlaksandr Łukaszenka przemawiał."}});
  EXPECT_THAT(testing::search_ids(db, "Wahl"), ElementsAre("wahl.txt"));
  EXPECT_THAT(testing::search_ids(db, "Kennedy"), ElementsAre("kennedy.txt"));
  EXPECT_THAT(testing::search_ids(db, "Orlando"), ElementsAre("orlando.txt"));
  EXPECT_THAT(testing::search_ids(db, "Lukashenko"), ElementsAre("lukaszenka.txt"));
}

// Two key matches that are no spelling of the typed name: a given name without the surname suffix
// that was typed (Борис for Borisov), and, once the corpus has the typed word, another entity's
// name in the same script that only a typo would explain (Davis for Davos). An inflected form of
// the typed word still counts (Camerona).
TEST(NameKeysAndEntities, ATypedSurnameSuffixAndAWordTheCorpusHasAreTakenAsTyped) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir,
                             "boris-johnson\tperson\tBoris Johnson\tBoris Johnson|Борис "
                             "Джонсон\tJohnson|Джонсон\n"
                             "david-davis\tperson\tDavid Davis\tDavid Davis\tDavis\n"
                             "cameroon\tplace\tCameroon\tCameroon|Kamerun\t\n",
                             {{"borisov.txt", "София\n\nПремиерът Борисов заяви това."},
                              {"boris.txt", "Лондон\n\nПремьер Борис Джонсон заявил."},
                              {"davos.txt", "Forum\n\nThe forum in Davos opened."},
                              {"davis.txt", "Brexit\n\nDavid Davis spoke. Davis left."},
                              {"cameron.txt", "Brexit\n\nCameron called the vote."},
                              {"camerona.txt", "Brexit\n\nRząd Camerona upadł."}});
  EXPECT_THAT(testing::search_ids(db, "Borisov"), ElementsAre("borisov.txt"));
  EXPECT_THAT(testing::search_ids(db, "Davos"), ElementsAre("davos.txt"));
  EXPECT_THAT(testing::search_ids(db, "Cameron"),
              UnorderedElementsAre("cameron.txt", "camerona.txt"));
}

// A given name the gazetteer knows (Мария, of Maria Zakharova) shares a key with Marr, but is no
// spelling of it; a typed given name still meets its spellings.
TEST(NameKeysAndEntities, AGivenNameIsNoSpellingOfASurname) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir,
                             "maria-zakharova\tperson\tMaria Zakharova\tMaria Zakharova|Мария "
                             "Захарова\tZakharova|Захарова\n",
                             {{"marr.txt", "BBC\n\nThe host Andrew Marr asked."},
                              {"mariya.txt", "МИД\n\nОтветила Мария Захарова."}});
  EXPECT_THAT(testing::search_ids(db, "Marr"), ElementsAre("marr.txt"));
  EXPECT_THAT(testing::search_ids(db, "Maria"), Contains("mariya.txt"));
}

// Across scripts a name key joins what transliteration keeps, the consonants; a word under it must
// also agree with the typed name in the vowel of its first syllable, give or take what
// transliteration swaps (English a for э: Jackson, Джексон). Yellen is no Юлиян, Harry no Гор.
TEST(NameKeysAndEntities, AcrossScriptsAKeySpellingBeginsWithTheTypedVowel) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"pence.txt", "США\n\nВице-президент Пенс заявил."},
                              {"jackson.txt", "США\n\nПевец Джексон выступил."},
                              {"yuliyan.txt", "София\n\nПрокурорът Юлиян каза."},
                              {"gor.txt", "Київ\n\nДепутат Гор сказав."}});
  EXPECT_THAT(testing::search_ids(db, "Pence"), ElementsAre("pence.txt"));
  EXPECT_THAT(testing::search_ids(db, "Jackson"), ElementsAre("jackson.txt"));
  EXPECT_THAT(testing::search_ids(db, "Yellen"), IsEmpty());
  EXPECT_THAT(testing::search_ids(db, "Harry"), IsEmpty());
}

// The swaps go one way only, the way Cyrillic transcribes an English vowel (Hayes, Хейс; Perdue,
// Bulgarian Пърдю), and a Latin j or y before a vowel stays a sound of its own: Ософ (Ossoff) is
// no Josef, Kelly no Кале (Calais), Celje no Салим.
TEST(NameKeysAndEntities, AcrossScriptsVowelsSwapOnlyAsTranscriptionDoes) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"hayes.txt", "США\n\nПрезидент Хейс заявил."},
                              {"perdue.txt", "САЩ\n\nСенаторът Пърдю загуби."},
                              {"ossoff.txt", "САЩ\n\nДемократът Ософ спечели."},
                              {"josef.txt", "Praha\n\nPromluvil Josef Novák."},
                              {"calais.txt", "Франция\n\nБежанците в Кале чакат."},
                              {"salim.txt", "Київ\n\nДепутат Салим сказав."}});
  EXPECT_THAT(testing::search_ids(db, "Hayes"), ElementsAre("hayes.txt"));
  EXPECT_THAT(testing::search_ids(db, "Perdue"), ElementsAre("perdue.txt"));
  EXPECT_THAT(testing::search_ids(db, "Ософ"), ElementsAre("ossoff.txt"));
  EXPECT_THAT(testing::search_ids(db, "Josef"), ElementsAre("josef.txt"));
  EXPECT_THAT(testing::search_ids(db, "Kelly"), IsEmpty());
  EXPECT_THAT(testing::search_ids(db, "Celje"), IsEmpty());
}

// The converse of Borisov and Борис: a Cyrillic surname in -ов is no spelling of a word typed
// without the suffix (Христов, a Bulgarian surname, is no Christ), unless the typed word has it in
// its Belarusian form (Kazlou, Козлов).
TEST(NameKeysAndEntities, ACyrillicSurnameInVIsNoSpellingOfAWordTypedWithoutIt) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"hristov.txt", "София\n\nДепутатът Христов заяви това."},
                              {"christ.txt", "Faith\n\nThe sermon spoke of Christ."},
                              {"kozlov.txt", "Минск\n\nЗаявил Козлов вчера."}});
  EXPECT_THAT(testing::search_ids(db, "Christ"), ElementsAre("christ.txt"));
  EXPECT_THAT(testing::search_ids(db, "Kazlou"), ElementsAre("kozlov.txt"));
}

// A short name the corpus has, where one letter is already a third of the word: in its own script
// only its case forms count (Wahla), or a spelling with other vowels (Said for Saeed), not another
// name a letter away (Wall).
TEST(NameKeysAndEntities, AShortNameTheCorpusHasMeetsItsCaseFormsAndVowelVariants) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"wahl.txt", "Bundestag\n\nThe deputy Markus Wahl spoke."},
                              {"wahla.txt", "Bundestag\n\nWywiad z posłem Markusem Wahla."},
                              {"wall.txt", "Berlin\n\nThe Berlin Wall fell in 1989."},
                              {"saeed.txt", "Lahore\n\nThe preacher Hafiz Saeed spoke."},
                              {"said.txt", "Lahore\n\nThe preacher Hafiz Said was arrested."}});
  EXPECT_THAT(testing::search_ids(db, "Wahl"), UnorderedElementsAre("wahl.txt", "wahla.txt"));
  EXPECT_THAT(testing::search_ids(db, "Saeed"), UnorderedElementsAre("saeed.txt", "said.txt"));
}

// God and год ("year") share the search form `god`. A word typed with a capital is a name: where
// most articles have its search form as another word, it finds only those that write it as typed
// or as a name. A capitalised common word (Sanctions) still finds the word in lower case.
TEST(NameKeysAndEntities, ACapitalisedQueryWordIsNoCommonWordOfAnotherScript) {
  testing::TempDir dir;
  std::vector<Article> articles{{"god.txt", "Faith\n\nThe sermon spoke of God."},
                                {"sanctions.txt", "Minsk\n\nNew sanctions were imposed."}};
  for (int i = 0; i < 12; ++i) {
    articles.push_back({"god" + std::to_string(i) + ".txt", "Итоги\n\nЭтот год был трудным."});
  }
  const std::filesystem::path db = indexed_with_gazetteer(dir, kUnrelatedGazetteer, articles);
  EXPECT_THAT(testing::search_ids(db, "God"), ElementsAre("god.txt"));
  EXPECT_THAT(testing::search_ids(db, "god"), Contains("god0.txt"));
  EXPECT_THAT(testing::search_ids(db, "Sanctions"), ElementsAre("sanctions.txt"));
}

// In one script, a word under the key that is the typed name with its final vowels cut off is a
// name of its own (Roman, Romania); a case form adds an ending (Romanii).
TEST(NameKeysAndEntities, TheTypedNameCutShortIsAnotherName) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"roman.txt", "Sport\n\nTrener Roman Kowalski powiedział."},
                              {"romanii.txt", "Polityka\n\nPrezydent Romanii przyjechał."}});
  EXPECT_THAT(testing::search_ids(db, "Romania"), ElementsAre("romanii.txt"));
}

// The English stemmer cuts Francis and Francie (Czech for France) alike to "franci", Harry and
// Harris to "harri", Adams and Adam to "adam". A typed name neither names the entity whose alias
// only shares its stem so, nor finds the articles that have only that other word; its own forms
// (Adams's) still count, and an article with both words is found.
TEST(NameKeysAndEntities, ANameTheStemmerCutsLikeAnotherIsNotThatName) {
  testing::TempDir dir;
  const std::filesystem::path db = indexed_with_gazetteer(
      dir,
      "france\tplace\tFrance\tFrance|Francie|Франция\t\n"
      "kamala-harris\tperson\tKamala Harris\tKamala Harris\tHarris\n",
      {{"francie.txt", "Praha\n\nPrezident Francie přiletěl do Prahy."},
       {"francis.txt", "Vatican\n\nPope Francis spoke on Sunday."},
       {"harris.txt", "Washington\n\nKamala Harris spoke. Harris then left."},
       {"harry.txt", "London\n\nPrince Harry spoke."},
       {"adam.txt", "Warsaw\n\nThe coach Adam Nawałka spoke."},
       {"adams.txt", "Boston\n\nPresident Adams's letters were read."},
       {"smith-adams.txt", "History\n\nAdam Smith was read by John Adams."}});
  EXPECT_THAT(testing::search_ids(db, "Francis"), ElementsAre("francis.txt"));
  EXPECT_THAT(testing::search_ids(db, "France"), ElementsAre("francie.txt"));
  EXPECT_THAT(testing::search_ids(db, "Harry"), ElementsAre("harry.txt"));
  EXPECT_THAT(testing::search_ids(db, "Harris"), ElementsAre("harris.txt"));
  EXPECT_THAT(testing::search_ids(db, "Adams"),
              UnorderedElementsAre("adams.txt", "smith-adams.txt"));
}

// A word of another script that the gazetteer knows as another entity's by its likeness to an
// alias (Франс, in "Франс Пресс", to France) is no spelling of a typed name that the corpus has
// (Francis), so no typo, unless it is spelt closer to the typed name than to that alias (Бэннон is
// Bannon, though spelt like Benin).
TEST(NameKeysAndEntities, AnotherEntitysNameInAnotherScriptIsNoTypoOfAWordTheCorpusHas) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir,
                             "france\tplace\tFrance\tFrance|Франция\t\n"
                             "benin\tplace\tBenin\tBenin|Бенин\t\n",
                             {{"frans.txt", "Париж\n\nОб этом сообщает агентство Франс Пресс."},
                              {"francis.txt", "Vatican\n\nPope Francis spoke on Sunday."},
                              {"bannon-ru.txt", "Вашингтон\n\nСоветник Бэннон заявил это."},
                              {"bannon.txt", "Washington\n\nThe adviser Steve Bannon said so."}});
  EXPECT_THAT(testing::search_ids(db, "Francis"), ElementsAre("francis.txt"));
  EXPECT_THAT(testing::search_ids(db, "Bannon"),
              UnorderedElementsAre("bannon.txt", "bannon-ru.txt"));
}

// A name key keeps only consonants. Across scripts a word under it must also keep the typed
// name's syllables, or add one for a case ending: Маас and Маасом are Maas, Масих is another name;
// Пенс is Pence (an English silent e is no syllable), Маккейн McCain. In one script it must also
// agree in the vowel of the first syllable: Baker is no Booker.
TEST(NameKeysAndEntities, ASpellingKeepsTheSyllablesAndTheFirstVowelOfTheName) {
  testing::TempDir dir;
  const std::filesystem::path db =
      indexed_with_gazetteer(dir, kUnrelatedGazetteer,
                             {{"maas.txt", "Berlin\n\nThe minister Heiko Maas spoke."},
                              {"maas-ru.txt", "Берлин\n\nМинистр Маас заявил это."},
                              {"maasom.txt", "Берлин\n\nВстреча с министром Маасом прошла."},
                              {"masih.txt", "Лахор\n\nПастор Масих сказал это."},
                              {"pence.txt", "США\n\nВице-президент Пенс заявил."},
                              {"mccain.txt", "США\n\nСенатор Маккейн выступил."},
                              {"booker.txt", "Senate\n\nSenator Cory Booker spoke."},
                              {"baker.txt", "London\n\nThe MP Steve Baker said so."}});
  EXPECT_THAT(testing::search_ids(db, "Maas"),
              UnorderedElementsAre("maas.txt", "maas-ru.txt", "maasom.txt"));
  EXPECT_THAT(testing::search_ids(db, "Pence"), ElementsAre("pence.txt"));
  EXPECT_THAT(testing::search_ids(db, "McCain"), ElementsAre("mccain.txt"));
  EXPECT_THAT(testing::search_ids(db, "Booker"), ElementsAre("booker.txt"));
}

}  // namespace
}  // namespace naviny
