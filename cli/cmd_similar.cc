#include <ostream>

#include "cli/commands.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {

Command add_similar_command(CLI::App& app, Context& context) {
  struct Options {
    std::string id;
    std::size_t limit = 10;
    bool json = false;
    std::string color = "auto";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "similar", "list the articles most like the one with this id, and the entities they share");
  add_db_list_option(*command, context);
  command->add_option("ID", options->id, "article id, as search results show it")->required();
  command->add_option("-n,--limit", options->limit, "number of articles to show (default 10)");
  command->add_flag("--json", options->json, "print one JSON object instead of text");
  command->add_option("--color", options->color, "highlight with colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return {command, [&context, options] {
            Searcher searcher(context.db_paths());
            const SearchResults results = searcher.similar(options->id, options->limit);
            const bool ansi = options->color == "always" ||
                              (options->color == "auto" && context.env.stdout_is_terminal);
            context.out << (options->json ? render_json(results)
                                          : render_text(results, ansi ? Highlight::ansi
                                                                      : Highlight::markers));
            return 0;
          }};
}

}  // namespace naviny::cli
