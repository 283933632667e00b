#include <ostream>

#include "cli/commands.h"
#include "indexer/compaction.h"

namespace naviny::cli {

Command add_compact_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "compact", "rewrite the index into the least space, after many updates; searches go on");
  add_db_option(*command, context);
  return {command, [&context] {
            const std::filesystem::path db = context.db_path();
            const CompactionSummary summary = compact_index(db);
            context.out << "compacted " << db.string() << ": " << describe(summary) << "\n";
            return 0;
          }};
}

}  // namespace naviny::cli
