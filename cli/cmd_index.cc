#include <chrono>
#include <ostream>

#include "cli/commands.h"
#include "indexer/indexer.h"

namespace naviny::cli {
namespace {

// Reports skips and warnings on stderr as they happen, and progress when stderr is a terminal.
class CliObserver : public IndexObserver {
 public:
  CliObserver(std::ostream& err, bool show_progress) : err_(err), show_progress_(show_progress) {}

  ~CliObserver() override {
    if (progress_shown_) err_ << "\r\x1b[K" << std::flush;
  }

  void skipped(const std::string& id, const std::string& reason) override {
    clear_progress();
    err_ << "naviny: skipped " << id << ": " << reason << "\n";
  }

  void warned(const std::string& id, const std::string& warning) override {
    clear_progress();
    err_ << "naviny: warning: " << id << ": " << warning << "\n";
  }

  void progress(std::size_t done, std::size_t total) override {
    if (!show_progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_shown_ < std::chrono::milliseconds(200) && done != total) return;
    last_shown_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
    err_ << "\r\x1b[K" << done << "/" << total << " articles, " << static_cast<long>(rate) << "/s, "
         << static_cast<long>(left) << " s left" << std::flush;
    progress_shown_ = true;
  }

 private:
  void clear_progress() {
    if (progress_shown_) err_ << "\r\x1b[K";
  }

  std::ostream& err_;
  bool show_progress_;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_shown_{};
};

struct IndexArguments {
  std::string corpus;
  std::string gazetteer;
  bool quiet = false;
  bool rebuild = false;
};

}  // namespace

Command add_index_command(CLI::App& app, Context& context) {
  auto arguments = std::make_shared<IndexArguments>();
  CLI::App* command = app.add_subcommand(
      "index", "index every article (*.txt) below CORPUS_DIR; re-running updates the index");
  add_db_option(*command, context);
  command->add_option("CORPUS_DIR", arguments->corpus, "folder of article files")->required();
  command->add_flag("-q,--quiet", arguments->quiet, "no progress display");
  command->add_option("--gazetteer", arguments->gazetteer,
                      "entity gazetteer (default: CORPUS_DIR/entities.tsv if there is one)");
  command->add_flag("--rebuild", arguments->rebuild,
                    "build a new index from scratch beside the old one, then swap it in");
  return {command, [&context, arguments] {
            IndexOptions options;
            options.db = context.db_path();
            options.corpus = arguments->corpus;
            options.gazetteer = arguments->gazetteer;
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
