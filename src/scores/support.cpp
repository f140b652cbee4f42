#include "teamgraph/scores/support.hpp"

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>

#include "teamgraph/scores/departure.hpp"
#include "teamgraph/scores/leadership.hpp"

namespace teamgraph {

// ---------------------------------------------------------------------------------------------
// Statistics

double gini(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (total <= 0) return std::nan("");
  // G = sum_i (2i - n - 1) x_(i) / (n sum x), i = 1..n over sorted values.
  double weighted = 0.0;
  const double n = static_cast<double>(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * v[i];
  return weighted / (n * total);
}

double herfindahl(const std::vector<double>& v) {
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (total <= 0) return std::nan("");
  double h = 0.0;
  for (const double x : v) h += (x / total) * (x / total);
  return h;
}

namespace {

// The note of a figure: why it is not available when it is NaN, nothing otherwise.
std::string why(double value, const char* reason) { return std::isnan(value) ? std::string(reason) : std::string(); }

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}
}  // namespace

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nan("");
  const auto rx = ranks(x), ry = ranks(y);
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / static_cast<double>(rx.size());
  const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / static_cast<double>(ry.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
}

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2.0;
}

double median_absolute_deviation(const std::vector<double>& v) {
  const double m = median(v);
  std::vector<double> d;
  d.reserve(v.size());
  for (const double x : v) d.push_back(std::abs(x - m));
  return median(d);
}

std::vector<GroupFigure> group_means(const std::string& kind, const std::vector<std::string>& labels,
                                     const std::vector<std::int32_t>& group_of, const Eigen::VectorXd& values,
                                     const std::string& figure, std::uint32_t min_group_size) {
  std::vector<double> sum(labels.size(), 0.0);
  std::vector<std::size_t> size(labels.size(), 0), with_value(labels.size(), 0);
  for (std::size_t p = 0; p < group_of.size(); ++p) {
    if (group_of[p] < 0) continue;
    const auto g = static_cast<std::size_t>(group_of[p]);
    ++size[g];
    if (!std::isnan(values[static_cast<Eigen::Index>(p)])) {
      sum[g] += values[static_cast<Eigen::Index>(p)];
      ++with_value[g];
    }
  }
  std::vector<GroupFigure> out;
  std::vector<std::size_t> published;
  std::size_t withheld = 0;
  for (std::size_t g = 0; g < labels.size(); ++g) {
    if (size[g] == 0) continue;
    GroupFigure f{kind, labels[g], figure, size[g], std::nan(""), {}};
    if (size[g] < min_group_size) {
      f.withheld = "fewer than " + std::to_string(min_group_size) + " people";
      ++withheld;
    } else if (with_value[g] == 0) {
      f.withheld = "no data";
    } else {
      f.value = sum[g] / static_cast<double>(with_value[g]);
      published.push_back(out.size());
    }
    out.push_back(std::move(f));
  }
  // One small group withheld next to a published total could be recovered by subtraction:
  // withhold the next smallest group too.
  if (withheld == 1 && !published.empty()) {
    const auto smallest = *std::min_element(published.begin(), published.end(), [&](auto a, auto b) {
      return std::tie(out[a].size, out[a].group) < std::tie(out[b].size, out[b].group);
    });
    out[smallest].value = std::nan("");
    out[smallest].withheld = "withheld with a smaller group so that it cannot be recovered from the others";
  }
  return out;
}

const Figure* ScoreReport::figure(std::string_view name) const {
  for (const auto& f : figures)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Mean of the parts that are not NaN, times 100.
double mean_score(const std::vector<double>& parts) {
  double sum = 0.0;
  std::size_t n = 0;
  for (const double p : parts)
    if (!std::isnan(p)) sum += p, ++n;
  return n ? 100.0 * sum / static_cast<double>(n) : nan;
}

ScoreReport absent(std::string name, std::string reason) {
  ScoreReport r;
  r.name = std::move(name);
  r.absent_reason = std::move(reason);
  return r;
}

std::vector<std::int32_t> tier_groups(const Org& org) {
  std::vector<std::int32_t> out;
  for (const auto t : org.people().tiers) out.push_back(static_cast<std::int32_t>(t));
  return out;
}
const std::vector<std::string> tier_labels{"core", "execution", "support"};

bool in_period(const Org& org, std::int64_t date) {
  const auto& t = org.team();
  if (date == no_date) return true;  // undated rows count in any period
  if (t.period_start != no_date && date < t.period_start) return false;
  if (t.period_end != no_date && date >= t.period_end + 86400) return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Incentive balance (S2)

ScoreReport incentive_balance(const Org& org, const Policy& policy) {
  const auto& ip = policy.incentives;
  if (!org.has_table("incentives")) return absent("incentive_balance", "no incentives table");
  const index_t n = org.size();
  if (n == 0) return absent("incentive_balance", "the team is empty");
  ScoreReport r;
  r.name = "incentive_balance";
  r.assessed = true;
  const auto& in = org.incentives();
  Eigen::VectorXd material = Eigen::VectorXd::Zero(n), spiritual_count = Eigen::VectorXd::Zero(n),
                  material_count = Eigen::VectorXd::Zero(n);
  double events_material = 0, events_spiritual = 0;
  for (std::size_t k = 0; k < in.person.size(); ++k) {
    if (!in_period(org, in.date[k])) continue;
    const index_t p = in.person[k];
    if (in.kind[k] == IncentiveKind::material) {
      const double a = in.amount[static_cast<Eigen::Index>(k)];
      material[p] += std::isnan(a) ? 0.0 : a;
      material_count[p] += 1;
      events_material += 1;
    } else {
      spiritual_count[p] += 1;
      events_spiritual += 1;
    }
  }
  const double team_mean = material.mean();
  Eigen::VectorXd normalized(n), share(n);
  std::vector<index_t> no_spiritual, neither;
  for (index_t p = 0; p < n; ++p) {
    normalized[p] = team_mean > 0 ? material[p] / team_mean : nan;
    const double events = material_count[p] + spiritual_count[p];
    share[p] = events > 0 ? material_count[p] / events : nan;
    if (spiritual_count[p] == 0) (material_count[p] == 0 ? neither : no_spiritual).push_back(p);
  }
  r.people = {{"material_total", material}, {"material_vs_team", normalized}, {"spiritual_count", spiritual_count},
              {"material_share_of_events", share}};

  const double events = events_material + events_spiritual;
  const double spiritual_share = events > 0 ? events_spiritual / events : nan;
  double balance = nan;
  if (!std::isnan(spiritual_share)) {
    if (spiritual_share < ip.spiritual_share_low) balance = spiritual_share / ip.spiritual_share_low;
    else if (spiritual_share > ip.spiritual_share_high) balance = (1.0 - spiritual_share) / (1.0 - ip.spiritual_share_high);
    else balance = 1.0;
  }
  const double recognized = 1.0 - static_cast<double>(no_spiritual.size() + neither.size()) / n;
  std::vector<double> recognitions(spiritual_count.data(), spiritual_count.data() + n);
  std::vector<double> pay(material.data(), material.data() + n);
  const double pay_gini = gini(pay);

  // Pay for performance: Spearman rank correlation of material totals with assessment.
  std::vector<double> xs, ys;
  std::vector<index_t> assessed_people;
  for (index_t p = 0; p < n; ++p)
    if (!std::isnan(org.people().assessment[p])) {
      xs.push_back(material[p]);
      ys.push_back(org.people().assessment[p]);
      assessed_people.push_back(p);
    }
  double rho = nan, low = nan, high = nan;
  std::string rho_note;
  if (xs.size() < ip.min_people_for_correlation) {
    rho_note = "too few people with an assessment (" + std::to_string(xs.size()) + ", at least " +
               std::to_string(ip.min_people_for_correlation) + " needed)";
  } else {
    rho = spearman(xs, ys);
    // Percentile bootstrap with a fixed seed: the same data gives the same interval.
    std::mt19937_64 rng(20260701);
    std::uniform_int_distribution<std::size_t> pick(0, xs.size() - 1);
    std::vector<double> samples, bx(xs.size()), by(xs.size());
    for (std::uint32_t b = 0; b < ip.bootstrap_samples; ++b) {
      for (std::size_t i = 0; i < xs.size(); ++i) {
        const auto j = pick(rng);
        bx[i] = xs[j];
        by[i] = ys[j];
      }
      const double s = spearman(bx, by);
      if (!std::isnan(s)) samples.push_back(s);
    }
    if (!samples.empty()) {
      std::sort(samples.begin(), samples.end());
      low = samples[static_cast<std::size_t>(0.025 * static_cast<double>(samples.size() - 1))];
      high = samples[static_cast<std::size_t>(0.975 * static_cast<double>(samples.size() - 1))];
    }
    if (std::isnan(rho)) rho_note = "pay or assessment does not vary";
  }
  // Career linkage.
  const auto& people = org.people();
  auto plan_share = [&](auto&& selected) {
    double with = 0, total = 0;
    for (index_t p = 0; p < n; ++p)
      if (selected(p) && people.has_career_plan[p] >= 0) total += 1, with += people.has_career_plan[p];
    return total > 0 ? with / total : nan;
  };
  std::vector<bool> successor(n, false);
  for (const auto s : org.successors().successor) successor[s] = true;
  const double career_all = plan_share([](index_t) { return true; });
  const double career_successors = plan_share([&](index_t p) { return successor[p]; });
  const double career_high_potential = plan_share([&](index_t p) { return people.potential[p] >= ip.high_potential; });

  const double recognition_gini = gini(recognitions), recognition_herfindahl = herfindahl(recognitions);
  r.figures = {{"spiritual_share_of_events", spiritual_share, why(spiritual_share, "no incentive events")},
               {"material_events", events_material, {}},
               {"spiritual_events", events_spiritual, {}},
               {"recognition_coverage", recognized, {}},
               {"recognition_gini", recognition_gini, why(recognition_gini, "no one received spiritual recognition")},
               {"recognition_herfindahl", recognition_herfindahl,
                why(recognition_herfindahl, "no one received spiritual recognition")},
               {"material_gini", pay_gini, why(pay_gini, "no material incentives")},
               {"pay_for_performance", rho, rho_note},
               {"pay_for_performance_low", low, rho_note},
               {"pay_for_performance_high", high, rho_note},
               {"career_plan_share", career_all, why(career_all, "has_career_plan is not given")},
               {"career_plan_share_successors", career_successors,
                why(career_successors, "no successor has has_career_plan given")},
               {"career_plan_share_high_potential", career_high_potential,
                why(career_high_potential, "no high-potential person has has_career_plan given")}};
  r.groups = group_means("tier", tier_labels, tier_groups(org), material, "material_total", policy.min_group_size);
  auto by_department = group_means("department", people.departments.labels, people.departments.codes, material,
                                   "material_total", policy.min_group_size);
  r.groups.insert(r.groups.end(), by_department.begin(), by_department.end());

  r.score = mean_score({balance, recognized, std::isnan(pay_gini) ? nan : 1.0 - pay_gini,
                        std::isnan(rho) ? nan : std::max(0.0, rho), career_all});

  if (!no_spiritual.empty()) {
    Finding f{"incentive_balance", "no_spiritual_incentive", FindingSeverity::high, no_spiritual, {}, {}, {}};
    f.message = std::to_string(no_spiritual.size()) + " people were paid but never recognized in the period (" +
                placeholders(no_spiritual.size()) + "): spiritual incentives are the ones people forget.";
    f.evidence = {{"people", static_cast<double>(no_spiritual.size())}, {"recognition_coverage", recognized}};
    f.recommendation = "Recognize their work this month: praise in the team meeting, training, an honour.";
    r.findings.push_back(std::move(f));
  }
  if (!neither.empty()) {
    Finding f{"incentive_balance", "no_incentive", FindingSeverity::high, neither, {}, {}, {}};
    f.message = std::to_string(neither.size()) + " people received no incentive of either kind in the period (" +
                placeholders(neither.size()) + ").";
    f.evidence = {{"people", static_cast<double>(neither.size())}};
    f.recommendation = "Check that their work is seen: tie an incentive to their next result.";
    r.findings.push_back(std::move(f));
  }
  if (!std::isnan(balance) && balance < 1.0) {
    Finding f{"incentive_balance", "imbalanced_incentives", FindingSeverity::medium, {}, {}, {}, {}};
    const bool too_material = spiritual_share < ip.spiritual_share_low;
    f.message = std::string("The team leans on ") + (too_material ? "material" : "spiritual") +
                " incentives: " + format_value(100 * spiritual_share, 0) + "% of incentive events are spiritual.";
    f.evidence = {{"spiritual_share", spiritual_share}, {"low", ip.spiritual_share_low}, {"high", ip.spiritual_share_high}};
    f.recommendation = too_material ? "Add recognition, training and honours next to pay."
                                    : "Make sure pay follows results as well as praise does.";
    r.findings.push_back(std::move(f));
  }
  // Rewards that contradict the assessment: top-quartile pay with bottom-quartile assessment.
  if (assessed_people.size() >= ip.min_people_for_correlation) {
    const auto rx = ranks(xs), ry = ranks(ys);
    const double m = static_cast<double>(xs.size());
    std::vector<index_t> contradict;
    for (std::size_t i = 0; i < xs.size(); ++i)
      if (rx[i] > 0.75 * m && ry[i] <= 0.25 * m) contradict.push_back(assessed_people[i]);
    if (!contradict.empty()) {
      Finding f{"incentive_balance", "reward_contradicts_assessment", FindingSeverity::medium, contradict, {}, {}, {}};
      f.message = placeholders(contradict.size()) +
                  (contradict.size() == 1 ? " is" : " are") +
                  " among the best paid but the lowest assessed: the reward contradicts the assessment.";
      f.evidence = {{"people", static_cast<double>(contradict.size())}, {"pay_for_performance", rho}};
      f.recommendation = "Tie material incentives to the assessment, or correct the assessment if it is wrong.";
      r.findings.push_back(std::move(f));
    }
  }
  if (!std::isnan(rho) && rho < 0.2) {
    Finding f{"incentive_balance", "pay_not_following_performance", FindingSeverity::medium, {}, {}, {}, {}};
    f.message = "Material incentives hardly follow the assessment (rank correlation " + format_value(rho) +
                ", 95% interval " + format_value(low) + " to " + format_value(high) + ").";
    f.evidence = {{"spearman", rho}, {"low", low}, {"high", high}};
    f.recommendation = "Link bonus and commission to assessed performance.";
    r.findings.push_back(std::move(f));
  }
  std::vector<index_t> no_plan;
  for (index_t p = 0; p < n; ++p)
    if ((successor[p] || people.potential[p] >= ip.high_potential) && people.has_career_plan[p] == 0) no_plan.push_back(p);
  if (!no_plan.empty()) {
    Finding f{"incentive_balance", "no_career_plan", FindingSeverity::medium, no_plan, {}, {}, {}};
    f.message = "Named successors or high-potential people without a career plan: " + placeholders(no_plan.size()) +
                "; their incentives are not linked to where they are going.";
    f.evidence = {{"people", static_cast<double>(no_plan.size())}, {"career_plan_share", career_all}};
    f.recommendation = "Write a career plan with each of them and tie their incentives to it.";
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Nobody falls behind (S2)

ScoreReport nobody_behind(const Org& org, const Policy& policy) {
  const auto& bp = policy.behind;
  if (!org.has_table("competencies")) return absent("nobody_behind", "no competencies table");
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
  Eigen::VectorXd lagging = Eigen::VectorXd::Zero(n);
  std::vector<index_t> dist(n, no_index);
  std::vector<index_t> touched;
  std::size_t lag_events = 0, assessed_cells = 0;
  for (std::size_t d = 0; d < bp.dimensions.size(); ++d) {
    const int col = columns[d];
    if (col < 0) continue;
    std::vector<double> values;
    for (index_t p = 0; p < n; ++p)
      if (!std::isnan(scores(p, col))) values.push_back(scores(p, col));
    assessed_cells += values.size();
    const double med = median(values), mad = median_absolute_deviation(values);
    Eigen::VectorXd z = Eigen::VectorXd::Constant(n, nan);
    for (index_t p = 0; p < n; ++p) {
      const double v = scores(p, col);
      if (std::isnan(v)) continue;
      z[p] = mad > 0 ? (v - med) / (1.4826 * mad) : 0.0;
      const bool lags = v < bp.floor || z[p] < bp.robust_z;
      if (!lags) continue;
      ++lag_events;
      lagging[p] += 1;
      // The nearest strong person in the sharing network (breadth-first, nearest first); among
      // the nearest, fewest mentees, then the highest score, then the earliest.
      index_t mentor = no_index, mentor_dist = no_index;
      std::deque<index_t> queue{p};
      dist[p] = 0;
      touched.assign(1, p);
      while (!queue.empty()) {
        const index_t u = queue.front();
        queue.pop_front();
        if (mentor != no_index && dist[u] > mentor_dist) break;
        if (u != p && scores(u, col) >= bp.strong) {
          const auto better = [&](index_t a, index_t b) {
            const bool fa = mentees[a] < bp.max_mentees, fb = mentees[b] < bp.max_mentees;
            return std::tuple(!fa, mentees[a], -scores(a, col), a) < std::tuple(!fb, mentees[b], -scores(b, col), b);
          };
          if (mentor == no_index || better(u, mentor)) mentor = u, mentor_dist = dist[u];
        }
        for (auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
          const index_t w = boost::target(e, g);
          if (dist[w] != no_index) continue;
          dist[w] = dist[u] + 1;
          touched.push_back(w);
          queue.push_back(w);
        }
      }
      for (const auto t : touched) dist[t] = no_index;
      const auto& dim = bp.dimensions[d];
      Finding f{"nobody_behind", "lagging", v < bp.floor / 2 ? FindingSeverity::high : FindingSeverity::medium, {p}, {}, {}, {}};
      f.message = "{0} lags in " + dim + " (" + format_value(v) + "; team median " + format_value(med) + ")";
      if (mentor != no_index) {
        ++mentees[mentor];
        f.people.push_back(mentor);
        f.message += "; suggested mentor: {1} (" + format_value(scores(mentor, col)) + ", " +
                     std::to_string(mentor_dist) + " step" + (mentor_dist == 1 ? "" : "s") + " away in the sharing network).";
        f.recommendation = "Pair {0} with {1} on " + dim + " and review at the next assessment: nobody falls behind.";
      } else {
        f.message += "; no one strong in it is reachable through the sharing network.";
        f.recommendation = "Arrange training in " + dim + " for {0}, and connect them with someone strong in it.";
      }
      f.evidence = {{"score", v}, {"median", med}, {"robust_z", z[p]}, {"floor", bp.floor}};
      r.findings.push_back(std::move(f));
    }
    r.people.push_back({"robust_z_" + bp.dimensions[d], z});
  }
  // Learning capacity: learning hours far below the team's.
  std::vector<double> hours;
  for (index_t p = 0; p < n; ++p)
    if (!std::isnan(org.people().learning_hours[p])) hours.push_back(org.people().learning_hours[p]);
  const double hmed = median(hours), hmad = median_absolute_deviation(hours);
  std::vector<index_t> low_learning;
  for (index_t p = 0; p < n; ++p) {
    const double h = org.people().learning_hours[p];
    if (std::isnan(h) || !(hmed > 0)) continue;
    const double z = hmad > 0 ? (h - hmed) / (1.4826 * hmad) : (h < hmed ? -INFINITY : 0.0);
    if (z < bp.robust_z || h == 0) low_learning.push_back(p);
  }
  if (!low_learning.empty()) {
    Finding f{"nobody_behind", "low_learning", FindingSeverity::medium, low_learning, {}, {}, {}};
    f.message = placeholders(low_learning.size()) + " spent far fewer hours learning than the team (median " +
                format_value(hmed, 1) + " hours).";
    f.evidence = {{"people", static_cast<double>(low_learning.size())}, {"median_hours", hmed}};
    f.recommendation = "Agree learning time with them: the capacity to learn keeps people from falling behind.";
    r.findings.push_back(std::move(f));
  }
  r.people.push_back({"dimensions_lagging", lagging});
  std::size_t people_lagging = 0;
  for (index_t p = 0; p < n; ++p) people_lagging += lagging[p] > 0;
  r.figures = {{"people_lagging", static_cast<double>(people_lagging), {}},
               {"lagging_share", n ? static_cast<double>(people_lagging) / n : nan, n ? "" : "no people"},
               {"lags", static_cast<double>(lag_events), {}},
               {"learning_hours_median", hmed, hours.empty() ? "no learning hours given" : ""}};
  r.score = assessed_cells ? 100.0 * (1.0 - static_cast<double>(lag_events) / static_cast<double>(assessed_cells)) : nan;
  if (std::isnan(r.score)) return absent("nobody_behind", "no one has a score on the dimensions");
  r.groups = group_means("tier", tier_labels, tier_groups(org), lagging, "dimensions_lagging", policy.min_group_size);
  sort_findings(r.findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Sharing health (S3)

ScoreReport sharing_health(const Org& org, const Policy& policy, const SharingStructure* precomputed) {
  const auto& sp = policy.sharing;
  const bool meetings = org.has_table("meetings"), network = org.has_table("sharing");
  if (!meetings && !network) return absent("sharing_health", "no meetings or sharing table");
  const index_t n = org.size();
  if (n == 0) return absent("sharing_health", "the team is empty");
  ScoreReport r;
  r.name = "sharing_health";
  r.assessed = true;
  std::vector<double> parts;
  if (meetings) {
    const auto& m = org.meetings();
    std::vector<std::size_t> counted;  // meetings in the period
    for (std::size_t k = 0; k < m.date.size(); ++k)
      if (in_period(org, m.date[k])) counted.push_back(k);
    std::int64_t start = org.team().period_start, end = org.team().period_end;
    if (!counted.empty()) {
      if (start == no_date) start = m.date[counted.front()];
      if (end == no_date) end = m.date[counted.back()];
    }
    const double weeks = start == no_date ? nan : std::max(1.0, std::ceil(static_cast<double>(end - start + 86400) / (7.0 * 86400)));
    std::set<std::int64_t> weeks_with;
    for (const auto k : counted) weeks_with.insert((m.date[k] - start) / (7 * 86400));
    const double per_week = std::isnan(weeks) ? 0.0 : static_cast<double>(counted.size()) / weeks;
    const double empty_weeks = std::isnan(weeks) ? nan : weeks - static_cast<double>(weeks_with.size());
    Eigen::VectorXd attended = Eigen::VectorXd::Zero(n);
    std::vector<double> presented(n, 0.0);
    for (const auto k : counted) {
      for (auto a = m.attendance_offsets[k]; a < m.attendance_offsets[k + 1]; ++a) attended[m.attendees[a]] += 1;
      if (m.presenter[k] != no_index) presented[m.presenter[k]] += 1;
    }
    Eigen::VectorXd share = counted.empty() ? Eigen::VectorXd::Constant(n, nan)
                                            : Eigen::VectorXd(attended / static_cast<double>(counted.size()));
    std::vector<index_t> never;
    double reached = 0;
    for (index_t p = 0; p < n; ++p) {
      if (!counted.empty() && share[p] >= sp.attendance_share) reached += 1;
      if (!counted.empty() && attended[p] == 0) never.push_back(p);
    }
    const double reach = counted.empty() ? 0.0 : reached / n;
    const double presenters = static_cast<double>(std::count_if(presented.begin(), presented.end(), [](double x) { return x > 0; }));
    r.people.push_back({"meetings_attended", attended});
    r.people.push_back({"attendance_share", share});
    r.figures.push_back({"meetings", static_cast<double>(counted.size()), {}});
    r.figures.push_back({"weeks", weeks, why(weeks, "no meetings and no analysis period")});
    r.figures.push_back({"meetings_per_week", per_week, {}});
    r.figures.push_back({"weeks_without_meeting", empty_weeks, why(empty_weeks, "no meetings and no analysis period")});
    r.figures.push_back({"reach", reach, {}});
    r.figures.push_back({"presenters", presenters, {}});
    const double presenter_gini = gini(presented);
    r.figures.push_back({"presenter_gini", presenter_gini, why(presenter_gini, "no meeting has a presenter")});
    parts.push_back(std::min(1.0, per_week / sp.meetings_per_week));
    parts.push_back(std::isnan(weeks) ? nan : 1.0 - empty_weeks / weeks);
    parts.push_back(reach);
    if (per_week < sp.meetings_per_week) {
      Finding f{"sharing_health", "too_few_meetings", FindingSeverity::high, {}, {}, {}, {}};
      f.message = "Sharing meetings run " + format_value(per_week, 2) + " times a week; the team needs at least " +
                  format_value(sp.meetings_per_week, 0) + ".";
      f.evidence = {{"meetings_per_week", per_week}, {"meetings", static_cast<double>(counted.size())}, {"weeks", weeks}};
      f.recommendation = "Hold a sharing meeting every week: what sold, what customers said, what changed.";
      r.findings.push_back(std::move(f));
    }
    if (empty_weeks > 0) {
      Finding f{"sharing_health", "weeks_without_meeting", FindingSeverity::low, {}, {}, {}, {}};
      f.message = format_value(empty_weeks, 0) + " of " + format_value(weeks, 0) + " weeks had no sharing meeting.";
      f.evidence = {{"weeks_without_meeting", empty_weeks}, {"weeks", weeks}};
      f.recommendation = "Keep the weekly rhythm: name a stand-in presenter for busy weeks.";
      r.findings.push_back(std::move(f));
    }
    if (!never.empty()) {
      Finding f{"sharing_health", "never_attends", FindingSeverity::medium, never, {}, {}, {}};
      f.message = placeholders(never.size()) + " never attended" +
                  " a sharing meeting in the period.";
      f.evidence = {{"people", static_cast<double>(never.size())}, {"meetings", static_cast<double>(counted.size())}};
      f.recommendation = "Invite them in person, and let them present once: sharing only works if it reaches everyone.";
      r.findings.push_back(std::move(f));
    }
    if (!counted.empty()) {
      const auto top = std::max_element(presented.begin(), presented.end());
      if (*top > 0.5 * static_cast<double>(counted.size())) {
        const auto who = static_cast<index_t>(top - presented.begin());
        Finding f{"sharing_health", "one_presenter", FindingSeverity::low, {who}, {}, {}, {}};
        f.message = "{0} presented " + format_value(*top, 0) + " of " + std::to_string(counted.size()) + " meetings.";
        f.evidence = {{"presented", *top}, {"meetings", static_cast<double>(counted.size())}};
        f.recommendation = "Rotate the presenter so that everyone's knowledge gets shared.";
        r.findings.push_back(std::move(f));
      }
    }
  }
  if (network) {
    const auto& s = org.sharing();
    const auto& departments = org.people().departments;
    bool online = false, offline = false;
    double internal = 0, external = 0;
    std::vector<index_t> degree(n, 0);
    for (std::size_t row = 0; row < s.a.size(); ++row) {
      (s.channel[row] == Channel::online ? online : offline) = true;
      if (row > 0 && s.a[row] == s.a[row - 1] && s.b[row] == s.b[row - 1]) continue;  // one pair, several channels
      ++degree[s.a[row]], ++degree[s.b[row]];
      const auto da = departments.codes[s.a[row]], db = departments.codes[s.b[row]];
      if (da < 0 || db < 0) continue;
      (da == db ? internal : external) += 1;
    }
    const double ei = internal + external > 0 ? (external - internal) / (external + internal) : nan;
    const std::vector<index_t> core = people_in_tier(org, Tier::core);
    SharingStructure computed;
    if (!precomputed) computed = sharing_structure(org, core);
    const SharingStructure& structure = precomputed ? *precomputed : computed;
    std::vector<index_t> isolated;
    for (index_t p = 0; p < n; ++p)
      if (degree[p] == 0) isolated.push_back(p);
    const double reachable = core.empty() ? nan : static_cast<double>(structure.reachable_from_core) / n;
    Eigen::VectorXd deg(n), broker(n);
    for (index_t p = 0; p < n; ++p) deg[p] = degree[p], broker[p] = 0;
    for (const auto p : structure.articulation_points) broker[p] = 1;
    r.people.push_back({"sharing_links", deg});
    r.people.push_back({"broker", broker});
    Eigen::VectorXd groups_if_absent(n);  // the network's separate groups without each person
    for (index_t p = 0; p < n; ++p)
      groups_if_absent[p] = structure.groups_without.empty() ? nan : static_cast<double>(structure.groups_without[p]);
    r.people.push_back({"groups_if_absent", groups_if_absent});
    r.figures.push_back({"groups", static_cast<double>(structure.groups), {}});
    r.figures.push_back({"online_in_use", online ? 1.0 : 0.0, {}});
    r.figures.push_back({"offline_in_use", offline ? 1.0 : 0.0, {}});
    r.figures.push_back({"reachable_from_core", reachable, core.empty() ? "no one is in the core tier" : ""});
    r.figures.push_back({"isolated", static_cast<double>(isolated.size()), {}});
    r.figures.push_back({"ei_index", ei, why(ei, "no links between people with a department")});
    r.figures.push_back({"cross_department_links", external, {}});
    r.figures.push_back({"articulation_points", static_cast<double>(structure.articulation_points.size()), {}});
    r.figures.push_back({"bridges", static_cast<double>(structure.bridges.size()), {}});
    parts.push_back(online && offline ? 1.0 : 0.5);
    parts.push_back(reachable);
    parts.push_back(1.0 - static_cast<double>(isolated.size()) / n);
    if (!(online && offline)) {
      Finding f{"sharing_health", "one_channel", FindingSeverity::low, {}, {}, {}, {}};
      f.message = std::string("Sharing runs only ") + (online ? "online" : "offline") + ".";
      f.evidence = {{"online", online ? 1.0 : 0.0}, {"offline", offline ? 1.0 : 0.0}};
      f.recommendation = "Use both: an IM group for daily questions and a meeting for what needs discussion.";
      r.findings.push_back(std::move(f));
    }
    if (!isolated.empty()) {
      Finding f{"sharing_health", "isolated", FindingSeverity::high, isolated, {}, {}, {}};
      f.message = placeholders(isolated.size()) + " share with no one.";
      f.evidence = {{"people", static_cast<double>(isolated.size())}};
      f.recommendation = "Connect each of them with a colleague in their department and one outside it.";
      r.findings.push_back(std::move(f));
    }
    if (!structure.articulation_points.empty()) {
      Finding f{"sharing_health", "broker", FindingSeverity::medium, structure.articulation_points, {}, {}, {}};
      f.message = "The sharing network splits if " + placeholders(structure.articulation_points.size()) +
                  (structure.articulation_points.size() == 1 ? " is" : " are") + " absent (" +
                  std::to_string(structure.bridges.size()) + " links are bridges).";
      f.evidence = {{"articulation_points", static_cast<double>(structure.articulation_points.size())},
                    {"bridges", static_cast<double>(structure.bridges.size())}};
      f.recommendation = "Add links around these brokers so that knowledge does not hang on one person.";
      r.findings.push_back(std::move(f));
    }
    if (!std::isnan(ei) && ei <= -0.5) {
      Finding f{"sharing_health", "few_cross_department_links", FindingSeverity::low, {}, {}, {}, {}};
      f.message = "Sharing stays inside departments (E-I index " + format_value(ei) + ").";
      f.evidence = {{"ei_index", ei}, {"cross_department_links", external}, {"internal_links", internal}};
      f.recommendation = "Pair departments that depend on each other: operations with marketing, service with merchandising.";
      r.findings.push_back(std::move(f));
    }
  }
  r.score = mean_score(parts);
  sort_findings(r.findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Unified management (S4)

ScoreReport unified_management(const Org& org, const Policy& policy) {
  const auto& mp = policy.management;
  const index_t n = org.size();
  if (n == 0) return absent("unified_management", "the team is empty");
  ScoreReport r;
  r.name = "unified_management";
  r.assessed = true;
  const auto& h = org.hierarchy();
  std::vector<index_t> narrow, wide, title_only;
  double managers = 0, within = 0;
  // Which role titles name a manager: once per distinct role, not once per person.
  const auto& roles = org.people().roles;
  std::vector<bool> titled(roles.labels.size(), false);
  for (std::size_t k = 0; k < roles.labels.size(); ++k) {
    std::string role = roles.labels[k];
    std::transform(role.begin(), role.end(), role.begin(), [](unsigned char c) { return std::tolower(c); });
    titled[k] = std::any_of(mp.manager_titles.begin(), mp.manager_titles.end(),
                            [&](const std::string& t) { return role.find(t) != std::string::npos; });
  }
  Eigen::VectorXd span = Eigen::VectorXd::Zero(n);
  for (index_t p = 0; p < n; ++p) {
    const auto reports = boost::out_degree(p, h.reports);
    span[p] = static_cast<double>(reports);
    if (reports == 0) {
      if (roles.codes[p] >= 0 && titled[static_cast<std::size_t>(roles.codes[p])]) title_only.push_back(p);
      continue;
    }
    managers += 1;
    if (reports < mp.min_span) narrow.push_back(p);
    else if (reports > mp.max_span) wide.push_back(p);
    else within += 1;
  }
  double kpi_with = 0, kpi_known = 0;
  for (index_t p = 0; p < n; ++p)
    if (org.people().has_quantified_kpi[p] >= 0) kpi_known += 1, kpi_with += org.people().has_quantified_kpi[p];
  const double kpi = kpi_known > 0 ? kpi_with / kpi_known : nan;
  const double needed = n <= 1 ? 1.0 : 1.0 + std::ceil(std::log(static_cast<double>(n)) / std::log(mp.typical_span));
  const double tops = static_cast<double>(h.tops.size());
  r.people.push_back({"direct_reports", span});
  r.figures.reserve(6);  // built in place: a braced list would copy every name
  r.figures.push_back({"tops", tops, {}});
  r.figures.push_back({"managers", managers, {}});
  r.figures.push_back({"span_within_bounds", managers > 0 ? within / managers : nan, managers > 0 ? "" : "no managers"});
  r.figures.push_back({"layers", static_cast<double>(h.layers), {}});
  r.figures.push_back({"layers_needed", needed, {}});
  r.figures.push_back({"quantified_kpi_share", kpi, kpi_known > 0 ? "" : "has_quantified_kpi not given"});
  const double layers_part = h.layers <= needed + 1 ? 1.0 : std::max(0.0, 1.0 - (h.layers - needed - 1) / needed);
  r.score = mean_score({1.0 / tops, managers > 0 ? within / managers : nan, layers_part, kpi});
  if (tops > 1) {
    std::vector<index_t> t(h.tops.begin(), h.tops.end());
    Finding f{"unified_management", "several_tops", FindingSeverity::high, t, {}, {}, {}};
    f.message = std::to_string(h.tops.size()) + " people have no manager (" + placeholders(t.size()) +
                "): the team is not under unified management.";
    f.evidence = {{"tops", tops}};
    f.recommendation = "Put one person in charge, so that everyone's work is coordinated by someone.";
    r.findings.push_back(std::move(f));
  }
  auto span_finding = [&](const std::vector<index_t>& who, const char* code, const std::string& what) {
    if (who.empty()) return;
    Finding f{"unified_management", code, FindingSeverity::medium, who, {}, {}, {}};
    f.message = placeholders(who.size()) + " " + what + ".";
    f.evidence = {{"managers", static_cast<double>(who.size())}, {"min_span", static_cast<double>(mp.min_span)},
                  {"max_span", static_cast<double>(mp.max_span)}};
    f.recommendation = std::string(code) == "wide_span" ? "Split the unit or add a team lead."
                                                        : "Merge small units, or give the manager a fuller team.";
    r.findings.push_back(std::move(f));
  };
  span_finding(wide, "wide_span", "manage more than " + std::to_string(mp.max_span) + " people directly");
  span_finding(narrow, "narrow_span", "manage fewer than " + std::to_string(mp.min_span) + " people directly");
  if (h.layers > needed + 1) {
    Finding f{"unified_management", "too_many_layers", FindingSeverity::medium, {}, {}, {}, {}};
    f.message = "The org has " + std::to_string(h.layers) + " layers; a team of " + std::to_string(n) + " needs about " +
                format_value(needed, 0) + ".";
    f.evidence = {{"layers", static_cast<double>(h.layers)}, {"layers_needed", needed}};
    f.recommendation = "Flatten the hierarchy: every layer slows decisions and blurs who is in charge.";
    r.findings.push_back(std::move(f));
  }
  if (!title_only.empty()) {
    Finding f{"unified_management", "manager_without_unit", FindingSeverity::low, title_only, {}, {}, {}};
    f.message = placeholders(title_only.size()) + " hold a manager's title but lead no one: their unit is only themselves.";
    f.evidence = {{"people", static_cast<double>(title_only.size())}};
    f.recommendation = "Either give the role a team or change the title: the division of labour must be clear.";
    r.findings.push_back(std::move(f));
  }
  if (!std::isnan(kpi) && kpi < 1.0) {
    std::vector<index_t> without;
    for (index_t p = 0; p < n; ++p)
      if (org.people().has_quantified_kpi[p] == 0) without.push_back(p);
    Finding f{"unified_management", "no_quantified_kpi", FindingSeverity::medium, without, {}, {}, {}};
    f.message = placeholders(without.size()) + " work without a quantified KPI.";
    f.evidence = {{"quantified_kpi_share", kpi}};
    f.recommendation = "Quantify their work: a number each of them can see move every week.";
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Goal alignment (S2)

ScoreReport goal_alignment(const Org& org, const Policy& policy) {
  if (!org.has_table("goals")) return absent("goal_alignment", "no goals table");
  const auto& g = org.goals();
  const index_t n = org.size();
  const std::size_t goals = g.owner.size();
  // Whether each goal's parent chain reaches a team goal: memoized, iterative (no recursion).
  std::vector<std::int8_t> aligned(goals, -1);
  std::vector<index_t> chain;
  for (std::size_t k = 0; k < goals; ++k) {
    index_t v = static_cast<index_t>(k);
    chain.clear();
    while (v != no_index && aligned[v] < 0 && g.owner[v] != no_index) {
      chain.push_back(v);
      v = g.parent[v];
    }
    const std::int8_t result = v == no_index ? 0 : (aligned[v] >= 0 ? aligned[v] : 1);  // a team goal is aligned
    if (v != no_index && aligned[v] < 0) aligned[v] = 1;
    for (const auto c : chain) aligned[c] = result;
  }
  double member = 0, member_aligned = 0, quantified = 0, quantified_known = 0;
  std::vector<index_t> orphans_owners;
  std::vector<std::string> orphan_ids;
  Eigen::VectorXd person_goals = Eigen::VectorXd::Zero(n), person_aligned = Eigen::VectorXd::Zero(n);
  for (std::size_t k = 0; k < goals; ++k) {
    if (g.quantified[k] >= 0) quantified_known += 1, quantified += g.quantified[k];
    if (g.owner[k] == no_index) continue;
    member += 1;
    member_aligned += aligned[k];
    person_goals[g.owner[k]] += 1;
    person_aligned[g.owner[k]] += aligned[k];
    if (g.parent[k] == no_index) {
      orphans_owners.push_back(g.owner[k]);
      orphan_ids.emplace_back(g.ids[k]);
    }
  }
  if (member == 0) return absent("goal_alignment", "no member goals (only team goals)");
  ScoreReport r;
  r.name = "goal_alignment";
  r.assessed = true;
  Eigen::VectorXd share(n);
  std::vector<index_t> without;
  for (index_t p = 0; p < n; ++p) {
    share[p] = person_goals[p] > 0 ? person_aligned[p] / person_goals[p] : nan;
    if (person_goals[p] == 0) without.push_back(p);
  }
  r.people = {{"goals", person_goals}, {"aligned_goal_share", share}};
  const double aligned_share = member_aligned / member;
  const double quantified_share = quantified_known > 0 ? quantified / quantified_known : nan;
  r.figures = {{"member_goals", member, {}},
               {"aligned_share", aligned_share, why(aligned_share, "no goals owned by members")},
               {"orphan_goals", static_cast<double>(orphan_ids.size()), {}},
               {"quantified_share", quantified_share, quantified_known > 0 ? "" : "quantified not given"},
               {"people_without_goal", static_cast<double>(without.size()), {}}};
  r.groups = group_means("tier", tier_labels, tier_groups(org), share, "aligned_goal_share", policy.min_group_size);
  // By unit: each top-level unit under the top (the top's direct reports and everyone under them).
  {
    const auto& h = org.hierarchy();
    std::vector<std::string> labels;
    std::vector<std::int32_t> unit(n, -1);
    for (const auto top : h.tops)
      for (auto e : boost::make_iterator_range(boost::out_edges(top, h.reports))) {
        const index_t head = boost::target(e, h.reports);
        for (index_t p = head; p < h.subtree_end[head]; ++p) unit[p] = static_cast<std::int32_t>(labels.size());
        labels.emplace_back(org.id(head));
      }
    auto units = group_means("unit", labels, unit, share, "aligned_goal_share", policy.min_group_size);
    r.groups.insert(r.groups.end(), units.begin(), units.end());
  }
  r.score = mean_score({aligned_share, quantified_share, n ? 1.0 - static_cast<double>(without.size()) / n : nan});
  if (!orphan_ids.empty()) {
    Finding f{"goal_alignment", "orphan_goal", FindingSeverity::medium, orphans_owners, {}, {}, {}};
    std::string goals_text;
    for (std::size_t i = 0; i < orphan_ids.size(); ++i) goals_text += (i ? ", " : "") + orphan_ids[i] + " ({" + std::to_string(i) + "})";
    f.message = "Goals that serve no team goal: " + goals_text + ".";
    f.evidence = {{"orphan_goals", static_cast<double>(orphan_ids.size())}, {"aligned_share", aligned_share}};
    f.recommendation = "Link each goal to the team goal it serves, or drop it: one team, one shared goal.";
    r.findings.push_back(std::move(f));
  }
  if (aligned_share < 1.0 && orphan_ids.size() < static_cast<std::size_t>(member - member_aligned)) {
    Finding f{"goal_alignment", "unaligned_goals", FindingSeverity::medium, {}, {}, {}, {}};
    f.message = format_value(member - member_aligned, 0) + " of " + format_value(member, 0) +
                " member goals do not reach a team goal through their parents.";
    f.evidence = {{"aligned_share", aligned_share}};
    f.recommendation = "Trace each chain up to a team goal.";
    r.findings.push_back(std::move(f));
  }
  if (!without.empty()) {
    Finding f{"goal_alignment", "no_goal", FindingSeverity::low, without, {}, {}, {}};
    f.message = placeholders(without.size()) + " have no goal.";
    f.evidence = {{"people", static_cast<double>(without.size())}};
    f.recommendation = "Agree a goal with each of them that serves a team goal.";
    r.findings.push_back(std::move(f));
  }
  if (!std::isnan(quantified_share) && quantified_share < 0.8) {
    Finding f{"goal_alignment", "unquantified_goals", FindingSeverity::low, {}, {}, {}, {}};
    f.message = format_value(100 * (1 - quantified_share), 0) + "% of goals have no measurable target.";
    f.evidence = {{"quantified_share", quantified_share}};
    f.recommendation = "Give every goal a number and a date.";
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Team configuration (S2): money, people, things

ScoreReport team_configuration(const Org& org, const Policy&) {
  const auto& text = org.team().configuration_json;
  if (text.empty()) return absent("team_configuration", "no configuration in team.json");
  const auto config = nlohmann::json::parse(text);
  const double n = org.size();
  if (n == 0) return absent("team_configuration", "the team is empty");
  ScoreReport r;
  r.name = "team_configuration";
  auto number = [&](const nlohmann::json& object, const char* key) {
    return object.contains(key) && object[key].is_number() ? object[key].get<double>() : nan;
  };
  const double budget = number(config, "budget");
  const double professionals = number(config, "professionals");
  const double interested = number(config, "interested_in_trade");
  std::vector<double> parts;
  r.figures.push_back({"budget_per_head", budget / n, std::isnan(budget) ? "not given" : ""});
  r.figures.push_back({"professional_share", std::min(1.0, professionals / n), std::isnan(professionals) ? "not given" : ""});
  r.figures.push_back({"interested_share", std::min(1.0, interested / n), std::isnan(interested) ? "not given" : ""});
  parts.push_back(std::min(1.0, professionals / n));
  parts.push_back(std::min(1.0, interested / n));
  if (config.contains("equipment") && config["equipment"].is_object()) {
    std::vector<std::string> short_of;
    for (const char* item : {"computer", "network", "desk"}) {
      const double count = number(config["equipment"], item);
      const double coverage = std::min(1.0, count / n);
      r.figures.push_back({std::string(item) + "_coverage", coverage, std::isnan(count) ? "not given" : ""});
      parts.push_back(coverage);
      if (coverage < 1.0) short_of.push_back(item);
    }
    if (!short_of.empty()) {
      Finding f{"team_configuration", "equipment_gap", FindingSeverity::medium, {}, {}, {}, {}};
      std::string items;
      for (std::size_t i = 0; i < short_of.size(); ++i) items += (i ? ", " : "") + short_of[i];
      f.message = "Not everyone has the basic equipment: short of " + items + ".";
      for (const auto& fig : r.figures)
        if (fig.name.find("_coverage") != std::string::npos) f.evidence.push_back({fig.name, fig.value});
      f.recommendation = "Give every member a computer, a network connection and a desk: the things of the team.";
      r.findings.push_back(std::move(f));
    }
  }
  r.score = mean_score(parts);
  if (std::isnan(r.score)) return absent("team_configuration", "configuration has no counts to score (professionals, "
                                                               "interested_in_trade, equipment)");
  r.assessed = true;
  if (!std::isnan(professionals) && professionals < n) {
    Finding f{"team_configuration", "non_professionals", FindingSeverity::low, {}, {}, {}, {}};
    f.message = format_value(n - professionals, 0) + " of " + format_value(n, 0) +
                " members have no professional background in the trade.";
    f.evidence = {{"professional_share", professionals / n}};
    f.recommendation = "Train them in the trade, or hire professionals who are interested in it.";
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
