#pragma once
// Private: row orders of text keys, for ids and team ids.

#include <cstdint>
#include <string_view>
#include <vector>

#include "teamgraph/table.hpp"

namespace teamgraph::detail {

// The rows sorted by their key (byte order), rows of one key in row order; rows with an empty
// key are left out when `skip_empty`. Runs of equal keys move as one, and the sort compares the
// keys' first eight bytes as one integer (Boost's spreadsort: radix passes), so the text itself,
// a cache miss per key, is read again only where those tie: by the next eight bytes while many
// tie (ids of one pattern), else compared whole.
std::vector<std::uint32_t> rows_sorted_by_text(const std::vector<std::string_view>& keys, bool skip_empty);
// The same over a table's text column (in Arrow's layout or cut) of `rows` rows. With `groups`,
// also where each key's rows start in the result, and the result's size last: key g's rows are
// result[groups[g], groups[g + 1]).
std::vector<std::uint32_t> rows_sorted_by_text(const TableColumn& column, std::size_t rows, bool skip_empty,
                                               std::vector<std::uint32_t>* groups = nullptr);

}  // namespace teamgraph::detail
