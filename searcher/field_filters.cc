#include "searcher/field_filters.h"

#include <vector>

#include "analyzers/field_values.h"
#include "common/dates.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"

namespace naviny {
namespace {

constexpr std::string_view kHowToWriteDates =
    "write dates as YYYY-MM-DD, YYYY-MM or YYYY and ranges as FROM..TO, with either end left "
    "out for an open range, e.g. date:2021-06-24, date:2021-06, date:2020..2021, date:2021-06..";

std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

// The first and last day of a year, month or day written as one end of a date: filter.
DateSpan days_of(std::string_view bound, std::string_view filter) {
  const std::vector<std::string_view> parts = split(bound, '-');
  const auto not_a_date = [&] {
    return QueryError("date:" + std::string(filter) + ": '" + std::string(bound) +
                      "' is not a date; " + std::string(kHowToWriteDates));
  };
  if (parts.size() > 3) throw not_a_date();
  const auto year = digits_value(parts[0], 4);
  const auto month = parts.size() > 1 ? digits_value(parts[1], 2) : 1;
  const auto day = parts.size() > 2 ? digits_value(parts[2], 2) : 1;
  if (!year || !month || !day) throw not_a_date();
  if (const auto why = why_not_a_day(*year, *month, *day)) {
    throw QueryError("date:" + std::string(filter) + ": " + std::string(bound) +
                     " is no day of the calendar (" + *why + "); " + std::string(kHowToWriteDates));
  }
  const std::string yyyy = std::to_string(*year + 10000).substr(1);
  const int last_month = parts.size() > 1 ? *month : 12;
  const int last_day = parts.size() > 2 ? *day : days_in_month(*year, last_month);
  return {yyyy + two_digits(*month) + two_digits(*day),
          yyyy + two_digits(last_month) + two_digits(last_day)};
}

}  // namespace

DateSpan parse_date_filter(std::string_view text) {
  const std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    if (text.empty()) throw QueryError("date: needs a date; " + std::string(kHowToWriteDates));
    return days_of(text, text);
  }
  const std::string_view from = text.substr(0, dots);
  const std::string_view to = text.substr(dots + 2);
  if (from.empty() && to.empty()) {
    throw QueryError("date:" + std::string(text) + " gives neither end of the range; " +
                     std::string(kHowToWriteDates));
  }
  DateSpan span;
  if (!from.empty()) span.first = days_of(from, text).first;
  if (!to.empty()) span.last = days_of(to, text).last;
  if (!from.empty() && !to.empty() && span.last < span.first) {
    throw QueryError("date:" + std::string(text) +
                     " ends before it starts; write the earlier date first, as in date:" +
                     std::string(to) + ".." + std::string(from));
  }
  return span;
}

Xapian::Query DateFieldProcessor::operator()(const std::string& text) {
  using Q = Xapian::Query;
  try {
    const DateSpan span = parse_date_filter(text);
    const Xapian::valueno slot = schema::kDateSlot.slot;
    if (span.first.empty()) return Q(Q::OP_VALUE_LE, slot, span.last);
    if (span.last.empty()) return Q(Q::OP_VALUE_GE, slot, span.first);
    return Q(Q::OP_VALUE_RANGE, slot, span.first, span.last);
  } catch (const Error& e) {
    if (!*problem_) *problem_ = e.what();
    return Q::MatchNothing;
  }
}

Xapian::Query FrontMatterFieldProcessor::operator()(const std::string& value) {
  std::vector<Xapian::Query> terms{
      Xapian::Query(prefix_ + (is_language_ ? language_code(value) : folded_field_value(value)))};
  const std::string as_before = prefix_ + ascii_lower(value);
  if (as_before != *terms.front().get_terms_begin()) terms.emplace_back(as_before);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace naviny
