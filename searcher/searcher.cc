#include "searcher/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/analyzer.h"
#include "common/errors.h"
#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/shards.h"
#include "common/text.h"
#include "searcher/entity_filter.h"
#include "searcher/highlighter.h"
#include "searcher/match_counter.h"
#include "searcher/query_builder.h"
#include "searcher/query_rewrite.h"
#include "searcher/relevance_model.h"
#include "searcher/spelling.h"
#include "searcher/stopwords.h"
#include "searcher/wildcards.h"

namespace naviny {
namespace {

// `query` OR, at ranking.proximity_weight, each pair of neighbouring plain terms of `typed` (the
// query as typed) within ranking.proximity_window positions of each other, in either order.
Xapian::Query with_proximity(const Xapian::Query& query, const Xapian::Query& typed,
                             const RankingOptions& ranking) {
  if (ranking.proximity_weight <= 0 || typed.get_type() != Xapian::Query::OP_OR) return query;
  std::vector<Xapian::Query> words;
  for (std::size_t i = 0; i < typed.get_num_subqueries(); ++i) {
    const Xapian::Query part = typed.get_subquery(i);
    if (part.get_type() == Xapian::Query::LEAF_TERM) words.push_back(part);
  }
  if (words.size() < 2) return query;
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const Xapian::Query pair[] = {words[i], words[i + 1]};
    pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair),
                       static_cast<Xapian::termcount>(ranking.proximity_window));
  }
  return Xapian::Query(
      Xapian::Query::OP_OR, query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                    ranking.proximity_weight));
}

// The weighting scheme `ranking` names. BM25 and BM25+ with k2 = 0 (its length bonus lowered
// Vaswani's MAP at every value tried) and k3 = 1 (query term frequency counted once); the other
// schemes with Xapian's defaults but c.
std::unique_ptr<Xapian::Weight> ranking_weight(const RankingOptions& ranking = {}) {
  const std::string& name = ranking.weighting;
  const double c = ranking.dfr_c;
  if (name == "bm25") {
    return std::make_unique<Xapian::BM25Weight>(ranking.bm25_k1, 0.0, 1.0, ranking.bm25_b,
                                                ranking.bm25_min_normlen);
  }
  if (name == "bm25+") {
    return std::make_unique<Xapian::BM25PlusWeight>(ranking.bm25_k1, 0.0, 1.0, ranking.bm25_b,
                                                    ranking.bm25_min_normlen, 1.0);
  }
  if (name == "pl2") return std::make_unique<Xapian::PL2Weight>(c);
  if (name == "inl2") return std::make_unique<Xapian::InL2Weight>(c);
  if (name == "ifb2") return std::make_unique<Xapian::IfB2Weight>(c);
  if (name == "ineb2") return std::make_unique<Xapian::IneB2Weight>(c);
  if (name == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (name == "dlh") return std::make_unique<Xapian::DLHWeight>();
  throw UsageError("unknown weighting scheme '" + name +
                   "'; use one of bm25, bm25+, pl2, inl2, ifb2, ineb2, dph, dlh");
}

// Checked before searching, so that a misspelt expansion scheme fails every query, not just the
// descriptive ones that get expanded.
void check_expansion(const RankingOptions& ranking) {
  const auto known = [](const auto& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  if (!known(kExpansionSchemes, ranking.expand_scheme)) {
    throw UsageError("unknown expansion scheme '" + ranking.expand_scheme +
                     "'; use trad, bo1 or rm");
  }
  if (!known(kExpansionTermWeights, ranking.expand_term_weights)) {
    throw UsageError("unknown expansion term weighting '" + ranking.expand_term_weights +
                     "'; use flat or eset");
  }
}

std::string text_field(const nlohmann::json& data, const char* key) {
  const auto found = data.find(key);
  return found != data.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::uintmax_t folder_size(const std::filesystem::path& path) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) total += entry.file_size(error);
  }
  return total;
}

// Words of the source article that describe it best; more dilute the match, fewer miss it. With
// 40, the words an article shares with others in its own language outweighed the entities it
// shares with the same story in other languages (SlavicNER: 0 of 50 similar articles in another
// language; 20 words with entities counted 10 times: 21 of 50, same topic as often).
constexpr Xapian::termcount kSimilarTerms = 20;

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

// The shared search forms in at most `max_df` articles, but for those of `query` unless
// `with_query` (Xapian's get_eset leaves those out itself unless asked).
class FeedbackTerms : public Xapian::ExpandDecider {
 public:
  FeedbackTerms(const Xapian::Database& db, Xapian::doccount max_df, const Xapian::Query& query,
                bool with_query)
      : shared_(db, max_df) {
    if (!with_query) query_terms_.insert(query.get_terms_begin(), query.get_terms_end());
  }
  bool operator()(const std::string& term) const override {
    return !query_terms_.contains(term) && shared_(term);
  }

 private:
  SharedSearchTerms shared_;
  std::set<std::string> query_terms_;
};

// Dates are YYYYMMDD strings, so byte order is date order. Articles without a date come last
// whichever way the dates run.
class DateSortKey : public Xapian::KeyMaker {
 public:
  explicit DateSortKey(bool descending) : descending_(descending) {}
  std::string operator()(const Xapian::Document& document) const override {
    std::string date = document.get_value(schema::kDateSlot.slot);
    if (date.empty() && !descending_) date = "\xff";
    return date;
  }

 private:
  bool descending_;
};

// Xapian's check_at_least for SearchRequest::count_bound: every article, or one past the bound,
// so that a count past it is known to be more than the bound.
Xapian::doccount matches_to_check(std::size_t count_bound, Xapian::doccount articles) {
  if (count_bound == kCountEveryMatch || count_bound >= articles) return articles;
  return static_cast<Xapian::doccount>(count_bound + 1);
}

// Xapian's bounds on a count without collapsing, as naviny states it: the count when they agree
// (Xapian saw fewer matches than it was asked to check), else more than the bound.
MatchCount stated_count(Xapian::doccount lower, Xapian::doccount upper, std::size_t count_bound) {
  if (lower == upper) return {lower, true};
  // Xapian saw at least check_at_least, one past the bound.
  if (count_bound == kCountEveryMatch) return {lower == 0 ? 0 : lower - 1, false};
  return {count_bound, false};
}

// What `counter` saw when Xapian was asked to check `checked` matches out of `articles`. Xapian
// skips matches (those that cannot reach the page) only once it has accepted `checked`, so if it
// saw fewer, or was asked to check every article, it saw them all.
MatchCounts counted(const MatchCounter& counter, const Xapian::MSet& mset, Xapian::doccount checked,
                    Xapian::doccount articles, std::size_t count_bound) {
  const std::size_t seen = counter.articles();
  const std::size_t stories = counter.stories(mset);
  if (checked >= articles || seen < checked) return {{seen, true}, MatchCount{stories, true}};
  // More than `count_bound` articles; the stories among them may be fewer.
  return {
      {count_bound, false},
      MatchCount{stories > count_bound ? count_bound : (stories == 0 ? 0 : stories - 1), false}};
}

// The id of a stored article: the sort-id value, or, in an index written before there was one,
// its document data.
std::string article_id(const Xapian::Document& document) {
  std::string id = document.get_value(schema::kSortIdSlot.slot);
  if (id.empty()) id = text_field(nlohmann::json::parse(document.get_data()), "id");
  return id;
}

void sort_by_count(std::vector<EntityRef>& refs) {
  std::stable_sort(refs.begin(), refs.end(),
                   [](const EntityRef& a, const EntityRef& b) { return a.count > b.count; });
}

// A writer that commits twice during a search discards the revision the search reads; a rebuild
// swaps another folder in. Either way the index is whole again at once, so reopen and retry,
// but not forever: a writer committing faster than we can search would starve us.
constexpr int kMaxReopens = 10;

// Copies of one near-duplicate group listed at most: asking Xapian for the whole index would make
// it set aside room for every article.
constexpr Xapian::doccount kMaxCopiesListed = 1000;

// Longer queries are refused: the cost of parsing (and of finding where a query stops parsing)
// grows faster than its length, and no one types this much.
constexpr std::size_t kMaxQueryBytes = 4096;

// Remote shards: how long to wait for a connection, and for each reply, in milliseconds (Xapian's
// defaults for both).
constexpr unsigned kRemoteConnectTimeoutMs = 10000;
constexpr unsigned kRemoteTimeoutMs = 10000;

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string joined_strings(const std::vector<std::string>& strings) {
  std::string joined;
  for (const auto& text : strings) joined += (joined.empty() ? "" : ", ") + text;
  return joined;
}

std::string joined_paths(const std::vector<std::filesystem::path>& paths) {
  std::string joined;
  for (const auto& path : paths) joined += (joined.empty() ? "" : ", ") + path.string();
  return joined;
}

std::string named(const ShardSpec& spec) {
  return "shard " + spec.describe() + (spec.origin.empty() ? "" : " (" + spec.origin + ")");
}

ShardUnavailableError unreachable(const ShardSpec& spec, const Xapian::Error& error) {
  return ShardUnavailableError(
      "cannot reach " + named(spec) + ": " + one_line(error.get_msg()) +
      (error.get_error_string() ? std::string(" (") + error.get_error_string() + ")" : "") +
      "; check that xapian-tcpsrv serves it there, or give --allow-partial to search the other "
      "shards");
}

Xapian::Database open_remote(const ShardSpec& spec) {
  if (spec.kind == ShardSpec::Kind::tcp) {
    return Xapian::Remote::open(spec.host, spec.port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
  }
  return Xapian::Remote::open(spec.program, spec.args, kRemoteTimeoutMs);
}

Xapian::Database open_local(const ShardSpec& spec) {
  std::error_code ignored;
  if (!std::filesystem::exists(spec.path, ignored)) {
    throw NotFoundError("no index at '" + spec.path.string() + "'" +
                        (spec.origin.empty() ? "" : " (" + spec.origin + ")") +
                        "; run `naviny index --db " + spec.path.string() + " CORPUS_DIR` first");
  }
  try {
    return Xapian::Database(spec.path.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw NotFoundError("cannot open the index at '" + spec.path.string() + "' (" + e.get_msg() +
                        "); run `naviny index --db " + spec.path.string() +
                        " CORPUS_DIR` to create it");
  }
}

std::string gazetteer_hash(const Xapian::Database& shard) {
  std::string hash = shard.get_metadata(std::string(schema::kMetaGazetteerHash));
  if (hash.empty()) {  // written before the hash was recorded
    hash = to_hex(fnv1a64(shard.get_metadata(std::string(schema::kMetaGazetteer))));
  }
  return hash;
}

// Which folder a path names: `naviny index --rebuild` swaps another folder in under the same path.
struct FolderIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FolderIdentity&) const = default;
};

std::optional<FolderIdentity> identity_of(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return FolderIdentity{status.st_dev, status.st_ino};
}

// The files and folders whose replacement means the index must be opened afresh: the --db
// arguments (an index folder, a sharded index folder, a stub file) and every local shard.
using Identities = std::vector<std::pair<std::filesystem::path, std::optional<FolderIdentity>>>;

Identities identities_of(const std::vector<std::filesystem::path>& dbs,
                         const std::vector<ShardSpec>& shards) {
  Identities identities;
  for (const auto& db : dbs) identities.emplace_back(db, identity_of(db));
  for (const ShardSpec& shard : shards) {
    if (!shard.remote()) identities.emplace_back(shard.path, identity_of(shard.path));
  }
  return identities;
}

bool changed(const Identities& identities) {
  return std::any_of(identities.begin(), identities.end(),
                     [](const auto& entry) { return identity_of(entry.first) != entry.second; });
}

// Every database of a search, opened and checked, and combined into one.
struct OpenedShards {
  std::vector<ShardSpec> specs;          // those opened, in order
  std::vector<Xapian::Database> shards;  // the same, opened
  std::vector<std::string> missing;      // unreachable, skipped
  Identities identities;
  Xapian::Database combined;
  Xapian::Database first;  // holds the gazetteer: the first that has articles, else the first
};

OpenedShards open_shards(const std::vector<std::filesystem::path>& dbs, MissingShards missing,
                         const std::string& analyzer_fingerprint) {
  OpenedShards opened;
  const std::vector<ShardSpec> specs = resolve_databases(dbs);
  // Taken before opening: a folder swapped in meanwhile is noticed, and the index opened again.
  opened.identities = identities_of(dbs, specs);
  std::vector<Xapian::Database>& shards = opened.shards;
  std::optional<std::pair<std::string, std::string>> gazetteer;  // shard, hash
  for (const ShardSpec& spec : specs) {
    try {
      Xapian::Database shard = spec.remote() ? open_remote(spec) : open_local(spec);
      check_shard_compatible(shard,
                             spec.remote() ? spec.describe() : "'" + spec.path.string() + "'",
                             spec.remote() ? "rebuild it on the machine that serves it "
                                             "(`naviny index --rebuild`) and restart xapian-tcpsrv"
                                           : rebuild_hint(spec.index),
                             analyzer_fingerprint);
      if (shard.get_doccount() > 0) {
        const std::string hash = gazetteer_hash(shard);
        if (!gazetteer) {
          gazetteer.emplace(named(spec), hash);
          opened.first = shard;
        } else if (gazetteer->second != hash) {
          throw IncompatibleIndexError(
              "the " + gazetteer->first + " and the " + named(spec) +
              " were tagged with different entity gazetteers, so entity filters, facets and "
              "names would depend on the shard; index every shard with the same gazetteer "
              "(--gazetteer FILE) and search them together again");
        }
      }
      opened.combined.add_database(shard);
      opened.specs.push_back(spec);
      shards.push_back(std::move(shard));
    } catch (const Xapian::NetworkError& e) {
      if (!spec.remote()) throw;
      if (missing == MissingShards::fail) throw unreachable(spec, e);
      opened.missing.push_back(spec.describe());
    }
  }
  if (shards.empty()) {
    throw ShardUnavailableError("none of the shards of " + joined_paths(dbs) + " can be reached (" +
                                joined_strings(opened.missing) +
                                "); check that xapian-tcpsrv serves them");
  }
  if (!gazetteer) opened.first = shards.front();
  return opened;
}

// Runs `run`; if the index changed under it, calls `reopen` and runs it again.
template <typename Run, typename Reopen>
auto retry_when_index_changes(const std::filesystem::path& path, Run run, Reopen reopen) {
  for (int reopens = 0;; ++reopens) {
    try {
      if (reopens > 0) reopen();
      return run();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (reopens == kMaxReopens) {
        throw InternalError("the index at '" + path.string() + "' changed " +
                            std::to_string(kMaxReopens) +
                            " times during one search; try again when indexing is done");
      }
    } catch (const Xapian::DatabaseCorruptError&) {
      // Xapian opens some tables (positions, for one) only when first needed, at the revision
      // then on disk: if a writer committed or a rebuild swapped the folder meanwhile, the table
      // does not fit the revision the rest was read at ("Expected block 5 to be level 1, not
      // 0"). Opened again, the index reads whole; one really damaged fails every time.
      if (reopens == kMaxReopens) throw;
    }
  }
}

}  // namespace

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
};

Searcher::Searcher(const std::filesystem::path& db_path)
    : Searcher(std::vector<std::filesystem::path>{db_path}) {}

Searcher::Searcher(const std::vector<std::filesystem::path>& dbs, MissingShards missing) {
  // Opening reads the metadata, which a writer may change in between too.
  const auto analyzer = std::make_shared<Analyzer>();
  state_ = retry_when_index_changes(
      dbs.empty() ? std::filesystem::path() : dbs.front(),
      [&] { return std::make_unique<State>(dbs, missing, analyzer); }, [] {});
}

Searcher::~Searcher() = default;

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

namespace {

void check_query_length(const std::string& query) {
  if (query.size() > kMaxQueryBytes) {
    throw QueryError("the query is " + std::to_string(query.size()) +
                     " bytes long, more than naviny takes (" + std::to_string(kMaxQueryBytes) +
                     "); shorten it");
  }
}

}  // namespace

SearchResults Searcher::search(const SearchRequest& request) {
  check_query_length(request.query);
  return with_retries([&] {
    SearchResults results = search_once(request);
    if (request.exact) return results;
    const std::string suggestion = state_->spelling.suggestion(request.query);
    if (suggestion.empty() || !request.auto_correct) {
      results.suggestion = suggestion;
      return results;
    }
    SearchRequest corrected = request;
    corrected.query = suggestion;
    SearchResults corrected_results = search_once(corrected);
    // Never a switch to a query that finds nothing: the suggestion was checked to find articles,
    // but a writer may have changed the index since.
    if (corrected_results.total_estimate == 0) {
      results.suggestion = suggestion;
      return results;
    }
    corrected_results.corrected_from = request.query;
    return corrected_results;
  });
}

IndexStats Searcher::stats() {
  return with_retries([&] { return stats_once(); });
}

Timeline Searcher::timeline(const std::string& query, bool exact) {
  check_query_length(query);
  return with_retries([&] { return timeline_once(query, exact); });
}

Timeline Searcher::timeline_once(const std::string& query, bool exact) {
  Xapian::Enquire enquire(state_->db);
  enquire.set_query(
      with_wildcards_expanded(state_->builder.build(query, exact), state_->db, *state_->analyzer));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Xapian's own spy, so that remote shards (xapian-tcpsrv) can run it too.
  Xapian::ValueCountMatchSpy dates(schema::kDateSlot.slot);
  enquire.add_matchspy(&dates);
  const Xapian::doccount articles = state_->db.get_doccount();
  enquire.get_mset(0, 0, articles);
  std::map<std::string, std::size_t> per_day;
  for (auto value = dates.values_begin(); value != dates.values_end(); ++value) {
    per_day[*value] = value.get_termfreq();
  }
  Timeline timeline = timeline_of(per_day);
  // The spy counts only the matches with a value; the rest are undated.
  const std::size_t matched = dates.get_total();
  timeline.undated += matched - std::min<std::size_t>(matched, timeline.dated + timeline.undated);
  timeline.query = query;
  timeline.missing_shards = state_->missing_shards;
  return timeline;
}

// Opens the index afresh by its paths, rather than Xapian::Database::reopen(), which would keep
// reading the old folder after a rebuild swapped a new one in.
void Searcher::reopen() {
  state_ = std::make_unique<State>(state_->dbs, state_->missing, state_->analyzer);
}

// A long-lived Searcher (a server, a test) sees the latest commit and the latest rebuild: the
// check costs a stat() per folder and reading Xapian's version file (a round trip per remote
// shard).
void Searcher::catch_up() {
  if (changed(state_->identities)) {
    reopen();
  } else {
    state_->db.reopen();
  }
}

SearchResults Searcher::search_once(const SearchRequest& request) {
  const Xapian::Query query = state_->builder.build(request.query, request.exact);
  Xapian::Enquire enquire(state_->db);
  enquire.set_weighting_scheme(*ranking_weight(request.ranking));
  check_expansion(request.ranking);
  // Also on one database: Xapian would match a wildcard's letters as typed, not as search forms.
  const Xapian::Query searched = with_wildcards_expanded(query, state_->db, *state_->analyzer);
  // Near-duplicates (syndicated copies) show once, the best-ranked copy standing for its group;
  // set before feedback, so that five copies of one text are not the whole relevance model.
  if (!request.all_copies) enquire.set_collapse_key(schema::kDuplicateGroupSlot.slot);
  const bool expand =
      request.ranking.expand_terms > 0 && !request.exact &&
      state_->builder.descriptive_words(request.query) >= request.ranking.expand_min_words;
  enquire.set_query(expand ? with_proximity(expanded(enquire, searched, request.ranking), searched,
                                            request.ranking)
                           : searched);
  if (request.sort == SortOrder::relevance) {
    // Ties in id order, not by document number, which depends on how articles are split over
    // shards.
    enquire.set_sort_by_relevance_then_value(schema::kSortIdSlot.slot, false);
  } else if (state_->remote) {
    // Xapian 1.4's remote protocol cannot run a KeyMaker; sorting by the date value works, but
    // puts undated articles first in oldest-first order.
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot.slot,
                                             request.sort == SortOrder::date_newest);
  } else {
    const bool newest_first = request.sort == SortOrder::date_newest;
    enquire.set_sort_by_key_then_relevance((new DateSortKey(newest_first))->release(),
                                           newest_first);
  }
  EntityFacetSpy facet_spy(state_->remote);
  if (request.facets > 0) enquire.add_matchspy(facet_spy.spy());
  MatchCounter counter(state_->remote);
  if (!request.all_copies) enquire.add_matchspy(counter.spy());
  // Facets count every match, so Xapian must look at them all.
  const Xapian::doccount articles = state_->db.get_doccount();
  const Xapian::doccount check_at_least =
      request.facets > 0 ? articles : matches_to_check(request.count_bound, articles);
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), check_at_least);
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  if (request.all_copies) {
    results.counts = MatchCounts{stated_count(mset.get_matches_lower_bound(),
                                              mset.get_matches_upper_bound(), request.count_bound),
                                 std::nullopt};
  } else {
    results.counts = counted(counter, mset, check_at_least, articles, request.count_bound);
  }
  results.total_estimate = results.counts->results().value;
  results.missing_shards = state_->missing_shards;
  Highlighter highlighter(state_->db, searched);  // with wildcards expanded, so they are marked
  std::vector<std::string> groups;  // of each hit that stands for hidden copies, else empty
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    results.hits.push_back(make_hit(match, request.snippets ? &highlighter : nullptr));
    groups.push_back(match.get_collapse_count() > 0 ? match.get_collapse_key() : std::string());
  }
  list_copies(enquire.get_query(), groups, results.hits);
  if (request.facets > 0) results.facets = facets(facet_spy, request.facets);
  return results;
}

// Fills in the ids of the near-duplicate copies each hit stands for: the other matches of its
// group, found by one more search, for the groups shown only. Their number replaces
// get_collapse_count(), a lower bound when not every match was counted.
void Searcher::list_copies(const Xapian::Query& query, const std::vector<std::string>& groups,
                           std::vector<Hit>& hits) {
  std::vector<Xapian::Query> shown_groups;
  for (const std::string& group : groups) {
    if (!group.empty()) {
      shown_groups.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDuplicateGroupSlot.slot,
                                group, group);
    }
  }
  if (shown_groups.empty()) return;
  Xapian::Enquire enquire(state_->db);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, query,
                    Xapian::Query(Xapian::Query::OP_OR, shown_groups.begin(), shown_groups.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kSortIdSlot.slot, false);
  // The shown hits' groups hold about this many (hidden_copies is a lower bound when not every
  // match was counted); asking for the whole index would make Xapian set aside room for each.
  Xapian::doccount most = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!groups[i].empty()) most += static_cast<Xapian::doccount>(hits[i].hidden_copies) + 1;
  }
  const Xapian::MSet copies = enquire.get_mset(0, std::max(most, kMaxCopiesListed));
  std::map<std::string, std::vector<std::string>> ids_by_group;
  for (auto copy = copies.begin(); copy != copies.end(); ++copy) {
    const Xapian::Document document = copy.get_document();
    ids_by_group[document.get_value(schema::kDuplicateGroupSlot.slot)].push_back(
        article_id(document));
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (groups[i].empty()) continue;
    Hit& hit = hits[i];
    for (std::string& id : ids_by_group[groups[i]]) {
      if (id != hit.id) hit.copy_ids.push_back(std::move(id));
    }
    hit.hidden_copies = hit.copy_ids.size();
  }
}

Xapian::Query Searcher::expanded(Xapian::Enquire& enquire, const Xapian::Query& query,
                                 const RankingOptions& ranking) {
  enquire.set_query(query);
  const Xapian::MSet top = enquire.get_mset(0, static_cast<Xapian::doccount>(ranking.expand_docs));
  if (top.empty()) return query;
  const double floor = ranking.expand_min_score * top.begin().get_weight();
  std::vector<std::pair<Xapian::docid, double>> articles;
  for (auto match = top.begin(); match != top.end(); ++match) {
    if (match.get_weight() >= floor) articles.emplace_back(*match, match.get_weight());
  }
  const FeedbackTerms accept(
      state_->db, static_cast<Xapian::doccount>(ranking.expand_max_df * state_->db.get_doccount()),
      query, ranking.expand_query_terms);
  std::vector<std::pair<std::string, double>> terms;  // best first
  if (ranking.expand_scheme == "rm") {
    terms = relevance_model(state_->db, articles, accept, ranking.expand_terms);
  } else {
    Xapian::RSet feedback;
    for (const auto& [docid, score] : articles) feedback.add_document(docid);
    enquire.set_expansion_scheme(ranking.expand_scheme);
    const Xapian::ESet eset = enquire.get_eset(
        static_cast<Xapian::termcount>(ranking.expand_terms), feedback,
        ranking.expand_query_terms ? Xapian::Enquire::INCLUDE_QUERY_TERMS : 0, &accept);
    for (auto term = eset.begin(); term != eset.end(); ++term) {
      terms.emplace_back(*term, term.get_weight());
    }
  }
  if (terms.empty()) return query;
  // Weights are positive for the terms returned.
  const double best = terms.front().second;
  std::vector<Xapian::Query> weighted;
  for (const auto& [term, weight] : terms) {
    weighted.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                          ranking.expand_term_weights == "eset" && best > 0 ? weight / best : 1.0);
  }
  const Xapian::Query added(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
  return Xapian::Query(Xapian::Query::OP_OR, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, added, ranking.expand_weight));
}

Hit Searcher::make_hit(const Xapian::MSetIterator& match, const Highlighter* highlighter) {
  Hit hit = hit_of(match.get_document(), *match, highlighter);
  hit.rank = static_cast<std::size_t>(match.get_rank()) + 1;  // get_rank counts the offset
  hit.hidden_copies = match.get_collapse_count();
  hit.score = match.get_weight();
  return hit;
}

Hit Searcher::hit_of(const Xapian::Document& document, Xapian::docid docid,
                     const Highlighter* highlighter) {
  const nlohmann::json data = nlohmann::json::parse(document.get_data());
  Hit hit;
  hit.id = text_field(data, "id");
  hit.title = text_field(data, "title");
  hit.date = text_field(data, "date");
  hit.source = text_field(data, "source");
  hit.lang = text_field(data, "lang");
  hit.url = text_field(data, "url");
  if (highlighter != nullptr) hit.snippet = highlighter->snippet(docid, text_field(data, "body"));
  if (const auto entities = data.find("entities"); entities != data.end()) {
    for (const auto& entity : *entities) {
      hit.entities.push_back(
          entity_ref(entity.value("id", ""), entity.value("mentions", std::size_t{0})));
    }
  }
  return hit;
}

SearchResults Searcher::similar(const std::string& id, std::size_t limit) {
  return with_retries([&] { return similar_once(id, limit); });
}

namespace {

// Entities count this many times a word: they are the same terms in every language, so they carry
// the likeness from an article in one language to the same story in another.
constexpr double kSimilarEntityWeight = 10.0;
// Shared words shown per similar article.
constexpr std::size_t kSharedWordsShown = 8;

// The words relevance feedback may pick for `naviny similar`: shared search forms, not function
// words (stopwords.h).
class SimilarWords : public Xapian::ExpandDecider {
 public:
  SimilarWords(const Xapian::Database& db, std::unordered_set<std::string> stopwords)
      : shared_(db), stopwords_(std::move(stopwords)) {}
  bool operator()(const std::string& term) const override {
    return shared_(term) && !stopwords_.contains(term);
  }

 private:
  SharedSearchTerms shared_;
  std::unordered_set<std::string> stopwords_;
};

// The entity terms of `document` that some other article has too.
std::vector<std::string> shared_entity_terms(const Xapian::Database& db,
                                             const Xapian::Document& document) {
  const std::string prefix(schema::kEntity.prefix);
  std::vector<std::string> terms;
  Xapian::TermIterator term = document.termlist_begin();
  for (term.skip_to(prefix); term != document.termlist_end(); ++term) {
    const std::string name = *term;
    if (!name.starts_with(prefix)) break;
    if (db.get_termfreq(name) > 1) terms.push_back(name);
  }
  return terms;
}

// The first surface form (case-folded) in `text` of each search form of `terms`, in the order of
// `terms`: a reader sees "забастовки", not the index's romanized stem.
std::vector<std::string> written_forms(Analyzer& analyzer, std::string_view text,
                                       const std::vector<std::string>& terms) {
  std::unordered_map<std::string, std::string> found;
  for (const std::string& term : terms) found.emplace(term, std::string());
  std::size_t missing = terms.size();
  analyzer.analyze_text(text, [&](const Token&, const WordForms& word) {
    if (missing == 0) return;
    const auto entry = found.find(word.search);
    if (entry != found.end() && entry->second.empty()) {
      entry->second = word.exact;
      --missing;
    }
  });
  std::vector<std::string> forms;
  for (const std::string& term : terms) {
    if (!found[term].empty()) forms.push_back(found[term]);
  }
  return forms;
}

}  // namespace

SearchResults Searcher::similar_once(const std::string& id, std::size_t limit) {
  const Xapian::Database& db = state_->db;
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator source = db.postlist_begin(id_term);
  if (source == db.postlist_end(id_term)) {
    throw NotFoundError("no article with id '" + id + "' in the index at '" +
                        joined_paths(state_->dbs) +
                        "'; search results show each article's id under its title");
  }
  Xapian::RSet relevant;
  relevant.add_document(*source);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*ranking_weight());
  const SimilarWords similar_words(db, stopword_search_forms(*state_->analyzer));
  const Xapian::ESet words = enquire.get_eset(kSimilarTerms, relevant, &similar_words);
  const std::vector<std::string> entities = shared_entity_terms(db, db.get_document(*source));
  SearchResults results;
  results.query = "similar to " + id;
  if (words.empty() && entities.empty()) return results;
  const Xapian::Query words_query(Xapian::Query::OP_ELITE_SET, words.begin(), words.end(),
                                  kSimilarTerms);
  const Xapian::Query entities_query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, entities.begin(), entities.end()), kSimilarEntityWeight);
  const Xapian::Query query(Xapian::Query::OP_AND_NOT,
                            Xapian::Query(Xapian::Query::OP_OR, words_query, entities_query),
                            Xapian::Query(id_term));
  enquire.set_query(query);
  enquire.set_sort_by_relevance_then_value(schema::kSortIdSlot.slot, false);
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  results.total_estimate = mset.get_matches_estimated();
  results.missing_shards = state_->missing_shards;
  // Entities too: an article in another language often shares only those with the source.
  Highlighter highlighter(state_->db,
                          Xapian::Query(Xapian::Query::OP_OR, words_query, entities_query));
  const Hit source_hit = hit_of(db.get_document(*source), *source, nullptr);
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    Hit hit = make_hit(match, &highlighter);
    for (const EntityRef& entity : hit.entities) {
      for (const EntityRef& mine : source_hit.entities) {
        if (mine.id == entity.id) hit.shared_entities.push_back(entity);
      }
    }
    // The words the two share, best describing the source first (the ESet's order).
    const Xapian::Document document = match.get_document();
    std::vector<std::string> shared_terms;
    for (auto word = words.begin(); word != words.end(); ++word) {
      Xapian::TermIterator found = document.termlist_begin();
      found.skip_to(*word);
      if (found != document.termlist_end() && *found == *word) shared_terms.push_back(*word);
      if (shared_terms.size() == kSharedWordsShown) break;
    }
    const nlohmann::json data = nlohmann::json::parse(document.get_data());
    hit.shared_words =
        written_forms(*state_->analyzer,
                      text_field(data, "title") + "\n" + text_field(data, "body"), shared_terms);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

StoredArticle Searcher::article(const std::string& id) {
  return with_retries([&] { return article_once(id); });
}

StoredArticle Searcher::article_once(const std::string& id) {
  const Xapian::Database& db = state_->db;
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator found = db.postlist_begin(id_term);
  if (found == db.postlist_end(id_term)) {
    throw NotFoundError("no article with id '" + id + "' in the index at '" +
                        joined_paths(state_->dbs) +
                        "'; search results show each article's id under its title");
  }
  const Xapian::Document document = db.get_document(*found);
  const Hit stored = hit_of(document, *found, nullptr);
  StoredArticle article{.id = stored.id,
                        .title = stored.title,
                        .date = stored.date,
                        .source = stored.source,
                        .lang = stored.lang,
                        .url = stored.url,
                        .body = text_field(nlohmann::json::parse(document.get_data()), "body"),
                        .entities = stored.entities,
                        .mentions = {},
                        .copy_ids = {}};
  for (const TextMention& mention :
       entities_in_text(article.body, state_->gazetteer->get(), *state_->analyzer)) {
    if (mention.entity) {
      article.mentions.push_back({mention.begin, mention.end, entity_ref(mention.entity->id, 0)});
    }
  }
  const std::string added_term = schema::added_origin_term();
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(added_term);
  article.added = term != document.termlist_end() && *term == added_term;
  const std::string group = document.get_value(schema::kDuplicateGroupSlot.slot);
  if (!group.empty()) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDuplicateGroupSlot.slot,
                                    group, group));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSortIdSlot.slot, false);
    const Xapian::MSet members = enquire.get_mset(0, kMaxCopiesListed);
    for (auto member = members.begin(); member != members.end(); ++member) {
      if (*member != *found) article.copy_ids.push_back(article_id(member.get_document()));
    }
  }
  return article;
}

EntityRef Searcher::entity_ref(const std::string& id, std::size_t count) {
  const EntityLabel* label = state_->gazetteer->label(id);
  if (label == nullptr) return {id, "", id, count};
  return {id, std::string(type_name(label->type)), label->name, count};
}

std::vector<std::pair<std::string, std::vector<EntityRef>>> Searcher::facets(
    const EntityFacetSpy& spy, std::size_t per_type) {
  std::vector<std::pair<std::string, std::vector<EntityRef>>> facets;
  for (const EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
    std::vector<EntityRef> refs;
    for (const auto& [id, count] : spy.counts()) {
      EntityRef ref = entity_ref(id, count);
      if (ref.type == type_name(type)) refs.push_back(std::move(ref));
    }
    sort_by_count(refs);
    if (refs.size() > per_type) refs.resize(per_type);
    facets.emplace_back(std::string(type_name(type)), std::move(refs));
  }
  return facets;
}

EntityListing Searcher::entities(const std::string& type, const std::string& pattern) {
  const Gazetteer& gazetteer = state_->gazetteer->get();
  std::set<std::size_t> matching;
  const std::string folded = ascii_lower(pattern);
  for (std::size_t i = 0; i < gazetteer.entities().size(); ++i) {
    const Entity& entity = gazetteer.entities()[i];
    if (!type.empty() && type_name(entity.type) != type) continue;
    if (folded.empty() || ascii_lower(entity.name).find(folded) != std::string::npos ||
        entity.id.find(folded) != std::string::npos) {
      matching.insert(i);
    }
  }
  if (!pattern.empty()) {
    for (const std::size_t i : gazetteer.resolve(pattern, parse_type(type), *state_->analyzer)) {
      matching.insert(i);
    }
    for (const std::size_t i :
         state_->gazetteer->entities_named_by_name(pattern, parse_type(type))) {
      matching.insert(i);
    }
  }
  EntityListing listing;
  for (const std::size_t i : matching) {
    const Entity& entity = gazetteer.entities()[i];
    listing.entities.push_back(
        {entity.id, std::string(type_name(entity.type)), entity.name,
         state_->db.get_termfreq(std::string(schema::kEntity.prefix) + entity.id)});
  }
  sort_by_count(listing.entities);
  return listing;
}

IndexStats Searcher::stats_once() {
  IndexStats stats;
  const Xapian::Database& db = state_->db;
  stats.path = joined_paths(state_->dbs);
  stats.shards = state_->specs.size();
  stats.articles = db.get_doccount();
  // Over several shards Xapian merges the term lists, so a term in two shards counts once.
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) ++stats.distinct_terms;
  stats.term_occurrences = db.get_total_length();
  for (const ShardSpec& spec : state_->specs) {
    if (spec.remote()) {
      ++stats.remote_shards;
    } else {
      stats.size_bytes += folder_size(spec.path);
    }
  }
  // The combined database answers metadata with the first shard's; every shard has its own.
  for (const Xapian::Database& shard : state_->shards) {
    stats.last_update =
        std::max(stats.last_update, shard.get_metadata(std::string(schema::kMetaLastUpdate)));
  }
  stats.schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  stats.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
  return stats;
}

}  // namespace naviny
