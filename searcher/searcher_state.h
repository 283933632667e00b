#pragma once

// What the parts of the Searcher (searcher.cc: searching; similar.cc; listings.cc: articles,
// entities, stats) share: its open index and the retry around each call. Internal to the searcher
// library.

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "common/shards.h"
#include "searcher/article_table.h"
#include "searcher/entity_filter.h"
#include "searcher/highlighter.h"
#include "searcher/query_builder.h"
#include "searcher/query_rewrite.h"
#include "searcher/searcher.h"
#include "searcher/shard_opening.h"
#include "searcher/spelling.h"

namespace naviny {

struct Searcher::State {
  State(const std::vector<std::filesystem::path>& db_paths, MissingShards missing_policy,
        std::shared_ptr<Analyzer> shared_analyzer)
      : State(db_paths, missing_policy, shared_analyzer,
              open_shards(db_paths, missing_policy, shared_analyzer->fingerprint())) {}

  State(const std::vector<std::filesystem::path>& db_paths, MissingShards missing_policy,
        std::shared_ptr<Analyzer> shared_analyzer, OpenedShards opened)
      : dbs(db_paths),
        missing(missing_policy),
        specs(std::move(opened.specs)),
        shards(std::move(opened.shards)),
        remote(std::any_of(specs.begin(), specs.end(),
                           [](const ShardSpec& spec) { return spec.remote(); })),
        missing_shards(std::move(opened.missing)),
        identities(std::move(opened.identities)),
        analyzer(std::move(shared_analyzer)),
        db(std::move(opened.combined)),
        gazetteer(std::make_shared<IndexGazetteer>(opened.first, analyzer)),
        builder(db, analyzer, gazetteer),
        spelling(db, analyzer, gazetteer, builder) {
    // A rebuild swapped a folder in while the shards were opened: some may be old, some new.
    if (changed(identities)) throw Xapian::DatabaseModifiedError("swapped while opening");
  }

  std::vector<std::filesystem::path> dbs;
  MissingShards missing;
  std::vector<ShardSpec> specs;
  std::vector<Xapian::Database> shards;
  bool remote;  // some shard is served over Xapian's remote protocol
  std::vector<std::string> missing_shards;
  Identities identities;
  std::shared_ptr<Analyzer> analyzer;
  Xapian::Database db;
  std::shared_ptr<IndexGazetteer> gazetteer;
  QueryBuilder builder;
  SpellingSuggester spelling;
  // Read at the first facet search of local shards, again after the index changed.
  std::unique_ptr<ArticleTable> article_table_read;

  // Whether facet searches count from an ArticleTable: not over Xapian's remote protocol.
  bool can_tally() const {
    return !remote && std::all_of(shards.begin(), shards.end(),
                                  [](const Xapian::Database& shard) { return shard.size() == 1; });
  }
  const ArticleTable& article_table() {
    if (!article_table_read) article_table_read = std::make_unique<ArticleTable>(shards);
    return *article_table_read;
  }

  // The entity with this id as a result names it, with `count` mentions.
  EntityRef entity_ref(const std::string& id, std::size_t count);
  // `query` with the words that best describe its top results added (relevance feedback), run on
  // `enquire`; unchanged if it finds nothing.
  Xapian::Query expanded(Xapian::Enquire& enquire, const Xapian::Query& query,
                         const RankingOptions& ranking);
  Hit make_hit(const Xapian::MSetIterator& match, const Highlighter* highlighter);
  // `docid` is the document's id in the searched database (with shards, not the shard's own).
  Hit hit_of(const Xapian::Document& document, Xapian::docid docid, const Highlighter* highlighter);
  void list_copies(const Xapian::Query& query, const std::vector<std::string>& groups,
                   std::vector<Hit>& hits);
};

// Runs `run` on an up-to-date index: if a writer changed it meanwhile, or a remote shard failed,
// opens it again and retries (a shard that is down then fails to connect, and is reported, or
// skipped with MissingShards::skip).
template <typename Run>
auto Searcher::with_retries(Run run) {
  for (int attempt = 0;; ++attempt) {
    try {
      return retry_when_index_changes(
          joined_paths(state_->dbs),
          [&] {
            catch_up();
            return run();
          },
          [&] { reopen(); });
    } catch (const Xapian::NetworkError& e) {
      if (attempt == 0) {
        reopen();
        continue;
      }
      for (const ShardSpec& spec : state_->specs) {
        const std::string context = e.get_context();
        if (spec.remote() && context.find(spec.describe().substr(7)) != std::string::npos) {
          throw unreachable(spec, e);
        }
      }
      throw ShardUnavailableError("a remote shard failed: " + one_line(e.get_msg()) + " (" +
                                  one_line(e.get_context()) +
                                  "); check that xapian-tcpsrv serves it, or give "
                                  "--allow-partial to search the other shards");
    }
  }
}

// Relevance feedback should pick words (search forms), not the exact forms, name keys or filter
// terms that stand beside them, nor numbers, nor words no other article has.
class SharedSearchTerms : public Xapian::ExpandDecider {
 public:
  // `max_df`: words in more articles than this are left out too.
  explicit SharedSearchTerms(const Xapian::Database& db,
                             Xapian::doccount max_df = std::numeric_limits<Xapian::doccount>::max())
      : db_(db), max_df_(max_df) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || !is_search_form_term(term) || (term[0] >= '0' && term[0] <= '9')) {
      return false;
    }
    const Xapian::doccount articles = db_.get_termfreq(term);
    return articles > 1 && articles <= max_df_;
  }

 private:
  const Xapian::Database& db_;
  Xapian::doccount max_df_;
};

// The weighting scheme `ranking` names. BM25 and BM25+ with k2 = 0 (its length bonus lowered
// Vaswani's MAP at every value tried) and k3 = 1 (query term frequency counted once); the other
// schemes with Xapian's defaults but c.
std::unique_ptr<Xapian::Weight> ranking_weight(const RankingOptions& ranking = {});

// The id of a stored article: the sort-id value, or, in an index written before there was one,
// its document data.
std::string article_id(const Xapian::Document& document);

void sort_by_count(std::vector<EntityRef>& refs);

// Copies of one near-duplicate group listed at most: asking Xapian for the whole index would make
// it set aside room for every article.
inline constexpr Xapian::doccount kMaxCopiesListed = 1000;

}  // namespace naviny
