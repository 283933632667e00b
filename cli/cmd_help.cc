// `naviny help [COMMAND]`, the suggestion for a mistyped command, and the hidden `__complete`
// that the bash and zsh completion scripts (completion/) ask for candidates, so that they list
// exactly the commands and options this binary has.

#include <algorithm>
#include <ostream>
#include <string_view>

#include "cli/commands.h"
#include "common/errors.h"
#include "common/text.h"
#include "searcher/searcher.h"

namespace naviny::cli {
namespace {

// Commands a user may type: the hidden ones (`__complete`) have no group.
std::vector<CLI::App*> visible_commands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* command) { return !command->get_group().empty(); });
}

// The options of `command` a user may type, hidden ones (the ranking parameters) left out.
std::vector<const CLI::Option*> visible_options(const CLI::App& command) {
  std::vector<const CLI::Option*> options;
  for (const CLI::Option* option : command.get_options()) {
    if (option->nonpositional() && !option->get_group().empty()) options.push_back(option);
  }
  for (const CLI::App* group : command.get_subcommands({})) {
    // Option groups (output) are nameless subcommands; ranking's is hidden.
    if (!group->get_name().empty() || group->get_group().empty()) continue;
    for (const CLI::Option* option : group->get_options()) options.push_back(option);
  }
  return options;
}

const CLI::Option* option_named(const CLI::App& command, std::string_view name) {
  for (const CLI::Option* option : visible_options(command)) {
    for (const std::string& long_name : option->get_lnames()) {
      if ("--" + long_name == name) return option;
    }
  }
  return nullptr;
}

// The query fields a search word may start with.
constexpr std::string_view kFieldPrefixes[] = {
    "person:", "org:", "place:", "entity:", "title:", "source:", "lang:", "date:"};

// alexander-lukashenko for alex and for luk.
bool word_of_id_starts_with(std::string_view id, std::string_view typed) {
  for (const std::string_view word : split(id, '-')) {
    if (word.starts_with(typed)) return true;
  }
  return false;
}

// `person:alexander-lukashenko` for `person:luk`: ids, since they need no quoting.
void complete_entities(const Context& context, std::string_view word, std::ostream& out) {
  const auto colon = word.find(':');
  const std::string field(word.substr(0, colon));
  const std::string typed = ascii_lower(word.substr(colon + 1));
  if (typed.empty()) return;
  const std::string type = field == "entity" ? "" : field;
  try {
    Searcher searcher(context.db_paths());
    for (const EntityRef& entity : searcher.entities(type, typed).entities) {
      if (entity.count > 0 && word_of_id_starts_with(entity.id, typed)) {
        out << field << ':' << entity.id << '\n';
      }
    }
  } catch (const std::exception&) {
    // No index, or an unreadable one: completion offers nothing rather than an error.
  }
}

void complete(CLI::App& app, const Context& context, const std::vector<std::string>& words) {
  std::ostream& out = context.out;
  const std::string current = words.empty() ? "" : words.back();
  if (words.size() <= 1) {
    for (const CLI::App* command : visible_commands(app)) {
      if (command->get_name().starts_with(current)) out << command->get_name() << '\n';
    }
    return;
  }
  const CLI::App* command = find_command(app, words.front());
  if (command == nullptr) return;
  if (words.front() == "help" && words.size() == 2) return complete(app, context, {current});
  const std::string previous = words[words.size() - 2];
  if (const CLI::Option* option = option_named(*command, previous);
      option != nullptr && option->get_expected_min() > 0) {
    return;  // a value: the script falls back to file names
  }
  if (current.starts_with("-")) {
    for (const CLI::Option* option : visible_options(*command)) {
      for (const std::string& name : option->get_lnames()) {
        if (("--" + name).starts_with(current)) out << "--" << name << '\n';
      }
    }
    return;
  }
  if (words.front() != "search" && words.front() != "entities") return;
  for (const std::string_view prefix : {"person:", "org:", "place:", "entity:"}) {
    if (current.starts_with(prefix)) return complete_entities(context, current, out);
  }
  for (const std::string_view prefix : kFieldPrefixes) {
    if (!current.empty() && prefix.starts_with(current)) out << prefix << '\n';
  }
}

}  // namespace

CLI::App* find_command(CLI::App& app, std::string_view name) {
  for (CLI::App* command : app.get_subcommands({})) {
    if (command->get_name() == name) return command;
  }
  return nullptr;
}

std::string closest_command(CLI::App& app, std::string_view typed) {
  std::string closest;
  std::size_t best = 3;  // more than two edits is another word
  for (const CLI::App* command : visible_commands(app)) {
    const std::string& name = command->get_name();
    const std::size_t distance = name.starts_with(typed) ? 0 : edit_distance(typed, name);
    if (distance < best) {
      best = distance;
      closest = name;
    }
  }
  return closest;
}

Command add_help_command(CLI::App& app, Context& context) {
  auto topic = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("help", "show the help of a command: naviny help search");
  command->add_option("COMMAND", *topic, "the command");
  return {
      command, [&app, &context, topic] {
        if (topic->empty()) {
          context.out << app.help();
          return 0;
        }
        const CLI::App* subject = find_command(app, *topic);
        if (subject == nullptr || subject->get_group().empty()) {
          const std::string closest = closest_command(app, *topic);
          context.err << "naviny: there is no command '" << *topic << "'"
                      << (closest.empty() ? "" : "; did you mean `naviny help " + closest + "`?")
                      << " (`naviny help` lists them)\n";
          return static_cast<int>(ExitCode::usage);
        }
        context.out << subject->help(app.get_name());
        return 0;
      }};
}

Command add_complete_command(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("__complete", "candidates for shell completion of the words given");
  command->group("");         // for the completion scripts, not for users
  command->prefix_command();  // the words are naviny's own arguments: do not parse them
  return {command, [&app, &context, command] {
            complete(app, context, command->remaining());
            return 0;
          }};
}

}  // namespace naviny::cli
