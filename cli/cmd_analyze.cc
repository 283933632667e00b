#include <ostream>

#include "analyzers/analyzer.h"
#include "cli/commands.h"
#include "searcher/render.h"

namespace naviny::cli {

Command add_analyze_command(CLI::App& app, Context& context) {
  struct Options {
    std::vector<std::string> words;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "analyze", "show the terms naviny derives from text: exact form, search form, name keys");
  command->add_option("TEXT", options->words, "words or text to analyse")->required();
  command->add_flag("--json", options->json, "print one JSON array instead of text");
  return {command, [&context, options] {
            Analyzer analyzer;
            std::string text;
            for (const std::string& word : options->words) text += word + " ";
            const std::vector<AnalyzedWord> words = analyze_words(analyzer, text);
            context.out << (options->json ? render_json(words) : render_text(words));
            return 0;
          }};
}

}  // namespace naviny::cli
