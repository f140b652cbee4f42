#include "teamgraph/scores/incentives.hpp"
#include "teamgraph/org_parts.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport incentive_balance(const Org& org, const Policy& policy) {
  const auto& ip = policy.incentives;
  if (!org.has_table("incentives")) return absent("incentive_balance", "no incentives table");
  const index_t n = org.size();
  const index_t headcount = org.headcount();  // placeholder people have no incentives and are not counted
  if (headcount == 0) return absent("incentive_balance", "the team is empty");
  const auto& placeholder = org.people().placeholder;
  ScoreReport r;
  r.name = "incentive_balance";
  r.assessed = true;
  const auto& in = org.incentives();
  std::vector<double> material(n, 0.0), spiritual_count(n, 0.0), material_count(n, 0.0);
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
  // The members' totals (placeholders left out; all of them when there are none).
  std::vector<double> pay, recognitions;
  pay.reserve(headcount), recognitions.reserve(headcount);
  for (index_t p = 0; p < n; ++p)
    if (!placeholder[p]) pay.push_back(material[p]), recognitions.push_back(spiritual_count[p]);
  // Eigen's reduction (not a loop): the same sum, to the last bit, as ever.
  const double team_mean = Eigen::Map<const Eigen::VectorXd>(pay.data(), static_cast<Eigen::Index>(headcount)).mean();
  // The totals' inequality, each sorted in place (their last use: a big org's arrays are let go
  // as soon as they are done with, not held beside the rest of the scoring).
  const double pay_gini = gini(std::move(pay));
  const double recognition_herfindahl = herfindahl(recognitions);
  const double recognition_gini = gini(std::move(recognitions));
  std::vector<double> normalized(n), share(n);
  std::vector<index_t> no_spiritual, neither;
  for (index_t p = 0; p < n; ++p) {
    if (placeholder[p]) {
      material[p] = spiritual_count[p] = normalized[p] = share[p] = nan;
      continue;
    }
    normalized[p] = team_mean > 0 ? material[p] / team_mean : nan;
    const double events = material_count[p] + spiritual_count[p];
    share[p] = events > 0 ? material_count[p] / events : nan;
    if (spiritual_count[p] == 0) (material_count[p] == 0 ? neither : no_spiritual).push_back(p);
  }
  std::vector<double>().swap(material_count);

  const double events = events_material + events_spiritual;
  const double spiritual_share = events > 0 ? events_spiritual / events : nan;
  double balance = nan;
  if (!std::isnan(spiritual_share)) {
    if (spiritual_share < ip.spiritual_share_low) balance = spiritual_share / ip.spiritual_share_low;
    else if (spiritual_share > ip.spiritual_share_high) balance = (1.0 - spiritual_share) / (1.0 - ip.spiritual_share_high);
    else balance = 1.0;
  }
  const double recognized = 1.0 - static_cast<double>(no_spiritual.size() + neither.size()) / headcount;

  // Pay for performance: Spearman rank correlation of material totals with assessment.
  std::vector<double> xs, ys;
  std::vector<index_t> assessed_people;
  xs.reserve(n), ys.reserve(n), assessed_people.reserve(n);  // no regrowth: a copy and fresh pages each time
  for (index_t p = 0; p < n; ++p)
    if (!std::isnan(org.people().assessment[p])) {
      xs.push_back(material[p]);
      ys.push_back(org.people().assessment[p]);
      assessed_people.push_back(p);
    }
  double rho = nan, low = nan, high = nan;
  std::vector<double> rx, ry;
  std::string rho_note;
  if (xs.size() < ip.min_people_for_correlation) {
    rho_note = "too few people with an assessment (" + std::to_string(xs.size()) + ", at least " +
               std::to_string(ip.min_people_for_correlation) + " needed)";
  } else {
    rx = ranks(xs), ry = ranks(ys);  // also for the rewards that contradict the assessment
    rho = pearson(rx, ry);  // Spearman's rho
    const double m = static_cast<double>(xs.size());
    if (xs.size() <= ip.bootstrap_max_people) {
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
    } else if (!std::isnan(rho)) {
      // Resampling many people costs bootstrap_samples sorts of them (1,000 x 1M people took
      // hours), and the interval is then narrow and close to normal: Fisher's z with Bonett and
      // Wright's (2000) variance for Spearman's rho, (1 + rho^2 / 2) / (n - 3).
      const double z = std::atanh(std::clamp(rho, -0.999999, 0.999999));
      const double se = std::sqrt((1.0 + rho * rho / 2.0) / (m - 3.0));
      low = std::tanh(z - 1.959964 * se);
      high = std::tanh(z + 1.959964 * se);
    }
    if (std::isnan(rho)) rho_note = "pay or assessment does not vary";
  }
  std::vector<double>().swap(xs), std::vector<double>().swap(ys);  // their ranks are kept
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
  auto by_department = group_means("department", people.departments.labels, department_groups(org), material,
                                   "material_total", policy.min_group_size);
  r.groups.insert(r.groups.end(), by_department.begin(), by_department.end());
  r.people.reserve(4);
  r.people.push_back({"material_total", std::move(material)});
  r.people.push_back({"material_vs_team", std::move(normalized)});
  r.people.push_back({"spiritual_count", std::move(spiritual_count)});
  r.people.push_back({"material_share_of_events", std::move(share)});

  r.score = score_from_parts(
      r, {part("balance", balance, "no incentive events"), part("recognition_coverage", recognized, "no incentive events"),
          part("material_equality", std::isnan(pay_gini) ? nan : 1.0 - pay_gini, "no material incentives"),
          part("pay_for_performance", std::isnan(rho) ? nan : std::max(0.0, rho), rho_note),
          part("career_plans", career_all, "has_career_plan is not given")});

  if (!no_spiritual.empty()) {
    Finding f{"incentive_balance", "no_spiritual_incentive", FindingSeverity::high, std::move(no_spiritual), {}, {}, {}};
    r.findings.push_back(about_people(std::move(f), {{"recognition_coverage", recognized}}));
  }
  if (!neither.empty()) {
    Finding f{"incentive_balance", "no_incentive", FindingSeverity::high, std::move(neither), {}, {}, {}};
    r.findings.push_back(about_people(std::move(f)));
  }
  if (!std::isnan(balance) && balance < 1.0) {
    Finding f{"incentive_balance", "imbalanced_incentives", FindingSeverity::medium, {}, {}, {}, {}};
    f.variant = spiritual_share < ip.spiritual_share_low ? "material" : "spiritual";  // what it leans on
    f.args = {FindingArg::num("spiritual_share", spiritual_share)};
    f.evidence = {{"spiritual_share", spiritual_share}, {"low", ip.spiritual_share_low}, {"high", ip.spiritual_share_high}};
    r.findings.push_back(std::move(f));
  }
  // Rewards that contradict the assessment: top-quartile pay with bottom-quartile assessment.
  if (assessed_people.size() >= ip.min_people_for_correlation) {
    const double m = static_cast<double>(assessed_people.size());
    std::vector<index_t> contradict;
    for (std::size_t i = 0; i < assessed_people.size(); ++i)
      if (rx[i] > ip.best_paid_rank * m && ry[i] <= ip.lowest_assessed_rank * m) contradict.push_back(assessed_people[i]);
    if (!contradict.empty()) {
      Finding f{"incentive_balance", "reward_contradicts_assessment", FindingSeverity::medium, std::move(contradict), {}, {}, {}};
      r.findings.push_back(about_people(std::move(f), {{"pay_for_performance", rho}}));
    }
  }
  if (!std::isnan(rho) && rho < ip.min_pay_for_performance) {
    Finding f{"incentive_balance", "pay_not_following_performance", FindingSeverity::medium, {}, {}, {}, {}};
    f.args = {FindingArg::num("rho", rho), FindingArg::num("low", low), FindingArg::num("high", high)};
    f.evidence = {{"spearman", rho}, {"low", low}, {"high", high}};
    r.findings.push_back(std::move(f));
  }
  std::vector<index_t> no_plan;
  for (index_t p = 0; p < n; ++p)
    if ((successor[p] || people.potential[p] >= ip.high_potential) && people.has_career_plan[p] == 0) no_plan.push_back(p);
  if (career_all == 0.0) {  // a team-wide failure: no one whose plan is known has one
    std::size_t known = 0;
    for (index_t p = 0; p < n; ++p) known += people.has_career_plan[p] >= 0;
    Finding f{"incentive_balance", "no_career_plan", FindingSeverity::high, {}, {}, "team", {}};
    f.args = {FindingArg::count_of("count", known)};
    f.evidence = {{"career_plan_share", 0.0}, {"people_known", static_cast<double>(known)}};
    r.findings.push_back(std::move(f));
  } else if (!no_plan.empty()) {
    Finding f{"incentive_balance", "no_career_plan", FindingSeverity::medium, std::move(no_plan), {}, {}, {}};
    r.findings.push_back(about_people(std::move(f), {{"career_plan_share", career_all}}));
  }
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
