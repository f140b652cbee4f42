#include "teamgraph/scores/succession.hpp"

#include <boost/graph/strong_components.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "teamgraph/cancel.hpp"
#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

double readiness_weight(Readiness r, const SuccessionPolicy& p) {
  switch (r) {
    case Readiness::ready_now: return p.weight_ready_now;
    case Readiness::ready_1_2y: return p.weight_ready_1_2y;
    case Readiness::ready_3y_plus: return p.weight_ready_3y_plus;
  }
  return 0.0;
}

// How well `successor` fits `incumbent`'s seat: the mean over the seat's competencies of
// min(1, successor's score / max(incumbent's score, threshold)); a missing score counts 0.
double fitness(const Org& org, index_t incumbent, index_t successor, const Policy& policy) {
  if (!org.has_table("competencies")) return std::nan("");
  const auto& lp = policy.leadership;
  const auto& needs = org.people().tiers[incumbent] == Tier::core ? lp.required : lp.unit_required;
  const auto& scores = org.competencies().scores;
  double sum = 0.0;
  for (const auto& name : needs) {
    const int col = competency_column(org, name);
    const double inc = col >= 0 ? scores(incumbent, col) : std::nan("");
    const double suc = col >= 0 ? scores(successor, col) : std::nan("");
    const double bar = std::isnan(inc) ? lp.threshold : std::max(inc, lp.threshold);
    sum += std::isnan(suc) || bar <= 0 ? 0.0 : std::min(1.0, suc / bar);
  }
  return needs.empty() ? 1.0 : sum / static_cast<double>(needs.size());
}

// The variant of uncovered_key_position: which seat ("core", "unit": leads a large unit, or
// "core_unit"), and ".none_named" when no successor is named at all.
std::string uncovered_variant(const KeyPosition& k) {
  std::string out = k.core && k.large_unit ? "core_unit" : k.core ? "core" : "unit";
  if (k.successors.empty()) out += ".none_named";
  return out;
}

}  // namespace

double successor_fitness(const Org& org, index_t incumbent, index_t successor, const Policy& policy) {
  return fitness(org, incumbent, successor, policy);
}

std::vector<bool> key_positions(const Org& org, const Policy& policy) {
  std::vector<bool> key(org.size(), false);
  const auto& h = org.hierarchy();
  const auto& placeholder = org.people().placeholder;
  for (index_t p = 0; p < org.size(); ++p) {
    // A placeholder's seat is outside the data (no one can be named for it): never key. A unit is
    // large by the people described in it.
    if (placeholder[p]) continue;
    const index_t large = policy.succession.large_unit;
    key[p] = org.people().tiers[p] == Tier::core || (h.subtree_end[p] - p - 1 >= large && people_under(org, p) >= large);
  }
  return key;
}

bool holds_a_seat_to_refill(const Org& org, const std::vector<bool>& key, index_t p) {
  return key[p] || boost::out_degree(p, org.hierarchy().reports) > 0;
}

index_t best_ready_now_successor(const Org& org, index_t seat, const Policy& policy,
                                 const std::vector<char>& unavailable) {
  const auto& s = org.successors();
  index_t best = no_index;
  double best_fit = -1.0;
  for (auto e : boost::make_iterator_range(boost::out_edges(seat, s.graph))) {
    const auto row = boost::get(boost::edge_index, s.graph, e);
    const index_t c = s.successor[row];
    if (s.readiness[row] != Readiness::ready_now || unavailable[c]) continue;
    double fit = fitness(org, seat, c, policy);
    if (std::isnan(fit)) fit = 0.0;
    if (fit > best_fit || (fit == best_fit && c < best)) {
      best = c;
      best_fit = fit;
    }
  }
  return best;
}

namespace {

// Each seat's ready-now successors, best first (best_ready_now_successor's order), sorted once
// when the seat is first asked about: the cascades of many seats that pass through one seat with a
// long bench then cost that bench's length once, not once per cascade.
class ReadyBenches {
 public:
  ReadyBenches(const Org& org, const Policy& policy) : org_(org), policy_(policy), benches_(org.size()), sorted_(org.size(), 0) {}

  // The best of `seat`'s bench not flagged in `moved`.
  index_t best(index_t seat, const std::vector<char>& moved) {
    for (const index_t c : bench(seat))
      if (!moved[c]) return c;
    return no_index;
  }

 private:
  const std::vector<index_t>& bench(index_t seat) {
    auto& out = benches_[seat];
    if (sorted_[seat]) return out;
    sorted_[seat] = 1;
    const auto& s = org_.successors();
    std::vector<std::pair<double, index_t>> ranked;
    for (auto e : boost::make_iterator_range(boost::out_edges(seat, s.graph))) {
      const auto row = boost::get(boost::edge_index, s.graph, e);
      if (s.readiness[row] != Readiness::ready_now) continue;
      const double fit = fitness(org_, seat, s.successor[row], policy_);
      ranked.emplace_back(std::isnan(fit) ? 0.0 : -fit, s.successor[row]);
    }
    std::sort(ranked.begin(), ranked.end());
    out.reserve(ranked.size());
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
  }

  const Org& org_;
  const Policy& policy_;
  std::vector<std::vector<index_t>> benches_;
  std::vector<char> sorted_;
};

// The cascade after `leaver` leaves, of at most `max_seats` seats. `moved` (one flag per person,
// all false) marks who has moved; it is all false again on return, so one buffer serves every
// cascade of a report at a cost linear in the cascades' lengths. A seat's bench skips at most the
// people moved in this cascade.
VacancyCascade cascade_after(const Org& org, const std::vector<bool>& key, index_t leaver, ReadyBenches& benches,
                             std::size_t max_seats, std::vector<char>& moved) {
  VacancyCascade cascade;
  cascade.leaver = leaver;
  moved[leaver] = 1;
  index_t seat = leaver;
  while (true) {
    if (cascade.seats.size() == max_seats) {
      cascade.truncated = true;
      break;
    }
    if ((cascade.seats.size() & 1023) == 1023) check_cancelled();
    const index_t best = benches.best(seat, moved);
    if (best == no_index) {
      cascade.unfilled = seat;
      break;
    }
    cascade.seats.push_back(seat);
    cascade.promoted.push_back(best);
    moved[best] = 1;
    if (!holds_a_seat_to_refill(org, key, best)) break;  // an individual contributor's seat is an ordinary hire
    seat = best;
  }
  moved[leaver] = 0;
  for (const index_t p : cascade.promoted) moved[p] = 0;
  return cascade;
}

}  // namespace

VacancyCascade vacancy_cascade(const Org& org, index_t leaver, const Policy& policy) {
  std::vector<char> moved(org.size(), 0);
  ReadyBenches benches(org, policy);
  return cascade_after(org, key_positions(org, policy), leaver, benches, org.size(), moved);
}

SuccessionReport succession_readiness(const Org& org, const Policy& policy) {
  const auto& sp = policy.succession;
  SuccessionReport report;
  if (!org.has_table("successors")) {
    report.absent_reason = "no successors table";
    return report;
  }
  const auto key = key_positions(org, policy);
  const auto& h = org.hierarchy();
  const auto& s = org.successors();
  // How many key positions each person is named for.
  std::vector<index_t> named(org.size(), 0);
  for (std::size_t row = 0; row < s.incumbent.size(); ++row)
    if (key[s.incumbent[row]]) ++named[s.successor[row]];

  for (index_t p = 0; p < org.size(); ++p) {
    if (!key[p]) continue;
    KeyPosition k;
    k.incumbent = p;
    k.successors.reserve(boost::out_degree(p, s.graph));
    k.core = org.people().tiers[p] == Tier::core;
    k.unit_size = people_under(org, p);
    k.large_unit = k.unit_size >= sp.large_unit;
    for (auto e : boost::make_iterator_range(boost::out_edges(p, s.graph))) {
      const auto row = boost::get(boost::edge_index, s.graph, e);
      SuccessorAssessment a{s.successor[row], s.readiness[row], fitness(org, p, s.successor[row], policy), 0.0};
      a.weight = readiness_weight(a.readiness, sp) / static_cast<double>(named[a.person]);
      k.bench_strength += a.weight;
      k.covered = k.covered || a.readiness == Readiness::ready_now;
      k.successors.push_back(a);
    }
    std::sort(k.successors.begin(), k.successors.end(), [](const auto& a, const auto& b) {
      const double fa = std::isnan(a.fitness) ? -1 : a.fitness, fb = std::isnan(b.fitness) ? -1 : b.fitness;
      return std::tuple(a.readiness, -fa, a.person) < std::tuple(b.readiness, -fb, b.person);
    });
    k.score = sp.bench_target > 0 ? 100.0 * std::min(1.0, k.bench_strength / sp.bench_target) : 100.0;
    report.positions.push_back(std::move(k));
  }
  if (report.positions.empty()) {
    report.absent_reason = "no key positions (no core tier and no large units)";
    return report;
  }
  report.assessed = true;
  double sum = 0.0, covered = 0.0;
  for (const auto& k : report.positions) {
    sum += k.score;
    covered += k.covered ? 1.0 : 0.0;
  }
  const double positions = static_cast<double>(report.positions.size());
  report.score = sum / positions;
  report.covered_share = covered / positions;

  std::vector<bool> covered_key(org.size(), false);
  for (const auto& k : report.positions) covered_key[k.incumbent] = k.covered;

  std::vector<char> moved(org.size(), 0);
  ReadyBenches benches(org, policy);
  for (const auto& k : report.positions) {
    report.cascades.push_back(cascade_after(org, key, k.incumbent, benches, sp.cascade_seats, moved));
    if (!k.covered) {
      const bool top = h.manager[k.incumbent] == no_index;
      Finding f{"succession_readiness", "uncovered_key_position", top ? FindingSeverity::critical : FindingSeverity::high,
                {k.incumbent}, {}, {}, {}};
      f.variant = uncovered_variant(k);
      f.args = {FindingArg::people_of("holder", 0, 1)};
      if (k.large_unit) f.args.push_back(FindingArg::count_of("count", k.unit_size));
      if (!k.successors.empty()) {
        f.people.push_back(k.successors.front().person);
        f.args.push_back(FindingArg::people_of("nearest", 1, 1));
        f.args.push_back(FindingArg::word_of("readiness", "word.readiness." + std::string(to_string(k.successors.front().readiness))));
      }
      f.evidence = {{"bench_strength", k.bench_strength}, {"successors", static_cast<double>(k.successors.size())},
                    {"unit_size", static_cast<double>(k.unit_size)}};
      report.findings.push_back(std::move(f));
    }
    // The people of a successor's findings: {successor, incumbent}.
    const auto successor = FindingArg::people_of("successor", 0, 1), incumbent = FindingArg::people_of("incumbent", 1, 1);
    for (const auto& a : k.successors) {
      if (!std::isnan(a.fitness) && a.fitness < sp.min_fitness) {
        Finding f{"succession_readiness", "weak_successor", FindingSeverity::medium, {a.person, k.incumbent}, {}, {}, {}};
        f.args = {successor, incumbent, FindingArg::num("fitness", a.fitness)};
        f.evidence = {{"fitness", a.fitness}, {"min_fitness", sp.min_fitness}};
        report.findings.push_back(std::move(f));
      }
      if (key[a.person] && !covered_key[a.person]) {
        Finding f{"succession_readiness", "uncovered_successor", FindingSeverity::medium, {a.person, k.incumbent}, {}, {}, {}};
        f.args = {successor, incumbent};
        f.evidence = {{"readiness_weight", readiness_weight(a.readiness, sp)}};
        report.findings.push_back(std::move(f));
      }
    }
  }
  for (index_t p = 0; p < org.size(); ++p) {
    if (named[p] <= sp.max_positions_per_successor) continue;
    Finding f{"succession_readiness", "overloaded_successor", FindingSeverity::medium, {p}, {}, {}, {}};
    f.args = {FindingArg::people_of("successor", 0, 1), FindingArg::count_of("count", named[p])};
    f.evidence = {{"positions", static_cast<double>(named[p])}};
    report.findings.push_back(std::move(f));
  }
  // Successor loops: strongly connected groups of the successor graph. Everyone on a loop both
  // names a successor and is named as one, so the groups are looked for among those people only
  // (the graph they make among themselves holds every loop): a few, not everyone.
  if (!s.incumbent.empty()) {
    std::vector<char> is_named(org.size(), 0);
    for (const index_t c : s.successor) is_named[c] = 1;
    std::vector<index_t> local(org.size(), no_index), members;  // members[local[p]] = p
    for (index_t p = 0; p < org.size(); ++p)
      if (is_named[p] && boost::out_degree(p, s.graph) > 0) {
        local[p] = static_cast<index_t>(members.size());
        members.push_back(p);
      }
    std::vector<index_t> from, to;  // their links among themselves, by source (local indices ascend as people do)
    for (const index_t p : members)
      for (const index_t c : neighbours(s.graph, p))
        if (local[c] != no_index) from.push_back(local[p]), to.push_back(local[c]);
    const Digraph among = make_digraph(static_cast<index_t>(members.size()), from, to);
    std::vector<index_t> component(members.size());
    boost::strong_components(among,
                             boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, among)));
    // Each group's people ascending: (group, person) pairs sorted, a group a run.
    std::vector<std::pair<index_t, index_t>> grouped(members.size());
    for (std::size_t k = 0; k < members.size(); ++k) grouped[k] = {component[k], members[k]};
    std::sort(grouped.begin(), grouped.end());
    for (std::size_t first = 0, last = 0; first < grouped.size(); first = last) {
      while (last < grouped.size() && grouped[last].first == grouped[first].first) ++last;
      if (last - first < 2) continue;
      std::vector<index_t> loop;
      loop.reserve(last - first);
      for (std::size_t k = first; k < last; ++k) loop.push_back(grouped[k].second);
      Finding f{"succession_readiness", "successor_loop", FindingSeverity::medium, loop, {}, {}, {}};
      f.args = {FindingArg::people_of("people", 0, loop.size())};
      f.evidence = {{"people", static_cast<double>(loop.size())}};
      report.findings.push_back(std::move(f));
    }
  }
  sort_findings(report.findings);
  return report;
}

}  // namespace teamgraph
