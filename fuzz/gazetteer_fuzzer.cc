// libFuzzer target: the gazetteer parser on arbitrary TSV text; what it accepts is then used as
// the indexer and searcher use it: to tag a fixed article and to resolve names.
// BadInputError (a malformed row) is an expected outcome.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/errors.h"

namespace {

constexpr std::string_view kArticle =
    "Vladimir Putin meets Lukashenko in Sochi. Президент России Владимир Путин обещал кредит. "
    "Аляксандр Лукашэнка, Joe Biden and the European Union; Biden and May in Minsk, New York.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static naviny::Analyzer analyzer;
  const std::string_view tsv(reinterpret_cast<const char*>(data), size);
  try {
    const naviny::Gazetteer gazetteer = naviny::Gazetteer::parse(tsv, "fuzz.tsv", analyzer);
    const std::vector<naviny::AnalyzedWord> words = naviny::analyze_words(analyzer, kArticle);
    const naviny::EntityRecognizer recognizer(gazetteer);
    for (const auto& [entity, mentions] : recognizer.recognize({&words})) {
      if (entity >= gazetteer.entities().size() || mentions == 0) __builtin_trap();
    }
    for (const naviny::Entity& entity : gazetteer.entities()) {
      for (std::size_t found : gazetteer.resolve(entity.name, std::nullopt, analyzer)) {
        if (found >= gazetteer.entities().size()) __builtin_trap();
      }
      (void)gazetteer.find_id(entity.id);
    }
    if (!gazetteer.entities().empty()) {
      (void)gazetteer.closest("Lukashevich", std::nullopt, analyzer, 3);
    }
  } catch (const naviny::BadInputError&) {
    // A malformed row, reported with its line number.
  }
  return 0;
}
