#include <ostream>

#include "cli/commands.h"
#include "common/errors.h"
#include "indexer/indexer.h"

namespace naviny::cli {

Command add_remove_command(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand("remove", "delete articles from the index by id");
  add_db_option(*command, context);
  command->add_option("ID", *ids, "article ids, as search results show them")->required();
  return {
      command, [&context, ids] {
        const std::filesystem::path db = context.db_path();
        const RemoveSummary summary = remove_articles(db, *ids);
        for (const std::string& id : summary.unknown_ids) {
          context.err << "naviny: no article with id '" << id << "' in the index at '"
                      << db.string()
                      << "'; check the id (search results show it under each title)\n";
        }
        context.out << "removed " << summary.removed << " from " << db.string() << "; "
                    << summary.total_articles << " articles in the index\n";
        return static_cast<int>(summary.unknown_ids.empty() ? ExitCode::ok : ExitCode::not_found);
      }};
}

}  // namespace naviny::cli
