#pragma once
// Loading a team from disk.
//
// A team is a folder of CSV tables (people.csv required; competencies.csv, successors.csv,
// sharing.csv, meetings.csv, attendance.csv, incentives.csv, goals.csv, contributions.csv, operations.csv
// optional) plus an optional team.json, or one JSON file holding the same tables as arrays of
// records under their names and team.json's content under "team". docs/input-format.md is the
// contract.

#include <string_view>

#include "teamgraph/org.hpp"

namespace teamgraph {

struct ReadOptions {
  // Load the valid records and return the problems as warnings (see OrgBuilder::set_lenient).
  bool lenient = false;
  // Read a table or team.json that is a symbolic link to a file outside the team folder. Off by
  // default: a folder handed over by someone else could otherwise make the report read (and its
  // problems quote) any file the user can read.
  bool follow_symlinks = false;
};

// Reads and validates a team folder or JSON file. Throws OrgDataError with every problem of
// every file when the data cannot make an org.
//
// `path` is a std::filesystem::path, a std::string or a C string: the path is taken as text so
// that this header does without <filesystem>, which alone costs more to parse than the rest of
// teamgraph.hpp.
Org read_org(std::string_view path, const ReadOptions& options);
Org read_org(std::string_view path, bool lenient = false);

template <class Path>
  requires requires(const Path& p) { p.string(); p.root_name(); }  // a std::filesystem::path
Org read_org(const Path& path, const ReadOptions& options) {
  return read_org(std::string_view(path.string()), options);
}
template <class Path>
  requires requires(const Path& p) { p.string(); p.root_name(); }
Org read_org(const Path& path, bool lenient = false) {
  return read_org(std::string_view(path.string()), lenient);
}

}  // namespace teamgraph
