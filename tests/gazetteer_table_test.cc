// The bundled gazetteer checked row by row: every full alias, written alone in a sentence, is
// tagged as its own entity and no other, and no short form is another entity's full mention. A
// failure lists each alias that is not, with what the recogniser made of it; an alias two entities
// share on purpose is listed, with the reason, in corpus/entities-shared-aliases.tsv.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/entity_recognizer.h"
#include "common/text.h"
#include "indexer/bundled_gazetteer.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

// (entity id, alias) pairs allowed to name more than their entity.
std::set<std::pair<std::string, std::string>> shared_on_purpose() {
  std::ifstream in(testing::source_dir() / "corpus/entities-shared-aliases.tsv");
  std::set<std::pair<std::string, std::string>> allowed;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> columns = split(line, '\t');
    if (columns.size() >= 2) allowed.emplace(columns[0], columns[1]);
  }
  return allowed;
}

std::string ids_of(const Gazetteer& gazetteer, const std::set<std::size_t>& entities) {
  std::string ids;
  for (const std::size_t entity : entities) {
    ids += (ids.empty() ? "" : ", ") + gazetteer.entities()[entity].id;
  }
  return ids.empty() ? "nothing" : ids;
}

// A name written alone in a sentence, and what the recogniser found in it. It follows a word that
// names nothing, so that its first word is read as an article reads it mid-sentence: "Силы
// специальных операций" opening a text could be the common word.
struct Sentence {
  std::vector<AnalyzedWord> words;  // "and", then the name's words
  std::vector<RecognizedMention> mentions;
};

Sentence recognized_alone(const EntityRecognizer& recognizer, Analyzer& analyzer,
                          std::string_view name) {
  Sentence sentence{analyze_words(analyzer, "and " + std::string(name)), {}};
  recognizer.recognize({&sentence.words}, &sentence.mentions);
  return sentence;
}

// What is wrong with one full alias written alone in a sentence, or nothing.
std::string problem_of(const EntityRecognizer& recognizer, Analyzer& analyzer, std::size_t entity,
                       std::string_view alias) {
  const auto [words, trace] = recognized_alone(recognizer, analyzer, alias);
  if (words.size() < 2) return "analyses to no word";
  for (const RecognizedMention& mention : trace) {
    if (mention.first_word == 1 && mention.words == words.size() - 1 && mention.entity == entity) {
      return {};
    }
  }
  const std::vector<AnalyzedWord> alone(words.begin() + 1, words.end());
  return "names " + ids_of(recognizer.gazetteer(), recognizer.entities_named_by(alone));
}

// What is wrong with a short form written alone in a sentence, or nothing: it must not be a full
// mention of another entity, which would then take it from its own wherever both are named
// (Борисов, Boyko Borisov's surname, met the Ukrainian Борисів of the town Barysaw).
std::string short_form_problem(const EntityRecognizer& recognizer, Analyzer& analyzer,
                               std::size_t entity, std::string_view short_form) {
  for (const RecognizedMention& mention :
       recognized_alone(recognizer, analyzer, short_form).mentions) {
    if (mention.entity && *mention.entity != entity) {
      return "is a full mention of " + recognizer.gazetteer().entities()[*mention.entity].id;
    }
  }
  return {};
}

TEST(GazetteerTable, EveryAliasNamesItsOwnEntityAlone) {
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(bundled_gazetteer(), "entities.tsv", analyzer);
  const EntityRecognizer recognizer(gazetteer);
  const auto allowed = shared_on_purpose();
  std::set<std::pair<std::string, std::string>> allowed_and_seen;
  std::ostringstream problems;
  std::size_t count = 0;
  for_each_line(bundled_gazetteer(), [&](std::string_view line) {
    const std::vector<std::string_view> columns = split(line, '\t');
    if (line.empty() || line.front() == '#' || columns.size() < 4) return;
    const std::size_t entity = *gazetteer.find_id(trim(columns[0]));
    for (std::size_t column = 3; column < std::min<std::size_t>(columns.size(), 5); ++column) {
      for (const std::string_view alias : split(columns[column], '|')) {
        if (trim(alias).empty()) continue;
        const std::string problem = column == 3
                                        ? problem_of(recognizer, analyzer, entity, alias)
                                        : short_form_problem(recognizer, analyzer, entity, alias);
        if (problem.empty()) continue;
        const std::pair<std::string, std::string> row(trim(columns[0]), trim(alias));
        if (allowed.contains(row)) {
          allowed_and_seen.insert(row);
          continue;
        }
        ++count;
        problems << row.first << '\t' << row.second << '\t' << problem << '\n';
      }
    }
  });
  EXPECT_EQ(count, 0u) << "aliases that do not name their entity alone (fix the row, or list it in "
                          "corpus/entities-shared-aliases.tsv with the reason):\n"
                       << problems.str();
  for (const auto& row : allowed) {
    EXPECT_TRUE(allowed_and_seen.contains(row))
        << "corpus/entities-shared-aliases.tsv lists " << row.first << " '" << row.second
        << "', which names its entity alone now (or is gone): remove the line";
  }
}

// How the press of each language names a party by its members, in a sentence (Bulgarian definite
// forms, Russian and Polish cases): the party, and where a longer name of another organisation
// holds the word, that one. Czech and Slovene have no stemmer: their case forms of a lower-case
// alias (republikánů, demokratov) are recognised by spelling.
struct MemberMention {
  const char* text;
  const char* mention;  // the words tagged
  const char* entity;
};

constexpr MemberMention kMemberMentions[] = {
    {"Республиканцы заблокировали законопроект.", "Республиканцы", "republican-party-us"},
    {"Голоса республиканцев разделились.", "республиканцев", "republican-party-us"},
    {"Republikanie odrzucili ustawę.", "Republikanie", "republican-party-us"},
    {"Podle nich republikáni prohráli.", "republikáni", "republican-party-us"},
    {"Podle republikánů je to špatně.", "republikánů", "republican-party-us"},
    {"Glasovi demokratov so odločili.", "demokratov", "democratic-party-us"},
    {"Републиканците спечелиха Сената.", "Републиканците", "republican-party-us"},
    {"Demokraci wygrali wybory.", "Demokraci", "democratic-party-us"},
    {"Демократите оспориха резултата.", "Демократите", "democratic-party-us"},
    {"Volitve so dobili demokrati.", "demokrati", "democratic-party-us"},
    {"Лейбористы проиграли выборы.", "Лейбористы", "labour-party-uk"},
    {"Volby vyhráli labouristé.", "labouristé", "labour-party-uk"},
    {"Лейбъристите загубиха.", "Лейбъристите", "labour-party-uk"},
    {"Torysi stracili większość.", "Torysi", "conservative-party-uk"},
    {"The Tories lost their majority.", "Tories", "conservative-party-uk"},
    {"Socialni demokrati so podprli vlado.", "Socialni demokrati", "social-democrats-slovenia"},
    {"The Liberal Democrats said no.", "Liberal Democrats", "liberal-democrats-uk"},
    {"Talibowie przejęli władzę.", "Talibowie", "taliban"},
    {"Боевики ИГИЛ отступили.", "ИГИЛ", "islamic-state"},
    {"Podle Univerzity Johnse Hopkinse roste počet nakažených.", "Univerzity Johnse Hopkinse",
     "johns-hopkins-university"},
    {"Папа возглавляет Католическую церковь.", "Католическую церковь", "catholic-church"},
};

TEST(GazetteerTable, PartiesAreNamedByTheirMembers) {
  Analyzer analyzer;
  const Gazetteer gazetteer = Gazetteer::parse(bundled_gazetteer(), "entities.tsv", analyzer);
  const EntityRecognizer recognizer(gazetteer);
  for (const MemberMention& c : kMemberMentions) {
    const std::vector<AnalyzedWord> words = analyze_words(analyzer, c.text);
    std::vector<RecognizedMention> mentions;
    recognizer.recognize({&words}, &mentions);
    std::string found;
    for (const RecognizedMention& mention : mentions) {
      std::string written;
      for (std::size_t i = mention.first_word; i < mention.first_word + mention.words; ++i) {
        written += (written.empty() ? "" : " ") + words[i].token.word;
      }
      found += written + " -> " +
               (mention.entity ? gazetteer.entities()[*mention.entity].id : "unresolved") + "; ";
    }
    EXPECT_THAT(found, ::testing::HasSubstr(std::string(c.mention) + " -> " + c.entity)) << c.text;
  }
}

}  // namespace
}  // namespace naviny
