#pragma once

// The JSON API of `naviny serve`: each route takes the request's query parameters and answers
// with the JSON the matching CLI command prints with --json (searcher/render.h), or an error
// object. Independent of the HTTP library, so tests can call it directly too.

#include <cstddef>
#include <map>
#include <string>

#include "common/errors.h"
#include "searcher/searcher.h"

namespace naviny::server {

// Query parameters by name, as the HTTP library decodes them (a name may repeat; the first wins).
using Parameters = std::multimap<std::string, std::string>;

struct ApiResponse {
  int status = 200;
  std::string json;
};

// One page of results holds at most this many hits: the CLI's own bound is the whole index,
// but one request must not hold a worker while it builds snippets for thousands of articles.
inline constexpr std::size_t kMaxPageHits = 1000;
inline constexpr std::size_t kMaxFacets = 100;

// The HTTP status for an error naviny reports with this exit code: 400 for what the client
// asked wrongly, 404 for an id (or index) that is not there, 503 for a shard that cannot be
// reached or an index being rebuilt, 500 for the rest.
int http_status(ExitCode code);

// {"error": message, "status": status}, the message as the CLI prints it after "naviny: ".
std::string error_json(const std::string& message, int status);

// q, limit (10), offset (0), sort (relevance, date, -date), facets (a number; empty: 5),
// count-bound, all-copies, exact, auto-correct (flags: 1/true/yes/on or 0/false/no/off).
ApiResponse api_search(Searcher& searcher, const Parameters& parameters);
ApiResponse api_show(Searcher& searcher, const std::string& id);
// limit (10)
ApiResponse api_similar(Searcher& searcher, const std::string& id, const Parameters& parameters);
// q (the pattern), type (person, org, place)
ApiResponse api_entities(Searcher& searcher, const Parameters& parameters);
ApiResponse api_stats(Searcher& searcher);
// q, exact
ApiResponse api_timeline(Searcher& searcher, const Parameters& parameters);

}  // namespace naviny::server
