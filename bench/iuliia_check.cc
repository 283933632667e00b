// Romanisation agreement on the iuliia schemes (../shared/eval-data/iuliia): for every sample of
// every scheme, the Cyrillic side and the Latin side are analysed word by word, and a word pair
// agrees when its search forms or its name keys are equal. A sample passes when it has as many
// words on both sides and every pair agrees.
//
// usage: naviny_iuliia_check IULIIA_DIR [--verbose]
// prints one line per scheme and a last line "overall: P/N samples (X%)".

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "analyzers/analyzer.h"

namespace {

struct Forms {
  std::string word;
  std::string search;
  naviny::NameKeys name_keys;
};

std::vector<Forms> analyse(naviny::Analyzer& analyzer, const std::string& text) {
  std::vector<Forms> words;
  analyzer.analyze_text(text, [&](const naviny::Token& token, const naviny::WordForms& forms) {
    words.push_back({token.word, forms.search, forms.name_keys});
  });
  return words;
}

bool agree(const Forms& a, const Forms& b) {
  if (a.search == b.search) return true;
  return a.name_keys.share_one_with(b.name_keys);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: naviny_iuliia_check IULIIA_DIR [--verbose]\n";
    return 2;
  }
  const bool verbose = argc > 2 && std::string(argv[2]) == "--verbose";
  naviny::Analyzer analyzer;
  std::map<std::string, std::filesystem::path> schemes;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.path().extension() == ".json") schemes[entry.path().stem().string()] = entry.path();
  }
  std::size_t passed_total = 0;
  std::size_t samples_total = 0;
  for (const auto& [name, path] : schemes) {
    std::ifstream in(path);
    const nlohmann::json scheme = nlohmann::json::parse(in);
    std::size_t passed = 0;
    std::size_t samples = 0;
    for (const auto& sample : scheme["samples"]) {
      const auto cyrillic = analyse(analyzer, sample[0].get<std::string>());
      const auto latin = analyse(analyzer, sample[1].get<std::string>());
      bool ok = cyrillic.size() == latin.size();
      for (std::size_t i = 0; ok && i < cyrillic.size(); ++i) {
        if (!agree(cyrillic[i], latin[i])) {
          ok = false;
          if (verbose) {
            std::cout << "  " << name << ": " << cyrillic[i].word << " -> " << cyrillic[i].search
                      << "/" << cyrillic[i].name_keys.primary << "  vs  " << latin[i].word << " -> "
                      << latin[i].search << "/" << latin[i].name_keys.primary << "\n";
          }
        }
      }
      if (verbose && cyrillic.size() != latin.size()) {
        std::cout << "  " << name << ": word counts differ: " << sample[1] << "\n";
      }
      ++samples;
      passed += ok ? 1 : 0;
    }
    std::cout << name << ": " << passed << "/" << samples << "\n";
    passed_total += passed;
    samples_total += samples;
  }
  std::cout << "overall: " << passed_total << "/" << samples_total << " samples ("
            << (samples_total
                    ? 100.0 * static_cast<double>(passed_total) / static_cast<double>(samples_total)
                    : 0.0)
            << "%)\n";
  return 0;
}
