#include "bench/peer_indexes.h"

#include <sqlite3.h>
#include <xapian.h>

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/errors.h"
#include "indexer/article.h"
#include "indexer/corpus_scan.h"

namespace naviny::bench {
namespace {

// naviny commits in batches of this many articles too (IndexOptions::batch_size).
constexpr std::size_t kBatchSize = 1000;

template <typename OnArticle>
PeerIndexSummary for_each_article(const std::filesystem::path& corpus, OnArticle on_article) {
  PeerIndexSummary summary;
  const auto files = scan_corpus(corpus, [](const std::string& id, const std::string& reason) {
    std::cerr << "skipped " << id << ": " << reason << "\n";
  });
  for (const CorpusFile& file : files) {
    try {
      const std::string bytes = read_article_file(file.path);
      summary.bytes += bytes.size();
      on_article(parse_article(bytes, file.id));
      ++summary.articles;
    } catch (const BadInputError& e) {
      std::cerr << "skipped " << file.id << ": " << e.what() << "\n";
    }
  }
  return summary;
}

std::string yyyymmdd(std::string date) {
  std::erase(date, '-');
  return date;
}

}  // namespace

PeerIndexSummary build_plain_xapian_index(const std::filesystem::path& corpus,
                                          const std::filesystem::path& db_path) {
  Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  std::size_t pending = 0;
  const PeerIndexSummary summary = for_each_article(corpus, [&](const Article& article) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(article.title, 1, "S");
    generator.index_text(article.title);
    generator.increase_termpos();
    generator.index_text(article.body);
    const std::string id_term = "Q" + article.id;
    document.add_boolean_term(id_term);
    if (!article.date.empty()) document.add_value(kPlainDateSlot, yyyymmdd(article.date));
    if (!article.lang.empty()) document.add_value(kPlainLangSlot, article.lang);
    document.set_data(article.id + "\n" + article.title + "\n" + article.body);
    db.replace_document(id_term, document);
    if (++pending == kBatchSize) {
      db.commit();
      pending = 0;
    }
  });
  db.commit();
  return summary;
}

namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

void execute(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    throw std::runtime_error(std::string("sqlite: ") + text + " in: " + sql);
  }
}

}  // namespace

PeerIndexSummary build_fts5_index(const std::filesystem::path& corpus,
                                  const std::filesystem::path& db_file) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(db_file.c_str(), &raw) != SQLITE_OK) {
    sqlite3_close(raw);
    throw std::runtime_error("cannot open " + db_file.string());
  }
  const std::unique_ptr<sqlite3, SqliteCloser> db(raw);
  execute(db.get(),
          "CREATE VIRTUAL TABLE IF NOT EXISTS articles USING fts5(id UNINDEXED, title, body, "
          "date UNINDEXED, lang UNINDEXED, tokenize='unicode61 remove_diacritics 2')");
  sqlite3_stmt* raw_statement = nullptr;
  if (sqlite3_prepare_v2(db.get(), "INSERT INTO articles VALUES (?, ?, ?, ?, ?)", -1,
                         &raw_statement, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sqlite3_errmsg(db.get()));
  }
  const std::unique_ptr<sqlite3_stmt, StatementFinalizer> insert(raw_statement);
  std::size_t pending = 0;
  execute(db.get(), "BEGIN");
  const PeerIndexSummary summary = for_each_article(corpus, [&](const Article& article) {
    const auto bind = [&](int column, const std::string& text) {
      sqlite3_bind_text(insert.get(), column, text.data(), static_cast<int>(text.size()),
                        SQLITE_STATIC);
    };
    bind(1, article.id);
    bind(2, article.title);
    bind(3, article.body);
    bind(4, article.date);
    bind(5, article.lang);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
      throw std::runtime_error(sqlite3_errmsg(db.get()));
    }
    sqlite3_reset(insert.get());
    if (++pending == kBatchSize) {
      execute(db.get(), "COMMIT; BEGIN");
      pending = 0;
    }
  });
  execute(db.get(), "COMMIT");
  return summary;
}

}  // namespace naviny::bench
