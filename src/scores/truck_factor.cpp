#include "teamgraph/scores/truck_factor.hpp"
#include "teamgraph/org_parts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace teamgraph {
namespace {

double degree_of_authorship(bool first_author, std::size_t own_changes, std::size_t others_changes) {
  return 3.293 + 1.098 * (first_author ? 1.0 : 0.0) + 0.164 * static_cast<double>(own_changes) -
         0.321 * std::log(1.0 + static_cast<double>(others_changes));
}

// Per-artifact tallies, then the authors. `events` are (person, action) pairs of one artifact.
struct Tally {
  std::vector<index_t> people;  // distinct people with events, ascending
  std::vector<std::uint8_t> first_author;
  std::vector<std::size_t> changes;
};

void add_authors(const std::vector<std::pair<index_t, ContributionAction>>& events, bool avelino,
                 const TruckFactorPolicy& policy, std::vector<index_t>& out, Tally& t) {
  t.people.clear();
  for (const auto& [p, a] : events) t.people.push_back(p);
  std::sort(t.people.begin(), t.people.end());
  t.people.erase(std::unique(t.people.begin(), t.people.end()), t.people.end());
  t.first_author.assign(t.people.size(), 0);
  t.changes.assign(t.people.size(), 0);
  std::size_t total = 0;
  for (const auto& [p, a] : events) {
    const auto k = static_cast<std::size_t>(std::lower_bound(t.people.begin(), t.people.end(), p) - t.people.begin());
    if (a == ContributionAction::create) t.first_author[k] = 1;
    if (a == ContributionAction::modify || a == ContributionAction::rename) {
      ++t.changes[k];
      ++total;
    }
  }
  std::vector<double> doa(t.people.size());
  double best = -std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < t.people.size(); ++k) {
    doa[k] = degree_of_authorship(t.first_author[k], t.changes[k], total - t.changes[k]);
    best = std::max(best, doa[k]);
  }
  // The published tool compares with Java floats: 0.75f and 3.293f.
  const double ratio = avelino ? static_cast<double>(0.75f) : policy.authorship_ratio;
  const double minimum = avelino ? static_cast<double>(3.293f) : policy.doa_minimum;
  for (std::size_t k = 0; k < t.people.size(); ++k) {
    const bool relative = doa[k] / best > ratio;
    const bool absolute = avelino ? (doa[k] >= minimum || t.first_author[k]) : doa[k] >= minimum;
    if (relative && absolute) out.push_back(t.people[k]);
  }
}

// The default method: replay the log in time order, following renames; artifacts alive at the end.
Authorship standard_authorship(const ContributionLog& log, const std::vector<std::string>* artifacts,
                               const TruckFactorPolicy& policy) {
  std::vector<std::size_t> order(log.person.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return log.date[a] < log.date[b]; });
  // Lineages: one per artifact identity; `current` maps an artifact name to its live lineage.
  std::vector<std::vector<std::pair<index_t, ContributionAction>>> events;
  std::vector<std::int32_t> name_of;  // lineage -> current name code, -1 when deleted
  std::vector<std::int32_t> current(log.artifacts.size(), -1);
  auto start = [&](std::int32_t name) {
    if (current[static_cast<std::size_t>(name)] >= 0) name_of[static_cast<std::size_t>(current[static_cast<std::size_t>(name)])] = -1;
    current[static_cast<std::size_t>(name)] = static_cast<std::int32_t>(events.size());
    events.emplace_back();
    name_of.push_back(name);
    return static_cast<std::size_t>(events.size() - 1);
  };
  auto live = [&](std::int32_t name) {
    const auto l = current[static_cast<std::size_t>(name)];
    return l >= 0 ? static_cast<std::size_t>(l) : start(name);  // a change to an unknown artifact starts it without a creator
  };
  for (const auto row : order) {
    const auto name = log.artifact[row];
    const auto action = log.action[row];
    switch (action) {
      case ContributionAction::create: events[start(name)].emplace_back(log.person[row], action); break;
      case ContributionAction::modify: events[live(name)].emplace_back(log.person[row], action); break;
      case ContributionAction::rename: {
        const std::size_t lineage = log.previous[row] >= 0 ? live(log.previous[row]) : live(name);
        if (log.previous[row] >= 0 && log.previous[row] != name) {
          current[static_cast<std::size_t>(log.previous[row])] = -1;
          if (current[static_cast<std::size_t>(name)] >= 0)
            name_of[static_cast<std::size_t>(current[static_cast<std::size_t>(name)])] = -1;
          current[static_cast<std::size_t>(name)] = static_cast<std::int32_t>(lineage);
          name_of[lineage] = name;
        }
        events[lineage].emplace_back(log.person[row], action);
        break;
      }
      case ContributionAction::remove: {
        const auto l = current[static_cast<std::size_t>(name)];
        if (l >= 0) name_of[static_cast<std::size_t>(l)] = -1;
        current[static_cast<std::size_t>(name)] = -1;
        break;
      }
    }
  }
  // The counted artifacts: the given list (those alive), else every live artifact in name order.
  std::vector<std::int32_t> names;
  if (artifacts) {
    std::unordered_map<std::string_view, std::int32_t> code;
    for (std::size_t i = 0; i < log.artifacts.size(); ++i) code.emplace(log.artifacts[i], static_cast<std::int32_t>(i));
    for (const auto& a : *artifacts)
      if (auto it = code.find(a); it != code.end() && current[static_cast<std::size_t>(it->second)] >= 0)
        names.push_back(it->second);
  } else {
    for (std::size_t i = 0; i < log.artifacts.size(); ++i)
      if (current[i] >= 0) names.push_back(static_cast<std::int32_t>(i));
    std::sort(names.begin(), names.end(), [&](auto a, auto b) {
      return log.artifacts[static_cast<std::size_t>(a)] < log.artifacts[static_cast<std::size_t>(b)];
    });
  }
  Authorship out;
  Tally tally;
  for (const auto name : names) {
    out.artifacts.push_back(log.artifacts[static_cast<std::size_t>(name)]);
    add_authors(events[static_cast<std::size_t>(current[static_cast<std::size_t>(name)])], false, policy, out.authors, tally);
    out.offsets.push_back(out.authors.size());
  }
  return out;
}

// The published tool's reading of a history (see the header and tests/data/truck-factor/README.md).
Authorship avelino_authorship(const ContributionLog& log, const std::vector<std::string>* artifacts,
                              const TruckFactorPolicy& policy) {
  const std::size_t names = log.artifacts.size();
  std::vector<std::vector<std::size_t>> rows_of(names);  // A/M/R rows by path
  for (std::size_t row = 0; row < log.person.size(); ++row)
    if (log.action[row] != ContributionAction::remove) rows_of[static_cast<std::size_t>(log.artifact[row])].push_back(row);
  std::vector<std::int32_t> files;
  if (artifacts) {
    std::unordered_map<std::string_view, std::int32_t> code;
    for (std::size_t i = 0; i < names; ++i) code.emplace(log.artifacts[i], static_cast<std::int32_t>(i));
    for (const auto& a : *artifacts) files.push_back(code.count(a) ? code.at(a) : -1);
  } else {
    for (std::size_t i = 0; i < names; ++i) files.push_back(static_cast<std::int32_t>(i));
    std::sort(files.begin(), files.end(), [&](auto a, auto b) {
      return log.artifacts[static_cast<std::size_t>(a)] < log.artifacts[static_cast<std::size_t>(b)];
    });
  }
  std::vector<std::uint8_t> treated(log.person.size(), 0);  // a rename expands once per run
  std::vector<std::size_t> seen(log.person.size(), 0);      // a row counts once per file (stamp = file + 1)
  Authorship out;
  Tally tally;
  std::vector<std::pair<index_t, ContributionAction>> events;
  std::vector<std::int32_t> stack;
  for (std::size_t i = 0; i < files.size(); ++i) {
    events.clear();
    if (files[i] >= 0) stack.push_back(files[i]);
    while (!stack.empty()) {
      const auto path = static_cast<std::size_t>(stack.back());
      stack.pop_back();
      for (const auto row : rows_of[path]) {
        if (seen[row] == i + 1) continue;  // reached again through another rename
        seen[row] = i + 1;
        events.emplace_back(log.person[row], log.action[row]);
        if (log.action[row] == ContributionAction::rename && !treated[row] && log.previous[row] >= 0) {
          treated[row] = 1;
          stack.push_back(log.previous[row]);
        }
      }
    }
    if (events.empty()) continue;  // listed but never touched: not counted
    out.artifacts.push_back(artifacts ? (*artifacts)[i] : log.artifacts[static_cast<std::size_t>(files[i])]);
    add_authors(events, true, policy, out.authors, tally);
    out.offsets.push_back(out.authors.size());
  }
  return out;
}

}  // namespace

ContributionLog contribution_log(const Org& org) {
  const auto& c = org.contributions();
  ContributionLog log;
  log.people.reserve(org.size());
  for (index_t p = 0; p < org.size(); ++p) log.people.emplace_back(org.id(p));
  log.artifacts = c.artifact.labels;
  log.person = c.person;
  log.artifact = c.artifact.codes;
  log.action = c.action;
  log.date = c.date;
  log.previous = c.previous;
  return log;
}

Authorship authorship(const ContributionLog& log, const std::vector<std::string>* artifacts, TruckFactorMethod method,
                      const TruckFactorPolicy& policy) {
  Authorship out = method == TruckFactorMethod::avelino2016 ? avelino_authorship(log, artifacts, policy)
                                                            : standard_authorship(log, artifacts, policy);
  out.authored.assign(log.people.size(), 0);
  for (const auto p : out.authors) ++out.authored[p];
  return out;
}

TruckFactorResult greedy_truck_factor(Authorship a, std::size_t people, TruckFactorMethod method,
                                      const TruckFactorPolicy& policy) {
  TruckFactorResult result;
  const std::size_t artifacts = a.artifacts.size();
  if (a.authored.size() < people) a.authored.resize(people, 0);
  std::vector<std::size_t> remaining_authors(artifacts);
  std::size_t covered = 0;
  for (std::size_t k = 0; k < artifacts; ++k) {
    remaining_authors[k] = a.offsets[k + 1] - a.offsets[k];
    covered += remaining_authors[k] > 0;
  }
  // Which artifacts each person authors (CSR by person).
  std::vector<std::size_t> start(people + 1, 0);
  for (const auto p : a.authors) ++start[p + 1];
  for (std::size_t p = 0; p < people; ++p) start[p + 1] += start[p];
  std::vector<std::size_t> of_person(a.authors.size()), fill(start.begin(), start.end() - 1);
  for (std::size_t k = 0; k < artifacts; ++k)
    for (auto i = a.offsets[k]; i < a.offsets[k + 1]; ++i) of_person[fill[a.authors[i]]++] = k;
  // People by authored count (most first), ties by index: the removal order is fixed up front,
  // because the tool removes by total authored files, not by marginal gain.
  std::vector<index_t> order;
  for (std::size_t p = 0; p < people; ++p)
    if (a.authored[p] > 0) order.push_back(static_cast<index_t>(p));
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return a.authored[x] > a.authored[y]; });
  const bool avelino = method == TruckFactorMethod::avelino2016;
  auto coverage = [&]() -> double {
    if (artifacts == 0) return 0.0;
    return avelino ? static_cast<double>(static_cast<float>(covered) / static_cast<float>(artifacts))
                   : static_cast<double>(covered) / static_cast<double>(artifacts);
  };
  const double stop = avelino ? static_cast<double>(0.5f) : policy.coverage_stop;
  for (const auto p : order) {
    const double c = coverage();
    result.coverage.push_back(c);
    if (c < stop) break;
    result.removed.push_back(p);
    result.removed_authored.push_back(a.authored[p]);
    ++result.value;
    for (auto i = start[p]; i < start[p + 1]; ++i)
      if (--remaining_authors[of_person[i]] == 0) --covered;
  }
  if (result.coverage.size() == result.removed.size()) result.coverage.push_back(coverage());
  result.authorship = std::move(a);
  return result;
}

TruckFactorResult truck_factor(const ContributionLog& log, const std::vector<std::string>* artifacts,
                               TruckFactorMethod method, const TruckFactorPolicy& policy) {
  return greedy_truck_factor(authorship(log, artifacts, method, policy), log.people.size(), method, policy);
}

}  // namespace teamgraph
