#include "teamgraph/scores/configuration.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport team_configuration(const Org& org, const Policy& policy) {
  const auto& text = org.team().configuration_json;
  if (text.empty()) return absent("team_configuration", "no configuration in team.json");
  const auto config = nlohmann::json::parse(text);
  const double n = org.headcount();  // placeholder people are no members
  if (n == 0) return absent("team_configuration", "the team is empty");
  ScoreReport r;
  r.name = "team_configuration";
  auto number = [&](const nlohmann::json& object, const char* key) {
    return object.contains(key) && object[key].is_number() ? object[key].get<double>() : nan;
  };
  const double budget = number(config, "budget");
  const double professionals = number(config, "professionals");
  const double interested = number(config, "interested_in_trade");
  const double target = policy.configuration.budget_per_head;
  // A share of the members, at most 1; NaN (not 1) when the count is not given.
  auto share = [&](double count) { return std::isnan(count) ? nan : std::min(1.0, count / n); };
  r.figures.push_back({"budget_per_head", budget / n, std::isnan(budget) ? "not given" : ""});
  r.figures.push_back({"professional_share", share(professionals), std::isnan(professionals) ? "not given" : ""});
  r.figures.push_back({"interested_share", share(interested), std::isnan(interested) ? "not given" : ""});
  std::vector<ScorePart> parts;
  if (std::isnan(budget))
    parts.push_back(missing_part("budget", "configuration.budget not given"));
  else if (budget <= 0)
    parts.push_back(part("budget", 0.0, ""));  // no money at all, whatever the target
  else if (target > 0)
    parts.push_back(part("budget", std::min(1.0, budget / n / target), ""));
  else
    parts.push_back(missing_part("budget", "no budget target to judge it by (policy configuration.budget_per_head)"));
  parts.push_back(part("professionals", share(professionals), "configuration.professionals not given"));
  parts.push_back(part("interested_in_trade", share(interested), "configuration.interested_in_trade not given"));
  const bool equipment = config.contains("equipment") && config["equipment"].is_object();
  std::vector<std::string> short_of;
  // The things of the team; each is a word of the catalog (word.computer, ...).
  for (const char* item : {"computer", "network", "desk"}) {
    const double count = equipment ? number(config["equipment"], item) : nan;
    const double coverage = share(count);
    const std::string name = std::string("equipment.") + item;
    parts.push_back(part(name, coverage, equipment ? "configuration." + name + " not given" : "configuration.equipment not given"));
    if (!equipment) continue;
    r.figures.push_back({std::string(item) + "_coverage", coverage, std::isnan(count) ? "not given" : ""});
    if (coverage < 1.0) short_of.push_back(std::string("word.") + item);
  }
  if (!short_of.empty()) {
    Finding f{"team_configuration", "equipment_gap", FindingSeverity::medium, {}, {}, {}, {}};
    f.args = {FindingArg::words_of("items", std::move(short_of))};
    for (const auto& fig : r.figures)
      if (fig.name.find("_coverage") != std::string::npos && !std::isnan(fig.value)) f.evidence.push_back({fig.name, fig.value});
    r.findings.push_back(std::move(f));
  }
  if (!std::isnan(budget) && budget <= 0) {
    Finding f{"team_configuration", "no_budget", FindingSeverity::high, {}, {}, {}, {}};
    f.args = {FindingArg::count_of("count", static_cast<std::size_t>(n))};
    f.evidence = {{"budget", budget}};
    r.findings.push_back(std::move(f));
  }
  r.score = score_from_parts(r, std::move(parts));
  if (std::isnan(r.score)) {
    auto unscored = absent("team_configuration", "configuration has nothing to score (budget with a target, professionals, "
                                            "interested_in_trade, equipment)");
    unscored.parts = std::move(r.parts);
    unscored.figures = std::move(r.figures);
    return unscored;
  }
  r.assessed = true;
  if (!std::isnan(professionals) && professionals < n) {
    Finding f{"team_configuration", "non_professionals", FindingSeverity::low, {}, {}, {}, {}};
    f.args = {FindingArg::num("without", n - professionals), FindingArg::count_of("count", static_cast<std::size_t>(n))};
    f.evidence = {{"professional_share", professionals / n}};
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
