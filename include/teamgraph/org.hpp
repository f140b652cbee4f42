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
// - Each part is held by shared_ptr<const ...> (in detail::OrgParts): copies of an Org are
//   cheap, and orgs built alike share their empty parts.

#include <cstdint>
#include <limits>
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

// The org's parts, defined in <teamgraph/org_parts.hpp> (dense Eigen columns and Boost CSR
// graphs): include it to read people's columns or walk the graphs. This header keeps Eigen and
// Boost out of every file that only reads an org and assesses it.
struct People;
struct Hierarchy;
struct Competencies;
struct Successors;
struct Sharing;
struct Meetings;
struct Incentives;
struct Goals;
struct Contributions;
struct Operations;

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
struct OrgParts;
}  // namespace detail

class Org {
 public:
  Org();  // an empty team
  Org(const Org& other) noexcept;  // shares the parts: no copy of the data
  Org(Org&& other) noexcept;
  Org& operator=(const Org& other) noexcept;
  Org& operator=(Org&& other) noexcept;
  ~Org();

  index_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size() == 0; }
  // The people the data describes: size() less the placeholder people (managers the data names
  // but does not describe; People::placeholder). Every count and share of the scores is of these.
  index_t headcount() const noexcept;

  std::string_view id(index_t person) const;
  // The index of the person with this id (exact match: "007" is not "7").
  std::optional<index_t> find(std::string_view id) const;

  // The parts (complete types in <teamgraph/org_parts.hpp>).
  const People& people() const noexcept;
  const Hierarchy& hierarchy() const noexcept;
  const Competencies& competencies() const noexcept;
  const Successors& successors() const noexcept;
  const Sharing& sharing() const noexcept;
  const Meetings& meetings() const noexcept;
  const Incentives& incentives() const noexcept;
  const Goals& goals() const noexcept;
  const Contributions& contributions() const noexcept;
  const Operations& operations() const noexcept;
  const TeamInfo& team() const noexcept;

  // Which input tables were given (an absent table means "no data", not "none").
  bool has_table(std::string_view table) const;
  const std::vector<std::string>& tables() const noexcept { return tables_; }
  // Problems that did not stop the build (several tops, unknown files, ...).
  const std::vector<Problem>& warnings() const noexcept { return warnings_; }

 private:
  friend class OrgBuilder;
  friend class detail::OrgAssembler;
  struct Unassembled {};
  explicit Org(Unassembled);  // every part is set by the assembler
  void release() noexcept;   // lets go of parts_ (deleting it when this is the last copy)
  index_t size_ = 0;  // people().tiers.size(), kept here so that size() is inline
  // The parts, shared by copies of this Org and counted in them (detail::OrgParts, in
  // <teamgraph/org_parts.hpp>): a shared_ptr here would bring <memory> to every includer.
  detail::OrgParts* parts_;
  std::vector<std::string> tables_;  // sorted
  std::vector<Problem> warnings_;
};

// The people of a tier, ascending (counted first: one allocation); placeholder people are in no tier.
std::vector<index_t> people_in_tier(const Org& org, Tier tier);

// Whether `person` is a placeholder: a manager the data names but does not describe.
bool is_placeholder(const Org& org, index_t person);

// The people `person` leads, directly or not, placeholders left out (the unit less its head).
index_t people_under(const Org& org, index_t person);

}  // namespace teamgraph
