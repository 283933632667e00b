#include <ostream>

#include "cli/commands.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {

Command add_entities_command(CLI::App& app, Context& context) {
  struct Options {
    std::string type;
    std::string pattern;
    OutputFormat format = OutputFormat::text;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "entities", "list the gazetteer's people, organisations and places, with article counts");
  add_db_list_option(*command, context);
  command->add_option("PATTERN", options->pattern,
                      "only entities whose name or id contains this, or that it names");
  command->add_option("--type", options->type, "only this type: person, org or place")
      ->check(CLI::IsMember({"person", "org", "place"}));
  add_format_options(*command, options->format, "one JSON array");
  return {command, [&context, options] {
            Searcher searcher(context.db_paths());
            const EntityListing listing = searcher.entities(options->type, options->pattern);
            switch (options->format) {
              case OutputFormat::json:
                context.out << render_json(listing);
                break;
              case OutputFormat::csv:
                context.out << render_table(listing, TableFormat::csv);
                break;
              case OutputFormat::tsv:
                context.out << render_table(listing, TableFormat::tsv);
                break;
              case OutputFormat::text:
                context.out << render_text(listing);
                break;
            }
            return 0;
          }};
}

}  // namespace naviny::cli
