#pragma once
// Private text helpers shared by the readers and the builder.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace teamgraph::detail {

// A catalog template with its placeholders filled, appended to `out`: "{{" and "}}" are braces;
// each "{name}" or "{name:spec}" is replaced by what field(name, spec, out) appends to `out`. An
// unclosed "{" is kept as it is.
template <class Field>
void append_placeholders(std::string& out, std::string_view pattern, Field&& field) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    const std::size_t close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      // Text up to the next brace in one piece (find_first_of would call memchr a character).
      std::size_t next = i + 1;
      while (next < pattern.size() && pattern[next] != '{' && pattern[next] != '}') ++next;
      out.append(pattern.substr(i, next - i));
      i = next - 1;
      continue;
    }
    const std::string_view whole = pattern.substr(i + 1, close - i - 1);
    const std::size_t colon = whole.find(':');
    field(whole.substr(0, colon), colon == std::string_view::npos ? std::string_view{} : whole.substr(colon + 1), out);
    i = close;
  }
}

// The same into a new string.
template <class Field>
std::string fill_placeholders(std::string_view pattern, Field&& field) {
  std::string out;
  out.reserve(pattern.size() + 32);
  append_placeholders(out, pattern, std::forward<Field>(field));
  return out;
}

// "a control character (U+001B)".
inline std::string control_character(std::uint32_t cp) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string code = "U+00";
  code += hex[(cp >> 4) & 15];
  code += hex[cp & 15];
  return "a control character (" + code + ")";
}

// "U+001B" of check_text's "a control character (U+001B)": the character a message names.
inline std::string control_code(std::string_view issue) {
  const auto at = issue.find("U+");
  return at == std::string_view::npos ? std::string(issue) : std::string(issue.substr(at, 6));
}
// Checks that `text` is valid UTF-8 without control characters (C0, DEL and C1; tab is allowed,
// CR and LF only when allow_newlines). Returns "" when fine, else what is wrong: "invalid UTF-8"
// or "a control character (U+0000)".

inline std::string check_text(std::string_view text, bool allow_newlines) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  for (std::size_t i = 0; i < n;) {
#if defined(__SSE2__)
    // Sixteen bytes at a time where they are printable ASCII, tab, or (when allowed) CR and LF: as
    // signed bytes, everything below 0x20 or from 0x80 up is below 0x20; 0x7F is DEL.
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      __m128i allowed = _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'));
      if (allow_newlines)
        allowed = _mm_or_si128(allowed, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
      const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
      if (_mm_movemask_epi8(_mm_andnot_si128(allowed, bad)) == 0) {
        i += 16;
        continue;
      }
    }
#endif
    // Eight printable ASCII bytes (0x20-0x7E) at a time: no byte >= 0x80, < 0x20 or 0x7F.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t below_space = (w - ones * 0x20) & ~w, del = ((w ^ (ones * 0x7F)) - ones) & ~(w ^ (ones * 0x7F));
      if (((w | below_space | del) & highs) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) {
        const bool newline = c == '\n' || c == '\r';
        if (!(c == '\t' || (newline && allow_newlines))) {
          return control_character(c);
        }
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return "invalid UTF-8";
    }
    if (i + len > n) return "invalid UTF-8";
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return "invalid UTF-8";
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return "invalid UTF-8";
    // The C1 controls (U+0080-U+009F: U+009B is a terminal's CSI, U+0085 a line break) are as
    // unwelcome in a name as ESC.
    if (cp >= 0x80 && cp <= 0x9F) return control_character(cp);
    i += len;
  }
  return {};
}

// ASCII case-insensitive equality ("Online" == "online").
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace teamgraph::detail
