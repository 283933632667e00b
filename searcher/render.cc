#include "searcher/render.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/text.h"

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

// An article's text for a terminal: its line breaks and tabs kept, other control characters
// made spaces.
std::string printable_text(std::string text) {
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) c = ' ';
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

std::string dump(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// Titles longer than this many characters are cut in text output (JSON and tables have them
// whole): a tenth of real titles are longer, some a whole paragraph the source ran together.
constexpr std::size_t kTitleWidth = 96;

bool is_combining_mark(UChar32 c) {
  const std::int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

// `text` cut to at most `width` characters, between words if one ends in the last fifth, with an
// ellipsis. Characters are code points with the combining marks that follow them, so a cut never
// splits a letter from its accent or a UTF-8 sequence.
std::string shortened(const std::string& text, std::size_t width) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t offset = 0;
  std::int32_t cut = 0;        // where the first width - 1 characters end
  std::int32_t word_end = -1;  // the last space before `cut`, if late enough
  std::size_t characters = 0;
  while (offset < length) {
    const std::int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c >= 0 && is_combining_mark(c)) continue;  // belongs to the character before
    if (++characters == width) cut = start;
    if (characters > width) break;
    if (characters < width && c == ' ' && characters >= width - width / 5) word_end = start;
  }
  if (characters <= width) return text;
  std::string out = text.substr(0, static_cast<std::size_t>(word_end >= 0 ? word_end : cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' ||
                          out.back() == ':' || out.back() == '-')) {
    out.pop_back();
  }
  return out + "…";
}

// 10,000: counts are read and quoted, not parsed (JSON has them as numbers).
std::string grouped(std::size_t number) {
  const std::string digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string counted(std::size_t number, std::string_view singular, std::string_view plural) {
  return grouped(number) + " " + std::string(number == 1 ? singular : plural);
}

std::string counted(const MatchCount& count, std::string_view singular, std::string_view plural) {
  // "more than 1 result" reads wrong, so past a bound the noun is always plural.
  return count.exact ? counted(count.value, singular, plural)
                     : "more than " + grouped(count.value) + " " + std::string(plural);
}

// "104 results for 'Путин' (106 articles; near-duplicate copies are shown once); showing 1-10"
std::string count_line(const SearchResults& results) {
  const std::string query = " for '" + printable(results.query) + "'";
  std::string line;
  if (!results.counts) {  // an estimate
    line = "about " + counted(results.total_estimate, "result", "results") + query;
  } else {
    const MatchCounts& counts = *results.counts;
    line = counted(counts.results(), "result", "results") + query;
    if (counts.stories && !(*counts.stories == counts.articles)) {
      line += " (" + counted(counts.articles, "article", "articles") +
              "; near-duplicate copies are shown once)";
    }
  }
  line += "; ";
  if (results.hits.empty()) {
    line += "no results on this page";
    if (results.offset > 0) line += " (offset " + grouped(results.offset) + ")";
  } else if (results.hits.size() == 1) {
    line += "showing " + std::to_string(results.hits.front().rank);
  } else {
    line += "showing " + std::to_string(results.hits.front().rank) + "-" +
            std::to_string(results.hits.back().rank);
  }
  return line;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// RFC 4180: a field with a comma, a quote or a line break goes in quotes, its quotes doubled.
// TSV has no quoting, so there tabs and line breaks become spaces.
std::string table_cell(const std::string& text, TableFormat format) {
  // A spreadsheet runs a cell that opens with one of these as a formula; a scraped title can.
  const bool formula_like =
      !text.empty() && std::string_view("=+-@").find(text[0]) != std::string_view::npos;
  std::string cell = formula_like ? "'" + text : text;
  if (format == TableFormat::tsv) {
    for (char& c : cell) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return cell;
  }
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

// One row, ended with CRLF in CSV (as RFC 4180 has it, and spreadsheets expect) and LF in TSV.
std::string table_row(const std::vector<std::string>& cells, TableFormat format) {
  std::string row;
  for (const std::string& cell : cells) {
    if (!row.empty()) row += format == TableFormat::csv ? ',' : '\t';
    row += table_cell(cell, format);
  }
  return row + (format == TableFormat::csv ? "\r\n" : "\n");
}

// "Alexander Lukashenko (22); Russia (17)": every entity, for one table cell.
std::string entity_cell(const std::vector<EntityRef>& entities) {
  std::vector<std::string> parts;
  for (const EntityRef& entity : entities) {
    parts.push_back(entity.name + " (" + std::to_string(entity.count) + ")");
  }
  return joined(parts, "; ");
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
  if (results.counts ? results.counts->results() == MatchCount{0, true}
                     : results.total_estimate == 0) {
    return out + "no results for '" + query + "'\n";
  }
  out += count_line(results) + "\n";
  const bool ansi = highlight == Highlight::ansi;
  for (const Hit& hit : results.hits) {
    out += "\n" + std::to_string(hit.rank) + ". ";
    if (ansi) out += kAnsiBold;
    out += printable(shortened(hit.title, kTitleWidth));
    if (ansi) out += kAnsiReset;
    out += "\n   " + printable(hit.id);
    for (const std::string* field : {&hit.date, &hit.source, &hit.lang}) {
      if (!field->empty()) out += "  " + printable(*field);
    }
    out += "  score " + format_score(hit.score) + "\n";
    if (!hit.url.empty()) out += "   " + printable(hit.url) + "\n";
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
    for (const auto& [key, value] : {std::pair{"date", &hit.date},
                                     {"source", &hit.source},
                                     {"lang", &hit.lang},
                                     {"url", &hit.url}}) {
      if (!value->empty()) entry[key] = *value;
    }
    entry["entities"] = entity_json(hit.entities, "mentions");
    if (hit.hidden_copies > 0) {
      entry["hidden_copies"] = hit.hidden_copies;
      entry["copy_ids"] = hit.copy_ids;
    }
    if (!hit.shared_entities.empty()) {
      entry["shared_entities"] = entity_json(hit.shared_entities, "mentions");
    }
    if (!hit.shared_words.empty()) entry["shared_words"] = hit.shared_words;
    hits.push_back(std::move(entry));
  }
  nlohmann::ordered_json out{{"query", results.query}};
  if (results.counts) {
    const MatchCounts& counts = *results.counts;
    out["total"] = counts.results().value;
    out["total_exact"] = counts.results().exact;
    out["articles"] = counts.articles.value;
    out["articles_exact"] = counts.articles.exact;
    out["stories"] = counts.stories ? nlohmann::ordered_json(counts.stories->value) : nullptr;
  } else {
    out["total"] = results.total_estimate;
    out["total_exact"] = false;
  }
  out["offset"] = results.offset;
  out["partial"] = results.partial();
  out["missing_shards"] = results.missing_shards;
  out["hits"] = std::move(hits);
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

std::string render_json(const Timeline& timeline) {
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const TimelinePeriod& period : timeline.periods) {
    periods.push_back({{"period", period.period}, {"articles", period.articles}});
  }
  return dump({{"query", timeline.query},
               {"unit", timeline.unit},
               {"dated", timeline.dated},
               {"undated", timeline.undated},
               {"partial", !timeline.missing_shards.empty()},
               {"missing_shards", timeline.missing_shards},
               {"periods", std::move(periods)}});
}

std::string render_table(const SearchResults& results, TableFormat format) {
  std::string out = table_row({"rank", "id", "title", "date", "source", "lang", "url", "score",
                               "hidden_copies", "copy_ids", "entities", "snippet"},
                              format);
  for (const Hit& hit : results.hits) {
    out += table_row({std::to_string(hit.rank), hit.id, hit.title, hit.date, hit.source, hit.lang,
                      hit.url, format_score(hit.score), std::to_string(hit.hidden_copies),
                      joined(hit.copy_ids, "; "), entity_cell(hit.entities), hit.snippet.text},
                     format);
  }
  return out;
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
         "size on disk:     " + human_size(stats.size_bytes) + "\n" + "compacted:        " +
         (stats.compacted ? "yes" : "no (`naviny compact` rewrites it into the least space)") +
         "\n" + "last update:      " + stats.last_update + "\n" +
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
               {"compacted", stats.compacted},
               {"last_update", stats.last_update},
               {"schema_version", stats.schema_version},
               {"analyzer", stats.analyzer}});
}

std::string render_text(const EntityListing& listing) {
  if (listing.entities.empty()) return "no entities match\n";
  std::string out = "articles  type   id  name\n";
  for (const EntityRef& entity : listing.entities) {
    char count[16];
    std::snprintf(count, sizeof count, "%8zu", entity.count);
    out += std::string(count) + "  " + entity.type + std::string(7 - entity.type.size(), ' ') +
           entity.id + "  " + entity.name + "\n";
  }
  return out;
}

std::string render_json(const EntityListing& listing) {
  return dump(entity_json(listing.entities, "articles"));
}

std::string render_table(const EntityListing& listing, TableFormat format) {
  std::string out = table_row({"id", "type", "name", "articles"}, format);
  for (const EntityRef& entity : listing.entities) {
    out += table_row({entity.id, entity.type, entity.name, std::to_string(entity.count)}, format);
  }
  return out;
}

std::string render_text(const StoredArticle& article) {
  std::string out;
  const auto field = [&out](std::string_view label, const std::string& value) {
    if (!value.empty()) out += std::string(label) + printable(value) + "\n";
  };
  field("title:    ", article.title);
  field("id:       ", article.id);
  field("date:     ", article.date);
  field("source:   ", article.source);
  field("lang:     ", article.lang);
  field("url:      ", article.url);
  if (article.added) out += "origin:   added with `naviny add`\n";
  field("copies:   ", joined(article.copy_ids, ", "));
  if (!article.entities.empty()) {
    out += "entities: mentions  type   id  name\n";
    for (const EntityRef& entity : article.entities) {
      const std::string mentions = std::to_string(entity.count);
      out += std::string(mentions.size() < 18 ? 18 - mentions.size() : 0, ' ') + mentions + "  " +
             entity.type + std::string(entity.type.size() < 7 ? 7 - entity.type.size() : 1, ' ') +
             entity.id + "  " + printable(entity.name) + "\n";
    }
  }
  return out + "\n" + printable_text(article.body) + "\n";
}

std::string render_json(const StoredArticle& article) {
  nlohmann::ordered_json out{{"id", article.id}, {"title", article.title}};
  for (const auto& [key, value] : {std::pair{"date", &article.date},
                                   {"source", &article.source},
                                   {"lang", &article.lang},
                                   {"url", &article.url}}) {
    if (!value->empty()) out[key] = *value;
  }
  out["added"] = article.added;
  out["copy_ids"] = article.copy_ids;
  out["entities"] = entity_json(article.entities, "mentions");
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  for (const StoredArticle::Mention& mention : article.mentions) {
    mentions.push_back({{"begin", mention.begin},
                        {"end", mention.end},
                        {"id", mention.entity.id},
                        {"type", mention.entity.type},
                        {"name", mention.entity.name}});
  }
  out["mentions"] = std::move(mentions);
  out["body"] = article.body;
  return dump(out);
}

}  // namespace naviny
