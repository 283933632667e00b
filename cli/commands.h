#pragma once

// One file per subcommand, as in notmuch: each adds its options to the app and returns the
// action to run once arguments are parsed.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.h"

namespace naviny::cli {

struct Context {
  std::ostream& out;
  std::ostream& err;
  const Environment& env;
  std::string db;                // --db of the commands that write an index
  std::vector<std::string> dbs;  // --db, repeatable, of the commands that read

  // --db if given, else $NAVINY_DB, else $XDG_DATA_HOME/naviny/index, else
  // ~/.local/share/naviny/index.
  std::filesystem::path db_path() const;
  // Every --db given to a reading command, else db_path().
  std::vector<std::filesystem::path> db_paths() const;
};

// A subcommand and what to run, with the parsed options, when the user chose it.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_analyze_command(CLI::App& app, Context& context);
Command add_compact_command(CLI::App& app, Context& context);
Command add_entities_command(CLI::App& app, Context& context);
Command add_index_command(CLI::App& app, Context& context);
Command add_add_command(CLI::App& app, Context& context);
Command add_remove_command(CLI::App& app, Context& context);
Command add_similar_command(CLI::App& app, Context& context);
Command add_search_command(CLI::App& app, Context& context);
Command add_serve_command(CLI::App& app, Context& context);
Command add_show_command(CLI::App& app, Context& context);
Command add_stats_command(CLI::App& app, Context& context);
Command add_help_command(CLI::App& app, Context& context);
// The hidden `__complete WORD...` of the shell completion scripts.
Command add_complete_command(CLI::App& app, Context& context);

// The subcommand of that name, or nullptr.
CLI::App* find_command(CLI::App& app, std::string_view name);
// The command `typed` is likeliest a misspelling of, or "" if none is close.
std::string closest_command(CLI::App& app, std::string_view typed);

// How a command that lists things prints them.
enum class OutputFormat { text, json, csv, tsv };

// Adds --format text|json|csv|tsv and --json (the same as --format json) to `command`, which
// prints `what` ("one JSON object", "one JSON array").
void add_format_options(CLI::App& command, OutputFormat& format, const std::string& what);

// Adds the --db option of the commands that write an index: one index folder.
void add_db_option(CLI::App& command, Context& context);
// Adds the --db option of the commands that read: index folders, sharded index folders or stub
// files, repeatable, searched together.
void add_db_list_option(CLI::App& command, Context& context);

}  // namespace naviny::cli
