#include "indexer/indexer.h"

#include <fcntl.h>
#include <stdio.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <unordered_set>

#include "analyzers/analyzer.h"
#include "analyzers/entity_recognizer.h"
#include "analyzers/gazetteer.h"
#include "common/errors.h"
#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "indexer/article.h"
#include "indexer/corpus_scan.h"
#include "indexer/document_builder.h"

namespace naviny {
namespace {

Gazetteer load_gazetteer(const IndexOptions& options, Analyzer& analyzer) {
  if (!options.gazetteer.empty()) return Gazetteer::load(options.gazetteer, analyzer);
  const std::filesystem::path beside_corpus = options.corpus / "entities.tsv";
  if (std::filesystem::is_regular_file(beside_corpus)) {
    return Gazetteer::load(beside_corpus, analyzer);
  }
  return {};
}

class CorpusSync {
 public:
  CorpusSync(const IndexOptions& options, IndexObserver& observer)
      : options_(options),
        observer_(observer),
        db_(open_index_for_writing(options.db, analyzer_.fingerprint())),
        gazetteer_(load_gazetteer(options, analyzer_)),
        recognizer_(gazetteer_) {
    summary_.gazetteer_changed =
        db_.get_doccount() > 0 &&
        db_.get_metadata(std::string(schema::kMetaGazetteer)) != gazetteer_.text();
  }

  IndexSummary run(const std::vector<CorpusFile>& files,
                   const std::vector<std::pair<std::string, std::string>>& scan_problems) {
    for (const auto& [id, reason] : scan_problems) skip(id, reason);
    std::unordered_set<std::string> present;
    present.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      present.insert(id_term(files[i].id));
      sync_file(files[i]);
      observer_.progress(i + 1, files.size());
    }
    remove_missing(present);
    // Recorded only once the whole run is done, so that a killed re-tagging run re-tags again.
    db_.set_metadata(std::string(schema::kMetaGazetteer), gazetteer_.text());
    commit();
    summary_.total_articles = db_.get_doccount();
    return summary_;
  }

 private:
  void skip(const std::string& id, const std::string& reason) {
    ++summary_.skipped;
    observer_.skipped(id, reason);
  }

  void sync_file(const CorpusFile& file) {
    const std::string term = id_term(file.id);
    try {
      const std::string bytes = read_article_file(file.path);
      const std::string hash = to_hex(fnv1a64(bytes));
      const Xapian::PostingIterator existing = db_.postlist_begin(term);
      const bool known = existing != db_.postlist_end(term);
      if (known && !summary_.gazetteer_changed &&
          db_.get_document(*existing).get_value(schema::kContentHashSlot.slot) == hash) {
        ++summary_.unchanged;
        return;
      }
      const Article article = parse_article(bytes, file.id);
      for (const std::string& warning : article.warnings) observer_.warned(file.id, warning);
      db_.replace_document(term, build_document(article, analyzer_, hash,
                                                gazetteer_.empty() ? nullptr : &recognizer_));
      ++(known ? summary_.updated : summary_.added);
      count_change();
    } catch (const BadInputError& e) {
      skip(file.id, e.what());
    }
  }

  void remove_missing(const std::unordered_set<std::string>& present) {
    std::vector<std::string> gone;
    const std::string prefix(schema::kId.prefix);
    for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term) {
      if (!present.contains(*term)) gone.push_back(*term);
    }
    for (const std::string& term : gone) {
      db_.delete_document(term);
      ++summary_.removed;
      count_change();
    }
  }

  void count_change() {
    if (++pending_ >= options_.batch_size) commit();
  }

  void commit() {
    stamp_index(db_, analyzer_.fingerprint());
    db_.commit();
    pending_ = 0;
  }

  const IndexOptions& options_;
  IndexObserver& observer_;
  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
  Gazetteer gazetteer_;
  EntityRecognizer recognizer_;
  IndexSummary summary_;
  std::size_t pending_ = 0;
};

struct ScannedCorpus {
  std::vector<CorpusFile> files;
  std::vector<std::pair<std::string, std::string>> problems;
};

ScannedCorpus scan(const std::filesystem::path& corpus) {
  ScannedCorpus scanned;
  scanned.files = scan_corpus(corpus, [&](const std::string& id, const std::string& reason) {
    scanned.problems.emplace_back(id, reason);
  });
  return scanned;
}

void exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b) {
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    throw InternalError("cannot swap the rebuilt index '" + a.string() + "' into place at '" +
                        b.string() + "': " + std::strerror(errno) +
                        "; the old index is untouched, the new one is left at '" + a.string() +
                        "'");
  }
}

}  // namespace

IndexSummary index_corpus(const IndexOptions& options, IndexObserver& observer) {
  // Scan first: a missing corpus must not leave an empty index behind.
  const ScannedCorpus corpus = scan(options.corpus);
  CorpusSync sync(options, observer);
  return sync.run(corpus.files, corpus.problems);
}

IndexSummary rebuild_corpus(const IndexOptions& options, IndexObserver& observer) {
  const ScannedCorpus corpus = scan(options.corpus);
  const Analyzer analyzer;
  // Holding the live index's write lock keeps other writers out for the whole rebuild.
  Xapian::WritableDatabase live =
      open_index_for_writing(options.db, analyzer.fingerprint(), Compatibility::ignore);
  std::filesystem::path fresh = options.db;
  fresh += ".rebuild";
  std::filesystem::remove_all(fresh);  // left over from a killed rebuild: we hold the lock
  IndexOptions fresh_options = options;
  fresh_options.db = fresh;
  IndexSummary summary;
  {
    CorpusSync sync(fresh_options, observer);
    summary = sync.run(corpus.files, corpus.problems);
  }
  exchange_folders(fresh, options.db);
  live.close();
  std::filesystem::remove_all(fresh);  // now the old index
  return summary;
}

std::string describe(const IndexSummary& summary) {
  return "added " + std::to_string(summary.added) + ", updated " + std::to_string(summary.updated) +
         ", removed " + std::to_string(summary.removed) + ", unchanged " +
         std::to_string(summary.unchanged) + ", skipped " + std::to_string(summary.skipped) + "; " +
         std::to_string(summary.total_articles) + " articles in the index" +
         (summary.gazetteer_changed ? "; the gazetteer changed, so every article was re-tagged"
                                    : "");
}

}  // namespace naviny
