#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/entity_recognizer.h"
#include "common/article_data.h"
#include "common/errors.h"
#include "common/index_access.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/searcher.h"
#include "searcher/searcher_state.h"

namespace naviny {

// The id of a stored article: the sort-id value, or, in an index written before there was one,
// its document data.
std::string article_id(const Xapian::Document& document) {
  std::string id = document.get_value(schema::kSortIdSlot.slot);
  if (id.empty()) id = decode_article_data(document.get_data()).id;
  return id;
}

void sort_by_count(std::vector<EntityRef>& refs) {
  std::stable_sort(refs.begin(), refs.end(),
                   [](const EntityRef& a, const EntityRef& b) { return a.count > b.count; });
}

IndexStats Searcher::stats() {
  return with_retries([&] { return stats_once(); });
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
  ArticleData stored = decode_article_data(document.get_data());
  StoredArticle article{.id = std::move(stored.id),
                        .title = std::move(stored.title),
                        .date = std::move(stored.date),
                        .source = std::move(stored.source),
                        .lang = std::move(stored.lang),
                        .url = std::move(stored.url),
                        .body = std::move(stored.body),
                        .entities = {},
                        .mentions = {},
                        .copy_ids = {}};
  for (const ArticleData::Mentioned& entity : stored.entities) {
    article.entities.push_back(state_->entity_ref(entity.id, entity.mentions));
  }
  for (const TextMention& mention :
       entities_in_text(article.body, state_->gazetteer->get(), *state_->analyzer)) {
    if (mention.entity) {
      article.mentions.push_back(
          {mention.begin, mention.end, state_->entity_ref(mention.entity->id, 0)});
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

EntityRef Searcher::State::entity_ref(const std::string& id, std::size_t count) {
  const EntityLabel* label = gazetteer->label(id);
  if (label == nullptr) return {id, "", id, count};
  return {id, std::string(type_name(label->type)), label->name, count};
}

std::vector<std::pair<std::string, std::vector<EntityRef>>> Searcher::facets(
    const std::map<std::string, std::size_t>& counts, std::size_t per_type) {
  std::vector<std::pair<std::string, std::vector<EntityRef>>> facets;
  for (const EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
    std::vector<EntityRef> refs;
    for (const auto& [id, count] : counts) {
      EntityRef ref = state_->entity_ref(id, count);
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
  stats.compacted = true;
  for (const Xapian::Database& shard : state_->shards) {
    stats.compacted =
        stats.compacted && !shard.get_metadata(std::string(schema::kMetaCompacted)).empty();
    stats.last_update =
        std::max(stats.last_update, shard.get_metadata(std::string(schema::kMetaLastUpdate)));
  }
  stats.schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  stats.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
  return stats;
}

}  // namespace naviny
