#pragma once
// Private: parsing of cell values. Strict by design: a value is either read exactly or
// reported; nothing is guessed (no locale formats, no percent signs, no number-like ids).

#include <cstdint>
#include <string>
#include <string_view>

namespace teamgraph::detail {

enum class ParseStatus { ok, empty, bad, not_finite };

// A decimal number ("12", "-0.5", "1e3"); surrounding spaces are allowed.
ParseStatus parse_number(std::string_view text, double& out);
// true/false, yes/no, 1/0 (any case).
ParseStatus parse_bool(std::string_view text, std::int8_t& out);
// "2024-03-01", "2024-03-01T09:30[:00][Z|+01:00]" or Unix seconds; out in Unix seconds (UTC).
ParseStatus parse_date(std::string_view text, std::int64_t& out);
// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
// "YYYY-MM-DD" of Unix seconds.
std::string format_date(std::int64_t seconds);

// Why a number was refused, as the key of its message: "problem.bad_number.comma" for
// '1.000,50' (use '.' for decimals and no thousands separators), ".percent" for '85%', else
// "problem.bad_number".
const char* bad_number_key(std::string_view text);

}  // namespace teamgraph::detail
