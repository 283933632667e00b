#include <ostream>

#include "cli/commands.h"
#include "cli/index_observer.h"
#include "common/errors.h"
#include "indexer/indexer.h"

namespace naviny::cli {
namespace {

struct AddArguments {
  std::vector<std::string> files;
  std::string id;
};

}  // namespace

Command add_add_command(CLI::App& app, Context& context) {
  auto arguments = std::make_shared<AddArguments>();
  CLI::App* command = app.add_subcommand(
      "add", "add or replace single articles; `naviny index` leaves them in the index");
  add_db_option(*command, context);
  command
      ->add_option("FILE", arguments->files,
                   "article files; - reads one article from standard input (needs --id)")
      ->required();
  command->add_option("--id", arguments->id,
                      "the article's id (default: the file's name); only with one FILE");
  return {command, [&context, arguments] {
            if (!arguments->id.empty() && arguments->files.size() != 1) {
              throw UsageError("--id names one article, but " +
                               std::to_string(arguments->files.size()) +
                               " files were given; add them one at a time");
            }
            AddOptions options;
            options.db = context.db_path();
            options.standard_input = context.env.standard_input;
            for (const std::string& file : arguments->files) {
              options.sources.push_back({file, arguments->id});
            }
            IndexSummary summary;
            {
              CliObserver observer(context.err, /*show_progress=*/false);
              summary = add_articles(options, observer);
            }
            context.out << "into " << options.db.string() << ": added " << summary.added
                        << ", updated " << summary.updated << ", unchanged " << summary.unchanged
                        << ", skipped " << summary.skipped << "; " << summary.total_articles
                        << " articles in the index\n";
            return static_cast<int>(summary.skipped > 0 ? ExitCode::bad_input : ExitCode::ok);
          }};
}

}  // namespace naviny::cli
