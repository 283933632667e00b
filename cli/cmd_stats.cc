#include <ostream>

#include "cli/commands.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {

Command add_stats_command(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("stats", "show what the index holds");
  add_db_list_option(*command, context);
  command->add_flag("--json", *json, "print one JSON object instead of text");
  return {command, [&context, json] {
            Searcher searcher(context.db_paths());
            const IndexStats stats = searcher.stats();
            context.out << (*json ? render_json(stats) : render_text(stats));
            return 0;
          }};
}

}  // namespace naviny::cli
