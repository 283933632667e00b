// libFuzzer target: the query front end. At start-up it indexes tests/fixtures/mini, tagged with
// corpus/entities.tsv, into a fresh temporary folder; then every input is a query, searched once
// with folding (with facets and snippets) and once in exact mode. naviny::Error (a query refused
// with a message) is an expected outcome; anything else escaping Searcher::search is a finding.

#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "common/errors.h"
#include "fuzz/fuzz_support.h"
#include "indexer/indexer.h"
#include "searcher/searcher.h"

namespace {

// The index folder, removed when the fuzzer exits normally.
class TempIndex {
 public:
  TempIndex() {
    std::string pattern = (std::filesystem::temp_directory_path() / "naviny-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~TempIndex() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  TempIndex(const TempIndex&) = delete;
  TempIndex& operator=(const TempIndex&) = delete;
  std::filesystem::path db() const { return folder_ / "db"; }

 private:
  std::filesystem::path folder_;
};

class QuietObserver : public naviny::IndexObserver {};

struct Fixture {
  TempIndex temp;
  std::unique_ptr<naviny::Searcher> searcher;

  Fixture() {
    const std::filesystem::path source = naviny::fuzz::source_dir();
    naviny::IndexOptions options;
    options.db = temp.db();
    options.corpus = source / "tests" / "fixtures" / "mini";
    options.gazetteer = source / "corpus" / "entities.tsv";
    QuietObserver observer;
    naviny::index_corpus(options, observer);
    searcher = std::make_unique<naviny::Searcher>(options.db);
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void search(const std::string& query, bool exact) {
  naviny::SearchRequest request;
  request.query = query;
  request.exact = exact;
  request.limit = 5;
  request.facets = exact ? 0 : 3;
  try {
    (void)fixture().searcher->search(request);
  } catch (const naviny::Error&) {
    // A refused query (empty, unparsable, unknown field or entity): the user gets the message.
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  search(query, false);
  search(query, true);
  return 0;
}
