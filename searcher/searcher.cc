#include "searcher/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/analyzer.h"
#include "common/article_data.h"
#include "common/errors.h"
#include "common/hash.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/shards.h"
#include "common/text.h"
#include "searcher/article_table.h"
#include "searcher/entity_filter.h"
#include "searcher/highlighter.h"
#include "searcher/match_counter.h"
#include "searcher/query_builder.h"
#include "searcher/query_rewrite.h"
#include "searcher/relevance_model.h"
#include "searcher/searcher_state.h"
#include "searcher/shard_opening.h"
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

// Longer queries are refused: the cost of parsing (and of finding where a query stops parsing)
// grows faster than its length, and no one types this much.
constexpr std::size_t kMaxQueryBytes = 4096;

}  // namespace

std::unique_ptr<Xapian::Weight> ranking_weight(const RankingOptions& ranking) {
  const double c = ranking.dfr_c;
  switch (ranking.weighting) {
    case Weighting::bm25:
      return std::make_unique<Xapian::BM25Weight>(ranking.bm25_k1, 0.0, 1.0, ranking.bm25_b,
                                                  ranking.bm25_min_normlen);
    case Weighting::bm25_plus:
      return std::make_unique<Xapian::BM25PlusWeight>(ranking.bm25_k1, 0.0, 1.0, ranking.bm25_b,
                                                      ranking.bm25_min_normlen, 1.0);
    case Weighting::pl2:
      return std::make_unique<Xapian::PL2Weight>(c);
    case Weighting::inl2:
      return std::make_unique<Xapian::InL2Weight>(c);
    case Weighting::ifb2:
      return std::make_unique<Xapian::IfB2Weight>(c);
    case Weighting::ineb2:
      return std::make_unique<Xapian::IneB2Weight>(c);
    case Weighting::dph:
      return std::make_unique<Xapian::DPHWeight>();
    case Weighting::dlh:
      return std::make_unique<Xapian::DLHWeight>();
  }
  throw InternalError("no weighting scheme " + std::to_string(static_cast<int>(ranking.weighting)));
}

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
  } else if (state_->db.reopen()) {
    state_->article_table_read.reset();
  }
}

SearchResults Searcher::search_once(const SearchRequest& request) {
  const Xapian::Query query = state_->builder.build(request.query, request.exact);
  Xapian::Enquire enquire(state_->db);
  enquire.set_weighting_scheme(*ranking_weight(request.ranking));
  // Also on one database: Xapian would match a wildcard's letters as typed, not as search forms.
  const Xapian::Query searched = ranked_by_mentions_if_filters_only(
      with_wildcards_expanded(query, state_->db, *state_->analyzer));
  // Near-duplicates (syndicated copies) show once, the best-ranked copy standing for its group;
  // set before feedback, so that five copies of one text are not the whole relevance model.
  if (!request.all_copies) enquire.set_collapse_key(schema::kDuplicateGroupSlot.slot);
  const bool expand =
      request.ranking.expand_terms > 0 && !request.exact &&
      state_->builder.descriptive_words(request.query) >= request.ranking.expand_min_words;
  enquire.set_query(expand ? with_proximity(state_->expanded(enquire, searched, request.ranking),
                                            searched, request.ranking)
                           : searched);
  // The articles the query matches, found more cheaply where feedback only reorders them.
  const Xapian::Query matching =
      expand && request.ranking.expand_adds_matches ? enquire.get_query() : searched;
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
  // Facets count every match. Locally a second pass, without weights or collapsing, tallies them
  // from the article table, and the page's search stops early; over remote shards Xapian must
  // look at every match of the page's search, with spies xapian-tcpsrv knows.
  const bool tallied = request.facets > 0 && state_->can_tally();
  EntityFacetSpy facet_spy(state_->remote);
  if (request.facets > 0 && !tallied) enquire.add_matchspy(facet_spy.spy());
  MatchCounter counter(state_->remote);
  if (!request.all_copies && !tallied) enquire.add_matchspy(counter.spy());
  const Xapian::doccount articles = state_->db.get_doccount();
  const Xapian::doccount check_at_least =
      tallied ? 0
              : (request.facets > 0 ? articles : matches_to_check(request.count_bound, articles));
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), check_at_least);
  std::optional<TableTally> tally;
  if (tallied) {
    tally.emplace(state_->article_table());
    tally->count(state_->shards, matching);
  }
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  if (tally) {
    results.counts = MatchCounts{
        {tally->articles(), true},
        request.all_copies ? std::nullopt
                           : std::optional<MatchCount>(MatchCount{tally->stories(), true})};
  } else if (request.all_copies) {
    results.counts = MatchCounts{stated_count(mset.get_matches_lower_bound(),
                                              mset.get_matches_upper_bound(), request.count_bound),
                                 std::nullopt};
  } else {
    results.counts = counted(counter, mset, check_at_least, articles, request.count_bound);
  }
  results.total_estimate = results.counts->results().value;
  results.missing_shards = state_->missing_shards;
  // With wildcards expanded, so they are marked.
  Highlighter highlighter(state_->db, searched, *state_->analyzer, request.exact);
  std::vector<std::string> groups;  // of each hit that stands for hidden copies, else empty
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    Hit& hit = results.hits.emplace_back(
        state_->make_hit(match, request.snippets ? &highlighter : nullptr));
    // The page's search stopped early, so its collapse counts may fall short.
    if (tally && !request.all_copies) hit.hidden_copies = tally->other_copies(*match);
    groups.push_back(hit.hidden_copies > 0
                         ? match.get_document().get_value(schema::kDuplicateGroupSlot.slot)
                         : std::string());
  }
  state_->list_copies(matching, groups, results.hits);
  if (request.facets > 0) {
    results.facets = facets(tally ? tally->entity_counts() : facet_spy.counts(), request.facets);
  }
  return results;
}

// Fills in the ids of the near-duplicate copies each hit stands for: the other matches of its
// group, found by one more search, for the groups shown only. Their number replaces
// get_collapse_count(), a lower bound when not every match was counted.
void Searcher::State::list_copies(const Xapian::Query& query,
                                  const std::vector<std::string>& groups, std::vector<Hit>& hits) {
  std::vector<Xapian::Query> shown_groups;
  for (const std::string& group : groups) {
    if (!group.empty()) {
      shown_groups.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDuplicateGroupSlot.slot,
                                group, group);
    }
  }
  if (shown_groups.empty()) return;
  Xapian::Enquire enquire(db);
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

Xapian::Query Searcher::State::expanded(Xapian::Enquire& enquire, const Xapian::Query& query,
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
      db, static_cast<Xapian::doccount>(ranking.expand_max_df * db.get_doccount()), query,
      ranking.expand_query_terms);
  std::vector<std::pair<std::string, double>> terms;  // best first
  if (ranking.expand_scheme == ExpansionScheme::rm) {
    terms = relevance_model(db, articles, accept, ranking.expand_terms);
  } else {
    Xapian::RSet feedback;
    for (const auto& [docid, score] : articles) feedback.add_document(docid);
    enquire.set_expansion_scheme(std::string(name_of(kExpansionSchemes, ranking.expand_scheme)));
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
                          ranking.expand_term_weights == ExpansionTermWeights::eset && best > 0
                              ? weight / best
                              : 1.0);
  }
  const Xapian::Query added(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
  return Xapian::Query(
      ranking.expand_adds_matches ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, added, ranking.expand_weight));
}

Hit Searcher::State::make_hit(const Xapian::MSetIterator& match, const Highlighter* highlighter) {
  Hit hit = hit_of(match.get_document(), *match, highlighter);
  hit.rank = static_cast<std::size_t>(match.get_rank()) + 1;  // get_rank counts the offset
  hit.hidden_copies = match.get_collapse_count();
  hit.score = match.get_weight();
  return hit;
}

Hit Searcher::State::hit_of(const Xapian::Document& document, Xapian::docid docid,
                            const Highlighter* highlighter) {
  ArticleData data = decode_article_data(document.get_data());
  Hit hit;
  hit.id = std::move(data.id);
  hit.title = std::move(data.title);
  hit.date = std::move(data.date);
  hit.source = std::move(data.source);
  hit.lang = std::move(data.lang);
  hit.url = std::move(data.url);
  if (highlighter != nullptr) hit.snippet = highlighter->snippet(docid, data.body);
  for (const ArticleData::Mentioned& entity : data.entities) {
    hit.entities.push_back(entity_ref(entity.id, entity.mentions));
  }
  return hit;
}

}  // namespace naviny
