#include <ostream>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "cli/commands.h"
#include "indexer/indexer.h"
#include "searcher/render.h"

namespace naviny::cli {

Command add_analyze_command(CLI::App& app, Context& context) {
  struct Options {
    std::vector<std::string> words;
    bool json = false;
    bool entities = false;
    std::string gazetteer;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "analyze", "show the terms naviny derives from text: exact form, search form, name keys");
  command->add_option("TEXT", options->words, "words or text to analyse")->required();
  command->add_flag("--json", options->json, "print one JSON array instead of text");
  CLI::Option* entities =
      command->add_flag("--entities", options->entities,
                        "show the entity mentions the indexer would tag in the text instead");
  command
      ->add_option("--gazetteer", options->gazetteer,
                   "entity gazetteer for --entities (default: the bundled one)")
      ->check(CLI::ExistingFile)
      ->needs(entities);
  return {command, [&context, options] {
            Analyzer analyzer;
            std::string text;
            for (const std::string& word : options->words) text += word + " ";
            if (options->entities) {
              const Gazetteer gazetteer = Gazetteer::parse(
                  gazetteer_text(options->gazetteer),
                  options->gazetteer.empty() ? "the bundled gazetteer" : options->gazetteer,
                  analyzer);
              const std::vector<TextMention> mentions = entities_in_text(text, gazetteer, analyzer);
              context.out << (options->json ? render_json(mentions) : render_text(mentions));
              return 0;
            }
            const std::vector<AnalyzedWord> words = analyze_words(analyzer, text);
            context.out << (options->json ? render_json(words) : render_text(words));
            return 0;
          }};
}

}  // namespace naviny::cli
