#include "teamgraph/scores/configuration.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

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
    // The things of the team; each is a word of the catalog (word.computer, ...).
    for (const char* item : {"computer", "network", "desk"}) {
      const double count = number(config["equipment"], item);
      const double coverage = std::min(1.0, count / n);
      r.figures.push_back({std::string(item) + "_coverage", coverage, std::isnan(count) ? "not given" : ""});
      parts.push_back(coverage);
      if (coverage < 1.0) short_of.push_back(std::string("word.") + item);
    }
    if (!short_of.empty()) {
      Finding f{"team_configuration", "equipment_gap", FindingSeverity::medium, {}, {}, {}, {}};
      f.args = {FindingArg::words_of("items", std::move(short_of))};
      for (const auto& fig : r.figures)
        if (fig.name.find("_coverage") != std::string::npos) f.evidence.push_back({fig.name, fig.value});
      r.findings.push_back(std::move(f));
    }
  }
  r.score = mean_score(parts);
  if (std::isnan(r.score)) return absent("team_configuration", "configuration has no counts to score (professionals, "
                                                               "interested_in_trade, equipment)");
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
