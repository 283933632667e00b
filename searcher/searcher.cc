#include "searcher/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "analyzers/analyzer.h"
#include "common/errors.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "searcher/entity_filter.h"
#include "searcher/highlighter.h"
#include "searcher/query_builder.h"

namespace naviny {
namespace {

// BM25 parameters: k1, k2, k3, b, min_normlen (see bench/README.md for how they were chosen).
Xapian::BM25Weight ranking_weight() {
  return Xapian::BM25Weight(1.2, 0.0, 1.0, 0.5, 0.5);
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

void sort_by_count(std::vector<EntityRef>& refs) {
  std::stable_sort(refs.begin(), refs.end(),
                   [](const EntityRef& a, const EntityRef& b) { return a.count > b.count; });
}

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// A writer that commits twice during a search discards the revision the search reads; a rebuild
// swaps another folder in. Either way the index is whole again at once, so reopen and retry,
// but not forever: a writer committing faster than we can search would starve us.
constexpr int kMaxReopens = 10;

// Longer queries are refused: the cost of parsing (and of finding where a query stops parsing)
// grows faster than its length, and no one types this much.
constexpr std::size_t kMaxQueryBytes = 4096;

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
    }
  }
}

}  // namespace

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

struct Searcher::State {
  State(const std::filesystem::path& db_path, std::shared_ptr<Analyzer> shared_analyzer)
      : path(db_path),
        folder(identity_of(db_path)),
        analyzer(std::move(shared_analyzer)),
        db(open_index_for_reading(path, analyzer->fingerprint())),
        gazetteer(std::make_shared<IndexGazetteer>(db, analyzer)),
        builder(db, analyzer, gazetteer) {}

  std::filesystem::path path;
  std::optional<FolderIdentity> folder;  // taken before opening: a swap in between is seen later
  std::shared_ptr<Analyzer> analyzer;
  Xapian::Database db;
  std::shared_ptr<IndexGazetteer> gazetteer;
  QueryBuilder builder;
};

Searcher::Searcher(const std::filesystem::path& db_path) {
  // Opening reads the metadata, which a writer may change in between too.
  const auto analyzer = std::make_shared<Analyzer>();
  state_ = retry_when_index_changes(
      db_path, [&] { return std::make_unique<State>(db_path, analyzer); }, [] {});
}

Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& request) {
  if (request.query.size() > kMaxQueryBytes) {
    throw QueryError("the query is " + std::to_string(request.query.size()) +
                     " bytes long, more than naviny takes (" + std::to_string(kMaxQueryBytes) +
                     "); shorten it");
  }
  return retry_when_index_changes(
      state_->path,
      [&] {
        catch_up();
        return search_once(request);
      },
      [&] { reopen(); });
}

IndexStats Searcher::stats() {
  return retry_when_index_changes(
      state_->path,
      [&] {
        catch_up();
        return stats_once();
      },
      [&] { reopen(); });
}

// Opens the index afresh by its path, rather than Xapian::Database::reopen(), which would keep
// reading the old folder after a rebuild swapped a new one in.
void Searcher::reopen() {
  state_ = std::make_unique<State>(state_->path, state_->analyzer);
}

// A long-lived Searcher (a server, a test) sees the latest commit and the latest rebuild: the
// check costs a stat() and reading Xapian's version file.
void Searcher::catch_up() {
  if (identity_of(state_->path) != state_->folder) {
    reopen();
  } else {
    state_->db.reopen();
  }
}

SearchResults Searcher::search_once(const SearchRequest& request) {
  const Xapian::Query query = state_->builder.build(request.query, request.exact);
  Xapian::Enquire enquire(state_->db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(ranking_weight());
  EntityFacetSpy facet_spy;
  if (request.facets > 0) enquire.add_matchspy(&facet_spy);
  // Facets count every match, so Xapian must look at them all.
  const Xapian::doccount check_at_least = request.facets > 0 ? state_->db.get_doccount() : 0;
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), check_at_least);
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  results.total_estimate = mset.get_matches_estimated();
  Highlighter highlighter(query, *state_->analyzer);
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    const nlohmann::json data = nlohmann::json::parse(match.get_document().get_data());
    Hit hit;
    hit.rank = static_cast<std::size_t>(match.get_rank()) + 1;  // get_rank counts the offset
    hit.id = text_field(data, "id");
    hit.title = text_field(data, "title");
    hit.date = text_field(data, "date");
    hit.score = match.get_weight();
    if (request.snippets) hit.snippet = highlighter.snippet(text_field(data, "body"));
    if (const auto entities = data.find("entities"); entities != data.end()) {
      for (const auto& entity : *entities) {
        hit.entities.push_back(
            entity_ref(entity.value("id", ""), entity.value("mentions", std::size_t{0})));
      }
    }
    results.hits.push_back(std::move(hit));
  }
  if (request.facets > 0) results.facets = facets(facet_spy, request.facets);
  return results;
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
  stats.path = state_->path;
  stats.articles = db.get_doccount();
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) ++stats.distinct_terms;
  stats.term_occurrences = db.get_total_length();
  stats.size_bytes = folder_size(state_->path);
  stats.last_update = db.get_metadata(std::string(schema::kMetaLastUpdate));
  stats.schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  stats.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
  return stats;
}

}  // namespace naviny
