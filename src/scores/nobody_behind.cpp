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

namespace {

constexpr std::uint16_t unreached = 0xFFFF, far_steps = 0xFFFE;
static_assert(far_steps > 1000, "policy.behind.mentor_reach is at most 1000");

// How far each person is from the nearest strong one (score >= `strong`) in each of the
// dimensions columns[first, first + k), k <= 8, in the sharing network: near[p * k + j] for
// dimension first + j (unreached: no strong person can be reached; distances from far_steps on
// are stored as far_steps, beyond any mentor_reach: two bytes a distance keep a million people's
// in a few MB). One breadth-first search for them all, level by level, a bit a dimension: a
// person's links are followed once a level for every dimension that reached them there, and
// whether a dimension has reached a person is one byte a person (a million fit the cache) rather
// than one array a dimension.
void nearest_strong(const Org& org, const std::vector<int>& columns, std::size_t first, std::size_t k, double strong,
                    std::vector<std::uint16_t>& near) {
  const index_t n = org.size();
  const auto& scores = org.competencies().scores;
  const auto& g = org.sharing().graph;
  near.assign(static_cast<std::size_t>(n) * k, unreached);
  std::vector<std::uint8_t> seen(n, 0), found(n, 0), found_next(n, 0);  // found: the bits reached at this level
  std::vector<index_t> level, next;
  for (index_t u = 0; u < n; ++u) {
    std::uint8_t bits = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const int col = columns[first + j];
      if (col >= 0 && scores(u, col) >= strong) bits |= static_cast<std::uint8_t>(1u << j), near[u * k + j] = 0;
    }
    if (bits) seen[u] = found[u] = bits, level.push_back(u);
  }
  for (index_t distance = 1; !level.empty(); ++distance) {
    for (const index_t u : level) {
      const std::uint8_t bits = found[u];
      for (const index_t w : neighbours(g, u)) {
        const auto added = static_cast<std::uint8_t>(bits & ~seen[w]);
        if (!added) continue;
        if (!found_next[w]) next.push_back(w);
        found_next[w] |= added;
        seen[w] |= added;
        for (std::size_t j = 0; j < k; ++j)
          if (added >> j & 1u) near[w * k + j] = static_cast<std::uint16_t>(std::min<index_t>(distance, far_steps));
      }
    }
    for (const index_t u : level) found[u] = 0;
    found.swap(found_next);
    level.swap(next);
    next.clear();
    // The next level in index order: its people's links are then read in memory order, not at
    // random. A big level is read off `found` (n bytes), a small one sorted (a long chain of
    // small levels costs no pass over everyone per level).
    if (level.size() * 16 >= static_cast<std::size_t>(n)) {
      level.clear();
      for (index_t u = 0; u < n; ++u)
        if (found[u]) level.push_back(u);
    } else {
      std::sort(level.begin(), level.end());
    }
  }
}

}  // namespace

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
  // A laggard's search: its queue with each one's steps from the laggard, and who is queued, a
  // bit a person (a core's cache holds a million people's bits: a person's link is checked
  // without a trip to memory).
  std::vector<index_t> queue, queue_dist;
  std::vector<std::uint64_t> queued((static_cast<std::size_t>(n) + 63) / 64, 0);
  const auto is_queued = [&](index_t p) { return (queued[p >> 6] >> (p & 63) & 1u) != 0; };
  const auto flip_queued = [&](index_t p) { queued[p >> 6] ^= std::uint64_t{1} << (p & 63); };
  std::size_t lag_events = 0, assessed_cells = 0;
  // A laggard's finding, with a mentor and without: made once, their figures set for each (a
  // quarter of a million on a rich 1M-person org; the list writes each to its columns).
  Finding with_mentor{"nobody_behind", "lagging", FindingSeverity::medium, {0, 0},
                      {{"score", 0}, {"median", 0}, {"robust_z", 0}, {"floor", 0}}, "mentor", {}};
  with_mentor.args = {FindingArg::people_of("person", 0, 1), FindingArg::text_of("dimension", {}),
                      FindingArg::num("score", 0), FindingArg::num("median", 0), FindingArg::people_of("mentor", 1, 1),
                      FindingArg::num("mentor_score", 0),
                      FindingArg::count_of("count", 0)};  // steps away in the sharing network
  Finding without_mentor = with_mentor;
  without_mentor.people.resize(1);
  without_mentor.variant = "no_mentor";
  without_mentor.args.resize(4);
  // Each dimension's scores, their centre and spread, first: the laggards of every dimension are
  // then counted, and the findings' room made once for all of them (a quarter of a million on a
  // rich 1M-person org, whose pools grown by doubling took a tenth of this score's time).
  struct Dimension {
    std::size_t scored = 0;
    double best = nan, med = nan, mad = nan;
    bool nobody_strong = false;
  };
  const auto robust_z = [&](double v, const Dimension& dim) {
    return dim.mad > 0 ? (v - dim.med) / (mad_scale * dim.mad) : 0.0;
  };
  std::vector<Dimension> dims(bp.dimensions.size());
  std::size_t laggards = 0;
  for (std::size_t d = 0; d < bp.dimensions.size(); ++d) {
    const int col = columns[d];
    if (col < 0) continue;
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(n));
    for (index_t p = 0; p < n; ++p)
      if (!std::isnan(scores(p, col))) values.push_back(scores(p, col));
    Dimension& dim = dims[d];
    dim.scored = values.size();
    // No one strong in the dimension: the whole team is weak in it and no one can mentor. One
    // team-wide finding then takes the place of a finding per person (and no search is made).
    dim.best = values.empty() ? nan : *std::max_element(values.begin(), values.end());
    dim.nobody_strong = dim.scored > 0 && dim.best < bp.strong;
    std::tie(dim.med, dim.mad) = median_and_mad(std::move(values));
    if (dim.nobody_strong) continue;
    for (index_t p = 0; p < n; ++p) {
      const double v = scores(p, col);
      laggards += !std::isnan(v) && (v < bp.floor || robust_z(v, dim) < bp.robust_z);
    }
  }
  r.findings.reserve_more(with_mentor, laggards);
  constexpr std::size_t chunk = 8;  // dimensions a search for the nearest strong people
  std::vector<std::uint16_t> near_chunk;
  for (std::size_t d = 0; d < bp.dimensions.size(); ++d) {
    if (d % chunk == 0) nearest_strong(org, columns, d, std::min(chunk, bp.dimensions.size() - d), bp.strong, near_chunk);
    const std::size_t k = std::min(chunk, bp.dimensions.size() - d / chunk * chunk), j = d % chunk;
    const auto near = [&](index_t p) -> index_t {
      const std::uint16_t steps = near_chunk[p * k + j];
      return steps == unreached ? no_index : steps;
    };
    const int col = columns[d];
    if (col < 0) {
      r.parts.push_back(missing_part(bp.dimensions[d], "no competency column " + bp.dimensions[d]));
      continue;
    }
    const Dimension& dim = dims[d];
    const std::size_t scored = dim.scored;
    assessed_cells += scored;
    const std::size_t lags_before = lag_events;
    const double best = dim.best, med = dim.med;
    const bool nobody_strong = dim.nobody_strong;
    // The dimension's own figures in its laggards' findings, set once for all of them.
    for (Finding* f : {&with_mentor, &without_mentor}) {
      f->args[1].items[0].assign(bp.dimensions[d]);
      f->args[3].number = med;
      f->evidence[1].value = med, f->evidence[3].value = bp.floor;
    }
    std::vector<index_t> weak;
    // How far each person is from the nearest strong one is near(p) (nearest_strong). A laggard's
    // own search follows only links that lead to a nearest strong person (near one less at each
    // step), so it finds exactly the nearest candidates without exploring the network around
    // them (a 20,000-person chain with one strong end took 2 s).
    // Who is strong, a bit a person (a million people's fit a core's cache, where their
    // distances do not): the last step of a search reads these bits instead of the distances.
    std::vector<std::uint64_t> strong_bits((static_cast<std::size_t>(n) + 63) / 64, 0);
    for (index_t p = 0; p < n; ++p)
      if (scores(p, col) >= bp.strong) strong_bits[p >> 6] |= std::uint64_t{1} << (p & 63);
    const auto strong = [&](index_t p) { return (strong_bits[p >> 6] >> (p & 63) & 1u) != 0; };
    std::vector<double> z(n, nan);
    for (index_t p = 0; p < n; ++p) {
      const double v = scores(p, col);
      if (std::isnan(v)) continue;
      z[p] = robust_z(v, dim);
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
      const bool narrowed = near(p) != 0;
      std::size_t looked_at = 0;
      if (near(p) != no_index && (!narrowed || near(p) <= bp.mentor_reach)) {
        queue.assign(1, p);
        queue_dist.assign(1, 0);
        flip_queued(p);
        // Whoever is queued is looked at; the budget limits what is queued.
        for (std::size_t head = 0; head < queue.size(); ++head) {
          const index_t u = queue[head], steps = queue_dist[head];
          if (mentor != no_index && steps > mentor_dist) break;
          if (u != p && strong(u)) {
            const auto better = [&](index_t a, index_t b) {
              const bool fa = mentees[a] < bp.max_mentees, fb = mentees[b] < bp.max_mentees;
              return std::tuple(!fa, mentees[a], -scores(a, col), a) < std::tuple(!fb, mentees[b], -scores(b, col), b);
            };
            if (mentor == no_index || better(u, mentor)) mentor = u, mentor_dist = steps;
            continue;
          }
          if (steps >= bp.mentor_reach) continue;
          // Narrowed, the next step goes to people `want` steps from the nearest strong ones.
          const index_t want = narrowed ? near(p) - steps - 1 : 0;
          for (auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
            if (looked_at >= bp.mentor_search) break;
            ++looked_at;
            const index_t w = boost::target(e, g);
            // Only toward a nearest strong person: w one step further from p, one nearer to them
            // (the last step needs only the strong bits).
            if (narrowed && (want == 0 ? !strong(w) : strong(w) || near(w) != want)) continue;
            if (is_queued(w)) continue;
            flip_queued(w);
            queue.push_back(w);
            queue_dist.push_back(steps + 1);
          }
        }
        for (const auto t : queue) flip_queued(t);
      }
      Finding& f = mentor != no_index ? with_mentor : without_mentor;
      f.severity = v < bp.floor * bp.severe_share_of_floor ? FindingSeverity::high : FindingSeverity::medium;
      f.people[0] = p;
      f.args[2].number = v;
      if (mentor != no_index) {
        ++mentees[mentor];
        f.people[1] = mentor;
        f.args[5].number = scores(mentor, col);
        f.args[6].number = static_cast<double>(mentor_dist);
      }
      f.evidence[0].value = v, f.evidence[2].value = z[p];
      r.findings.push_back(f);
    }
    if (nobody_strong) {
      Finding f{"nobody_behind", "weak_dimension", weak.empty() ? FindingSeverity::medium : FindingSeverity::high,
                std::move(weak), {}, {}, {}};
      f.args = {FindingArg::text_of("dimension", bp.dimensions[d]), FindingArg::num("best", best),
                FindingArg::num("strong", bp.strong), FindingArg::count_of("scored", scored)};
      f = about_people(std::move(f), {{"best", best}, {"strong", bp.strong}, {"median", med}});
      if (f.people.empty()) f.variant = "none_lagging";
      r.findings.push_back(std::move(f));
    }
    r.people.push_back({"robust_z_" + bp.dimensions[d], std::move(z)});
    r.parts.push_back(scored == 0 ? missing_part(bp.dimensions[d], "no one has a score on " + bp.dimensions[d])
                                     : part(bp.dimensions[d],
                                            1.0 - static_cast<double>(lag_events - lags_before) / static_cast<double>(scored), ""));
  }
  // Learning capacity: learning hours far below the team's.
  const Eigen::VectorXd& hours_of = schema_column(org.people().columns, "learning_hours").numbers;
  std::vector<double> hours;
  for (index_t p = 0; p < n; ++p)
    if (!std::isnan(hours_of[p])) hours.push_back(hours_of[p]);
  const double hmed = median(hours), hmad = median_absolute_deviation(hours, hmed);
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
  r.people.push_back({"dimensions_lagging", std::move(lagging)});  // moved, not copied: a big org's column
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
