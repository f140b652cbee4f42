#pragma once
// The talent grid and the reserve pool (储备机制; docs/scores.md, "Talent grid"): everyone with an
// assessment (performance, people.assessment) and a potential (people.potential) placed on the
// usual 3x3 grid of the two, the count of each box (withheld as group figures are), the reserve
// pool's findings (they belong to succession readiness and do not change its value) and
// add_successor suggestions from the pool for each uncovered key position.
//
// Each axis is cut into low, middle and high (policy talent_grid):
// - "tertiles" (the default), among the m people placed: a value whose average rank is r (1-based;
//   equal values share their average rank) has the mid-rank share p = (r - 1/2) / m and is low
//   when p < 1/3, high when p > 2/3, middle otherwise. Equal values always share a box (a team
//   whose values are all equal is all middle); m = 6 distinct values put two in each box, m = 5
//   two, one and two, m = 4 one, two and one. Fewer than talent_grid.min_people (6) placed: the
//   grid is not assessed (tertiles of so few say nothing).
// - "scale": at thirds of the field's declared scale (team.json scales; [0, 1] when none is
//   declared): on a 1-5 scale 1 and 2 are low, 3 middle, 4 and 5 high.
// - performance_cuts / potential_cuts [a, b], on the field's declared scale, cut that axis when
//   given, whatever `cuts` says: below a low, at or above b high, middle between.
// A value on a cut (a third of the scale, or a fixed cut) is in the upper box.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/succession.hpp"

namespace teamgraph {

enum class GridLevel : std::uint8_t { low, middle, high, not_placed };

std::string_view to_string(GridLevel);  // "low", "middle", "high", "not_placed"

struct GridAxis {
  std::string field;   // "people.assessment" or "people.potential"
  std::string method;  // "tertiles", "scale" or "fixed"
  // On the field's declared scale: below middle_from is low, below high_from middle, the rest high.
  // For tertiles, the lowest value placed middle and the lowest placed high (NaN when none is).
  double middle_from = 0.0;
  double high_from = 0.0;
};

// One box of the grid and how many people it holds. The count is a group figure: a box of fewer
// than min_group_size people (none is fine) is withheld, and so are the next smallest boxes until
// the withheld ones hold people in at least two boxes and min_group_size together (as group_means
// does), so that no count can be recovered from the published ones and the number placed. With
// fewer than min_group_size placed, every box is withheld.
struct GridBox {
  GridLevel performance = GridLevel::low;
  GridLevel potential = GridLevel::low;
  std::size_t count = 0;  // 0 when withheld
  std::string withheld;   // why the count is not published ("" when it is)
};

struct TalentGrid {
  bool assessed = false;
  std::string absent_reason;
  GridAxis performance;
  GridAxis potential;
  // By person; not_placed for everyone not placed (and for everyone when not assessed).
  std::vector<GridLevel> performance_level;
  std::vector<GridLevel> potential_level;
  std::size_t placed = 0;              // people with both values
  std::size_t missing_assessment = 0;  // not placed: a potential, no assessment
  std::size_t missing_potential = 0;   // not placed: an assessment, no potential
  std::size_t missing_both = 0;        // not placed: neither
  // The nine boxes when assessed, performance low to high, and within each potential low to high
  // (box index 3 x performance + potential).
  std::vector<GridBox> boxes;

  bool high_high(index_t p) const;
  // A low box: low performance and at most middle potential, or low potential and at most middle
  // performance (low/low, low/middle, middle/low).
  bool low_box(index_t p) const;
};

TalentGrid talent_grid(const Org& org, const Policy& policy = {});

// The reserve pool's findings, all of score succession_readiness (none when the grid or the
// succession score is not assessed; assess() adds them to report.succession.findings):
// - unused_reserve (medium): people in the high/high box named as no one's successor and without
//   a career plan (has_career_plan given and false), one finding naming them all;
// - low_box_successor (medium): a named successor (of any seat) in a low box, one per successors row;
// - reserve_in_unit (medium): a key position whose named successors are all ready_3y_plus while
//   high/high people sit in its unit: under the incumbent, or in the incumbent's department (not
//   above the incumbent, not already named for the seat); names the first talent_grid.suggestions
//   of them in the suggestion order (suggest_successors).
FindingList reserve_pool_findings(const Org& org, const Policy& policy, const TalentGrid& grid,
                                           const SuccessionReport& succession);

// One suggested successor for an uncovered key position (a what-if's add_successor row).
struct SuccessorSuggestion {
  index_t seat = no_index;    // the incumbent of the uncovered key position
  index_t person = no_index;  // the suggested successor
  std::uint32_t rank = 1;     // 1 = the best for the seat
  GridLevel performance = GridLevel::not_placed;
  GridLevel potential = GridLevel::not_placed;
  std::uint32_t named_for = 0;  // key positions the person is already named for
  bool same_unit = false;       // under the incumbent, or in the incumbent's department
  double fitness = 0.0;         // successor_fitness for the seat (NaN without competencies)
  // The readiness to try in a what-if: ready_now when the competencies show the seat's needs met
  // (fitness >= succession.min_fitness), else ready_1_2y. A proposal, not a judgment.
  Readiness readiness = Readiness::ready_1_2y;
};

struct SuccessorSuggestions {
  bool assessed = false;
  std::string absent_reason;  // no successors table, no key positions, or the grid's reason
  std::vector<index_t> seats;  // the uncovered key positions, in index order
  std::vector<SuccessorSuggestion> suggestions;  // by seat (index order), then rank
};

// add_successor suggestions from the reserve pool for each uncovered key position (no ready-now
// successor). The pool is the boxes high/high, middle/high and high/middle. For each seat the
// candidates are the pool's people who are not the incumbent, not above the incumbent and not
// already named for the seat, ranked by:
//   1. box: high/high, then middle/high, then high/middle;
//   2. readiness proxies: named for fewer key positions first (one person fills one seat), a career
//      plan first, then the higher potential, then the higher assessment;
//   3. the same unit first;
//   4. id.
// At most talent_grid.suggestions a seat; a seat looks at the first talent_grid.suggestion_search
// people of the pool in that order (without the unit) and no further.
SuccessorSuggestions suggest_successors(const Org& org, const Policy& policy = {});
SuccessorSuggestions suggest_successors(const Org& org, const Policy& policy, const TalentGrid& grid,
                                        const SuccessionReport& succession);

}  // namespace teamgraph
