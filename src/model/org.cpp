#include "teamgraph/org.hpp"

#include "teamgraph/org_parts.hpp"

#include "teamgraph/schema.hpp"

#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace teamgraph {

namespace {

// An enumeration's name as the input schema spells it ("delete" for ContributionAction::remove).
template <class E>
std::string_view label(std::string_view table, std::string_view column, E value) {
  const auto& labels = enum_labels(table, column);
  const auto i = static_cast<std::size_t>(value);
  return i < labels.size() ? labels[i] : "?";
}

}  // namespace

std::string_view to_string(Tier tier) { return label("people", "tier", tier); }
std::string_view to_string(Readiness readiness) { return label("successors", "readiness", readiness); }
std::string_view to_string(Channel channel) { return label("sharing", "channel", channel); }
std::string_view to_string(IncentiveKind kind) { return label("incentives", "kind", kind); }
std::string_view to_string(ContributionAction action) { return label("contributions", "action", action); }

namespace {

// Builds the CSR graph from edges (sources[at(k)], targets[at(k)]) for k = 0, 1, ..., already
// sorted by source, read straight from the two arrays (no array of pairs in between).
template <typename At>
Digraph sorted_digraph(index_t vertices, const std::vector<index_t>& sources, const std::vector<index_t>& targets, At at) {
  auto edge = [&](std::size_t k) { return std::pair<index_t, index_t>(sources[at(k)], targets[at(k)]); };
  const auto begin = boost::make_transform_iterator(boost::counting_iterator<std::size_t>(0), edge);
  const auto end = boost::make_transform_iterator(boost::counting_iterator<std::size_t>(sources.size()), edge);
  return Digraph(boost::edges_are_sorted, begin, end, vertices, sources.size());  // the count: room reserved once
}

}  // namespace

std::vector<index_t> people_in_tier(const Org& org, Tier tier) {
  const auto& tiers = org.people().tiers;
  const auto& placeholder = org.people().placeholder;
  std::size_t count = 0;
  for (index_t p = 0; p < org.size(); ++p) count += tiers[p] == tier && !placeholder[p];
  std::vector<index_t> out;
  out.reserve(count);
  for (index_t p = 0; p < org.size(); ++p)
    if (tiers[p] == tier && !placeholder[p]) out.push_back(p);
  return out;
}

bool is_placeholder(const Org& org, index_t person) { return org.people().placeholder[person] != 0; }

index_t people_under(const Org& org, index_t person) {
  const index_t end = org.hierarchy().subtree_end[person];
  const auto& before = org.people().placeholders_before;
  const index_t under = end - person - 1;
  return before.empty() ? under : under - (before[end] - before[person + 1]);
}

index_t Org::headcount() const noexcept { return size_ - parts_->people->placeholders; }

Digraph make_digraph(index_t vertices, const std::vector<index_t>& sources, const std::vector<index_t>& targets) {
  return sorted_digraph(vertices, sources, targets, [](std::size_t k) { return k; });
}

Digraph digraph_from_rows(std::vector<index_t> row_starts, std::vector<index_t> targets) {
  if (row_starts.empty() || row_starts.front() != 0 || row_starts.back() != targets.size() ||
      !std::is_sorted(row_starts.begin(), row_starts.end()))
    throw std::invalid_argument("digraph_from_rows: the row starts must rise from 0 to the number of targets");
  const auto vertices = static_cast<index_t>(row_starts.size() - 1);
  if (!std::all_of(targets.begin(), targets.end(), [&](index_t t) { return t < vertices; }))
    throw std::invalid_argument("digraph_from_rows: a target is not a vertex");
  // Boost's edges_are_sorted constructor, fed edge by edge: each edge's source is the row it is
  // in, found by a cursor that only moves forward (the constructor reads the edges once, in order).
  index_t row = 0;
  auto edge = [&](std::size_t k) {
    while (row_starts[row + 1] <= k) ++row;
    return std::pair<index_t, index_t>(row, targets[k]);
  };
  const auto begin = boost::make_transform_iterator(boost::counting_iterator<std::size_t>(0), edge);
  const auto end = boost::make_transform_iterator(boost::counting_iterator<std::size_t>(targets.size()), edge);
  return Digraph(boost::edges_are_sorted, begin, end, vertices, targets.size());
}

Digraph make_digraph_from_edges(index_t vertices, const std::vector<index_t>& sources,
                                const std::vector<index_t>& targets, std::vector<index_t>& input_of_edge) {
  // A stable counting sort by source: linear time, and the edges of one source keep their order.
  std::vector<std::size_t> start(static_cast<std::size_t>(vertices) + 1, 0);
  for (auto s : sources) ++start[s + 1];
  for (std::size_t v = 0; v < vertices; ++v) start[v + 1] += start[v];
  input_of_edge.resize(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) input_of_edge[start[sources[i]]++] = static_cast<index_t>(i);
  return sorted_digraph(vertices, sources, targets, [&](std::size_t k) { return input_of_edge[k]; });
}

Org::Org() : parts_(new detail::OrgParts) {
  parts_->people = std::make_shared<People>();
  parts_->hierarchy = std::make_shared<Hierarchy>(Hierarchy{{}, {}, {}, {}, make_digraph(0, {}, {}), 0});
  parts_->competencies = std::make_shared<Competencies>();
  parts_->successors = std::make_shared<Successors>(Successors{{}, {}, {}, make_digraph(0, {}, {}), {}, {}});
  parts_->sharing = std::make_shared<Sharing>(Sharing{{}, {}, {}, {}, make_digraph(0, {}, {}), {}, {}, {}});
  parts_->meetings = std::make_shared<Meetings>();
  parts_->incentives = std::make_shared<Incentives>();
  parts_->goals = std::make_shared<Goals>();
  parts_->contributions = std::make_shared<Contributions>();
  parts_->operations = std::make_shared<Operations>();
  parts_->team = std::make_shared<TeamInfo>();
}

Org::Org(Unassembled) : parts_(new detail::OrgParts) {}

// Copies share parts_ and count themselves in it; a moved-from Org keeps nothing (parts_ null)
// and may only be assigned to or destroyed.
Org::Org(const Org& other) noexcept
    : size_(other.size_), parts_(other.parts_), tables_(other.tables_), warnings_(other.warnings_) {
  if (parts_) parts_->references.fetch_add(1, std::memory_order_relaxed);
}

Org::Org(Org&& other) noexcept
    : size_(other.size_), parts_(other.parts_), tables_(std::move(other.tables_)), warnings_(std::move(other.warnings_)) {
  other.parts_ = nullptr;
  other.size_ = 0;
}

Org& Org::operator=(const Org& other) noexcept {
  if (this != &other) *this = Org(other);
  return *this;
}

Org& Org::operator=(Org&& other) noexcept {
  if (this == &other) return *this;
  release();
  size_ = other.size_;
  parts_ = other.parts_;
  tables_ = std::move(other.tables_);
  warnings_ = std::move(other.warnings_);
  other.parts_ = nullptr;
  other.size_ = 0;
  return *this;
}

Org::~Org() { release(); }

void Org::release() noexcept {
  // The last copy deletes the parts; acquire/release order the other copies' reads before it.
  if (parts_ && parts_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete parts_;
  parts_ = nullptr;
}

const People& Org::people() const noexcept { return *parts_->people; }
const Hierarchy& Org::hierarchy() const noexcept { return *parts_->hierarchy; }
const Competencies& Org::competencies() const noexcept { return *parts_->competencies; }
const Successors& Org::successors() const noexcept { return *parts_->successors; }
const Sharing& Org::sharing() const noexcept { return *parts_->sharing; }
const Meetings& Org::meetings() const noexcept { return *parts_->meetings; }
const Incentives& Org::incentives() const noexcept { return *parts_->incentives; }
const Goals& Org::goals() const noexcept { return *parts_->goals; }
const Contributions& Org::contributions() const noexcept { return *parts_->contributions; }
const Operations& Org::operations() const noexcept { return *parts_->operations; }
const TeamInfo& Org::team() const noexcept { return *parts_->team; }

const SchemaColumn& schema_column(const std::vector<SchemaColumn>& columns, std::string_view name) {
  for (const auto& c : columns)
    if (c.name == name) return c;
  throw std::out_of_range("no schema column " + std::string(name) + " without a member of its own");
}

std::string_view Org::id(index_t person) const { return parts_->people->ids[person]; }

std::optional<index_t> Org::find(std::string_view id) const {
  const People& people = *parts_->people;
  const auto& by_id = people.by_id;
  auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                             [&](index_t p, std::string_view v) { return people.ids[p] < v; });
  if (it != by_id.end() && people.ids[*it] == id) return *it;
  return std::nullopt;
}

bool Org::has_table(std::string_view table) const {
  return std::binary_search(tables_.begin(), tables_.end(), table);
}

}  // namespace teamgraph
