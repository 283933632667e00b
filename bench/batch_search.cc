// Every match of many queries in one process: a query per line on standard input, a line per
// query on standard output ("QUERY<TAB>ID ID ..."; an error goes to standard error and leaves the
// ids empty). bench/eval_fast.py feeds it the evaluation scripts' queries, so that a rule change
// is scored in seconds instead of one `naviny search` process per query.
//
//   naviny_bench_batch_search --db DB [--collapse] < queries.txt
//
// --collapse shows the best copy of each near-duplicate group only, as `naviny search` does
// without --all-copies.

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include "common/errors.h"
#include "searcher/searcher.h"

namespace {

constexpr const char* kUsage = "usage: naviny_bench_batch_search --db DB [--collapse] < queries\n";

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path db;
  bool all_copies = true;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (flag == "--collapse") {
      all_copies = false;
    } else {
      std::fputs(kUsage, stderr);
      return 2;
    }
  }
  if (db.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  try {
    naviny::Searcher searcher(db);
    std::string query;
    while (std::getline(std::cin, query)) {
      naviny::SearchRequest request;
      request.query = query;
      request.limit = 100000000;
      request.snippets = false;
      request.all_copies = all_copies;
      request.count_bound = 0;
      std::cout << query << '\t';
      try {
        for (const naviny::Hit& hit : searcher.search(request).hits) std::cout << hit.id << ' ';
      } catch (const naviny::Error& error) {
        std::cerr << query << ": " << error.what() << '\n';
      }
      std::cout << '\n';
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "naviny_bench_batch_search: %s\n", error.what());
    return 1;
  }
  return 0;
}
