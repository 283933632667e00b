#include "common/dates.h"

#include <array>

namespace naviny {

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::string_view month_name(int month) {
  static constexpr std::array<std::string_view, 12> kNames{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return {};
  return kNames[static_cast<std::size_t>(month - 1)];
}

std::optional<std::string> why_not_a_day(int year, int month, int day) {
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  const int days = days_in_month(year, month);
  if (day < 1 || day > days) {
    return std::string(month_name(month)) + " " + std::to_string(year) + " has " +
           std::to_string(days) + " days";
  }
  return std::nullopt;
}

std::optional<int> digits_value(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace naviny
