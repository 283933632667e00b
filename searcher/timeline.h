#pragma once

// How many matching articles there are per month, or per day over a short range: the counts of
// the date values (YYYYMMDD) Xapian saw among the matches, put into periods.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace naviny {

struct TimelinePeriod {
  std::string period;  // YYYY-MM, or YYYY-MM-DD for days
  std::size_t articles = 0;
};

struct Timeline {
  std::string query;
  std::string unit;                     // "month" or "day"
  std::size_t dated = 0;                // matching articles with a date, the sum over `periods`
  std::size_t undated = 0;              // matching articles without one (not in any period)
  std::vector<TimelinePeriod> periods;  // every period from the first match to the last, in order
  std::vector<std::string> missing_shards;  // as SearchResults::missing_shards
};

// Matches spread over at most this many days are counted per day; over more, per month.
inline constexpr int kTimelineDailySpanDays = 92;

// `per_day`: matching articles by date value (YYYYMMDD; anything else counts as undated). The
// periods run without gaps from the first date to the last, periods without matches at 0, so a
// chart can draw them as they are.
Timeline timeline_of(const std::map<std::string, std::size_t>& per_day);

}  // namespace naviny
