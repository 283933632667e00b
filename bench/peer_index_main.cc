// naviny_bench_peer_index: builds a peer index of a corpus (plain Xapian or SQLite FTS5) and
// prints what it did, for bench/compare.sh, which times it next to `naviny index`.

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "bench/peer_indexes.h"

int main(int argc, char** argv) {
  CLI::App app{"Builds a plain Xapian or SQLite FTS5 index of a naviny corpus"};
  std::string engine;
  std::filesystem::path db;
  std::filesystem::path corpus;
  app.add_option("ENGINE", engine, "xapian or fts5")
      ->required()
      ->check(CLI::IsMember({"xapian", "fts5"}));
  app.add_option("--db", db, "index folder (xapian) or database file (fts5)")->required();
  app.add_option("CORPUS_DIR", corpus, "corpus folder")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    const auto start = std::chrono::steady_clock::now();
    const naviny::bench::PeerIndexSummary summary =
        engine == "xapian" ? naviny::bench::build_plain_xapian_index(corpus, db)
                           : naviny::bench::build_fts5_index(corpus, db);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cout << engine << ": indexed " << summary.articles << " articles, " << summary.bytes
              << " bytes in " << seconds.count() << " s\n";
  } catch (const std::exception& e) {
    std::cerr << "naviny_bench_peer_index: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
