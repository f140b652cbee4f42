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

// The writers below write at `p` (with room for what they say) and return the end of what they
// wrote; each has a form that appends to a string. A formatter that knows a row's bound makes room
// once and writes the row's values without a check of the string's room for each.

// Room a string written by string_to needs: six bytes a byte at most (\u00XX) and the quotes.
constexpr std::size_t string_room(std::size_t bytes) { return 6 * bytes + 2; }
// Room a number written by number_to needs ("-2.2250738585072014e-308" is 24 bytes; "null").
constexpr std::size_t number_room = 32;
// Room a whole number needs ("-9223372036854775808").
constexpr std::size_t whole_room = 24;

// The first byte of `s` from `i` on that a JSON string must escape (below 0x20, a quote or a
// backslash), or s.size(): eight bytes a step while none does (names, ids and messages: most).
inline std::size_t next_escape(std::string_view s, std::size_t i) {
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (escape_in(w)) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

// A string as json.dumps writes it with ensure_ascii=False: quotes, backslash and the C0
// controls escaped (\n, \r, \t, \b, \f by name, the others as \u00XX); everything else as is.
inline char* string_to(char* p, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  *p++ = '"';
  std::size_t run = 0;  // the start of the text not yet written: written in runs, not a char at a time
  for (std::size_t i = next_escape(s, 0); i < s.size(); i = next_escape(s, i + 1)) {
    std::memcpy(p, s.data() + run, i - run);
    p += i - run;
    run = i + 1;
    const auto c = static_cast<unsigned char>(s[i]);
    *p++ = '\\';
    switch (c) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      case '\b': *p++ = 'b'; break;
      case '\f': *p++ = 'f'; break;
      default:
        std::memcpy(p, "u00", 3);
        p += 3;
        *p++ = hex[c >> 4];
        *p++ = hex[c & 15];
    }
  }
  std::memcpy(p, s.data() + run, s.size() - run);
  p += s.size() - run;
  *p++ = '"';
  return p;
}

inline char* text_to(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// A float as Python's repr: the shortest digits that read back to it, in positional notation for
// exponents -4 to 15 ("0.0001", "123.0", "1e+16", "1.5e-05"); NaN and infinities as null (what
// teamgraph.export's _clean makes of them).
inline char* number_to(char* p, double x) {
  if (!std::isfinite(x)) return text_to(p, "null");
  if (x == std::trunc(x) && std::fabs(x) < 1e15) {  // a whole number: "3.0", "-0.0" (most figures)
    if (x == 0 && std::signbit(x)) *p++ = '-';
    p = std::to_chars(p, p + whole_room, static_cast<std::int64_t>(x)).ptr;
    return text_to(p, ".0");
  }
  const double magnitude_of_x = std::fabs(x);
  if (magnitude_of_x >= 1e-4 && magnitude_of_x < 1e16) {
    // Positional in repr: the shortest digits that read back, written in fixed notation at once
    // (the same digits as the shortest scientific ones: fewer places after the point is fewer
    // significant digits where the integer part is fixed, or the zeros before them).
    char* end = std::to_chars(p, p + number_room, x, std::chars_format::fixed).ptr;
    if (std::find(p, end, '.') == end) end = text_to(end, ".0");  // a whole number from 1e15 on
    return end;
  }
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
  const char* end = written.ptr;
  const char* e = buffer;
  while (*e != 'e') ++e;
  int exponent = 0;
  std::from_chars(e + 1 + (e[1] == '+'), end, exponent);
  const char* m = buffer;
  if (*m == '-') {
    *p++ = '-';
    ++m;
  }
  char digits[32];  // the significant digits, without the point
  std::size_t n = 0;
  for (const char* c = m; c < e; ++c)
    if (*c != '.') digits[n++] = *c;
  if (exponent < -4 || exponent >= 16) {
    *p++ = digits[0];
    if (n > 1) {
      *p++ = '.';
      p = text_to(p, std::string_view(digits + 1, n - 1));
    }
    *p++ = 'e';
    *p++ = exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) *p++ = '0';
    return std::to_chars(p, p + 8, magnitude).ptr;
  }
  if (exponent < 0) {
    p = text_to(p, "0.");
    std::memset(p, '0', static_cast<std::size_t>(-exponent - 1));
    p += -exponent - 1;
    return text_to(p, std::string_view(digits, n));
  }
  const auto whole = static_cast<std::size_t>(exponent) + 1;
  if (n <= whole) {
    p = text_to(p, std::string_view(digits, n));
    std::memset(p, '0', whole - n);
    return text_to(p + (whole - n), ".0");
  }
  p = text_to(p, std::string_view(digits, whole));
  *p++ = '.';
  return text_to(p, std::string_view(digits + whole, n - whole));
}

inline char* whole_to(char* p, std::int64_t v) { return std::to_chars(p, p + whole_room, v).ptr; }

// A new line and the indent of `level` (two spaces a level): 1 + 2 * level bytes.
inline char* line_to(char* p, int level) {
  *p++ = '\n';
  std::memset(p, ' ', static_cast<std::size_t>(2 * level));
  return p + 2 * level;
}

// The forms that append to a string: the room made, written, and the string cut to what was.
template <class Write>
void append_written(std::string& out, std::size_t room, const Write& write) {
  const std::size_t at = out.size();
  out.resize(at + room);
  out.resize(static_cast<std::size_t>(write(out.data() + at) - out.data()));
}

inline void string(std::string& out, std::string_view s) {
  if (next_escape(s, 0) == s.size()) {  // nothing to escape (most): no room made beforehand
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  append_written(out, string_room(s.size()), [&](char* p) { return string_to(p, s); });
}

inline void number(std::string& out, double x) {
  char buffer[number_room];
  out.append(buffer, static_cast<std::size_t>(number_to(buffer, x) - buffer));
}

inline void whole(std::string& out, std::int64_t v) {
  char buffer[whole_room];
  out.append(buffer, static_cast<std::size_t>(whole_to(buffer, v) - buffer));
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
