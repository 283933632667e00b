#include "searcher/render.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace naviny {
namespace {

constexpr std::string_view kMarker = "**";
constexpr std::string_view kAnsiHighlight = "\x1b[1;33m";
constexpr std::string_view kAnsiBold = "\x1b[1m";
constexpr std::string_view kAnsiReset = "\x1b[0m";

// Control characters (ESC above all) from a query or an article would act on the terminal;
// in text output each becomes a space. Byte offsets stay valid, since each is one byte.
std::string printable(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return text;
}

std::string marked(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    out.append(snippet.text, copied, begin - copied);
    out.append(open).append(snippet.text, begin, end - begin).append(close);
    copied = end;
  }
  out.append(snippet.text, copied);
  return out;
}

// Entities shown under each hit in text output; --json has them all.
constexpr std::size_t kHitEntities = 6;

std::string entity_list(const std::vector<EntityRef>& entities, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < entities.size() && i < limit; ++i) {
    out += (i == 0 ? "" : ", ") + entities[i].name + " (" + std::to_string(entities[i].count) + ")";
  }
  if (entities.empty()) out = "none";
  if (entities.size() > limit) out += ", …";
  return out;
}

std::string facet_label(const std::string& type) {
  if (type == "person") return "people:        ";
  if (type == "org") return "organisations: ";
  return "places:        ";
}

nlohmann::ordered_json entity_json(const std::vector<EntityRef>& entities, const char* count_name) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const EntityRef& entity : entities) {
    list.push_back({{"id", entity.id},
                    {"type", entity.type},
                    {"name", entity.name},
                    {count_name, entity.count}});
  }
  return list;
}

std::string printable_snippet(Snippet snippet, bool ansi) {
  snippet.text = printable(std::move(snippet.text));
  return ansi ? marked(snippet, kAnsiHighlight, kAnsiReset) : marked(snippet, kMarker, kMarker);
}

std::string format_score(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

std::string human_size(std::uintmax_t bytes) {
  char buffer[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", static_cast<double>(bytes) / (1 << 10));
  }
  return buffer;
}

std::string dump(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

// "partial results: shard remote 10.0.0.2:33333 could not be reached, its articles are missing"
std::string partial_line(const std::vector<std::string>& missing) {
  std::string shards;
  for (const std::string& shard : missing) shards += (shards.empty() ? "" : ", ") + shard;
  return "partial results: " + std::string(missing.size() == 1 ? "shard " : "shards ") +
         printable(shards) + " could not be reached; " + (missing.size() == 1 ? "its" : "their") +
         " articles are missing\n";
}

std::string render_text(const SearchResults& results, Highlight highlight) {
  std::string out;
  const std::string query = printable(results.query);
  if (!results.corrected_from.empty()) {
    out += "showing results for '" + query + "' instead of '" + printable(results.corrected_from) +
           "'\n";
  }
  if (!results.suggestion.empty()) {
    out += "did you mean: " + printable(results.suggestion) + "\n";
  }
  if (results.partial()) out += partial_line(results.missing_shards);
  if (results.total_estimate == 0) return out + "no results for '" + query + "'\n";
  out += "about " + std::to_string(results.total_estimate) + " results for '" + query +
         "'; showing " +
         (results.hits.empty() ? "none at offset " + std::to_string(results.offset)
                               : std::to_string(results.hits.front().rank) + "-" +
                                     std::to_string(results.hits.back().rank)) +
         "\n";
  const bool ansi = highlight == Highlight::ansi;
  for (const Hit& hit : results.hits) {
    out += "\n" + std::to_string(hit.rank) + ". ";
    if (ansi) out += kAnsiBold;
    out += printable(hit.title);
    if (ansi) out += kAnsiReset;
    out += "\n   " + printable(hit.id);
    if (!hit.date.empty()) out += "  " + hit.date;
    out += "  score " + format_score(hit.score) + "\n";
    if (!hit.snippet.text.empty()) {
      out += "   " + printable_snippet(hit.snippet, ansi) + "\n";
    }
    if (hit.hidden_copies > 0) {
      out += "   and " + std::to_string(hit.hidden_copies) + " near-duplicate cop" +
             (hit.hidden_copies == 1 ? "y" : "ies") + " (--all-copies shows them)\n";
    }
    if (!hit.shared_entities.empty()) {
      out += "   shares: " + entity_list(hit.shared_entities, kHitEntities) + "\n";
    }
    if (!hit.shared_words.empty()) {
      std::string words;
      for (const std::string& word : hit.shared_words) words += (words.empty() ? "" : ", ") + word;
      out += "   shared words: " + printable(words) + "\n";
    }
    if (!hit.entities.empty()) {
      out += "   mentions: " + entity_list(hit.entities, kHitEntities) + "\n";
    }
  }
  for (const auto& [type, entities] : results.facets) {
    if (type == results.facets.front().first) out += "\nin all matching articles:\n";
    out += "  " + facet_label(type) + entity_list(entities, entities.size()) + "\n";
  }
  return out;
}

std::string render_json(const SearchResults& results) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const Hit& hit : results.hits) {
    nlohmann::ordered_json entry{{"rank", hit.rank},
                                 {"id", hit.id},
                                 {"title", hit.title},
                                 {"score", hit.score},
                                 {"snippet", marked(hit.snippet, kMarker, kMarker)}};
    if (!hit.date.empty()) entry["date"] = hit.date;
    entry["entities"] = entity_json(hit.entities, "mentions");
    if (hit.hidden_copies > 0) entry["hidden_copies"] = hit.hidden_copies;
    if (!hit.shared_entities.empty()) {
      entry["shared_entities"] = entity_json(hit.shared_entities, "mentions");
    }
    if (!hit.shared_words.empty()) entry["shared_words"] = hit.shared_words;
    hits.push_back(std::move(entry));
  }
  nlohmann::ordered_json out{{"query", results.query},
                             {"total", results.total_estimate},
                             {"offset", results.offset},
                             {"partial", results.partial()},
                             {"missing_shards", results.missing_shards},
                             {"hits", std::move(hits)}};
  if (!results.suggestion.empty()) out["suggestion"] = results.suggestion;
  if (!results.corrected_from.empty()) out["corrected_from"] = results.corrected_from;
  if (!results.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const auto& [type, entities] : results.facets) {
      facets[type] = entity_json(entities, "articles");
    }
    out["facets"] = std::move(facets);
  }
  return dump(out);
}

std::string render_text(const IndexStats& stats) {
  std::string shards;
  if (stats.shards > 1) {
    shards = "shards:           " + std::to_string(stats.shards) +
             (stats.remote_shards > 0 ? " (" + std::to_string(stats.remote_shards) +
                                            " remote, not counted in the size on disk)"
                                      : "") +
             "\n";
  }
  return "index:            " + stats.path.string() + "\n" + shards +
         "articles:         " + std::to_string(stats.articles) + "\n" +
         "distinct terms:   " + std::to_string(stats.distinct_terms) + "\n" +
         "term occurrences: " + std::to_string(stats.term_occurrences) + "\n" +
         "size on disk:     " + human_size(stats.size_bytes) + "\n" +
         "last update:      " + stats.last_update + "\n" +
         "schema version:   " + stats.schema_version + "\n" +
         "analyzer:         " + stats.analyzer + "\n";
}

std::string render_json(const IndexStats& stats) {
  return dump({{"path", stats.path.string()},
               {"shards", stats.shards},
               {"remote_shards", stats.remote_shards},
               {"articles", stats.articles},
               {"distinct_terms", stats.distinct_terms},
               {"term_occurrences", stats.term_occurrences},
               {"size_bytes", stats.size_bytes},
               {"last_update", stats.last_update},
               {"schema_version", stats.schema_version},
               {"analyzer", stats.analyzer}});
}

namespace {

std::vector<std::string> name_keys_of(const WordForms& forms) {
  std::vector<std::string> keys;
  if (!forms.key.empty()) keys.push_back(forms.key);
  if (!forms.alt_key.empty()) keys.push_back(forms.alt_key);
  return keys;
}

}  // namespace

std::string render_text(const std::vector<AnalyzedWord>& words) {
  std::string out;
  for (const AnalyzedWord& word : words) {
    out += word.token.word + "\texact " + word.forms.exact + "\tsearch " + word.forms.search;
    const std::vector<std::string> keys = name_keys_of(word.forms);
    if (!keys.empty()) {
      out += "\tname keys";
      for (const std::string& key : keys) out += " " + key;
      if (!word.name_like) out += " (query only: not written as a name here)";
    }
    out += "\n";
  }
  return out;
}

std::string render_json(const std::vector<AnalyzedWord>& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const AnalyzedWord& word : words) {
    out.push_back({{"word", word.token.word},
                   {"exact", word.forms.exact},
                   {"search", word.forms.search},
                   {"name_keys", name_keys_of(word.forms)},
                   {"name_like", word.name_like}});
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_text(const EntityListing& listing) {
  std::string out;
  for (const EntityRef& entity : listing.entities) {
    char count[16];
    std::snprintf(count, sizeof count, "%6zu", entity.count);
    out += std::string(count) + "  " + entity.type + std::string(7 - entity.type.size(), ' ') +
           entity.id + "  " + entity.name + "\n";
  }
  if (listing.entities.empty()) out = "no entities match\n";
  return out;
}

std::string render_json(const EntityListing& listing) {
  return dump(entity_json(listing.entities, "articles"));
}

std::string render_text(const std::vector<TextMention>& mentions) {
  std::string out;
  for (const TextMention& mention : mentions) {
    out += mention.words + "\t";
    out += mention.entity ? std::string(type_name(mention.entity->type)) + " " +
                                mention.entity->id + " (" + mention.entity->name + ")"
                          : std::string(
                                "unresolved: several entities, or a short form without a "
                                "full mention");
    out += "\n";
  }
  if (mentions.empty()) out += "no entities found\n";
  return out;
}

std::string render_json(const std::vector<TextMention>& mentions) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const TextMention& mention : mentions) {
    nlohmann::ordered_json shown{
        {"words", mention.words}, {"id", nullptr}, {"type", nullptr}, {"name", nullptr}};
    if (mention.entity) {
      shown["id"] = mention.entity->id;
      shown["type"] = type_name(mention.entity->type);
      shown["name"] = mention.entity->name;
    }
    out.push_back(std::move(shown));
  }
  return dump(out);
}

}  // namespace naviny
