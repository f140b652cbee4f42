#pragma once
// Loading a team from disk.
//
// A team is a folder of CSV tables (people.csv required; competencies.csv, successors.csv,
// sharing.csv, meetings.csv, attendance.csv, incentives.csv, goals.csv, contributions.csv
// optional) plus an optional team.json, or one JSON file holding the same tables as arrays of
// records under their names and team.json's content under "team". docs/input-format.md is the
// contract.

#include <filesystem>

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
Org read_org(const std::filesystem::path& path, const ReadOptions& options);
Org read_org(const std::filesystem::path& path, bool lenient = false);

}  // namespace teamgraph
