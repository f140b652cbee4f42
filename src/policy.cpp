#include "teamgraph/policy.hpp"

#include "teamgraph/detail/json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <variant>

namespace teamgraph {
namespace {

using json = nlohmann::ordered_json;
using Slot = std::variant<double*, std::uint32_t*, std::vector<std::string>*, std::string*, std::vector<double>*>;

constexpr double unbounded = std::numeric_limits<double>::infinity();

struct Field {
  const char* section;  // "" for top-level fields
  const char* name;
  Slot slot;
  // The range a number must be in (the bounds included).
  double min = 0.0;
  double max = unbounded;
  std::vector<std::string> choices = {};  // the words a text setting may take
};

// The one list of policy fields: reading, writing and validation all go through it.
std::vector<Field> fields(Policy& p) {
  auto& l = p.leadership;
  auto& s = p.succession;
  auto& d = p.departure;
  auto& t = p.truck_factor;
  auto& i = p.incentives;
  auto& b = p.behind;
  auto& sh = p.sharing;
  auto& m = p.management;
  auto& g = p.goals;
  auto& c = p.configuration;
  auto& h = p.health;
  auto& mk = p.market;
  return {
      {"leadership", "required", &l.required},
      {"leadership", "threshold", &l.threshold},
      {"leadership", "single_holder_score", &l.single_holder_score},
      {"leadership", "missing_cap", &l.missing_cap},
      {"leadership", "unit_required", &l.unit_required},
      {"leadership", "training_reach", &l.training_reach},
      {"succession", "large_unit", &s.large_unit},
      {"succession", "weight_ready_now", &s.weight_ready_now},
      {"succession", "weight_ready_1_2y", &s.weight_ready_1_2y},
      {"succession", "weight_ready_3y_plus", &s.weight_ready_3y_plus},
      {"succession", "bench_target", &s.bench_target},
      {"succession", "min_fitness", &s.min_fitness},
      {"succession", "max_positions_per_successor", &s.max_positions_per_successor},
      {"succession", "cascade_seats", &s.cascade_seats},
      {"departure", "weight_coverage", &d.weight_coverage},
      {"departure", "weight_unit", &d.weight_unit},
      {"departure", "weight_sharing", &d.weight_sharing},
      {"departure", "weight_knowledge", &d.weight_knowledge},
      {"departure", "weight_channels", &d.weight_channels},
      {"departure", "findings", &d.findings},
      {"departure", "critical_risk", &d.critical_risk},
      {"departure", "high_risk", &d.high_risk},
      {"truck_factor", "authorship_ratio", &t.authorship_ratio},
      {"truck_factor", "doa_minimum", &t.doa_minimum},
      {"truck_factor", "coverage_stop", &t.coverage_stop},
      {"truck_factor", "low_at_most", &t.low_at_most},
      {"truck_factor", "critical_at_most", &t.critical_at_most},
      {"incentives", "spiritual_share_low", &i.spiritual_share_low},
      {"incentives", "spiritual_share_high", &i.spiritual_share_high},
      {"incentives", "min_people_for_correlation", &i.min_people_for_correlation},
      {"incentives", "bootstrap_samples", &i.bootstrap_samples},
      {"incentives", "bootstrap_max_people", &i.bootstrap_max_people},
      {"incentives", "high_potential", &i.high_potential},
      {"incentives", "best_paid_rank", &i.best_paid_rank, 0.0, 1.0},
      {"incentives", "lowest_assessed_rank", &i.lowest_assessed_rank, 0.0, 1.0},
      {"incentives", "min_pay_for_performance", &i.min_pay_for_performance, -1.0, 1.0},
      {"behind", "dimensions", &b.dimensions},
      {"behind", "floor", &b.floor},
      {"behind", "robust_z", &b.robust_z, -unbounded},
      {"behind", "strong", &b.strong},
      {"behind", "max_mentees", &b.max_mentees},
      {"behind", "mentor_reach", &b.mentor_reach, 0.0, 1000.0},
      {"behind", "mentor_search", &b.mentor_search, 0.0, 1'000'000.0},
      {"behind", "severe_share_of_floor", &b.severe_share_of_floor, 0.0, 1.0},
      {"behind", "learning_robust_z", &b.learning_robust_z, -unbounded},
      {"sharing", "meetings_per_week", &sh.meetings_per_week},
      {"sharing", "attendance_share", &sh.attendance_share},
      {"sharing", "max_presenter_share", &sh.max_presenter_share, 0.0, 1.0},
      {"sharing", "one_channel_part", &sh.one_channel_part, 0.0, 1.0},
      {"sharing", "inward_ei_index", &sh.inward_ei_index, -1.0, 1.0},
      {"sharing", "pair_min_department_size", &sh.pair_min_department_size},
      {"sharing", "pair_departments", &sh.pair_departments, 0.0, 200.0},
      {"management", "min_span", &m.min_span},
      {"management", "max_span", &m.max_span},
      {"management", "typical_span", &m.typical_span},
      {"management", "manager_titles", &m.manager_titles},
      {"management", "extra_layers", &m.extra_layers},
      {"goals", "min_quantified_share", &g.min_quantified_share, 0.0, 1.0},
      {"configuration", "budget_per_head", &c.budget_per_head},
      {"health", "leadership_coverage", &h.leadership_coverage},
      {"health", "succession_readiness", &h.succession_readiness},
      {"health", "incentive_balance", &h.incentive_balance},
      {"health", "nobody_behind", &h.nobody_behind},
      {"health", "sharing_health", &h.sharing_health},
      {"health", "unified_management", &h.unified_management},
      {"health", "goal_alignment", &h.goal_alignment},
      {"health", "team_configuration", &h.team_configuration},
      {"health", "market_response", &h.market_response},
      {"market", "reply_rate_target", &mk.reply_rate_target, 0.0, 1.0},
      {"market", "reply_minutes_target", &mk.reply_minutes_target},
      {"market", "window", &mk.window, 0.0, 52.0},
      {"market", "min_history", &mk.min_history, 0.0, 52.0},
      {"market", "threshold", &mk.threshold},
      {"market", "min_spread", &mk.min_spread},
      {"market", "min_rate_spread", &mk.min_rate_spread},
      {"market", "sustained_weeks", &mk.sustained_weeks, 0.0, 52.0},
      {"market", "sustained_threshold", &mk.sustained_threshold},
      {"market", "max_person_share", &mk.max_person_share, 0.0, 1.0},
      {"", "min_group_size", &p.min_group_size},
      {"talent_grid", "cuts", &p.talent_grid.cuts, 0.0, unbounded, {"tertiles", "scale"}},
      {"talent_grid", "performance_cuts", &p.talent_grid.performance_cuts},
      {"talent_grid", "potential_cuts", &p.talent_grid.potential_cuts},
      {"talent_grid", "min_people", &p.talent_grid.min_people},
      {"talent_grid", "suggestions", &p.talent_grid.suggestions, 0.0, 100.0},
      {"talent_grid", "suggestion_search", &p.talent_grid.suggestion_search, 0.0, 100'000.0},
  };
}

// -1, 0, 0.5: a bound as an error message shows it.
std::string format_bound(double x) {
  std::string text = nlohmann::json(x).dump();
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

// "tertiles", "scale": a text setting's choices as a message shows them.
std::string join_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "\"" : ", \"") + c + "\"";
  return out;
}

std::string path(const Field& f) { return *f.section ? std::string(f.section) + "." + f.name : std::string(f.name); }

// A setting the policy cannot take: a problem whose field is the setting ("leadership.threshold").
Problem setting_problem(std::string setting, std::string_view key, ProblemArgs args = {}) {
  return make_problem(key, std::move(args), {}, 0, {}, std::move(setting));
}

// Reads one value into its slot; returns the problem with it, if any.
std::optional<Problem> assign(const Field& f, const json& value) {
  return std::visit(
      [&](auto* target) -> std::optional<Problem> {
        using T = std::remove_pointer_t<decltype(target)>;
        if constexpr (std::is_same_v<T, double>) {
          if (!value.is_number() || !std::isfinite(value.get<double>()))
            return setting_problem(path(f), "problem.bad_value.policy_number");
          const double x = value.get<double>();
          if (x < f.min || x > f.max) {
            if (f.max == unbounded)
              return setting_problem(path(f), "problem.bad_value.policy_min", {{"min", format_bound(f.min)}});
            return setting_problem(path(f), "problem.bad_value.policy_range",
                                   {{"min", format_bound(f.min)}, {"max", format_bound(f.max)}});
          }
          *target = value.get<double>();
        } else if constexpr (std::is_same_v<T, std::uint32_t>) {
          if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 0xFFFFFFFFll)
            return setting_problem(path(f), "problem.bad_value.policy_whole");
          // A bound keeps a setting that sizes the work (pairs compared, links searched) from
          // making a small team.json cost unbounded time and memory.
          if (f.max != unbounded && static_cast<double>(value.get<std::int64_t>()) > f.max)
            return setting_problem(path(f), "problem.bad_value.policy_whole_range", {{"max", format_bound(f.max)}});
          *target = value.get<std::uint32_t>();
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (!value.is_string() || std::find(f.choices.begin(), f.choices.end(), value.get<std::string>()) == f.choices.end())
            return setting_problem(path(f), "problem.bad_value.policy_choice", {{"choices", join_choices(f.choices)}});
          *target = value.get<std::string>();
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          // Cuts: none, or two finite numbers in ascending order.
          const bool ok = value.is_array() && (value.empty() || (value.size() == 2 && value[0].is_number() &&
                                                                 value[1].is_number() && std::isfinite(value[0].get<double>()) &&
                                                                 std::isfinite(value[1].get<double>()) &&
                                                                 value[0].get<double>() <= value[1].get<double>()));
          if (!ok) return setting_problem(path(f), "problem.bad_value.policy_cuts");
          *target = value.get<std::vector<double>>();
        } else {
          if (!value.is_array()) return setting_problem(path(f), "problem.bad_value.policy_names");
          std::vector<std::string> names;
          for (const auto& item : value) {
            if (!item.is_string() || item.get<std::string>().empty())
              return setting_problem(path(f), "problem.bad_value.policy_names");
            names.push_back(item.get<std::string>());
          }
          *target = std::move(names);
        }
        return std::nullopt;
      },
      f.slot);
}

// Applies the overrides of `root` (an object) to `policy`; returns the settings it cannot take.
std::vector<Problem> apply_overrides(const json& root, Policy& policy) {
  const auto all = fields(policy);
  std::vector<Problem> errors;
  auto find = [&](std::string_view section, std::string_view name) -> const Field* {
    for (const auto& f : all)
      if (section == f.section && name == f.name) return &f;
    return nullptr;
  };
  auto section_exists = [&](std::string_view name) {
    for (const auto& f : all)
      if (*f.section && name == f.section) return true;
    return false;
  };
  for (const auto& [key, value] : root.items()) {
    if (const Field* f = find("", key)) {
      if (auto e = assign(*f, value)) errors.push_back(std::move(*e));
    } else if (section_exists(key) && value.is_object()) {
      for (const auto& [name, v] : value.items()) {
        if (const Field* g = find(key, name)) {
          if (auto e = assign(*g, v)) errors.push_back(std::move(*e));
        } else {
          errors.push_back(setting_problem(key + "." + name, "problem.bad_value.policy_unknown"));
        }
      }
    } else {
      errors.push_back(setting_problem(key, section_exists(key) ? "problem.bad_value.policy_section"
                                                                : "problem.bad_value.policy_unknown"));
    }
  }
  if (policy.leadership.threshold > 1)
    errors.push_back(setting_problem("leadership.threshold", "problem.bad_value.policy_threshold"));
  return errors;
}

}  // namespace

Policy policy_from_json(std::string_view text, const Policy& base) {
  Policy policy = base;
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw RequestError("policy", {make_problem("problem.json_syntax.policy", {{"detail", e.what()}}, "policy")});
  }
  if (!root.is_object()) throw RequestError("policy", {make_problem("problem.bad_value.policy_not_object", {}, "policy")});
  std::vector<Problem> errors = apply_overrides(root, policy);
  if (!errors.empty()) throw RequestError("policy", std::move(errors), true);
  return policy;
}

namespace detail {

std::vector<Problem> policy_problems(std::string_view overrides) {
  Policy policy;
  return apply_overrides(json::parse(overrides.begin(), overrides.end()), policy);
}

}  // namespace detail

std::string policy_to_json(const Policy& policy) {
  Policy copy = policy;
  nlohmann::json root = nlohmann::json::object();  // std::map: sorted keys
  for (const auto& f : fields(copy)) {
    nlohmann::json& target = *f.section ? root[f.section][f.name] : root[f.name];
    std::visit([&](auto* value) { target = *value; }, f.slot);
  }
  return root.dump(2);
}

}  // namespace teamgraph
