#pragma once
// The parts of an Org (org.people(), org.hierarchy(), ...): per-person attributes as dense
// columns (Eigen vectors, NaN = not given) and relations as CSR graphs (<teamgraph/graph.hpp>)
// with parallel per-edge arrays; the edge index of a graph edge is the row of its relation's
// arrays. See <teamgraph/org.hpp> for the numbering of people.

#include <Eigen/Core>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "teamgraph/graph.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph {

// A column of the input schema that has no member of its own in its part: the builder reads it
// by its kind (numbers, booleans, dates, enumerations, text), in the part's row order, and keeps
// it in the part's `columns`; what-if exports it and Python shows it with the rest. This is how a
// new column reaches a score with one line in src/model/schema.cpp (docs/development.md).
struct SchemaColumn {
  std::string name;
  ColumnKind kind = ColumnKind::text;
  bool given = false;                // the input had the column
  Eigen::VectorXd numbers;           // number: NaN = not given
  std::vector<std::int8_t> codes;    // boolean (1, 0) or enumeration (the label's index); -1 = not given
  std::vector<std::int64_t> dates;   // date: no_date = not given
  StringColumn texts;                // text
};

// The schema column `name` of a part's `columns`; throws std::out_of_range when there is none
// (the column has a member of its own, or no table has it).
const SchemaColumn& schema_column(const std::vector<SchemaColumn>& columns, std::string_view name);

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
  std::vector<std::int8_t> has_career_plan;     // 1 yes, 0 no, -1 not given
  std::vector<std::int8_t> has_quantified_kpi;  // 1 yes, 0 no, -1 not given
  std::vector<index_t> by_id;                   // person indices sorted by id (for lookup)
  std::vector<std::int64_t> records;            // the input record of each person
  std::vector<ExtraColumn> extra;
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
  // Placeholder people (people.csv's `placeholder`): managers the data names but does not
  // describe. They keep their place in the hierarchy (spans, depths, who reports to whom) and are
  // left out of every score and count: 1 for a placeholder, 0 otherwise (one byte a person, read
  // where a score loops over people). A placeholder has no other field and no other table names
  // them (the builder checks both), so their scored columns are NaN.
  std::vector<std::uint8_t> placeholder;
  index_t placeholders = 0;                  // how many there are
  std::vector<index_t> placeholders_before;  // placeholders among [0, p) at p (n + 1 entries); empty when none
};

struct Hierarchy {
  std::vector<index_t> manager;      // no_index for a top
  std::vector<index_t> depth;        // 0 for a top
  std::vector<index_t> subtree_end;  // the unit led by p is [p, subtree_end[p])
  std::vector<index_t> tops;         // in id order
  Digraph reports;                   // manager -> direct reports, reports in id order
  index_t layers = 0;                // 1 + the greatest depth; 0 for an empty org
};

// Scores of people (rows) by competency (columns), read as a people x competencies table, NaN
// where a person was not scored, but holding only the cells given: each person's, by column (a
// table of many competency names, each person scored on a few, made a people x names table mostly
// empty: 8,000 people with a name each took 512 MB; every cell of it was held).
class CompetencyScores {
 public:
  CompetencyScores() = default;
  Eigen::Index rows() const noexcept { return people_; }
  Eigen::Index cols() const noexcept { return columns_; }
  // The cells given.
  std::size_t size() const noexcept { return value_.size(); }
  // Person p's score in column k; NaN where not given.
  double operator()(Eigen::Index p, Eigen::Index k) const noexcept {
    const auto* first = column_.data() + offsets_[static_cast<std::size_t>(p)];
    const auto* last = column_.data() + offsets_[static_cast<std::size_t>(p) + 1];
    const auto* at = std::lower_bound(first, last, static_cast<std::uint32_t>(k));
    return at != last && *at == static_cast<std::uint32_t>(k) ? value_[static_cast<std::size_t>(at - column_.data())]
                                                              : std::numeric_limits<double>::quiet_NaN();
  }
  // Person p's cells are [first(p), first(p + 1)): cell c in column column_of(c), score value_of(c).
  std::size_t first(Eigen::Index p) const noexcept { return offsets_[static_cast<std::size_t>(p)]; }
  std::uint32_t column_of(std::size_t c) const noexcept { return column_[c]; }
  double value_of(std::size_t c) const noexcept { return value_[c]; }
  const std::vector<std::uint32_t>& cell_starts() const noexcept { return offsets_; }  // rows() + 1
  const std::vector<std::uint32_t>& cell_columns() const noexcept { return column_; }
  const std::vector<double>& cell_values() const noexcept { return value_; }

  // Made person by person, each person's cells by column: start(people, columns, cells), then
  // add() each cell in that order, then end_person() after each person (all `people`).
  void start(Eigen::Index people, Eigen::Index columns, std::size_t cells) {
    people_ = people, columns_ = columns;
    offsets_.assign(1, 0);
    offsets_.reserve(static_cast<std::size_t>(people) + 1);
    column_.clear(), value_.clear();
    column_.reserve(cells), value_.reserve(cells);
  }
  void add(std::uint32_t column, double value) { column_.push_back(column), value_.push_back(value); }
  void end_person() { offsets_.push_back(static_cast<std::uint32_t>(column_.size())); }
  // Every cell's value v made f(v), in place.
  template <class F>
  void transform(F f) {
    for (auto& v : value_) v = f(v);
  }

 private:
  Eigen::Index people_ = 0, columns_ = 0;
  std::vector<std::uint32_t> offsets_{0};
  std::vector<std::uint32_t> column_;
  std::vector<double> value_;
};

struct Competencies {
  std::vector<std::string> names;  // sorted
  CompetencyScores scores;         // people x names, normalized to [0, 1]; NaN = not assessed
  // The cells' scores as read, on the declared scale (cell c's is score_read(c)), kept because
  // mapping [0, 1] back to a scale is not exact in floating point; empty where they are the
  // normalized ones (a [0, 1] scale).
  std::vector<double> scores_read;
  std::vector<ExtraColumn> extra;  // in canonical (person, competency) order
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own

  double score_read(std::size_t cell) const noexcept {
    return scores_read.empty() ? scores.value_of(cell) : scores_read[cell];
  }
};

// A scored column as read: `read` where it is kept, else the normalized values,
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
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
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
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
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
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
};

// Incentives sorted by (person, date, kind, type, amount).
struct Incentives {
  std::vector<index_t> person;
  std::vector<IncentiveKind> kind;
  Categories type;
  Eigen::VectorXd amount;  // >= 0; NaN = not given
  std::vector<std::int64_t> date;
  std::vector<ExtraColumn> extra;
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
};

// Goals sorted by id.
struct Goals {
  StringColumn ids;
  std::vector<index_t> owner;   // no_index: a team goal
  std::vector<index_t> parent;  // goal index, no_index: none
  std::vector<std::int8_t> quantified;  // 1, 0, -1 not given
  std::vector<ExtraColumn> extra;
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
};

// Contributions sorted by (date, person, artifact, action, previous artifact).
struct Contributions {
  std::vector<index_t> person;
  Categories artifact;
  std::vector<ContributionAction> action;
  std::vector<std::int64_t> date;
  std::vector<std::int32_t> previous;  // artifact code for renames, -1 otherwise
  std::vector<ExtraColumn> extra;
  std::vector<SchemaColumn> columns;  // the schema's columns without a member of their own
};

// Operations (operations.csv): a channel's inquiries, replies and orders, one row per day and
// channel, or per day, channel and person. Sorted by (day, channel, person), a channel's row as a
// whole (no person) before its people's. A day is the calendar day (UTC) of `date`.
struct Operations {
  std::vector<std::int64_t> date;  // as read
  Categories channel;              // labels sorted; every row has one
  std::vector<index_t> person;     // no_index: the channel's figures for the day as a whole
  Eigen::VectorXd inquiries;       // >= 0
  Eigen::VectorXd replied;         // >= 0 and <= inquiries; NaN = not given
  Eigen::VectorXd first_reply_minutes;  // the day's median, >= 0; NaN = not given
  Eigen::VectorXd orders;          // >= 0; NaN = not given
  std::vector<ExtraColumn> extra;
  std::vector<SchemaColumn> columns;  // department, revenue, refunds, complaints
};

namespace detail {

// What an Org holds: its parts, shared by the Org's copies, which count themselves in
// `references` (Org's copy and destruction do the counting; see org.cpp).
struct OrgParts {
  std::atomic<std::size_t> references{1};
  std::shared_ptr<const People> people;
  std::shared_ptr<const Hierarchy> hierarchy;
  std::shared_ptr<const Competencies> competencies;
  std::shared_ptr<const Successors> successors;
  std::shared_ptr<const Sharing> sharing;
  std::shared_ptr<const Meetings> meetings;
  std::shared_ptr<const Incentives> incentives;
  std::shared_ptr<const Goals> goals;
  std::shared_ptr<const Contributions> contributions;
  std::shared_ptr<const Operations> operations;
  std::shared_ptr<const TeamInfo> team;
};

}  // namespace detail

}  // namespace teamgraph
