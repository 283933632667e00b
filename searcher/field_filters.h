#pragma once

// The front-matter filters of the query language: date: (days, months, years and ranges of
// them), lang: and source: (matched as the indexer folded them).

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace naviny {

// The first problem a field processor met while the query was parsed. Processors leave it here
// instead of throwing, since an exception thrown through Xapian's QueryParser leaks.
using QueryProblem = std::optional<std::string>;

// The days a date: filter covers, as the date slot writes them (YYYYMMDD); an empty end is open.
struct DateSpan {
  std::string first;
  std::string last;
};

// Reads what follows "date:": a year (2021), a month (2021-06), a day (2021-06-24), or a range
// FROM..TO of those with either end left out (open); a month or year at either end covers all
// of it. Throws QueryError, saying how dates are written, for anything else, a day that is not
// in the calendar, or a range that ends before it starts.
DateSpan parse_date_filter(std::string_view text);

// date:TEXT as a filter on the date slot (articles without a date never match).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::shared_ptr<QueryProblem> problem)
      : problem_(std::move(problem)) {}
  Xapian::Query operator()(const std::string& text) override;

 private:
  std::shared_ptr<QueryProblem> problem_;
};

// lang:VALUE or source:VALUE as the filter term the indexer wrote (language_code or
// folded_field_value), or the term an index written before those would have (ASCII letters
// lowered only), so that such an index still finds what it found before.
class FrontMatterFieldProcessor : public Xapian::FieldProcessor {
 public:
  FrontMatterFieldProcessor(std::string prefix, bool is_language)
      : prefix_(std::move(prefix)), is_language_(is_language) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string prefix_;
  bool is_language_;
};

}  // namespace naviny
