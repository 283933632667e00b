#pragma once

// Calendar days as front matter and the query language write them (YYYY-MM-DD), checked against
// the proleptic Gregorian calendar, so that 2021-02-30 is refused rather than stored.

#include <optional>
#include <string>
#include <string_view>

namespace naviny {

// The number of days of `month` (1-12) in `year`.
int days_in_month(int year, int month);

// The English name of `month` (1-12), for messages.
std::string_view month_name(int month);

// Why `year`-`month`-`day` is no day of the calendar ("there is no month 13", "February 2021 has
// 28 days"), or nullopt if it is one.
std::optional<std::string> why_not_a_day(int year, int month, int day);

// The digits of `text`, which must be `count` ASCII digits and nothing else, as a number.
std::optional<int> digits_value(std::string_view text, std::size_t count);

}  // namespace naviny
