#include <ostream>

#include "cli/commands.h"
#include "cli/index_observer.h"
#include "indexer/indexer.h"

namespace naviny::cli {
namespace {

struct IndexArguments {
  std::string corpus;
  std::string gazetteer;
  bool no_gazetteer = false;
  std::string boilerplate;
  bool quiet = false;
  bool rebuild = false;
  std::size_t batch_size = IndexOptions{}.batch_size;
  std::size_t shards = 0;
  std::string part;
  std::size_t jobs = 0;
};

}  // namespace

Command add_index_command(CLI::App& app, Context& context) {
  auto arguments = std::make_shared<IndexArguments>();
  CLI::App* command = app.add_subcommand(
      "index", "index every article (*.txt) below CORPUS_DIR; re-running updates the index");
  add_db_option(*command, context);
  command->add_option("CORPUS_DIR", arguments->corpus, "folder of article files")->required();
  command->add_flag("-q,--quiet", arguments->quiet, "no progress display");
  CLI::Option* gazetteer =
      command->add_option("--gazetteer", arguments->gazetteer,
                          "entity gazetteer (default: CORPUS_DIR/entities.tsv if there is one, "
                          "else the one built into naviny)");
  command->add_flag("--no-gazetteer", arguments->no_gazetteer, "tag no entities")
      ->excludes(gazetteer);
  command->add_option("--boilerplate", arguments->boilerplate,
                      "boilerplate rules (default: CORPUS_DIR/boilerplate.conf if there is one)");
  command->add_flag("--rebuild", arguments->rebuild,
                    "build a new index from scratch beside the old one, then swap it in");
  CLI::Option* shards =
      command
          ->add_option("--shards", arguments->shards,
                       "split the index over N shard databases (DIR/shard-0 …), by a hash of the "
                       "article id; to change N of an existing index, give it with --rebuild")
          ->check(CLI::Range(1, 1024));
  command
      ->add_option("--shard", arguments->part,
                   "index only the articles of shard K of N (numbered from 0, as DIR/shard-K of "
                   "--shards N), into a database of its own: N machines each build one shard")
      ->type_name("K/N")
      ->excludes(shards);
  command
      ->add_option("--jobs", arguments->jobs,
                   "threads that build a new or rebuilt index, each a part of the corpus, merged "
                   "into one compacted index at the end (default: one per hardware thread; 1 "
                   "writes into the index as it goes, as updates do)")
      ->check(CLI::Range(1, 1024));
  // Advanced, so hidden from --help: tests use small batches to kill a run between commits.
  command
      ->add_option("--batch-size", arguments->batch_size,
                   "commit after this many changed articles (default 1000)")
      ->check(CLI::PositiveNumber)
      ->group("");
  return {command, [&context, arguments] {
            IndexOptions options;
            options.batch_size = arguments->batch_size;
            options.db = context.db_path();
            options.corpus = arguments->corpus;
            options.gazetteer = arguments->gazetteer;
            options.no_gazetteer = arguments->no_gazetteer;
            options.shards = arguments->shards;
            if (!arguments->part.empty()) options.part = parse_shard_part(arguments->part);
            options.jobs = arguments->jobs;
            options.boilerplate = arguments->boilerplate;
            IndexSummary summary;
            {
              CliObserver observer(context.err,
                                   context.env.stderr_is_terminal && !arguments->quiet);
              summary = arguments->rebuild ? rebuild_corpus(options, observer)
                                           : index_corpus(options, observer);
            }
            context.out << (arguments->rebuild ? "rebuilt " : "indexed ") << arguments->corpus
                        << " into " << options.db.string() << ": " << describe(summary) << "\n";
            return 0;
          }};
}

}  // namespace naviny::cli
