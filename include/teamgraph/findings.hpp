#pragma once
// Findings: how every score explains itself. A finding names who it concerns, the numbers
// behind it and what to do. Texts refer to people as {0}, {1}, ... (indices into `people`), so
// that a report can show ids, names or pseudonyms without the score knowing which.

#include <cstdint>
#include <string>
#include <vector>

#include "teamgraph/org.hpp"

namespace teamgraph {

enum class FindingSeverity : std::uint8_t { info, low, medium, high, critical };

std::string_view to_string(FindingSeverity);

struct Evidence {
  std::string name;  // "coverage", "threshold", "gap", ...
  double value;
};

struct Finding {
  std::string score;  // "leadership_coverage", "succession_readiness", ...
  std::string code;   // stable: "missing_competency", "uncovered_key_position", ...
  FindingSeverity severity = FindingSeverity::info;
  std::vector<index_t> people;  // who it concerns; {k} in the texts is people[k]
  std::string message;          // what was found
  std::vector<Evidence> evidence;
  std::string recommendation;   // what to do
};

// Replaces {k} in `text` with the id of finding.people[k].
std::string render(const std::string& text, const std::vector<index_t>& people, const Org& org);

// Sorts findings: most severe first, then score, code, people, message (a stable, total order).
void sort_findings(std::vector<Finding>& findings);

// "a, b and c": a list in a sentence.
std::string join_words(const std::vector<std::string>& items);
// "{0}, {1} and {2}": placeholders for the first `count` people of a finding. A text names at
// most people_named_in_text of them, then says how many more ("{0}, ..., {9} and 77697 more"):
// the finding's people list has them all, and a sentence of 77,707 ids (a broker finding of a
// million-person org) is no message.
inline constexpr std::size_t people_named_in_text = 10;
std::string placeholders(std::size_t count);

// "0.53": numbers as findings print them.
std::string format_value(double value, int decimals = 2);

namespace detail {
// Batch scoring keeps only how many findings of each severity a team has. While a scope lives on
// a thread, the findings that cost most to write there (departure impact's, five a team, and the
// health index's weakest score) are made with their score, code, severity and people but no text.
class BriefFindingsScope {
 public:
  BriefFindingsScope();
  ~BriefFindingsScope();
  BriefFindingsScope(const BriefFindingsScope&) = delete;
  BriefFindingsScope& operator=(const BriefFindingsScope&) = delete;

 private:
  bool previous_;
};
bool brief_findings() noexcept;
}  // namespace detail

}  // namespace teamgraph
