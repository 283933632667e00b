// Organisations as the press of each language names them (issue 21): by translation, inflected
// over several words, with a legal form before or after the name, by an acronym with a case
// ending hyphenated on; and a generic word that stands for several of them names none alone.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace naviny {
namespace {

using ::testing::UnorderedElementsAreArray;

constexpr const char* kGazetteer =
    "european-commission\torg\tEuropean Commission\tEuropean Commission|Європейська комісія|"
    "Evropská komise|Komisja Europejska\tthe Commission\n"
    "russia-foreign-ministry\torg\tMinistry of Foreign Affairs of Russia\tRussian Foreign "
    "Ministry|Министерство иностранных дел России|МИД России|MSZ Rosji\tMSZ|МИД\n"
    "poland-foreign-ministry\torg\tMinistry of Foreign Affairs of Poland\tPolish Foreign "
    "Ministry|Ministerstwo Spraw Zagranicznych|MSZ RP\tMSZ\n"
    "pfizer\torg\tPfizer\tPfizer|Пфайзер\t\n"
    "gazprom\torg\tGazprom\tGazprom|Газпром\t\n"
    "nato\torg\tNATO\tNATO|НАТО|North Atlantic Treaty Organization\t\n"
    "tass\torg\tTASS\tTASS|ТАСС\t\n"
    // The party's members, written in lower case, name it as the press uses them.
    "labour-party-uk\torg\tLabour Party (UK)\tLabour Party|Лейбористская партия|Partia "
    "Pracy|лейбористы|labouristé\t\n"
    "us-house\torg\tUS House of Representatives\tUS House of Representatives|Палата "
    "представителей США|Izba Reprezentantów USA\tHouse of Representatives|Палата "
    "представителей|Izba Reprezentantów\n"
    "russia\tplace\tRussia\tRussia|Россия|Rosja\t\n"
    "poland\tplace\tPoland\tPoland|Polska|Польша\t\n"
    "united-kingdom\tplace\tUnited Kingdom\tUnited Kingdom|UK|Великобритания\t\n";

std::filesystem::path org_corpus() {
  static const testing::TempDir dir;
  static const bool written = [] {
    const std::vector<std::pair<std::string, std::string>> articles{
        {"ec_en.txt", "Decision\n\nThe European Commission published its decision."},
        {"ec_uk.txt", "Рішення\n\nРішення ухвалено Європейською комісією в середу."},
        {"ec_cs.txt", "Rozhodnutí\n\nRozhodnutí Evropské komise bylo zveřejněno."},
        {"mfa_en.txt", "Statement\n\nThe Russian Foreign Ministry issued a statement."},
        {"mfa_ru.txt", "Заявление\n\nС заявлением выступило Министерство иностранных дел России."},
        // The generic first word in lower case, as many writers have it.
        {"mfa_ru_lower.txt",
         "Протест\n\nВчера министерство иностранных дел России выразило протест."},
        {"mfa_pl.txt", "Oświadczenie\n\nMSZ Rosji wydało oświadczenie. MSZ nie podało szczegółów."},
        {"mfa_poland.txt", "Nota\n\nMinisterstwo Spraw Zagranicznych wysłało notę. MSZ czeka."},
        {"pfizer_en.txt", "Vaccine\n\nPfizer said the vaccine works."},
        {"pfizer_ru.txt", "Вакцина\n\nКомпания Пфайзер сообщила о результатах."},
        {"gazprom_ru.txt", "Газ\n\nГазпром повысил цены на газ."},
        {"gazprom_en.txt", "Gas\n\nGazprom raised its prices."},
        {"nato_pl.txt", "Sojusz\n\nPolska jest członkiem NATO od 1999 roku."},
        {"nato_ru.txt", "Саммит\n\nСаммит НАТО прошёл в Вильнюсе."},
        {"tass_ru.txt", "Визит\n\nОб этом сообщает ТАСС со ссылкой на посольство."},
        {"labour_en.txt", "Vote\n\nThe Labour Party won the vote in the north."},
        {"labour_ru.txt", "Выборы\n\nНа выборах в Уэльсе победили лейбористы."},
        {"labour_cs.txt", "Volby\n\nVe volbách zvítězili labouristé."},
        {"labour_cs_genitive.txt", "Průzkum\n\nPodpora labouristů v průzkumech klesá."},
        {"labour_market_en.txt", "Jobs\n\nThe labour market grew in the north."},
        {"house_ru.txt", "Бюджет\n\nПалата представителей США одобрила бюджет."},
        {"house_pl.txt",
         "Budżet\n\nIzba Reprezentantów USA przyjęła budżet. Izba Reprezentantów "
         "zbierze się znowu."},
        // Slovene nato, "then": the acronym's search form, written in lower case.
        {"then_sl.txt", "Cepivo\n\nNajprej končajo testiranje, nato jih pregleda regulator."},
    };
    for (const auto& [file, text] : articles) testing::write_file(dir / "corpus" / file, text);
    testing::write_file(dir / "corpus/entities.tsv", kGazetteer);
    testing::index_or_fail(dir / "corpus", dir / "db");
    return true;
  }();
  (void)written;
  return dir / "db";
}

struct OrgCase {
  const char* name;
  const char* query;
  std::vector<std::string> expected;  // exactly these articles
};

void PrintTo(const OrgCase& c, std::ostream* out) {
  *out << c.query;
}

class OrgNames : public ::testing::TestWithParam<OrgCase> {};

TEST_P(OrgNames, FindExactlyTheOrganisationsArticles) {
  const OrgCase& c = GetParam();
  std::vector<std::string> expected;
  for (const std::string& id : c.expected) expected.push_back(id + ".txt");
  EXPECT_THAT(testing::search_ids(org_corpus(), c.query), UnorderedElementsAreArray(expected))
      << c.query;
}

const std::vector<std::string> kCommission{"ec_en", "ec_uk", "ec_cs"};
const std::vector<std::string> kRussianMinistry{"mfa_en", "mfa_ru", "mfa_ru_lower", "mfa_pl"};
const std::vector<std::string> kPfizer{"pfizer_en", "pfizer_ru"};
const std::vector<std::string> kGazprom{"gazprom_ru", "gazprom_en"};
const std::vector<std::string> kNato{"nato_pl", "nato_ru"};
const std::vector<std::string> kLabour{"labour_en", "labour_ru", "labour_cs", "labour_cs_genitive"};

INSTANTIATE_TEST_SUITE_P(
    Table, OrgNames,
    ::testing::Values(
        // By translation, inflected over several words.
        OrgCase{"UkrainianInstrumental", "\"Європейською комісією\"", kCommission},
        OrgCase{"CzechGenitive", "\"Evropské komise\"", kCommission},
        OrgCase{"PolishGenitive", "\"Komisji Europejskiej\"", kCommission},
        OrgCase{"CommissionFilter", "org:\"Komisja Europejska\"", kCommission},
        OrgCase{"RussianInstrumental", "\"Министерством иностранных дел России\"",
                kRussianMinistry},
        OrgCase{"PolishAcronymWithCountry", "\"MSZ Rosji\"", kRussianMinistry},
        // An article that writes the generic first word in lower case, found by the name in
        // any language and case: the country's name after that word confirms the organisation.
        OrgCase{"LowerCaseInTextEnglishQuery", "\"Russian Foreign Ministry\"", kRussianMinistry},
        OrgCase{"LowerCaseInTextAndQuery", "\"министерства иностранных дел России\"",
                kRussianMinistry},
        OrgCase{"LowerCaseFilter", "org:\"министерство иностранных дел России\"", kRussianMinistry},
        // A legal form before or after the name.
        OrgCase{"LegalFormAfter", "\"Pfizer Inc\"", kPfizer},
        OrgCase{"LegalFormAndCorporateWord", "\"Pfizer Holdings Plc\"", kPfizer},
        OrgCase{"LegalFormBefore", "\"ПАО Газпром\"", kGazprom},
        OrgCase{"LegalFormLatin", "\"Gazprom PJSC\"", kGazprom},
        // A name typed with what tells it apart, as catalogues and data sets label it: the place
        // the organisation belongs to, before or after; an acronym with its expansion; a word
        // for the kind of organisation. Through a place a shared short form names the one
        // organisation whose full name names that place; a name of another place's names none.
        OrgCase{"QualifiedByPlace", "\"Labour Party UK\"", kLabour},
        OrgCase{"QualifiedByPlaceInFilter", "org:\"Labour Party UK\"", kLabour},
        OrgCase{"QualifiedByAnotherPlace", "\"Labour Party Russia\"", {}},
        OrgCase{"ShortFormQualifiedByPlace", "\"MSZ Russia\"", kRussianMinistry},
        OrgCase{"ShortFormAfterPlace", "\"Polska MSZ\"", {"mfa_poland"}},
        OrgCase{"AcronymWithExpansion", "\"NATO North Atlantic Treaty Organization\"", kNato},
        OrgCase{"KindOfOrganisation", "\"TASS news agency\"", {"tass_ru"}},
        OrgCase{"KindOfOrganisationPolish", "\"agencja TASS\"", {"tass_ru"}},
        OrgCase{"KindWordsAloneNameNothing", "\"the news agency\"", {}},
        // An acronym typed in capitals, and with a case ending hyphenated on, in each script: the
        // articles that write it as the acronym, not a common word spelt the same.
        OrgCase{"AcronymLatin", "NATO", kNato}, OrgCase{"AcronymCyrillic", "НАТО", kNato},
        OrgCase{"AcronymPolishEnding", "NATO-u", kNato},
        OrgCase{"AcronymCyrillicEnding", "НАТО-у", kNato},
        // A word for the party's members, typed in lower case, names the party as it does in
        // article text: its articles in every language, not the common word (labour market).
        OrgCase{"MembersRussian", "лейбористы", kLabour},
        OrgCase{"MembersCzech", "labouristé", kLabour},
        OrgCase{"MembersRussianInstrumental", "лейбористами", kLabour},
        // Czech has no stemmer: the genitive plural, which the corpus writes, has another search
        // form than the alias; it names the party through the alias spelt alike, as in text.
        OrgCase{"MembersCzechGenitivePlural", "labouristů", kLabour},
        // A generic short form typed in free text also finds the articles of the organisation
        // it is a short form of, in the other script.
        OrgCase{"ShortFormInFreeText", "\"Izba Reprezentantów\"", {"house_pl", "house_ru"}},
        // A generic short form that several organisations share may mean any of them: it finds
        // every article about them (ranked after those that write it, below).
        OrgCase{"SharedShortFormNamesAll",
                "MSZ",
                {"mfa_pl", "mfa_poland", "mfa_en", "mfa_ru", "mfa_ru_lower"}}),
    [](const auto& test) { return std::string(test.param.name); });

// Issue 19: where a form is ambiguous, free text searches every entity it may name and ranks the
// likelier first. A generic word's own articles outrank those found through the organisations it
// is a short form of.
TEST(OrgShortForms, TheArticlesThatWriteTheWordComeFirst) {
  const std::vector<std::string> ids = testing::search_ids(org_corpus(), "MSZ");
  ASSERT_EQ(ids.size(), 5U);
  EXPECT_THAT(std::vector<std::string>(ids.begin(), ids.begin() + 2),
              UnorderedElementsAreArray({"mfa_pl.txt", "mfa_poland.txt"}));
}

// In a filter the generic word is still an error that lists the organisations it may mean.
TEST(OrgShortForms, AFilterStillListsTheCandidates) {
  const testing::CliResult result =
      testing::run_cli({"search", "--db", org_corpus().string(), "org:MSZ"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.err, ::testing::HasSubstr("russia-foreign-ministry"));
  EXPECT_THAT(result.err, ::testing::HasSubstr("poland-foreign-ministry"));
}

}  // namespace
}  // namespace naviny
