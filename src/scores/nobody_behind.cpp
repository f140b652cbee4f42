#include "teamgraph/scores/nobody_behind.hpp"

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/org_parts.hpp"

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport nobody_behind(const Org& org, const Policy& policy) {
  const auto& bp = policy.behind;
  if (!org.has_table("competencies")) return absent("nobody_behind", "no competencies table");
  if (bp.dimensions.empty()) return absent("nobody_behind", "the policy names no dimensions (behind.dimensions)");
  const index_t n = org.size();
  std::vector<int> columns;
  for (const auto& d : bp.dimensions) columns.push_back(competency_column(org, d));
  if (std::all_of(columns.begin(), columns.end(), [](int c) { return c < 0; }))
    return absent("nobody_behind", "no scores for any of the dimensions (" + bp.dimensions.front() + ", ...)");
  ScoreReport r;
  r.name = "nobody_behind";
  r.assessed = true;
  const auto& scores = org.competencies().scores;
  const auto& g = org.sharing().graph;
  std::vector<index_t> mentees(n, 0);
  std::vector<double> lagging(n, 0.0);
  std::vector<index_t> dist(n, no_index);
  std::vector<index_t> touched;  // a laggard's search: its queue (in order), then reset
  std::size_t lag_events = 0, assessed_cells = 0;
  for (std::size_t d = 0; d < bp.dimensions.size(); ++d) {
    const int col = columns[d];
    if (col < 0) {
      r.parts.push_back(missing_part(bp.dimensions[d], "no competency column " + bp.dimensions[d]));
      continue;
    }
    std::vector<double> values;
    for (index_t p = 0; p < n; ++p)
      if (!std::isnan(scores(p, col))) values.push_back(scores(p, col));
    assessed_cells += values.size();
    const std::size_t lags_before = lag_events;
    const double med = median_of(values), mad = median_absolute_deviation(values, med);
    // No one strong in the dimension: the whole team is weak in it and no one can mentor. One
    // team-wide finding then takes the place of a finding per person (and no search is made).
    const double best = values.empty() ? nan : *std::max_element(values.begin(), values.end());
    const bool nobody_strong = !values.empty() && best < bp.strong;
    std::vector<index_t> weak;
    // How far each person is from the nearest strong one: one breadth-first search from all of
    // them. A laggard's own search then follows only links that lead to a nearest strong person
    // (near[w] one less at each step), so it finds exactly the nearest candidates without
    // exploring the network around them (a 20,000-person chain with one strong end took 2 s).
    std::vector<index_t> near;
    if (!nobody_strong) {
      near.assign(n, no_index);
      std::vector<index_t> frontier;  // breadth-first: read from the front, never popped
      for (index_t u = 0; u < n; ++u)
        if (scores(u, col) >= bp.strong) near[u] = 0, frontier.push_back(u);
      for (std::size_t head = 0; head < frontier.size(); ++head) {
        const index_t u = frontier[head];
        for (auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
          const index_t w = boost::target(e, g);
          if (near[w] == no_index) near[w] = near[u] + 1, frontier.push_back(w);
        }
      }
    }
    std::vector<double> z(n, nan);
    for (index_t p = 0; p < n; ++p) {
      const double v = scores(p, col);
      if (std::isnan(v)) continue;
      z[p] = mad > 0 ? (v - med) / (mad_scale * mad) : 0.0;
      const bool lags = v < bp.floor || z[p] < bp.robust_z;
      if (!lags) continue;
      ++lag_events;
      lagging[p] += 1;
      if (nobody_strong) {
        weak.push_back(p);
        continue;
      }
      // The nearest strong person in the sharing network (breadth-first, nearest first); among
      // the nearest, fewest mentees, then the highest score, then the earliest.
      index_t mentor = no_index, mentor_dist = no_index;
      // A strong laggard (lagging by the team's spread) is its own nearest strong person: their
      // search is not narrowed, only bounded by mentor_reach and mentor_search.
      const bool narrowed = near[p] != 0;
      std::size_t looked_at = 0;
      if (near[p] != no_index && (!narrowed || near[p] <= bp.mentor_reach)) {
        dist[p] = 0;
        touched.assign(1, p);  // the queue, read from the front: whoever is queued is looked at;
        for (std::size_t head = 0; head < touched.size(); ++head) {  // the budget limits what is queued
          const index_t u = touched[head];
          if (mentor != no_index && dist[u] > mentor_dist) break;
          if (u != p && scores(u, col) >= bp.strong) {
            const auto better = [&](index_t a, index_t b) {
              const bool fa = mentees[a] < bp.max_mentees, fb = mentees[b] < bp.max_mentees;
              return std::tuple(!fa, mentees[a], -scores(a, col), a) < std::tuple(!fb, mentees[b], -scores(b, col), b);
            };
            if (mentor == no_index || better(u, mentor)) mentor = u, mentor_dist = dist[u];
            continue;
          }
          if (dist[u] >= bp.mentor_reach) continue;
          for (auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
            if (looked_at >= bp.mentor_search) break;
            ++looked_at;
            const index_t w = boost::target(e, g);
            // Only toward a nearest strong person: w one step further from p, one nearer to them.
            if (dist[w] != no_index || (narrowed && (near[w] == no_index || dist[u] + 1 + near[w] != near[p]))) continue;
            dist[w] = dist[u] + 1;
            touched.push_back(w);
          }
        }
        for (const auto t : touched) dist[t] = no_index;
      }
      const auto& dim = bp.dimensions[d];
      const auto severity = v < bp.floor * bp.severe_share_of_floor ? FindingSeverity::high : FindingSeverity::medium;
      Finding f{"nobody_behind", "lagging", severity, {p}, {}, {}, {}};
      f.args = {FindingArg::people_of("person", 0, 1), FindingArg::text_of("dimension", dim), FindingArg::num("score", v),
                FindingArg::num("median", med)};
      if (mentor != no_index) {
        ++mentees[mentor];
        f.people.push_back(mentor);
        f.variant = "mentor";
        f.args.push_back(FindingArg::people_of("mentor", 1, 1));
        f.args.push_back(FindingArg::num("mentor_score", scores(mentor, col)));
        f.args.push_back(FindingArg::count_of("count", mentor_dist));  // steps away in the sharing network
      } else {
        f.variant = "no_mentor";
      }
      f.evidence = {{"score", v}, {"median", med}, {"robust_z", z[p]}, {"floor", bp.floor}};
      r.findings.push_back(std::move(f));
    }
    if (nobody_strong) {
      Finding f{"nobody_behind", "weak_dimension", weak.empty() ? FindingSeverity::medium : FindingSeverity::high,
                std::move(weak), {}, {}, {}};
      f.args = {FindingArg::text_of("dimension", bp.dimensions[d]), FindingArg::num("best", best),
                FindingArg::num("strong", bp.strong), FindingArg::count_of("scored", values.size())};
      f = about_people(std::move(f), {{"best", best}, {"strong", bp.strong}, {"median", med}});
      if (f.people.empty()) f.variant = "none_lagging";
      r.findings.push_back(std::move(f));
    }
    r.people.push_back({"robust_z_" + bp.dimensions[d], z});
    r.parts.push_back(values.empty() ? missing_part(bp.dimensions[d], "no one has a score on " + bp.dimensions[d])
                                     : part(bp.dimensions[d],
                                            1.0 - static_cast<double>(lag_events - lags_before) / static_cast<double>(values.size()), ""));
  }
  // Learning capacity: learning hours far below the team's.
  const Eigen::VectorXd& hours_of = schema_column(org.people().columns, "learning_hours").numbers;
  std::vector<double> hours;
  for (index_t p = 0; p < n; ++p)
    if (!std::isnan(hours_of[p])) hours.push_back(hours_of[p]);
  const double hmed = median_of(hours), hmad = median_absolute_deviation(hours, hmed);
  std::vector<index_t> low_learning;
  for (index_t p = 0; p < n; ++p) {
    const double h = hours_of[p];
    if (std::isnan(h)) continue;
    if (!(hmed > 0)) {  // most of the team logged nothing: no one is measured against the team
      if (h == 0) low_learning.push_back(p);
      continue;
    }
    const double z = hmad > 0 ? (h - hmed) / (mad_scale * hmad) : (h < hmed ? -INFINITY : 0.0);
    if (z < bp.learning_robust_z || h == 0) low_learning.push_back(p);
  }
  if (!hours.empty() && hmed == 0) {  // a team-wide failure
    const bool everyone = low_learning.size() == hours.size();
    Finding f{"nobody_behind", "low_learning", everyone ? FindingSeverity::high : FindingSeverity::medium,
              low_learning, {}, everyone ? "team" : "most", {}};
    f.args.push_back(FindingArg::count_of("reported", hours.size()));
    r.findings.push_back(about_people(std::move(f), {{"people_reported", static_cast<double>(hours.size())}}));
  } else if (!low_learning.empty()) {
    Finding f{"nobody_behind", "low_learning", FindingSeverity::medium, low_learning, {}, {}, {}};
    f.args.push_back(FindingArg::num("median_hours", hmed));
    r.findings.push_back(about_people(std::move(f), {{"median_hours", hmed}}));
  }
  // A placeholder has no scores (the builder sees to it): never lagging, and not applicable.
  lagging = without_placeholders(org, std::move(lagging));
  r.people.push_back({"dimensions_lagging", lagging});
  std::size_t people_lagging = 0;
  for (index_t p = 0; p < n; ++p) people_lagging += lagging[p] > 0;
  const index_t headcount = org.headcount();
  r.figures = {{"people_lagging", static_cast<double>(people_lagging), {}},
               {"lagging_share", headcount ? static_cast<double>(people_lagging) / headcount : nan, headcount ? "" : "no people"},
               {"lags", static_cast<double>(lag_events), {}},
               {"learning_hours_median", hmed, hours.empty() ? "no learning hours given" : ""}};
  // The dimensions' parts pooled: each weighs as many as have a score on it.
  r.score = assessed_cells ? 100.0 * (1.0 - static_cast<double>(lag_events) / static_cast<double>(assessed_cells)) : nan;
  if (std::isnan(r.score)) {
    auto unscored = absent("nobody_behind", "no one has a score on the dimensions");
    unscored.parts = std::move(r.parts);
    return unscored;
  }
  r.groups = group_means("tier", tier_labels, tier_groups(org), lagging, "dimensions_lagging", policy.min_group_size);
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
