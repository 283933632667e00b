#include <ostream>

#include "cli/commands.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {

Command add_show_command(CLI::App& app, Context& context) {
  struct Options {
    std::string id;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "show", "print an article as indexed: its metadata, the entities it mentions, its text");
  add_db_list_option(*command, context);
  command->add_option("ID", options->id, "article id, as search results show it")->required();
  command->add_flag("--json", options->json, "print one JSON object instead of text");
  return {command, [&context, options] {
            Searcher searcher(context.db_paths());
            const StoredArticle article = searcher.article(options->id);
            context.out << (options->json ? render_json(article) : render_text(article));
            return 0;
          }};
}

}  // namespace naviny::cli
