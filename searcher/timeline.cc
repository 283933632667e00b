#include "searcher/timeline.h"

#include <cstdio>
#include <optional>

#include "common/dates.h"

namespace naviny {
namespace {

struct Day {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Day&) const = default;
};

std::optional<Day> day_of(const std::string& value) {
  if (value.size() != 8) return std::nullopt;
  const std::string_view digits(value);
  const std::optional<int> year = digits_value(digits.substr(0, 4), 4);
  const std::optional<int> month = digits_value(digits.substr(4, 2), 2);
  const std::optional<int> day = digits_value(digits.substr(6, 2), 2);
  if (!year || !month || !day) return std::nullopt;
  const Day found{year.value(), month.value(), day.value()};
  if (why_not_a_day(found.year, found.month, found.day)) return std::nullopt;
  return found;
}

Day next_day(Day day) {
  if (++day.day > days_in_month(day.year, day.month)) {
    day.day = 1;
    if (++day.month > 12) {
      day.month = 1;
      ++day.year;
    }
  }
  return day;
}

// Days from `from` to `to`, counting both; stops counting past `limit`.
int days_spanned(Day from, const Day& to, int limit) {
  int days = 1;
  for (; from < to && days <= limit; from = next_day(from)) ++days;
  return days;
}

std::string period_name(const Day& day, bool daily) {
  char name[16];
  if (daily) {
    std::snprintf(name, sizeof name, "%04d-%02d-%02d", day.year, day.month, day.day);
  } else {
    std::snprintf(name, sizeof name, "%04d-%02d", day.year, day.month);
  }
  return name;
}

}  // namespace

Timeline timeline_of(const std::map<std::string, std::size_t>& per_day) {
  Timeline timeline;
  std::map<Day, std::size_t> dated;
  for (const auto& [value, articles] : per_day) {
    if (const auto day = day_of(value)) {
      dated[*day] += articles;
      timeline.dated += articles;
    } else {
      timeline.undated += articles;
    }
  }
  const bool daily =
      dated.empty() || days_spanned(dated.begin()->first, dated.rbegin()->first,
                                    kTimelineDailySpanDays) <= kTimelineDailySpanDays;
  timeline.unit = daily ? "day" : "month";
  if (dated.empty()) return timeline;
  Day day = dated.begin()->first;
  if (!daily) day.day = 1;
  const Day last = dated.rbegin()->first;
  for (; day <= last; day = next_day(day)) {
    const std::string name = period_name(day, daily);
    if (timeline.periods.empty() || timeline.periods.back().period != name) {
      timeline.periods.push_back({name, 0});
    }
    if (const auto found = dated.find(day); found != dated.end()) {
      timeline.periods.back().articles += found->second;
    }
  }
  return timeline;
}

}  // namespace naviny
