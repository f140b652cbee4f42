#pragma once
// JSON text exactly as Python's json.dumps(..., indent=2, sort_keys=True, ensure_ascii=False)
// writes it, for the large arrays of a report (people, findings) that the bindings write in C++
// and teamgraph.export splices into the rest of the document (#17). Private to the module.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace teamgraph::python::json {

// Whether any of 8 bytes (read as one word, in either byte order) is below 0x20, a quote or a
// backslash: what a byte of a JSON string must be escaped for. Exact for the word: a borrow that
// could mark a byte wrongly starts only at a byte that needs escaping.
inline bool escape_in(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs;
}

// A string as json.dumps writes it with ensure_ascii=False: quotes, backslash and the C0
// controls escaped (\n, \r, \t, \b, \f by name, the others as \u00XX); everything else as is.
inline void string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // the start of the text not yet written: written in runs, not a char at a time
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight bytes a step while none needs escaping (names, ids and messages: most of them).
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (escape_in(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

// A float as Python's repr: the shortest digits that read back to it, in positional notation for
// exponents -4 to 15 ("0.0001", "123.0", "1e+16", "1.5e-05"); NaN and infinities as null (what
// teamgraph.export's _clean makes of them).
inline void number(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  if (x == std::trunc(x) && std::fabs(x) < 1e15) {  // a whole number: "3.0", "-0.0" (most figures)
    char buffer[24];
    if (x == 0 && std::signbit(x)) out += '-';
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(x)).ptr;
    out.append(buffer, static_cast<std::size_t>(end - buffer));
    out += ".0";
    return;
  }
  char buffer[64];
  const double magnitude_of_x = std::fabs(x);
  if (magnitude_of_x >= 1e-4 && magnitude_of_x < 1e16) {
    // Positional in repr: the shortest digits that read back, written in fixed notation at once
    // (the same digits as the shortest scientific ones: fewer places after the point is fewer
    // significant digits where the integer part is fixed, or the zeros before them).
    char* end = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed).ptr;
    out.append(buffer, static_cast<std::size_t>(end - buffer));
    if (std::find(buffer + 0, end, '.') == end) out += ".0";  // a whole number from 1e15 on
    return;
  }
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
  const char* end = written.ptr;
  const char* e = buffer;
  while (*e != 'e') ++e;
  int exponent = 0;
  std::from_chars(e + 1 + (e[1] == '+'), end, exponent);
  const char* m = buffer;
  if (*m == '-') {
    out += '-';
    ++m;
  }
  char digits[32];  // the significant digits, without the point
  std::size_t n = 0;
  for (const char* c = m; c < e; ++c)
    if (*c != '.') digits[n++] = *c;
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out.append(digits + 1, n - 1);
    }
    out += 'e';
    out += exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out += '0';
    char e_digits[8];
    const auto e_end = std::to_chars(e_digits, e_digits + sizeof e_digits, magnitude).ptr;
    out.append(e_digits, static_cast<std::size_t>(e_end - e_digits));
    return;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out.append(digits, n);
    return;
  }
  const auto whole = static_cast<std::size_t>(exponent) + 1;
  if (n <= whole) {
    out.append(digits, n);
    out.append(whole - n, '0');
    out += ".0";
  } else {
    out.append(digits, whole);
    out += '.';
    out.append(digits + whole, n - whole);
  }
}

inline void whole(std::string& out, std::int64_t v) {
  char buffer[24];
  out.append(buffer, static_cast<std::size_t>(std::to_chars(buffer, buffer + sizeof buffer, v).ptr - buffer));
}

// A new line and the indent of `level` (two spaces a level).
inline void line(std::string& out, int level) {
  out += '\n';
  out.append(static_cast<std::size_t>(2 * level), ' ');
}

// "key": at `level`, after the separator of the item before it.
inline void key(std::string& out, std::string_view k, bool first, int level) {
  if (!first) out += ',';
  line(out, level);
  string(out, k);
  out += ": ";
}

}  // namespace teamgraph::python::json
