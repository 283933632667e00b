#include <ostream>

#include "cli/commands.h"
#include "server/server.h"

namespace naviny::cli {

Command add_serve_command(CLI::App& app, Context& context) {
  struct Options {
    std::string listen = "127.0.0.1:8080";
    std::size_t threads = 8;
    bool allow_partial = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "serve", "serve a search page and a JSON API over the index, read-only, until stopped");
  add_db_list_option(*command, context);
  command
      ->add_option("--listen", options->listen,
                   "HOST:PORT to listen on; 0.0.0.0:PORT lets other machines in (port 0: any "
                   "free port)")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "requests answered at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command->add_flag("--allow-partial", options->allow_partial,
                    "if a remote shard cannot be reached, search the others and say so");
  return {command, [&context, options] {
            server::ServerOptions server_options;
            server_options.dbs = context.db_paths();
            server_options.missing =
                options->allow_partial ? MissingShards::skip : MissingShards::fail;
            server_options.listen = server::parse_listen_address(options->listen);
            server_options.threads = options->threads;
            if (const auto warning = server::exposure_warning(server_options.listen)) {
              context.err << "naviny: warning: " << *warning << std::endl;
            }
            // Before the server opens the index: that may start threads.
            server::TerminationSignals signals;
            server::Server server(server_options);
            context.out << "naviny: serving " << server_options.dbs.front().string() << " at "
                        << server.url() << " (Ctrl-C to stop)" << std::endl;
            signals.serve_until_received(server);
            context.out << "naviny: stopped" << std::endl;
            return 0;
          }};
}

}  // namespace naviny::cli
