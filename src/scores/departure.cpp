#include "teamgraph/scores/departure.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/scores/market_response.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace teamgraph {
namespace {

// Points the core leadership score loses when each core member leaves, from per-competency
// (best, second best, depth): O(core x competencies), no re-scoring per person.
std::vector<double> coverage_drops(const Org& org, const LeadershipReport& lr, const LeadershipPolicy& policy) {
  std::vector<double> drop(org.size(), 0.0);
  if (!lr.assessed) return drop;
  const auto& comps = lr.core_coverage.competencies;
  const auto& scores = org.competencies().scores;
  struct Top {
    int column;
    double best, second;
    index_t holder;
  };
  std::vector<Top> tops;
  for (const auto& c : comps) {
    Top t{competency_column(org, c.competency), 0.0, 0.0, no_index};
    if (t.column >= 0)
      for (const index_t p : lr.core) {
        const double v = scores(p, t.column);
        if (std::isnan(v)) continue;
        if (t.holder == no_index || v > t.best) {
          t.second = t.best;
          t.best = v;
          t.holder = p;
        } else if (v > t.second) {
          t.second = v;
        }
      }
    tops.push_back(t);
  }
  std::vector<double> per(comps.size());
  for (const index_t p : lr.core) {
    bool complete = true;
    for (std::size_t r = 0; r < comps.size(); ++r) {
      const double v = tops[r].column >= 0 ? scores(p, tops[r].column) : std::nan("");
      const double coverage = tops[r].holder == p ? tops[r].second : comps[r].coverage;
      const index_t depth = comps[r].depth - (!std::isnan(v) && v >= policy.threshold ? 1 : 0);
      per[r] = competency_score(coverage, depth, policy);
      complete = complete && depth > 0;
    }
    const double after = lr.core.size() > 1 ? group_score(per, complete, policy) : 0.0;
    drop[p] = std::max(0.0, lr.score - after);
  }
  return drop;
}

// People by risk (NaN after every given risk), then impact, then index. Most people have no
// impact at all (no unit, no cut-off, no core seat): they are appended in index order, and only the
// rest is sorted, as contiguous records rather than indices into two arrays. Written into
// `ranking`, which keeps its room.
void rank_by_risk(const std::vector<double>& risk, const std::vector<double>& impact,
                  const std::vector<std::uint8_t>& placeholder, std::vector<index_t>& ranking) {
  struct Key {
    double risk, impact;
    index_t person;
  };
  const auto n = static_cast<index_t>(impact.size());
  enum Group { sorted_group, zero_group, zero_unknown_group, left_out };
  auto group_of = [&](index_t p) {
    if (placeholder[p]) return left_out;  // no departure of theirs is measured: ranked nowhere
    const bool unknown = std::isnan(risk[p]);
    if (impact[p] > 0 || (!unknown && risk[p] != 0)) return sorted_group;
    return unknown ? zero_unknown_group : zero_group;
  };
  std::array<std::size_t, 4> sizes{};  // counted first: each list allocated once
  for (index_t p = 0; p < n; ++p) ++sizes[group_of(p)];
  std::vector<Key> keyed;
  std::vector<index_t> zero, zero_unknown;  // impact 0: risk 0, and risk not given
  keyed.reserve(sizes[sorted_group]);
  zero.reserve(sizes[zero_group]);
  zero_unknown.reserve(sizes[zero_unknown_group]);
  for (index_t p = 0; p < n; ++p) {
    const Group g = group_of(p);
    if (g == sorted_group)
      keyed.push_back(Key{std::isnan(risk[p]) ? -1.0 : risk[p], impact[p], p});
    else if (g != left_out)
      (g == zero_unknown_group ? zero_unknown : zero).push_back(p);
  }
  std::sort(keyed.begin(), keyed.end(), [](const Key& a, const Key& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    if (a.impact != b.impact) return a.impact > b.impact;
    return a.person < b.person;
  });
  // Every keyed person has some impact, so the people with risk 0 and no impact follow the keyed
  // people with a risk (>= 0) and precede those without one (-1); no risk and no impact is last.
  ranking.clear();
  ranking.reserve(n - sizes[left_out]);
  auto it = keyed.begin();
  for (; it != keyed.end() && it->risk >= 0; ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero.begin(), zero.end());
  for (; it != keyed.end(); ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero_unknown.begin(), zero_unknown.end());
}

}  // namespace

namespace detail {

void departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                      const Authorship* knowledge, const SharingStructure* sharing, DepartureImpact& d) {
  const index_t n = org.size();
  d.reachable_from_core = 0;
  d.knowledge_assessed = false;
  LeadershipReport computed;
  if (!leadership) {
    computed = leadership_coverage(org, policy);
    leadership = &computed;
  }
  d.coverage_assessed = leadership->assessed;
  d.coverage_drop = coverage_drops(org, *leadership, policy.leadership);

  // A placeholder person's departure is not measured (they are not described): their figures
  // are n/a (NaN; 0 in the count columns, which Python shows as n/a) and they are ranked nowhere.
  // The shares are of the people described (headcount), and unit_left counts only them.
  const auto& placeholder = org.people().placeholder;
  const double headcount = org.headcount();
  d.unit_left.resize(n);
  for (index_t p = 0; p < n; ++p) d.unit_left[p] = placeholder[p] ? 0 : people_under(org, p);

  d.sharing_assessed = org.has_table("sharing") && !leadership->core.empty();
  if (d.sharing_assessed) {
    SharingStructure computed_structure;
    if (!sharing) {
      computed_structure = sharing_structure(org, leadership->core, /*brokers=*/false);
      sharing = &computed_structure;
    }
    d.cut_off = sharing->cut_off;
    d.reachable_from_core = sharing->reachable_from_core;
  } else {
    d.cut_off.assign(n, 0);
  }

  Authorship computed_knowledge;
  if (!knowledge && org.has_table("contributions")) {
    computed_knowledge = authorship(contribution_log(org), nullptr, TruckFactorMethod::standard, policy.truck_factor);
    knowledge = &computed_knowledge;
  }
  d.orphaned.assign(n, 0);
  std::size_t artifacts = 0;
  if (knowledge) {
    d.knowledge_assessed = true;
    artifacts = knowledge->artifacts.size();
    for (std::size_t a = 0; a < artifacts; ++a)
      if (knowledge->offsets[a + 1] - knowledge->offsets[a] == 1) ++d.orphaned[knowledge->authors[knowledge->offsets[a]]];
  }

  // The channels whose main answerer they are.
  std::size_t channels = 0;
  d.market_assessed = false;
  d.channels_led.assign(n, 0);
  if (org.has_table("operations")) {
    ChannelAnswerers answerers = channel_answerers(org, policy.market);
    channels = answerers.channels.size();
    d.market_assessed = channels > 0;
    if (d.market_assessed) d.channels_led = std::move(answerers.channels_led);
  }

  // impact: the weighted mean over the parts that have data.
  const auto& w = policy.departure;
  const double wc = d.coverage_assessed ? w.weight_coverage : 0.0, wu = w.weight_unit,
               ws = d.sharing_assessed ? w.weight_sharing : 0.0, wk = d.knowledge_assessed && artifacts ? w.weight_knowledge : 0.0,
               wm = d.market_assessed ? w.weight_channels : 0.0;
  const double total = wc + wu + ws + wk + wm;
  d.impact.resize(n);
  d.risk.resize(n);
  for (index_t p = 0; p < n; ++p) {
    if (placeholder[p]) {
      d.coverage_drop[p] = d.impact[p] = d.risk[p] = std::nan("");
      continue;
    }
    const double parts = wc * d.coverage_drop[p] / 100.0 + wu * d.unit_left[p] / headcount +
                         ws * d.cut_off[p] / headcount +
                         (wk > 0 ? wk * d.orphaned[p] / static_cast<double>(artifacts) : 0.0) +
                         (wm > 0 ? wm * d.channels_led[p] / static_cast<double>(channels) : 0.0);
    d.impact[p] = total > 0 ? parts / total : 0.0;
    d.risk[p] = org.people().flight_risk[p] * d.impact[p];
  }
  rank_by_risk(d.risk, d.impact, placeholder, d.ranking);

  // Findings: the people whose departure would hurt most, "If {person} leaves, {effects} (impact
  // .., risk ..)", one clause an effect. Each is written over one Finding, its arguments and
  // evidence keeping their room, and added to the record's list (cleared, keeping its room: a
  // batch worker refills one record for every team).
  using Kind = FindingArg::Kind;
  auto put = [](FindingArg& a, const char* name, Kind kind, double number) {
    a.name.assign(name);
    a.kind = kind;
    a.number = number;
    a.items.clear();
    a.first = 0, a.size = kind == Kind::people ? 1 : 0;
    if (kind != Kind::clauses) a.clauses.clear();  // a list keeps only what the kind shows (else refused)
  };
  std::size_t shown = 0;
  d.findings.clear();
  d.findings.reserve(w.findings);
  Finding f;
  for (const index_t p : d.ranking) {
    if (shown == w.findings || d.impact[p] <= 0.0) break;
    ++shown;
    const double risk = d.risk[p];
    const auto severity = std::isnan(risk)          ? FindingSeverity::medium
                          : risk >= w.critical_risk ? FindingSeverity::critical
                          : risk >= w.high_risk     ? FindingSeverity::high
                                                    : FindingSeverity::medium;
    f.score.assign("departure_impact");
    f.code.assign("high_departure_impact");
    f.variant.assign(std::isnan(risk) ? "no_flight_risk" : "");
    f.severity = severity;
    f.people.assign(1, p);
    f.rank = static_cast<std::uint32_t>(shown);  // the ranking's order
    f.args.resize(4);
    put(f.args[0], "person", Kind::people, 0.0);
    put(f.args[1], "effects", Kind::clauses, 0.0);
    put(f.args[2], "impact", Kind::number, d.impact[p]);
    put(f.args[3], "risk", Kind::number, risk);
    auto& effects = f.args[1].clauses;
    std::size_t clauses = 0;
    auto effect = [&](const char* key, const char* name, Kind kind, double value) {
      if (!(value > 0)) return;
      if (clauses == effects.size()) effects.emplace_back();
      FindingClause& c = effects[clauses++];
      c.key.assign(key);
      c.args.resize(1);
      put(c.args[0], name, kind, value);
    };
    effect("departure.coverage_drop", "points", Kind::number, d.coverage_drop[p]);
    effect("departure.unit_left", "count", Kind::count, static_cast<double>(d.unit_left[p]));
    if (d.unit_left[p] > 0) {  // who loses their manager (direct reports) beside the unit below them
      auto& unit = effects[clauses - 1].args;
      unit.resize(2);
      put(unit[1], "direct", Kind::count, static_cast<double>(boost::out_degree(p, org.hierarchy().reports)));
    }
    effect("departure.cut_off", "count", Kind::count, static_cast<double>(d.cut_off[p]));
    effect("departure.orphaned", "count", Kind::count, static_cast<double>(d.orphaned[p]));
    effect("departure.channels_led", "count", Kind::count, static_cast<double>(d.channels_led[p]));
    effects.resize(clauses);
    f.evidence.resize(7);
    std::size_t e = 0;
    for (auto [name, value] : {std::pair<const char*, double>{"impact", d.impact[p]},
                               {"risk", risk},
                               {"coverage_drop", d.coverage_drop[p]},
                               {"unit_left", static_cast<double>(d.unit_left[p])},
                               {"cut_off", static_cast<double>(d.cut_off[p])},
                               {"orphaned_artifacts", static_cast<double>(d.orphaned[p])},
                               {"channels_led", static_cast<double>(d.channels_led[p])}}) {
      f.evidence[e].name.assign(name);
      f.evidence[e++].value = value;
    }
    d.findings.push_back(f);
  }
  sort_findings(d.findings);
}

}  // namespace detail

DepartureImpact departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                                 const Authorship* knowledge, const SharingStructure* sharing) {
  DepartureImpact d;
  detail::departure_impact(org, policy, leadership, knowledge, sharing, d);
  return d;
}

}  // namespace teamgraph
