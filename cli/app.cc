#include "cli/app.h"

#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <ostream>

#include "cli/commands.h"
#include "common/errors.h"

namespace naviny::cli {
namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

Environment Environment::from_process() {
  return {env_or_empty("NAVINY_DB"),  env_or_empty("XDG_DATA_HOME"), env_or_empty("HOME"),
          isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,    &std::cin};
}

std::filesystem::path Context::db_path() const {
  if (!db.empty()) return db;
  if (!env.naviny_db.empty()) return env.naviny_db;
  if (!env.xdg_data_home.empty()) return std::filesystem::path(env.xdg_data_home) / "naviny/index";
  if (!env.home.empty()) return std::filesystem::path(env.home) / ".local/share/naviny/index";
  return "naviny-index";
}

std::vector<std::filesystem::path> Context::db_paths() const {
  if (dbs.empty()) return {db_path()};
  return {dbs.begin(), dbs.end()};
}

void add_format_options(CLI::App& command, OutputFormat& format, const std::string& what) {
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) {
            format = name == "json"  ? OutputFormat::json
                     : name == "csv" ? OutputFormat::csv
                     : name == "tsv" ? OutputFormat::tsv
                                     : OutputFormat::text;
          },
          "text (default), json (" + what +
              "), csv or tsv (a header row, then a row each, for a spreadsheet)")
      ->check(CLI::IsMember({"text", "json", "csv", "tsv"}));
  command.add_flag_callback(
      "--json", [&format] { format = OutputFormat::json; }, "the same as --format json");
}

void add_db_option(CLI::App& command, Context& context) {
  command.add_option("--db", context.db,
                     "index folder (default: $NAVINY_DB, else ~/.local/share/naviny/index)");
}

void add_db_list_option(CLI::App& command, Context& context) {
  command
      .add_option("--db", context.dbs,
                  "index folder, sharded index folder, or stub file listing shards (local or "
                  "`remote HOST:PORT`); repeat to search several together (default: "
                  "$NAVINY_DB, else ~/.local/share/naviny/index)")
      ->allow_extra_args(false);  // each --db takes one value, so QUERY words stay positional
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        const Environment& env) {
  CLI::App app{
      "naviny: full-text search for news about Belarus, Russia and the West, "
      "in any script or spelling"};
  app.name("naviny");
  app.require_subcommand(1);
  app.set_version_flag("--version", "naviny 0.1.0");
  Context context{out, err, env, {}, {}};
  const Command commands[] = {add_index_command(app, context),    add_add_command(app, context),
                              add_remove_command(app, context),   add_compact_command(app, context),
                              add_search_command(app, context),   add_stats_command(app, context),
                              add_entities_command(app, context), add_analyze_command(app, context),
                              add_similar_command(app, context),  add_show_command(app, context),
                              add_serve_command(app, context),    add_help_command(app, context),
                              add_complete_command(app, context)};

  if (argc <= 1) {
    out << app.help();
    return 0;
  }
  if (const std::string_view first = argv[1];
      !first.starts_with('-') && find_command(app, first) == nullptr) {
    const std::string closest = closest_command(app, first);
    err << "naviny: '" << first << "' is not a naviny command"
        << (closest.empty() ? "" : "; did you mean `naviny " + closest + "`?")
        << " (`naviny help` lists the commands)\n";
    return static_cast<int>(ExitCode::usage);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "naviny: " << e.what() << "; see `naviny --help`\n";
    return static_cast<int>(ExitCode::usage);
  }

  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    err << "naviny: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const Xapian::Error& e) {
    err << "naviny: the index reported " << e.get_type() << ": " << e.get_msg()
        << "; if this persists, rebuild the index\n";
    return static_cast<int>(ExitCode::failure);
  } catch (const std::exception& e) {
    err << "naviny: unexpected error: " << e.what() << "; please report this as a bug\n";
    return static_cast<int>(ExitCode::failure);
  }
}

}  // namespace naviny::cli
