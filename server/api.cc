#include "server/api.h"

#include <xapian.h>

#include <charconv>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>

#include "searcher/render.h"

namespace naviny::server {
namespace {

const std::string* find(const Parameters& parameters, const std::string& name) {
  const auto found = parameters.find(name);
  return found == parameters.end() ? nullptr : &found->second;
}

std::string text(const Parameters& parameters, const std::string& name) {
  const std::string* value = find(parameters, name);
  return value ? *value : std::string();
}

// `empty` is the value of a parameter given without one (`facets=`).
std::size_t number(const Parameters& parameters, const std::string& name, std::size_t fallback,
                   std::size_t most, std::size_t empty) {
  const std::string* value = find(parameters, name);
  if (value == nullptr) return fallback;
  if (value->empty()) return empty;
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (error != std::errc() || end != value->data() + value->size() || number > most) {
    throw UsageError("parameter " + name + " must be a whole number from 0 to " +
                     std::to_string(most) + ", not '" + *value + "'");
  }
  return number;
}

bool flag(const Parameters& parameters, const std::string& name) {
  const std::string* value = find(parameters, name);
  if (value == nullptr) return false;
  for (const char* yes : {"", "1", "true", "yes", "on"}) {
    if (*value == yes) return true;
  }
  for (const char* no : {"0", "false", "no", "off"}) {
    if (*value == no) return false;
  }
  throw UsageError("parameter " + name + " is a flag: give 1 or 0 (true or false), not '" + *value +
                   "'");
}

SortOrder sort_order(const std::string& name) {
  if (name.empty() || name == "relevance") return SortOrder::relevance;
  if (name == "-date") return SortOrder::date_newest;
  if (name == "date") return SortOrder::date_oldest;
  throw UsageError(
      "parameter sort must be relevance, -date (newest first) or date (oldest "
      "first), not '" +
      name + "'");
}

// Runs `answer` and turns naviny's errors (and Xapian's) into an error object, as cli/app.cc
// turns them into exit codes.
ApiResponse answered(const std::function<std::string()>& answer) {
  try {
    return {200, answer()};
  } catch (const Error& e) {
    const int status = http_status(e.code());
    return {status, error_json(e.what(), status)};
  } catch (const Xapian::Error& e) {
    return {500, error_json(std::string("the index reported ") + e.get_type() + ": " + e.get_msg() +
                                "; if this persists, rebuild the index",
                            500)};
  } catch (const std::exception& e) {
    return {500, error_json(
                     std::string("unexpected error: ") + e.what() + "; please report this as a bug",
                     500)};
  }
}

}  // namespace

int http_status(ExitCode code) {
  switch (code) {
    case ExitCode::usage:
    case ExitCode::bad_query:
    case ExitCode::bad_input:
      return 400;
    case ExitCode::not_found:
      return 404;
    case ExitCode::unavailable:
    case ExitCode::locked:
      return 503;
    default:
      return 500;
  }
}

std::string error_json(const std::string& message, int status) {
  const nlohmann::ordered_json error{{"error", message}, {"status", status}};
  return error.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

ApiResponse api_search(Searcher& searcher, const Parameters& parameters) {
  return answered([&] {
    SearchRequest request;
    request.query = text(parameters, "q");
    request.limit = number(parameters, "limit", 10, kMaxPageHits, 10);
    request.offset =
        number(parameters, "offset", 0, std::numeric_limits<Xapian::doccount>::max(), 0);
    request.sort = sort_order(text(parameters, "sort"));
    request.facets = number(parameters, "facets", 0, kMaxFacets, 5);
    request.count_bound =
        number(parameters, "count-bound", kCountBoundForLargeIndexes,
               std::numeric_limits<Xapian::doccount>::max(), kCountBoundForLargeIndexes);
    request.all_copies = flag(parameters, "all-copies");
    request.exact = flag(parameters, "exact");
    request.auto_correct = flag(parameters, "auto-correct");
    return render_json(searcher.search(request));
  });
}

ApiResponse api_show(Searcher& searcher, const std::string& id) {
  return answered([&] { return render_json(searcher.article(id)); });
}

ApiResponse api_similar(Searcher& searcher, const std::string& id, const Parameters& parameters) {
  return answered([&] {
    return render_json(searcher.similar(id, number(parameters, "limit", 10, kMaxPageHits, 10)));
  });
}

ApiResponse api_entities(Searcher& searcher, const Parameters& parameters) {
  return answered([&] {
    const std::string type = text(parameters, "type");
    if (!type.empty() && type != "person" && type != "org" && type != "place") {
      throw UsageError("parameter type must be person, org or place, not '" + type + "'");
    }
    return render_json(searcher.entities(type, text(parameters, "q")));
  });
}

ApiResponse api_stats(Searcher& searcher) {
  return answered([&] { return render_json(searcher.stats()); });
}

ApiResponse api_timeline(Searcher& searcher, const Parameters& parameters) {
  return answered([&] {
    return render_json(searcher.timeline(text(parameters, "q"), flag(parameters, "exact")));
  });
}

}  // namespace naviny::server
