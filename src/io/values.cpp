#include "teamgraph/detail/values.hpp"

#include <charconv>
#include <cstdio>
#include <cmath>
#include <optional>

#include "teamgraph/detail/text.hpp"

namespace teamgraph::detail {
namespace {

bool read_digits(std::string_view s, std::size_t& i, std::size_t count, int& out) {
  out = 0;
  for (std::size_t k = 0; k < count; ++k, ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

ParseStatus parse_number(std::string_view text, double& out) {
  text = trim(text);
  if (text.empty()) return ParseStatus::empty;
  std::string_view body = text;
  if (body.front() == '+') body.remove_prefix(1);  // from_chars refuses a leading '+'
  if (body.empty()) return ParseStatus::bad;
  const auto* first = body.data();
  const auto* last = body.data() + body.size();
  const auto result = std::from_chars(first, last, out, std::chars_format::general);
  if (result.ec == std::errc::result_out_of_range) return ParseStatus::not_finite;
  if (result.ec != std::errc() || result.ptr != last) return ParseStatus::bad;
  if (!std::isfinite(out)) return ParseStatus::not_finite;
  return ParseStatus::ok;
}

ParseStatus parse_bool(std::string_view text, std::int8_t& out) {
  text = trim(text);
  if (text.empty()) return ParseStatus::empty;
  for (auto yes : {"true", "yes", "1", "y", "t"})
    if (iequals(text, yes)) return out = 1, ParseStatus::ok;
  for (auto no : {"false", "no", "0", "n", "f"})
    if (iequals(text, no)) return out = 0, ParseStatus::ok;
  return ParseStatus::bad;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  // H. Hinnant's algorithm.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string format_date(std::int64_t seconds) {
  std::int64_t z = (seconds >= 0 ? seconds : seconds - 86399) / 86400 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buffer;
}

ParseStatus parse_date(std::string_view text, std::int64_t& out) {
  text = trim(text);
  if (text.empty()) return ParseStatus::empty;
  // Unix seconds.
  if (text.find('-', 1) == std::string_view::npos) {
    std::int64_t seconds = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return ParseStatus::bad;
    out = seconds;
    return ParseStatus::ok;
  }
  std::size_t i = 0;
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, i, 4, year) || i >= text.size() || text[i++] != '-') return ParseStatus::bad;
  if (!read_digits(text, i, 2, month) || i >= text.size() || text[i++] != '-') return ParseStatus::bad;
  if (!read_digits(text, i, 2, day)) return ParseStatus::bad;
  static constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > month_days[month - 1]) return ParseStatus::bad;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return ParseStatus::bad;
  std::int64_t seconds = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  if (i < text.size()) {
    if (text[i] != 'T' && text[i] != ' ') return ParseStatus::bad;
    ++i;
    int hour = 0, minute = 0, second = 0;
    if (!read_digits(text, i, 2, hour) || i >= text.size() || text[i++] != ':') return ParseStatus::bad;
    if (!read_digits(text, i, 2, minute)) return ParseStatus::bad;
    if (i < text.size() && text[i] == ':') {
      ++i;
      if (!read_digits(text, i, 2, second)) return ParseStatus::bad;
    }
    if (hour > 23 || minute > 59 || second > 60) return ParseStatus::bad;
    seconds += hour * 3600 + minute * 60 + second;
    if (i < text.size()) {
      if (text[i] == 'Z' && i + 1 == text.size()) {
        ++i;
      } else if (text[i] == '+' || text[i] == '-') {
        const int sign = text[i++] == '+' ? 1 : -1;
        int oh = 0, om = 0;
        if (!read_digits(text, i, 2, oh)) return ParseStatus::bad;
        if (i < text.size() && text[i] == ':') ++i;
        if (!read_digits(text, i, 2, om) || oh > 23 || om > 59) return ParseStatus::bad;
        seconds -= sign * (oh * 3600 + om * 60);
      }
      if (i != text.size()) return ParseStatus::bad;
    }
  }
  out = seconds;
  return ParseStatus::ok;
}

const char* bad_number_key(std::string_view text) {
  if (text.find('%') != std::string_view::npos) return "problem.bad_number.percent";
  if (text.find(',') != std::string_view::npos) return "problem.bad_number.comma";
  return "problem.bad_number";
}

}  // namespace teamgraph::detail
