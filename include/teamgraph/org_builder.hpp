#pragma once
// Building an Org: the one place where input is validated.
//
//   teamgraph::OrgBuilder builder;
//   builder.add_table("people", std::move(people_table));
//   teamgraph::Org org = builder.build();  // throws OrgDataError listing every problem
//
// Tables come from read_csv_table, from a JSON team file or from DataFrames; build() checks all
// of them together (ids, references, enums, ranges, cycles) and either returns a complete org
// or throws with every problem found. Nothing is partly built.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/errors.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {

namespace detail {
// A table of OrgBuilder::add_csv_file, read when the build needs it: its name, its file, the
// file's size in bytes (what the build orders its work by before the file is read).
struct TableFile {
  std::string table, path;
  std::uintmax_t bytes = 0;
};
}  // namespace detail

class OrgBuilder {
 public:
  // The tables teamgraph reads, by name: people, competencies, successors, sharing, meetings,
  // attendance, incentives, goals, contributions, operations.
  static const std::vector<std::string>& table_names();

  // Adds a table; throws std::invalid_argument for a name not in table_names() or given twice.
  OrgBuilder& add_table(const std::string& name, Table table);
  // Adds a table to be read from a CSV file (read_csv_table) when build() needs it: each file is
  // parsed by the task that reads its table and let go once read, so that a big org's tables
  // are not all held at once. Its problems name the file by its file name. Throws as add_table.
  OrgBuilder& add_csv_file(const std::string& name, const std::string& path);
  OrgBuilder& set_team(TeamInfo team);
  // Problems found while reading the input, reported together with the builder's own.
  OrgBuilder& add_problems(std::vector<Problem> problems);

  // Lenient mode: records with problems are left out (and whatever then refers to them, pass by
  // pass) and their problems come back as warnings in Org::warnings(). Problems about a whole
  // file or table (a missing column, no top at all) still throw.
  OrgBuilder& set_lenient(bool lenient) {
    lenient_ = lenient;
    return *this;
  }

  // Validates every table and returns the frozen org. Throws OrgDataError holding every
  // problem (sorted) when any has error severity; warnings end up in Org::warnings().
  Org build();

 private:
  std::vector<std::pair<std::string, Table>> tables_;
  // The tables of add_csv_file not read yet (in tables_, empty, until they are).
  std::vector<detail::TableFile> files_;
  Org build_strict();
  // Reads every file not read yet, side by side, the biggest first (lenient building needs
  // every table whole before it starts).
  void read_files();

  TeamInfo team_;
  std::vector<Problem> problems_;
  bool lenient_ = false;
};

// Reads the text of a team.json object (name, period, scales, policy, configuration).
// Problems are appended; `source` names the file in them.
TeamInfo parse_team_json(std::string_view text, const std::string& source, std::vector<Problem>& problems);

}  // namespace teamgraph
