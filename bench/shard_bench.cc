// Query latency of one index layout (issue 7): one database, local shards, or remote shards
// behind a stub file. Runs each query class `--repeat` times in one long-lived Searcher (as a
// server would) after 3 warm-up runs, and prints the median and 90th percentile per class.
//
//   naviny_shard_bench [--repeat N] [--label TEXT] --db DB [--db DB ...]
//
// bench/shard_latency.sh runs it over the three layouts of one corpus; see bench/README.md.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "common/errors.h"
#include "searcher/searcher.h"

namespace {

struct QueryClass {
  const char* name;
  const char* query;
  std::size_t facets;
};

// Words of the SlavicNER topics (Brexit, COVID-19, Ryanair, US election 2020, Asia Bibi) and
// people of the project's gazetteer.
constexpr QueryClass kQueries[] = {
    {"word", "Brexit", 0},
    {"two words", "вирус епидемия", 0},
    {"phrase", "\"Тереза Мэй\"", 0},
    {"cross-script name", "Johnson", 0},
    {"entity filter", "person:\"Boris Johnson\"", 0},
    {"word + facets", "Trump", 5},
    {"wildcard", "pandem*", 0},
};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> dbs;
  int repeat = 50;
  std::string label;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--db" && i + 1 < argc) {
      dbs.emplace_back(argv[++i]);
    } else if (argument == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (argument == "--label" && i + 1 < argc) {
      label = argv[++i];
    } else {
      std::fprintf(stderr, "usage: naviny_shard_bench [--repeat N] [--label TEXT] --db DB...\n");
      return 2;
    }
  }
  if (dbs.empty()) {
    std::fprintf(stderr, "naviny_shard_bench: give at least one --db\n");
    return 2;
  }
  try {
    naviny::Searcher searcher(dbs);
    const naviny::IndexStats stats = searcher.stats();
    std::printf("# %s: %zu articles in %zu database(s), %d runs per query\n",
                label.empty() ? stats.path.c_str() : label.c_str(), stats.articles, stats.shards,
                repeat);
    std::printf("| query class | query | results | median ms | p90 ms |\n|---|---|---|---|---|\n");
    for (const QueryClass& query_class : kQueries) {
      naviny::SearchRequest request;
      request.query = query_class.query;
      request.facets = query_class.facets;
      std::size_t results = 0;
      for (int i = 0; i < 3; ++i) results = searcher.search(request).total_estimate;
      std::vector<double> milliseconds;
      for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        searcher.search(request);
        milliseconds.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
      }
      std::printf("| %s | `%s` | %zu | %.2f | %.2f |\n", query_class.name, query_class.query,
                  results, percentile(milliseconds, 0.5), percentile(milliseconds, 0.9));
    }
  } catch (const naviny::Error& e) {
    std::fprintf(stderr, "naviny_shard_bench: %s\n", e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "naviny_shard_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
