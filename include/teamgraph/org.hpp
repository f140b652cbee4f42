#pragma once
// The org model: an immutable, validated team.
//
// Layout (it decides the speed of every score):
// - People are numbered 0..n-1 in the preorder of the reports-to forest, tops in id order and
//   every manager's reports in id order. The numbering therefore does not depend on the row
//   order of the input, a manager always comes before their reports, and the unit led by p is
//   the contiguous range [p, hierarchy().subtree_end[p]).
// - Per-person attributes are dense columns (Eigen vectors, NaN = not given).
// - Relations are compressed (CSR) Boost.Graph graphs plus parallel per-edge arrays; the edge
//   index of a graph edge is the row of that relation's arrays.
// - Each part is held by shared_ptr<const ...>: copies of an Org are cheap, and a what-if view
//   shares every part it does not change.

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/errors.hpp"

namespace teamgraph {

using index_t = std::uint32_t;
inline constexpr index_t no_index = std::numeric_limits<index_t>::max();
// Dates are seconds since 1970-01-01 UTC; no_date when not given.
inline constexpr std::int64_t no_date = std::numeric_limits<std::int64_t>::min();

enum class Tier : std::uint8_t { core, execution, support };
enum class Readiness : std::uint8_t { ready_now, ready_1_2y, ready_3y_plus };
enum class Channel : std::uint8_t { online, offline };
enum class IncentiveKind : std::uint8_t { material, spiritual };
enum class ContributionAction : std::uint8_t { create, modify, rename, remove };  // "delete" in files

std::string_view to_string(Tier);
std::string_view to_string(Readiness);
std::string_view to_string(Channel);
std::string_view to_string(IncentiveKind);
std::string_view to_string(ContributionAction);

// Directed compressed graph over dense indices; used for every relation.
using Digraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, index_t, index_t>;

// Strings stored back to back: one allocation for a whole column, not one per person.
class StringColumn {
 public:
  std::size_t size() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view operator[](std::size_t i) const noexcept {
    return std::string_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  void push_back(std::string_view s) {
    if (offsets_.empty()) offsets_.push_back(0);
    chars_.append(s);
    offsets_.push_back(chars_.size());
  }
  void reserve(std::size_t rows, std::size_t bytes) {
    offsets_.reserve(rows + 1);
    chars_.reserve(bytes);
  }

 private:
  std::string chars_;
  std::vector<std::uint64_t> offsets_;  // rows + 1 entries once a row is added (none before: no allocation)
};

// A categorical column: labels in sorted order, a code per row (-1 = not given).
struct Categories {
  std::vector<std::string> labels;
  std::vector<std::int32_t> codes;
  std::string_view label(std::size_t row) const {
    return codes[row] < 0 ? std::string_view{} : std::string_view(labels[static_cast<std::size_t>(codes[row])]);
  }
};

// Columns of the input that teamgraph does not use, kept as text in the table's row order.
struct ExtraColumn {
  std::string name;
  StringColumn values;
};

struct People {
  StringColumn ids;
  StringColumn names;
  Categories departments;
  Categories roles;
  std::vector<Tier> tiers;
  Eigen::VectorXd assessment;      // normalized to [0, 1] by the declared scale
  Eigen::VectorXd potential;       // normalized to [0, 1] by the declared scale
  Eigen::VectorXd flight_risk;     // probability in [0, 1] (normalized by the declared scale)
  // The three above as read, on their declared scales, kept because mapping [0, 1] back to a
  // scale is not exact in floating point: what gives the table back exactly (org_tables). Empty
  // where the values as read are the normalized ones (a [0, 1] scale, or no such column): read
  // them with as_read(assessment, assessment_read).
  Eigen::VectorXd assessment_read;
  Eigen::VectorXd potential_read;
  Eigen::VectorXd flight_risk_read;
  Eigen::VectorXd learning_hours;  // hours in the analysis period, >= 0
  std::vector<std::int8_t> has_career_plan;     // 1 yes, 0 no, -1 not given
  std::vector<std::int8_t> has_quantified_kpi;  // 1 yes, 0 no, -1 not given
  std::vector<index_t> by_id;                   // person indices sorted by id (for lookup)
  std::vector<std::int64_t> records;            // the input record of each person
  std::vector<ExtraColumn> extra;
};

struct Hierarchy {
  std::vector<index_t> manager;      // no_index for a top
  std::vector<index_t> depth;        // 0 for a top
  std::vector<index_t> subtree_end;  // the unit led by p is [p, subtree_end[p])
  std::vector<index_t> tops;         // in id order
  Digraph reports;                   // manager -> direct reports, reports in id order
  index_t layers = 0;                // 1 + the greatest depth; 0 for an empty org
};

struct Competencies {
  std::vector<std::string> names;  // sorted
  Eigen::MatrixXd scores;          // people x names, normalized to [0, 1]; NaN = not assessed
  Eigen::MatrixXd scores_read;     // the same cells as read, on the declared scale; see as_read()
  std::vector<ExtraColumn> extra;  // in canonical (person, competency) order
};

// A scored column (or matrix) as read: `read` where it is kept, else the normalized values,
// which are then the same numbers.
template <class Values>
const Values& as_read(const Values& normalized, const Values& read) {
  return read.size() == normalized.size() ? read : normalized;
}

// One row per (incumbent, successor), sorted by incumbent then successor.
struct Successors {
  std::vector<index_t> incumbent;
  std::vector<index_t> successor;
  std::vector<Readiness> readiness;
  Digraph graph;  // incumbent -> successor; edge index = row
  std::vector<ExtraColumn> extra;
};

// Undirected sharing links, one row per (a, b, channel) with a < b, sorted.
struct Sharing {
  std::vector<index_t> a;
  std::vector<index_t> b;
  std::vector<Channel> channel;
  Eigen::VectorXd per_week;         // times a week, >= 0; NaN = not given
  Digraph graph;                    // both directions of every link
  std::vector<index_t> link_of_edge;  // graph edge index -> row
  std::vector<ExtraColumn> extra;
};

// Sharing meetings sorted by (date, id); attendance as CSR rows per meeting, people sorted.
struct Meetings {
  StringColumn ids;
  std::vector<std::int64_t> date;
  std::vector<Channel> channel;
  std::vector<index_t> presenter;  // no_index when not given
  std::vector<std::size_t> attendance_offsets{0};  // attendees of m: [offsets[m], offsets[m+1])
  std::vector<index_t> attendees;
  std::vector<ExtraColumn> extra;
};

// Incentives sorted by (person, date, kind, type, amount).
struct Incentives {
  std::vector<index_t> person;
  std::vector<IncentiveKind> kind;
  Categories type;
  Eigen::VectorXd amount;  // >= 0; NaN = not given
  std::vector<std::int64_t> date;
  std::vector<ExtraColumn> extra;
};

// Goals sorted by id.
struct Goals {
  StringColumn ids;
  std::vector<index_t> owner;   // no_index: a team goal
  std::vector<index_t> parent;  // goal index, no_index: none
  std::vector<std::int8_t> quantified;  // 1, 0, -1 not given
  std::vector<ExtraColumn> extra;
};

// Contributions sorted by (date, person, artifact, action, previous artifact).
struct Contributions {
  std::vector<index_t> person;
  Categories artifact;
  std::vector<ContributionAction> action;
  std::vector<std::int64_t> date;
  std::vector<std::int32_t> previous;  // artifact code for renames, -1 otherwise
  std::vector<ExtraColumn> extra;
};

// A numeric field's declared scale; values are mapped linearly from [low, high] to [0, 1].
struct Scale {
  std::string field;  // "competencies.score", "people.assessment", "people.potential", "people.flight_risk"
  double low = 0.0;
  double high = 1.0;
};

// What team.json says about the team as a whole.
struct TeamInfo {
  std::string name;
  std::int64_t period_start = no_date;
  std::int64_t period_end = no_date;
  std::vector<Scale> scales;          // sorted by field
  std::string policy_json;            // the "policy" object, verbatim and canonical, or ""
  std::string configuration_json;     // the "configuration" object (budget, equipment, ...), or ""
  std::string json;                   // the whole team.json, canonical (sorted keys); "" for none or {}
};

class OrgBuilder;
namespace detail {
class OrgAssembler;
}

class Org {
 public:
  Org();  // an empty team

  index_t size() const noexcept { return static_cast<index_t>(people_->tiers.size()); }
  bool empty() const noexcept { return size() == 0; }

  std::string_view id(index_t person) const { return people_->ids[person]; }
  // The index of the person with this id (exact match: "007" is not "7").
  std::optional<index_t> find(std::string_view id) const;

  const People& people() const noexcept { return *people_; }
  const Hierarchy& hierarchy() const noexcept { return *hierarchy_; }
  const Competencies& competencies() const noexcept { return *competencies_; }
  const Successors& successors() const noexcept { return *successors_; }
  const Sharing& sharing() const noexcept { return *sharing_; }
  const Meetings& meetings() const noexcept { return *meetings_; }
  const Incentives& incentives() const noexcept { return *incentives_; }
  const Goals& goals() const noexcept { return *goals_; }
  const Contributions& contributions() const noexcept { return *contributions_; }
  const TeamInfo& team() const noexcept { return *team_; }

  // Which input tables were given (an absent table means "no data", not "none").
  bool has_table(std::string_view table) const;
  const std::vector<std::string>& tables() const noexcept { return tables_; }
  // Problems that did not stop the build (several tops, unknown files, ...).
  const std::vector<Problem>& warnings() const noexcept { return warnings_; }

 private:
  friend class OrgBuilder;
  friend class detail::OrgAssembler;
  struct Unassembled {};
  explicit Org(Unassembled) {}  // every part is set by the assembler
  std::shared_ptr<const People> people_;
  std::shared_ptr<const Hierarchy> hierarchy_;
  std::shared_ptr<const Competencies> competencies_;
  std::shared_ptr<const Successors> successors_;
  std::shared_ptr<const Sharing> sharing_;
  std::shared_ptr<const Meetings> meetings_;
  std::shared_ptr<const Incentives> incentives_;
  std::shared_ptr<const Goals> goals_;
  std::shared_ptr<const Contributions> contributions_;
  std::shared_ptr<const TeamInfo> team_;
  std::vector<std::string> tables_;  // sorted
  std::vector<Problem> warnings_;
};

// The people of a tier, ascending (counted first: one allocation).
std::vector<index_t> people_in_tier(const Org& org, Tier tier);

// A CSR graph over `vertices` vertices from edges already sorted by source (edge i = row i).
Digraph make_digraph(index_t vertices, const std::vector<index_t>& sources, const std::vector<index_t>& targets);
// A CSR graph straight from its arrays, taken over without copying: `row_starts` (vertices + 1
// entries rising from 0) and `targets` grouped by source, row v being
// targets[row_starts[v], row_starts[v + 1]).
Digraph digraph_from_rows(std::vector<index_t> row_starts, std::vector<index_t> targets);
// The same from edges in any order (linear time); edges of one source keep their input order, and
// input_of_edge[e] is the input position of graph edge e.
Digraph make_digraph_from_edges(index_t vertices, const std::vector<index_t>& sources,
                                const std::vector<index_t>& targets, std::vector<index_t>& input_of_edge);

}  // namespace teamgraph
