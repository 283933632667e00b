#pragma once

// One file per subcommand, as in notmuch: each adds its options to the app and returns the
// action to run once arguments are parsed.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iosfwd>

#include "cli/app.h"

namespace naviny::cli {

struct Context {
  std::ostream& out;
  std::ostream& err;
  const Environment& env;
  std::string db;  // --db, shared by every subcommand

  // --db if given, else $NAVINY_DB, else $XDG_DATA_HOME/naviny/index, else
  // ~/.local/share/naviny/index.
  std::filesystem::path db_path() const;
};

// A subcommand and what to run, with the parsed options, when the user chose it.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_analyze_command(CLI::App& app, Context& context);
Command add_entities_command(CLI::App& app, Context& context);
Command add_index_command(CLI::App& app, Context& context);
Command add_add_command(CLI::App& app, Context& context);
Command add_remove_command(CLI::App& app, Context& context);
Command add_similar_command(CLI::App& app, Context& context);
Command add_search_command(CLI::App& app, Context& context);
Command add_stats_command(CLI::App& app, Context& context);

// Adds the --db option that every subcommand takes.
void add_db_option(CLI::App& command, Context& context);

}  // namespace naviny::cli
