// naviny_bench_query: in-process query latency per query class, naviny next to its peers in the
// same run, over the same articles:
//   naviny       Searcher::search (snippets and entity names of each hit, as the CLI shows them)
//   plain        Xapian QueryParser + English stemmer over a TermGenerator index, with
//                MSet::snippet per hit (bench/peer_indexes.h)
//   fts5         SQLite FTS5 (unicode61, diacritics removed), with snippet() per hit
// Every iteration runs one query of the class (round robin) and times it; each benchmark
// reports the p50 and p99 of those latencies as counters, and the program ends with one table
// of p50/p99 per class and engine and the ratios naviny/plain and naviny/fts5.
//
//   naviny_bench_query --db NAVINY_DB [--plain-db PLAIN_DB] [--corpus DIR] [--fts5-db FILE]
//                      [--iterations N] [--summary FILE] [--no-snippets] [--count-bound N]
//                      [benchmark flags]
// --count-bound: naviny counts matches exactly up to N (SearchRequest::count_bound; default
// 10,000, as `naviny search`; 0 counts every match).
// With --corpus, a missing --plain-db index is built from the corpus first. Without --plain-db
// (or --fts5-db) that peer is left out: naviny's own latency at a size whose peers are not built.

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/peer_indexes.h"
#include "searcher/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

// One query in the three dialects. The peers have no entities, so an entity filter becomes the
// name as a keyword, and facets become a count by language over all matches.
struct QuerySpec {
  std::string naviny;
  std::string plain;
  std::string fts5_match;
  std::string fts5_where;  // extra SQL condition, e.g. a date range
};

struct QueryClass {
  std::string name;
  std::vector<QuerySpec> queries;
  std::size_t offset = 0;
  bool facets = false;
};

std::vector<QueryClass> query_classes() {
  const std::string year_2020 = "date BETWEEN '2020-01-01' AND '2020-12-31'";
  const std::string year_2018 = "date BETWEEN '2018-01-01' AND '2018-12-31'";
  return {
      {"one_word",
       {{"sanctions", "sanctions", "sanctions", ""},
        {"economy", "economy", "economy", ""},
        {"government", "government", "government", ""},
        {"elections", "elections", "elections", ""}}},
      {"three_words",
       {{"economic sanctions regime", "economic sanctions regime",
         "economic OR sanctions OR regime", ""},
        {"russia belarus relations", "russia belarus relations", "russia OR belarus OR relations",
         ""},
        {"military security policy", "military security policy", "military OR security OR policy",
         ""}}},
      {"phrase",
       {{"\"Vladimir Putin\"", "\"Vladimir Putin\"", "\"Vladimir Putin\"", ""},
        {"\"European Union\"", "\"European Union\"", "\"European Union\"", ""},
        {"\"the government\"", "\"the government\"", "\"the government\"", ""}}},
      {"entity",
       {{"person:Putin", "Putin", "Putin", ""},
        {"person:Lukashenko", "Lukashenko", "Lukashenko", ""},
        {"place:Minsk", "Minsk", "Minsk", ""},
        {"org:NATO", "NATO", "NATO", ""}}},
      {"entity_keyword",
       {{"person:Putin sanctions", "Putin AND sanctions", "Putin AND sanctions", ""},
        {"place:Minsk elections", "Minsk AND elections", "Minsk AND elections", ""},
        {"person:Lukashenko economy", "Lukashenko AND economy", "Lukashenko AND economy", ""}}},
      {"cyrillic_name",
       {{"Лукашенко", "Лукашенко", "Лукашенко", ""},
        {"Путин", "Путин", "Путин", ""},
        {"Тихановская", "Тихановская", "Тихановская", ""}}},
      {"latin_name",
       {{"Lukashenko", "Lukashenko", "Lukashenko", ""},
        {"Tsikhanouskaya", "Tsikhanouskaya", "Tsikhanouskaya", ""},
        {"Navalny", "Navalny", "Navalny", ""}}},
      {"short_capital", {{"EU", "EU", "EU", ""}, {"UK", "UK", "UK", ""}, {"I", "I", "I", ""}}},
      {"date_keyword",
       {{"sanctions date:2020-01-01..2020-12-31", "sanctions date:20200101..20201231", "sanctions",
         year_2020},
        {"government date:2018-01-01..2018-12-31", "government date:20180101..20181231",
         "government", year_2018}}},
      {"deep_page",
       {{"government", "government", "government", ""}, {"policy", "policy", "policy", ""}},
       1000},
      {"facets",
       {{"sanctions", "sanctions", "sanctions", ""}, {"economy", "economy", "economy", ""}},
       0,
       true},
  };
}

constexpr std::size_t kPageSize = 10;

// --no-snippets: every engine returns ids and titles only, to see the cost of snippets apart.
bool g_snippets = true;

// Latencies of every timed query, by class and engine, for the closing table.
std::map<std::string, std::map<std::string, std::vector<double>>> g_latencies_us;

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(fraction * double(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

class PlainXapian {
 public:
  explicit PlainXapian(const std::string& path) : db_(path) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_OR);
    parser_.add_prefix("title", "S");
    parser_.add_rangeprocessor(new Xapian::RangeProcessor(naviny::bench::kPlainDateSlot, "date:"));
  }

  // Returns the number of hits shown; like naviny, reads each hit's text and makes a snippet.
  std::size_t search(const std::string& text, std::size_t offset, bool facets) {
    const Xapian::Query query = parser_.parse_query(text, Xapian::QueryParser::FLAG_PHRASE |
                                                              Xapian::QueryParser::FLAG_BOOLEAN |
                                                              Xapian::QueryParser::FLAG_LOVEHATE);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy spy(naviny::bench::kPlainLangSlot);
    if (facets) enquire.add_matchspy(&spy);
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset), kPageSize,
                                               facets ? db_.get_doccount() : 0);
    std::size_t shown = 0;
    for (auto match = mset.begin(); match != mset.end(); ++match) {
      const std::string data = match.get_document().get_data();
      const std::size_t title_end = data.find('\n', data.find('\n') + 1);
      if (g_snippets) {
        const std::string snippet = mset.snippet(data.substr(title_end + 1), 300, stemmer_);
        benchmark::DoNotOptimize(snippet.data());
      }
      benchmark::DoNotOptimize(title_end);
      ++shown;
    }
    return shown;
  }

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_{"english"};
};

class Fts5 {
 public:
  explicit Fts5(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
  }
  ~Fts5() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }
  Fts5(const Fts5&) = delete;
  Fts5& operator=(const Fts5&) = delete;

  std::size_t search(const QuerySpec& spec, std::size_t offset, bool facets) {
    const std::string where =
        "articles MATCH ?1" + (spec.fts5_where.empty() ? "" : " AND " + spec.fts5_where);
    const std::string columns =
        g_snippets ? "id, title, snippet(articles, 2, '[', ']', '...', 40)" : "id, title";
    std::size_t shown =
        run("SELECT " + columns + " FROM articles WHERE " + where + " ORDER BY rank LIMIT " +
                std::to_string(kPageSize) + " OFFSET " + std::to_string(offset),
            spec.fts5_match);
    if (facets)
      run("SELECT lang, count(*) FROM articles WHERE " + where + " GROUP BY lang", spec.fts5_match);
    return shown;
  }

 private:
  std::size_t run(const std::string& sql, const std::string& match) {
    auto& statement = statements_[sql];
    if (statement == nullptr &&
        sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    sqlite3_bind_text(statement, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    std::size_t rows = 0;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      benchmark::DoNotOptimize(sqlite3_column_text(statement, 1));
      ++rows;
    }
    sqlite3_reset(statement);
    return rows;
  }

  sqlite3* db_ = nullptr;
  // Prepared once, as an application would.
  std::map<std::string, sqlite3_stmt*> statements_;
};

struct Engines {
  std::unique_ptr<naviny::Searcher> naviny;
  std::unique_ptr<PlainXapian> plain;
  std::unique_ptr<Fts5> fts5;
};

// Runs one query on one engine; returns the hits shown.
using RunQuery = std::function<std::size_t(const QuerySpec&, const QueryClass&)>;

void run_class(benchmark::State& state, const QueryClass& query_class, const std::string& engine,
               const RunQuery& run) {
  // One untimed pass: the first search opens files, fills the word memo and page cache.
  std::size_t hits = 0;
  for (const QuerySpec& spec : query_class.queries) hits += run(spec, query_class);
  std::vector<double> latencies;
  std::size_t next = 0;
  for (auto _ : state) {
    const QuerySpec& spec = query_class.queries[next++ % query_class.queries.size()];
    const auto start = Clock::now();
    benchmark::DoNotOptimize(run(spec, query_class));
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    state.SetIterationTime(elapsed.count());
    latencies.push_back(elapsed.count() * 1e6);
  }
  state.counters["p50_us"] = percentile(latencies, 0.5);
  state.counters["p99_us"] = percentile(latencies, 0.99);
  state.counters["hits_first_pass"] = double(hits);
  auto& all = g_latencies_us[query_class.name][engine];
  all.insert(all.end(), latencies.begin(), latencies.end());
}

struct Options {
  std::string db;
  std::string plain_db;
  std::string corpus;
  std::string fts5_db;
  std::string summary;
  int iterations = 300;
  bool snippets = true;
  std::size_t count_bound = naviny::kCountBoundForLargeIndexes;
};

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--no-snippets") {
      options.snippets = false;
      continue;
    }
    if (i + 1 >= argc) return std::nullopt;
    const std::string value = argv[++i];
    if (flag == "--db") {
      options.db = value;
    } else if (flag == "--plain-db") {
      options.plain_db = value;
    } else if (flag == "--corpus") {
      options.corpus = value;
    } else if (flag == "--fts5-db") {
      options.fts5_db = value;
    } else if (flag == "--summary") {
      options.summary = value;
    } else if (flag == "--iterations") {
      options.iterations = std::stoi(value);
    } else if (flag == "--count-bound") {
      options.count_bound = std::stoul(value);
    } else {
      return std::nullopt;
    }
  }
  if (options.db.empty()) return std::nullopt;
  return options;
}

void print_summary(std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line, "%-15s %10s %10s %10s %10s %10s %10s %8s %8s\n", "class",
                "naviny_p50", "naviny_p99", "plain_p50", "plain_p99", "fts5_p50", "fts5_p99",
                "n/plain", "n/fts5");
  out << line;
  for (const QueryClass& query_class : query_classes()) {
    // Classes left out by --benchmark_filter have no row.
    if (!g_latencies_us.contains(query_class.name)) continue;
    auto& engines = g_latencies_us[query_class.name];
    const auto p = [&](const std::string& engine, double fraction) {
      return engines.contains(engine) ? percentile(engines[engine], fraction) : 0.0;
    };
    const double naviny = p("naviny", 0.5);
    const double plain = p("plain", 0.5);
    const double fts5 = p("fts5", 0.5);
    std::snprintf(
        line, sizeof line, "%-15s %10.0f %10.0f %10.0f %10.0f %10.0f %10.0f %8.2f %8.2f\n",
        query_class.name.c_str(), naviny, p("naviny", 0.99), plain, p("plain", 0.99), fts5,
        p("fts5", 0.99), plain > 0 ? naviny / plain : 0.0, fts5 > 0 ? naviny / fts5 : 0.0);
    out << line;
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::cerr
        << "usage: naviny_bench_query --db NAVINY_DB [--plain-db PLAIN_DB] [--corpus DIR] "
           "[--fts5-db FILE] [--iterations N] [--summary FILE] [--no-snippets] [--count-bound N] "
           "[--benchmark_...]\n";
    return 2;
  }
  g_snippets = options->snippets;
  Engines engines;
  try {
    if (!options->plain_db.empty() && !std::filesystem::exists(options->plain_db)) {
      if (options->corpus.empty()) {
        std::cerr << "naviny_bench_query: no plain index at " << options->plain_db
                  << "; give --corpus to build it\n";
        return 2;
      }
      std::cerr << "building the plain Xapian index " << options->plain_db << "...\n";
      naviny::bench::build_plain_xapian_index(options->corpus, options->plain_db);
    }
    engines.naviny = std::make_unique<naviny::Searcher>(options->db);
    if (!options->plain_db.empty())
      engines.plain = std::make_unique<PlainXapian>(options->plain_db);
    if (!options->fts5_db.empty()) engines.fts5 = std::make_unique<Fts5>(options->fts5_db);
  } catch (const std::exception& e) {
    std::cerr << "naviny_bench_query: " << e.what() << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "naviny_bench_query: " << e.get_description() << "\n";
    return 1;
  }

  static const std::vector<QueryClass> classes = query_classes();
  const RunQuery naviny = [&](const QuerySpec& spec, const QueryClass& query_class) {
    naviny::SearchRequest request;
    request.query = spec.naviny;
    request.offset = query_class.offset;
    request.limit = kPageSize;
    request.facets = query_class.facets ? 5 : 0;
    request.snippets = g_snippets;
    request.count_bound = options->count_bound;
    return engines.naviny->search(request).hits.size();
  };
  const RunQuery plain = [&](const QuerySpec& spec, const QueryClass& query_class) {
    return engines.plain->search(spec.plain, query_class.offset, query_class.facets);
  };
  const RunQuery fts5 = [&](const QuerySpec& spec, const QueryClass& query_class) {
    return engines.fts5->search(spec, query_class.offset, query_class.facets);
  };
  // Engines of one class run one after the other, so their ratio sees the same machine load.
  for (const QueryClass& query_class : classes) {
    std::vector<std::pair<std::string, RunQuery>> runs{{"naviny", naviny}};
    if (engines.plain) runs.emplace_back("plain", plain);
    if (engines.fts5) runs.emplace_back("fts5", fts5);
    for (const auto& [engine, run] : runs) {
      benchmark::RegisterBenchmark(
          (query_class.name + "/" + engine).c_str(),
          [&query_class, engine = engine, run = run](benchmark::State& state) {
            run_class(state, query_class, engine, run);
          })
          ->Iterations(options->iterations)
          ->UseManualTime()
          ->Unit(benchmark::kMicrosecond);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  std::cout << "\nlatency in microseconds, per query class (all repetitions pooled):\n";
  print_summary(std::cout);
  if (!options->summary.empty()) {
    std::ofstream out(options->summary);
    print_summary(out);
  }
  return 0;
}
