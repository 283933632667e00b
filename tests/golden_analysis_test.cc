// What the analyzer and the recogniser make of a fixed text in every language of the corpus is
// recorded, with their version numbers and the gazetteer's hash, in
// tests/fixtures/golden/analysis.golden. An index built by one analysis is searched by another
// only if their versions agree, so a change of output without a version bump would leave old
// indexes silently missing matches: this test fails then. After a deliberate change, bump the
// version (Analyzer::kVersion, EntityRecognizer::kVersion) or edit the gazetteer, check the diff,
// and regenerate the file: NAVINY_UPDATE_GOLDEN=1 build/tests/naviny_tests --gtest_filter='Golden*'

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/hash.h"
#include "indexer/bundled_gazetteer.h"
#include "searcher/render.h"
#include "tests/test_support.h"

namespace naviny {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The first line: what the output depends on.
std::string stamp(const Analyzer& analyzer) {
  return "# analyzer " + analyzer.fingerprint() + "; recogniser " +
         std::to_string(EntityRecognizer::kVersion) + "; gazetteer " +
         to_hex(fnv1a64(bundled_gazetteer())) + "\n";
}

TEST(GoldenAnalysis, OutputChangesOnlyWithAVersionOrGazetteerChange) {
  const std::filesystem::path folder = testing::source_dir() / "tests/fixtures/golden";
  const std::string text = read_file(folder / "analysis_input.txt");
  ASSERT_FALSE(text.empty());
  Analyzer analyzer;
  const Gazetteer gazetteer =
      Gazetteer::parse(bundled_gazetteer(), "the bundled gazetteer", analyzer);
  const std::string current = stamp(analyzer) + render_json(analyze_words(analyzer, text)) +
                              render_json(entities_in_text(text, gazetteer, analyzer));
  const std::filesystem::path golden_path = folder / "analysis.golden";
  if (const char* update = std::getenv("NAVINY_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(golden_path, std::ios::binary) << current;
    GTEST_SKIP() << "rewrote " << golden_path;
  }
  const std::string golden = read_file(golden_path);
  const std::string golden_stamp = golden.substr(0, golden.find('\n') + 1);
  if (golden_stamp != stamp(analyzer)) {
    FAIL() << "the analyzer, the recogniser or the gazetteer changed (" << golden_stamp
           << " is now " << stamp(analyzer) << "): check what changed in the output and regenerate "
           << golden_path << " with NAVINY_UPDATE_GOLDEN=1";
  }
  EXPECT_TRUE(current == golden)
      << "the analysis of " << (folder / "analysis_input.txt")
      << " changed, but the versions did not: an index built before would be searched with "
         "the new analysis and miss matches. Bump Analyzer::kVersion (words) or "
         "EntityRecognizer::kVersion (entities), then regenerate the golden file with "
         "NAVINY_UPDATE_GOLDEN=1; `git diff` then shows what changed";
}

}  // namespace
}  // namespace naviny
