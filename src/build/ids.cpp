// The people's ids: read and checked, indexed for the lookups of every other table.

#include "assembler.hpp"

#include "teamgraph/detail/memory.hpp"

namespace teamgraph::detail {

void OrgAssembler::read_ids(const Table& table) {
  people_unreadable_ = table.unreadable();
  TableReader reader(table, problems_, known_columns("people"));
  const int c_id = reader.require("id");
  detail::assign_huge(person_ids_, table.rows(), std::string_view());
  if (c_id >= 0)
    for (std::size_t r = 0; r < table.rows(); ++r) person_ids_[r] = reader.id(c_id, r, {}, true);
  ids_ = IdIndex(person_ids_);
}

}  // namespace teamgraph::detail
