#pragma once
// Shared checks of the fuzz targets: beyond "no crash", every target asserts the contract.
// Input is either accepted, or rejected with problems that say where (a record and a field, or a
// whole-file code); every score of an accepted org is finite and in [0, 100], or absent with a
// reason.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "teamgraph/teamgraph.hpp"

namespace teamgraph::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "contract violated: %s\n", what.c_str());
  std::abort();
}

// Codes about a whole file or table: they carry no record.
inline bool whole_file(const std::string& code) {
  static const std::set<std::string> codes = {
      "empty_file", "bad_encoding", "wrong_delimiter", "missing_column", "missing_table", "unknown_table",
      "unreadable_file", "missing_file", "unsupported_input", "json_syntax", "duplicate_key", "too_deep",
      "bad_value", "unknown_key", "no_top", "several_tops", "wrong_type", "out_of_range", "bad_date",
      "duplicate_column", "empty_header", "unterminated_quote", "sparse_records", "not_a_file", "line_endings",
      "too_many_columns", "outside_link", "left_out", "nothing_left", "too_many_problems"};
  return codes.count(code) > 0;
}

inline void check_problem(const Problem& p) {
  if (p.code.empty() || p.message.empty()) fail("a problem without a code or message");
  // Its message is its catalog entry filled in: the key names the code, and a key with no
  // template would show as the key itself.
  const std::string prefix = "problem." + p.code;
  if ((p.key != prefix && !p.key.starts_with(prefix + ".")) || p.message == p.key ||
      problem_message(p.key, p.args) != p.message)
    fail("a problem whose message is not its key's: " + p.to_string());
  if (p.record < 0) fail("a negative record in " + p.to_string());
  // A setting of team.json (its "team" object) is named by its field, not by a record.
  const bool team_setting = p.file.find("#/team") != std::string::npos && !p.field.empty();
  if (p.record == 0 && !whole_file(p.code) && !team_setting) fail("a record-level problem without a record: " + p.to_string());
  // A JSON parse problem is placed by line and JSON pointer; the document itself has the empty pointer.
  const bool parse_level = p.code == "json_syntax" || p.code == "imprecise_number" || p.code == "too_deep";
  if (p.record > 0 && p.field.empty() && p.code != "ragged_row" && p.code != "bad_record" && !parse_level)
    fail("a record-level problem without a field: " + p.to_string());
}

inline void check_report(const Org& org) {
  const Report report = assess(org);
  for (const auto& s : report.scores) {
    if (s.assessed && (!std::isfinite(s.value) || s.value < -1e-9 || s.value > 100 + 1e-9))
      fail("score " + s.name + " out of range: " + std::to_string(s.value));
    if (!s.assessed && s.absent_reason.empty()) fail("score " + s.name + " absent without a reason");
  }
  // A finding explains itself through its catalog entry code[.variant] and arguments: it names a
  // score and a code, its people are people of the org, and a people argument is a range of them.
  for (const auto& f : report.findings) {
    if (f.score.empty() || f.code.empty()) fail("a finding without a score or code");
    for (const auto p : f.people)
      if (p != no_index && p >= org.size()) fail("finding " + f.code + " names someone who is not in the org");
    for (const auto& a : f.args)
      if (a.kind == FindingArg::Kind::people && std::size_t{a.first} + a.size > f.people.size())
        fail("finding " + f.code + " argument " + a.name + " reaches past its people");
  }
  // A figure or group aggregate that is not available says why.
  for (const auto& r : report.support) {
    for (const auto& f : r.figures)
      if (std::isnan(f.value) && f.note.empty()) fail(r.name + " figure " + f.name + " is NaN without a note");
    for (const auto& g : r.groups)
      if (std::isnan(g.value) && g.withheld.empty())
        fail(r.name + " group " + g.kind + " " + g.group + " " + g.figure + " is NaN without a reason");
  }
  for (index_t p = 0; p < org.size(); ++p)
    if (!std::isfinite(report.departure.impact[p])) fail("a non-finite departure impact");
}

// Builds and checks; returns whether the input was accepted.
inline bool build_and_check(OrgBuilder& builder) {
  try {
    const Org org = builder.build();
    check_report(org);
    return true;
  } catch (const OrgDataError& e) {
    if (e.problems().empty()) fail("OrgDataError without problems");
    for (const auto& p : e.problems()) check_problem(p);
    return false;
  }
}

}  // namespace teamgraph::fuzz
