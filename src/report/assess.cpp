#include "teamgraph/assess.hpp"

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/assess.hpp"
#include "teamgraph/detail/memory.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/org_parts.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <iterator>

namespace teamgraph {

const Score* Report::score(std::string_view name) const {
  for (const auto& s : scores)
    if (s.name == name) return &s;
  return nullptr;
}

const ScoreReport* Report::support_score(std::string_view name) const {
  for (const auto& s : support)
    if (s.name == name) return &s;
  return nullptr;
}

Policy effective_policy(const Org& org, const Policy& base) {
  const auto& overrides = org.team().policy_json;
  return overrides.empty() ? base : policy_from_json(overrides, base);
}

namespace {

// From this many people on, assess() scores on two threads (below, a thread costs more than it saves).
constexpr index_t parallel_people = 4096;

void truck_factor_findings(const TruckFactorPolicy& policy, TruckFactorSummary& tf, FindingList& out) {
  if (!tf.assessed || tf.result.authorship.artifacts.empty()) return;
  const auto& r = tf.result;
  const std::size_t artifacts = r.authorship.artifacts.size();
  if (r.value > policy.low_at_most) return;
  Finding f{"truck_factor", "low_truck_factor",
            r.value <= policy.critical_at_most ? FindingSeverity::critical : FindingSeverity::high, r.removed, {}, {}, {}};
  f.args = {FindingArg::count_of("count", artifacts)};
  if (r.value == 0) {
    f.variant = "none_left";  // fewer than half have an author before anyone leaves
  } else {
    f.args.push_back(FindingArg::count_of("truck_factor", r.value));
    f.args.push_back(FindingArg::people_of("people", 0, r.removed.size()));
  }
  f.evidence = {{"truck_factor", static_cast<double>(r.value)}, {"artifacts", static_cast<double>(artifacts)},
                {"coverage_after", r.coverage.back()}};
  out.push_back(std::move(f));
}

// The authorship restricted to the artifacts `keep` selects.
Authorship subset(const Authorship& all, const std::vector<bool>& keep) {
  Authorship out;
  for (std::size_t a = 0; a < all.artifacts.size(); ++a) {
    if (!keep[a]) continue;
    out.artifacts.push_back(all.artifacts[a]);
    out.authors.insert(out.authors.end(), all.authors.begin() + static_cast<std::ptrdiff_t>(all.offsets[a]),
                       all.authors.begin() + static_cast<std::ptrdiff_t>(all.offsets[a + 1]));
    out.offsets.push_back(out.authors.size());
  }
  out.authored.assign(all.authored.size(), 0);
  for (const auto p : out.authors) ++out.authored[p];
  return out;
}

void group_truck_factors(const Org& org, const Policy& policy, TruckFactorSummary& tf) {
  const Authorship& all = tf.result.authorship;
  const std::size_t n = all.artifacts.size();
  auto add = [&](const std::string& kind, const std::string& group, const std::vector<bool>& keep) {
    GroupTruckFactor g{kind, group, 0, {}, {}};
    g.result = greedy_truck_factor(subset(all, keep), org.size(), TruckFactorMethod::standard, policy.truck_factor);
    g.artifacts = g.result.authorship.artifacts.size();
    if (g.artifacts > 0) tf.groups.push_back(std::move(g));
  };
  std::vector<std::string> areas;
  for (const auto& a : all.artifacts) areas.push_back(a.substr(0, a.find('/')));
  std::vector<std::string> distinct = areas;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() > 1)
    for (const auto& area : distinct) {
      std::vector<bool> keep(n);
      for (std::size_t a = 0; a < n; ++a) keep[a] = areas[a] == area;
      add("area", area.empty() ? std::string("(no area)") : area, keep);
    }
  const auto& departments = org.people().departments;
  std::vector<std::size_t> members(departments.labels.size(), 0);
  for (index_t p = 0; p < org.size(); ++p)  // placeholder people are no members
    if (departments.codes[p] >= 0 && !org.people().placeholder[p]) ++members[static_cast<std::size_t>(departments.codes[p])];
  for (std::size_t d = 0; d < departments.labels.size(); ++d) {
    if (members[d] < policy.min_group_size) {  // a group figure like any other: not for a handful of people
      tf.groups.push_back({"department", departments.labels[d], 0, {},
                           "fewer than " + std::to_string(policy.min_group_size) + " people"});
      continue;
    }
    std::vector<bool> keep(n, false);
    for (std::size_t a = 0; a < n; ++a)
      for (auto i = all.offsets[a]; i < all.offsets[a + 1] && !keep[a]; ++i)
        keep[a] = departments.codes[all.authors[i]] == static_cast<std::int32_t>(d);
    add("department", departments.labels[d], keep);
  }
}

}  // namespace

namespace detail {

Report assess_scores(const Org& org, const Policy& policy, FindingList& truck_findings, bool parallel) {
  Report report;
  assess_scores(org, policy, truck_findings, report, parallel);
  return report;
}

// Leadership coverage's parts: the core's coverage of each required competency (0-1). One no one in
// the core has a score on is not measured: the score counts it as missing (capped, with a finding).
static void leadership_parts(const LeadershipReport& l, Score& s) {
  if (!l.assessed) return;
  for (const auto& c : l.core_coverage.competencies) {
    if (c.best == no_index)
      s.parts.push_back({c.competency, std::nan(""), "no one in the core has a score on " + c.competency + "; counted as missing"});
    else
      s.parts.push_back({c.competency, c.score / 100.0, {}});
  }
}

void assess_scores(const Org& org, const Policy& policy, FindingList& truck_findings, Report& report,
                   bool parallel) {
  report.truck_factor = {};
  report.weakest.clear();
  truck_findings.clear();
  check_cancelled();
  // Two strands that share nothing but the org (on two threads when `parallel`): the sharing
  // network's strand (leadership's core, the network's structure, departure impact, sharing
  // health) with succession readiness, and the talent grid's strand with nobody behind and the
  // reserve pool, which waits for succession readiness (made first on the other strand, long done
  // by then); then both take the scores that need no other. Each writes only its own parts of the
  // report.
  std::array<ScoreReport, 7> support;  // incentive balance .. market response, in the report's order
  const bool has_sharing = org.has_table("sharing");
  // Succession readiness: 0 while it is made, 1 made, 2 failed (its error goes up from the first
  // strand; the reserve pool is then not made). Without a second thread the first strand runs
  // first, so the second never waits on it.
  std::atomic<int> succession{0};
  // The scores that need no other, taken one at a time by whichever strand is free first (the
  // biggest first): the strands then end together on orgs of any shape. A score's error is kept by
  // its number and no more are taken after one; the error of the lowest number is the call's (that
  // score was taken, and so made, before any higher one): the same error whichever strand made it.
  // An error of a strand's own work comes first (the first strand's, then the second's).
  std::atomic<int> next_free{0};
  std::atomic<bool> free_failed{false};
  std::array<std::exception_ptr, 5> free_errors;
  const auto take_free = [&] {
    while (!free_failed.load(std::memory_order_relaxed)) {
      const int k = next_free.fetch_add(1, std::memory_order_relaxed);
      if (k >= 5) return;
      try {
        check_cancelled();
        switch (k) {
          case 0: support[0] = incentive_balance(org, policy); break;
          case 1: support[6] = market_response(org, policy); break;
          case 2: support[3] = unified_management(org, policy); break;
          case 3: support[4] = goal_alignment(org, policy); break;
          default: support[5] = team_configuration(org, policy); break;
        }
      } catch (...) {
        free_errors[static_cast<std::size_t>(k)] = std::current_exception();
        free_failed.store(true, std::memory_order_relaxed);
        return;
      }
    }
  };
  side_by_side(
      parallel,
      [&] {
        const DeferSorting deferred;  // the scores' lists are sorted as they are merged
        try {
          report.succession = succession_readiness(org, policy);
        } catch (...) {
          succession.store(2, std::memory_order_release);
          succession.notify_all();
          throw;
        }
        succession.store(1, std::memory_order_release);
        succession.notify_all();
        check_cancelled();
        report.leadership = leadership_coverage(org, policy);
        check_cancelled();
        if (org.has_table("contributions")) {
          report.truck_factor.assessed = true;
          report.truck_factor.result =
              truck_factor(contribution_log(org), nullptr, TruckFactorMethod::standard, policy.truck_factor);
          group_truck_factors(org, policy, report.truck_factor);
        } else {
          report.truck_factor.absent_reason = "no contributions table";
        }
        // The sharing network's structure serves both departure impact and sharing health.
        SharingStructure sharing;
        if (has_sharing) sharing = sharing_structure(org, report.leadership.core);
        check_cancelled();
        detail::departure_impact(org, policy, &report.leadership,
                                 report.truck_factor.assessed ? &report.truck_factor.result.authorship : nullptr,
                                 has_sharing ? &sharing : nullptr, report.departure);
        support[2] = sharing_health(org, policy, has_sharing ? &sharing : nullptr);
        take_free();
      },
      [&] {
        const DeferSorting deferred;
        report.talent_grid = talent_grid(org, policy);
        check_cancelled();
        support[1] = nobody_behind(org, policy);
        check_cancelled();
        succession.wait(0, std::memory_order_acquire);
        if (succession.load(std::memory_order_acquire) != 1) return;
        // The reserve pool's findings are succession readiness's: they do not change its value.
        auto reserve = reserve_pool_findings(org, policy, report.talent_grid, report.succession);
        if (!reserve.empty()) {
          report.succession.findings.append(reserve);
          sort_findings(report.succession.findings);
        }
        take_free();
      });
  for (const auto& error : free_errors)
    if (error) std::rethrow_exception(error);
  check_cancelled();

  // Scores are written over the report's own (a batch worker refills one report for every team,
  // and its score names keep their room), then cut to the number written.
  std::size_t scores = 0;
  report.scores.reserve(10);
  auto add = [&](std::string_view name, bool assessed, double value, const std::string& reason) -> Score& {
    if (scores == report.scores.size()) report.scores.emplace_back();
    Score& s = report.scores[scores++];
    s.name.assign(name);
    s.assessed = assessed;
    s.value = assessed ? value : 0.0;
    if (assessed)
      s.absent_reason.clear();
    else
      s.absent_reason.assign(reason);
    s.parts.clear();
    return s;
  };
  leadership_parts(report.leadership,
                   add("leadership_coverage", report.leadership.assessed, report.leadership.score, report.leadership.absent_reason));
  {
    Score& s = add("succession_readiness", report.succession.assessed, report.succession.score, report.succession.absent_reason);
    if (report.succession.assessed) s.parts.push_back({"key_positions", report.succession.score / 100.0, {}});
  }
  report.support.assign(std::make_move_iterator(support.begin()), std::make_move_iterator(support.end()));
  for (const auto& s : report.support) add(s.name, s.assessed, s.score, s.absent_reason).parts = s.parts;
  report.scores.resize(scores);  // a previous team's are not looked up below

  // Health index: the weighted mean of the scores that have data; the weakest is the one whose
  // shortfall (weight x (100 - score)) costs the index most.
  const auto& w = policy.health;
  const std::array<std::pair<std::string_view, double>, 9> weights = {{
      {"leadership_coverage", w.leadership_coverage}, {"succession_readiness", w.succession_readiness},
      {"incentive_balance", w.incentive_balance},     {"nobody_behind", w.nobody_behind},
      {"sharing_health", w.sharing_health},           {"unified_management", w.unified_management},
      {"goal_alignment", w.goal_alignment},           {"team_configuration", w.team_configuration},
      {"market_response", w.market_response}}};
  double total = 0.0, weighted = 0.0, worst = 0.0;
  std::vector<ScorePart> health_parts;
  health_parts.reserve(weights.size());
  for (const auto& [name, weight] : weights) {
    const Score* s = report.score(name);
    if (s && s->assessed && weight > 0)
      health_parts.push_back({std::string(name), s->value / 100.0, {}});
    else
      health_parts.push_back({std::string(name), std::nan(""), !s ? "not computed" : !s->assessed ? s->absent_reason : "weight 0 in the policy"});
    if (!s || !s->assessed || weight <= 0) continue;
    total += weight;
    weighted += weight * s->value;
    if (weight * (100.0 - s->value) > worst) worst = weight * (100.0 - s->value), report.weakest.assign(name);
  }
  add("health_index", total > 0, total > 0 ? weighted / total : 0.0, "no score has data").parts = std::move(health_parts);
  // The finding is written over this thread's last one (its strings and lists keep their room):
  // a batch scores a million teams.
  report.findings.clear();
  if (!report.weakest.empty()) {
    thread_local Finding f;
    f.score.assign("health_index");
    f.code.assign("weakest_score");
    f.severity = FindingSeverity::info;
    f.people.clear();
    f.args.resize(3);
    f.args[0] = FindingArg::num("health_index", weighted / total);
    f.args[1].name.assign("weakest");
    f.args[1].kind = FindingArg::Kind::word;
    f.args[1].number = 0.0, f.args[1].first = f.args[1].size = 0;  // only the word: a list refuses more
    f.args[1].clauses.clear();
    f.args[1].items.resize(1);
    f.args[1].items[0].assign("score.").append(report.weakest);
    f.args[2] = FindingArg::num("points_lost", worst / total);
    f.evidence.resize(2);
    f.evidence[0] = {"health_index", weighted / total};
    f.evidence[1] = {"points_lost", worst / total};
    report.findings.push_back(f);
  }
  truck_factor_findings(policy.truck_factor, report.truck_factor, truck_findings);
}

}  // namespace detail

Report assess(const Org& org, const Policy& policy) { return assess(org, policy, 0); }

Report assess(const Org& org, const Policy& policy, unsigned threads) {
  // assess() calls running in the process (threads == 0 picks one thread when others are).
  static std::atomic<unsigned> running{0};
  struct Running {
    unsigned before = running.fetch_add(1);
    ~Running() { running.fetch_sub(1); }
  } counted;
  FindingList truck;
  const bool parallel = threads == 0 ? org.size() >= parallel_people && counted.before == 0 : threads > 1;
  Report report = detail::assess_scores(org, policy, truck, parallel);
  report.policy = policy;
  // Each score's findings move to report.findings (half a million on a rich 1M-person org: one
  // copy of each, the score's list then freed), merged in sort_findings' order.
  std::vector<FindingList*> lists = {&report.findings, &report.leadership.findings, &report.succession.findings,
                                     &report.departure.findings};
  for (auto& s : report.support) lists.push_back(&s.findings);
  lists.push_back(&truck);
  // The memory of the scores' work arrays is free but resident in the arena of the thread that ran
  // the second strand (76-107 MB, some 80 bytes a person, at a rich million people), which the
  // merge on this thread cannot reuse: given back before the merged list is made.
  if (parallel) detail::give_back_free_memory(std::size_t{64} * org.size());
  report.findings = detail::merge_findings(lists);
  return report;
}

Report assess(const Org& org) { return assess(org, effective_policy(org)); }

std::size_t Score::parts_computed() const {
  return static_cast<std::size_t>(std::count_if(parts.begin(), parts.end(), [](const ScorePart& p) { return p.computed(); }));
}

}  // namespace teamgraph
