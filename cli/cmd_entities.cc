#include <ostream>

#include "cli/commands.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {

Command add_entities_command(CLI::App& app, Context& context) {
  struct Options {
    std::string type;
    std::string pattern;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "entities", "list the gazetteer's people, organisations and places, with article counts");
  add_db_list_option(*command, context);
  command->add_option("PATTERN", options->pattern,
                      "only entities whose name or id contains this, or that it names");
  command->add_option("--type", options->type, "only this type: person, org or place")
      ->check(CLI::IsMember({"person", "org", "place"}));
  command->add_flag("--json", options->json, "print one JSON array instead of text");
  return {command, [&context, options] {
            Searcher searcher(context.db_paths());
            const EntityListing listing = searcher.entities(options->type, options->pattern);
            context.out << (options->json ? render_json(listing) : render_text(listing));
            return 0;
          }};
}

}  // namespace naviny::cli
