// libFuzzer target: an article file's bytes through everything the indexer does with them:
// parse_article, then build_document (analysis, entity tagging with corpus/entities.tsv, terms,
// values, stored data), reading the stored data back, and a highlighted snippet of the body.
// BadInputError (an empty, binary or non-UTF-8 file) is an expected outcome.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/errors.h"
#include "common/utf8.h"
#include "fuzz/fuzz_support.h"
#include "indexer/article.h"
#include "indexer/document_builder.h"
#include "searcher/highlighter.h"

namespace {

// Xapian's glass backend refuses longer terms when the document is added.
constexpr std::size_t kMaxTermBytes = 245;

struct Fixture {
  naviny::Analyzer analyzer;
  naviny::Gazetteer gazetteer;
  std::unique_ptr<naviny::EntityRecognizer> recognizer;

  Fixture() {
    const auto path = naviny::fuzz::source_dir() / "corpus" / "entities.tsv";
    std::ifstream in(path, std::ios::binary);
    const std::string tsv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    gazetteer = naviny::Gazetteer::parse(tsv, path.string(), analyzer);
    recognizer = std::make_unique<naviny::EntityRecognizer>(gazetteer);
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  naviny::Article article;
  try {
    article = naviny::parse_article(bytes, "fuzz.txt");
  } catch (const naviny::BadInputError&) {
    return 0;  // reported to the user and skipped
  }
  // The input was checked to be UTF-8, so every field cut from it must be too.
  for (const std::string* field : {&article.title, &article.body, &article.date, &article.source,
                                   &article.url, &article.lang}) {
    check(!naviny::first_invalid_utf8(*field));
  }

  Fixture& f = fixture();
  const Xapian::Document document = naviny::build_document(
      article, f.analyzer, "0123456789abcdef", naviny::ArticleOrigin::corpus, f.recognizer.get());
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    check(!(*term).empty() && (*term).size() <= kMaxTermBytes);
  }
  const naviny::Article stored = naviny::article_from_document_data(document.get_data());
  check(stored.title == article.title && stored.body == article.body &&
        stored.source == article.source && stored.date == article.date);

  // A snippet of the body for a query made of the title's words, as a search shows it.
  std::vector<Xapian::Query> terms;
  for (const naviny::AnalyzedWord& word : naviny::analyze_words(f.analyzer, article.title)) {
    terms.emplace_back(word.forms.search);
  }
  const Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid docid = db.add_document(document);
  const naviny::Snippet snippet =
      naviny::Highlighter(db, query, f.analyzer).snippet(docid, article.body);
  check(!naviny::first_invalid_utf8(snippet.text));
  std::size_t previous_end = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    check(previous_end <= begin && begin < end && end <= snippet.text.size());
    previous_end = end;
  }
  return 0;
}
