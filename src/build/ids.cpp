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
  // A big org's ids are copied out of the table's text (a few bytes an id), so that the people
  // table can be let go once its people are read (read_tables), while the other tables are still
  // looked up by id: at a million people the table holds 130 MB.
  if (table.rows() > big_table) {
    std::size_t bytes = 0;
    for (const auto id : person_ids_) bytes += id.size();
    id_text_.reserve(bytes);
    for (const auto id : person_ids_) id_text_.append(id);
    std::size_t at = 0;  // the views once the text is whole
    for (auto& id : person_ids_) {
      const std::size_t size = id.size();
      id = std::string_view(id_text_).substr(at, size);
      at += size;
    }
  }
  ids_ = IdIndex(person_ids_);
}

}  // namespace teamgraph::detail
