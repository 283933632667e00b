#include <fstream>
#include <ostream>
#include <string_view>

#include "cli/commands.h"
#include "common/errors.h"
#include "common/text.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace naviny::cli {
namespace {

struct SearchArguments {
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  OutputFormat format = OutputFormat::text;
  std::size_t count_bound = kCountBoundForLargeIndexes;
  bool exact = false;
  bool auto_correct = false;
  bool all_copies = false;
  std::size_t facets = 0;
  std::string sort = "relevance";
  RankingOptions ranking;
  std::string color = "auto";
  bool allow_partial = false;
};

std::string joined(const std::vector<std::string>& words) {
  std::string query;
  for (const std::string& word : words) query += (query.empty() ? "" : " ") + word;
  return query;
}

// Each `name = value` line of the file sets the hidden option --name, with the option's own
// checks; `#` starts a comment.
void apply_ranking_file(CLI::App& ranking, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CLI::ValidationError("--ranking", "cannot read " + path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view content = trim(std::string_view(line).substr(0, line.find('#')));
    if (content.empty()) continue;
    const auto equals = content.find('=');
    const std::string where = path + " line " + std::to_string(number);
    if (equals == std::string_view::npos) {
      throw CLI::ValidationError("--ranking", where + " is not `name = value`");
    }
    const std::string name(trim(content.substr(0, equals)));
    CLI::Option* option = ranking.get_option_no_throw("--" + name);
    if (option == nullptr) {
      throw CLI::ValidationError("--ranking", where + ": no ranking parameter '" + name + "'");
    }
    option->clear();
    option->add_result(std::string(trim(content.substr(equals + 1))));
    option->run_callback();
  }
}

// Turns a name of `table` into the value it names (as CLI11 reads enums: its number), or fails
// with the names there are.
template <typename Enum, std::size_t N>
CLI::Validator by_name(const std::array<NamedValue<Enum>, N>& table, const std::string& what) {
  return CLI::Validator(
      [&table, what](std::string& input) -> std::string {
        std::string names;
        for (const NamedValue<Enum>& named : table) {
          if (named.name == input) {
            input = std::to_string(static_cast<int>(named.value));
            return {};
          }
          names += (names.empty() ? "" : ", ") + std::string(named.name);
        }
        return "unknown " + what + " '" + input + "'; use one of " + names;
      },
      "", "");
}

}  // namespace

Command add_search_command(CLI::App& app, Context& context) {
  auto arguments = std::make_shared<SearchArguments>();
  CLI::App* command = app.add_subcommand("search", "search the index");
  command->footer(R"(Query syntax (docs/query-syntax.md has all of it):
  sanctions potash          either word; articles with both first
  "Joe Biden"  «Голос Америки»   a phrase, in any script or spelling
  Putin AND loan, OR, NOT   Boolean operators; +must -mustnot
  Putin NEAR/5 loan         within 5 words (ADJ/5: in this order)
  Лукаш*  Trump*            wildcard, matched in every script
  title:  source:  lang:    fields; date:2021-06, date:2020..2021-03
  person:Lukashenko  org:NATO  place:Minsk  entity:...   articles that mention the entity)");
  add_db_list_option(*command, context);
  command->add_option("QUERY", arguments->words, "query words, phrases and operators")->required();
  auto* output = command->add_option_group("output");
  output->add_option("-n,--limit", arguments->limit, "number of results to show (default 10)")
      ->check(CLI::Range(0, 100000000));
  output->add_option("--offset", arguments->offset, "skip this many results first (default 0)");
  add_format_options(*output, arguments->format, "one JSON object");
  output
      ->add_option("--count-bound", arguments->count_bound,
                   "count matches exactly up to N and say \"more than N\" past it (0: count "
                   "them all)")
      ->capture_default_str();
  output->add_option("--color", arguments->color, "highlight with colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  output
      ->add_option("--facets", arguments->facets,
                   "also show the N people, organisations and places found most often among all "
                   "matching articles (N defaults to 5)")
      ->expected(0, 1)
      ->default_str("5");
  output
      ->add_option("--sort", arguments->sort,
                   "order: relevance (default), -date (newest first) or date (oldest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  // For tuning runs (bench/tune_relevance.py); the defaults are the tuned values.
  // The ranking parameters are for bench/tune_relevance.py, not for readers: hidden from the
  // help, and given together in a file of `name = value` lines.
  auto* ranking = command->add_option_group("ranking");
  ranking->group("");
  command
      ->add_option_function<std::string>(
          "--ranking", [ranking](const std::string& path) { apply_ranking_file(*ranking, path); },
          "file of ranking parameters, `name = value` lines as bench/tune_relevance.py writes "
          "them")
      ->envname("NAVINY_RANKING");
  ranking
      ->add_option("--weighting", arguments->ranking.weighting,
                   "weighting scheme: bm25, bm25+, pl2, inl2, ifb2, ineb2, dph, dlh")
      ->transform(by_name(kWeightingSchemes, "weighting scheme"))
      ->default_str(std::string(name_of(kWeightingSchemes, RankingOptions{}.weighting)));
  ranking->add_option("--bm25-k1", arguments->ranking.bm25_k1, "BM25 k1")->capture_default_str();
  ranking->add_option("--bm25-b", arguments->ranking.bm25_b, "BM25 b")->capture_default_str();
  ranking
      ->add_option("--bm25-min-normlen", arguments->ranking.bm25_min_normlen,
                   "BM25 floor of document length, as a share of the average")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  ranking
      ->add_option("--dfr-c", arguments->ranking.dfr_c,
                   "c of pl2, inl2, ifb2, ineb2 (length normalisation)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  ranking
      ->add_option("--expand-terms", arguments->ranking.expand_terms,
                   "words added to descriptive queries by relevance feedback (0: none)")
      ->capture_default_str();
  ranking
      ->add_option("--expand-docs", arguments->ranking.expand_docs,
                   "top results the added words are taken from")
      ->capture_default_str();
  ranking
      ->add_option("--expand-weight", arguments->ranking.expand_weight, "weight of the added words")
      ->capture_default_str();
  ranking
      ->add_option("--proximity-weight", arguments->ranking.proximity_weight,
                   "weight of neighbouring query words found close together (0: off)")
      ->capture_default_str();
  ranking
      ->add_option("--proximity-window", arguments->ranking.proximity_window,
                   "how close, in words, neighbouring query words must be")
      ->capture_default_str();
  ranking
      ->add_option("--expand-min-words", arguments->ranking.expand_min_words,
                   "plain words a query needs to be expanded")
      ->capture_default_str();
  ranking
      ->add_option("--expand-scheme", arguments->ranking.expand_scheme,
                   "how the added words are chosen: trad, bo1 or rm")
      ->transform(by_name(kExpansionSchemes, "expansion scheme"))
      ->default_str(std::string(name_of(kExpansionSchemes, RankingOptions{}.expand_scheme)));
  ranking
      ->add_option("--expand-term-weights", arguments->ranking.expand_term_weights,
                   "flat: each added word at --expand-weight; eset: scaled by how well it "
                   "describes the top results")
      ->transform(by_name(kExpansionTermWeights, "expansion term weighting"))
      ->default_str(
          std::string(name_of(kExpansionTermWeights, RankingOptions{}.expand_term_weights)));
  ranking
      ->add_option("--expand-min-score", arguments->ranking.expand_min_score,
                   "feedback only from top results scoring at least this share of the best")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  ranking
      ->add_option("--expand-query-terms", arguments->ranking.expand_query_terms,
                   "whether typed words may be added again, weighted by the top results (0/1)")
      ->capture_default_str();
  ranking
      ->add_option("--expand-max-df", arguments->ranking.expand_max_df,
                   "words in more than this share of the articles are never added")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  ranking
      ->add_option("--expand-adds-matches", arguments->ranking.expand_adds_matches,
                   "whether the added words may find articles without the typed words (0/1)")
      ->capture_default_str();
  output->add_flag("--all-copies", arguments->all_copies,
                   "show every near-duplicate copy of an article, not just the best one");
  command->add_flag("--auto-correct", arguments->auto_correct,
                    "when a word matches nothing, search the suggested spelling instead");
  command->add_flag("--exact", arguments->exact,
                    "match words as written: no stemming, transliteration or name variants");
  command->add_flag("--allow-partial", arguments->allow_partial,
                    "if a remote shard cannot be reached, search the others and say so, rather "
                    "than fail");
  return {command, [&context, arguments] {
            Searcher searcher(context.db_paths(),
                              arguments->allow_partial ? MissingShards::skip : MissingShards::fail);
            SearchRequest request;
            request.query = joined(arguments->words);
            request.limit = arguments->limit;
            request.offset = arguments->offset;
            request.exact = arguments->exact;
            request.facets = arguments->facets;
            request.ranking = arguments->ranking;
            request.auto_correct = arguments->auto_correct;
            request.all_copies = arguments->all_copies;
            request.sort = arguments->sort == "date"    ? SortOrder::date_oldest
                           : arguments->sort == "-date" ? SortOrder::date_newest
                                                        : SortOrder::relevance;
            request.count_bound = arguments->count_bound;
            const SearchResults results = searcher.search(request);
            switch (arguments->format) {
              case OutputFormat::json:
                context.out << render_json(results);
                break;
              case OutputFormat::csv:
                context.out << render_table(results, TableFormat::csv);
                break;
              case OutputFormat::tsv:
                context.out << render_table(results, TableFormat::tsv);
                break;
              case OutputFormat::text:
                const bool ansi = arguments->color == "always" ||
                                  (arguments->color == "auto" && context.env.stdout_is_terminal);
                context.out << render_text(results, ansi ? Highlight::ansi : Highlight::markers);
                break;
            }
            return 0;
          }};
}

}  // namespace naviny::cli
