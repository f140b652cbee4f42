#pragma once
// What the support scores' sources share (private to the library): absent reports, the tier
// grouping, the analysis period, the parts of a score, and a finding's people arguments.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph::detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The note of a figure: why it is not available when it is NaN, nothing otherwise.
inline std::string why(double value, const char* reason) {
  return std::isnan(value) ? std::string(reason) : std::string();
}

// A part of a score: `value` (0-1), or NaN when not computed, then `reason` says why.
inline ScorePart part(std::string name, double value, std::string reason) {
  if (!std::isnan(value)) reason.clear();
  return {std::move(name), value, std::move(reason)};
}
// A part whose input is absent.
inline ScorePart missing_part(std::string name, std::string reason) { return {std::move(name), nan, std::move(reason)}; }

// Sets the score's parts; returns the mean of the computed ones times 100 (NaN if none is).
double score_from_parts(ScoreReport& r, std::vector<ScorePart> parts);

ScoreReport absent(std::string name, std::string reason);

// Each person's tier as a group (tier_labels names them); -1 (no group) for a placeholder.
std::vector<std::int32_t> tier_groups(const Org& org);
// Each person's department code as a group; -1 for a placeholder (they are in no group).
std::vector<std::int32_t> department_groups(const Org& org);
// A per-person column with NaN (not applicable) for every placeholder person.
std::vector<double> without_placeholders(const Org& org, std::vector<double> values);
extern const std::vector<std::string> tier_labels;

// Calendar weeks, Monday to Sunday, counted from the week of 1970-01-01 (week 0; that day was a
// Thursday: day 0 is weekday 3, Monday 0 ... Sunday 6). Sharing health counts meetings by them,
// market response judges inquiries and orders by them.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }
inline std::int64_t days(std::int64_t date) { return floor_div(date, 86400); }
inline std::int64_t calendar_week(std::int64_t date) { return floor_div(days(date) + 3, 7); }
inline std::int64_t weekday(std::int64_t date) { return days(date) + 3 - 7 * calendar_week(date); }
// The Monday that starts a calendar week, as a date (seconds).
inline std::int64_t week_start(std::int64_t week) { return (7 * week - 3) * 86400; }

// Whether a dated row falls in the team's analysis period (undated rows count in any period).
bool in_period(const Org& org, std::int64_t date);

// A finding's arguments for all of its people: {count} (how many, which picks the plural form)
// and {people} (the list).
inline std::vector<FindingArg> people_args(std::size_t count) {
  return {FindingArg::count_of("count", count), FindingArg::people_of("people", 0, count)};
}

// A finding about all of its people: their arguments first, then the finding's own; evidence
// "people" (how many), then `more`.
inline Finding about_people(Finding f, std::initializer_list<Evidence> more = {}) {
  const auto arguments = people_args(f.people.size());
  f.args.insert(f.args.begin(), arguments.begin(), arguments.end());
  f.evidence.assign({{"people", static_cast<double>(f.people.size())}});
  f.evidence.insert(f.evidence.end(), more);
  return f;
}

}  // namespace teamgraph::detail
