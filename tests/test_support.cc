#include "tests/test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "cli/app.h"
#include "searcher/searcher.h"

namespace naviny::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "naviny-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

fs::path source_dir() {
  return NAVINY_SOURCE_DIR;
}
fs::path seed_corpus() {
  return source_dir() / "corpus";
}
fs::path mini_corpus() {
  return source_dir() / "tests/fixtures/mini";
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

void copy_folder(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

CliResult run_cli(const std::vector<std::string>& arguments,
                  const std::optional<std::string>& standard_input) {
  std::vector<const char*> argv{"naviny"};
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::ostringstream out;
  std::ostringstream err;
  cli::Environment env;  // no $NAVINY_DB, no terminal: tests always pass --db
  std::istringstream in(standard_input.value_or(""));
  if (standard_input) env.standard_input = &in;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env);
  return {code, out.str(), err.str()};
}

void index_or_fail(const fs::path& corpus, const fs::path& db) {
  const CliResult result = run_cli({"index", "--db", db.string(), corpus.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::vector<std::string> search_ids(const fs::path& db, const std::string& query,
                                    const std::vector<std::string>& extra_arguments) {
  Searcher searcher(db);
  SearchRequest request;
  request.query = query;
  request.limit = 1000;
  request.snippets = false;
  for (const std::string& argument : extra_arguments) {
    if (argument == "--exact") request.exact = true;
  }
  std::vector<std::string> ids;
  for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  return ids;
}

}  // namespace naviny::testing
