#pragma once
// Every threshold and weight of every score, in one object with documented defaults. Users load
// overrides from JSON (a file, or the "policy" object of team.json); docs/scores.md explains
// each value. `teamgraph policy --dump` prints the defaults.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace teamgraph {

struct LeadershipPolicy {
  // The capabilities the core layer must have (docs/scores.md): none may be missing.
  std::vector<std::string> required{"planning", "analysis", "execution", "control", "command", "practice", "theory"};
  double threshold = 0.6;             // a competency score (0-1) at or above this counts as held
  double single_holder_score = 80.0;  // score of a competency held by one person only (0-100)
  double missing_cap = 40.0;          // the team score never exceeds this while a competency is missing
  // What each manager needs to lead a unit.
  std::vector<std::string> unit_required{"planning", "execution", "control", "command"};
  double training_reach = 0.2;  // someone this close to the threshold can be trained to it
};

struct SuccessionPolicy {
  std::uint32_t large_unit = 8;  // managers with at least this many people under them hold key positions
  double weight_ready_now = 1.0;
  double weight_ready_1_2y = 0.5;
  double weight_ready_3y_plus = 0.25;
  double bench_target = 1.0;                 // bench strength that counts as a full reserve
  double min_fitness = 0.7;                  // successors below this fitness get a finding
  std::uint32_t max_positions_per_successor = 2;  // more than this is "one person named for many"
  // The report's cascade of each key position follows at most this many seats (then `truncated`):
  // a chain of n successors would otherwise make n cascades of up to n seats each.
  std::uint32_t cascade_seats = 20;
};

struct DeparturePolicy {
  // Weights of the parts of a departure's impact (they are normalized to sum 1).
  double weight_coverage = 0.4;   // drop of leadership coverage
  double weight_unit = 0.2;       // share of the org left without its manager
  double weight_sharing = 0.2;    // share of the org cut off from the core in the sharing network
  double weight_knowledge = 0.2;  // share of artifacts left with no author
  double weight_channels = 0.2;   // share of the channels whose main answerer they are (market_response)
  std::uint32_t findings = 5;     // high_departure_impact findings for the people at the top of the ranking
  double critical_risk = 0.15;    // a finding's severity is critical from this risk (flight risk x impact)
  double high_risk = 0.05;        // and high from this one (medium below, and without a flight risk)
};

struct TruckFactorPolicy {
  double authorship_ratio = 0.75;  // an author's DOA / the artifact's highest DOA must exceed this
  double doa_minimum = 3.293;      // and the DOA must reach this
  double coverage_stop = 0.5;      // the truck factor counts departures until coverage drops below this
  std::uint32_t low_at_most = 2;       // a truck factor at or below this gets a low_truck_factor finding (high)
  std::uint32_t critical_at_most = 1;  // and at or below this it is critical
};

struct IncentivePolicy {
  double spiritual_share_low = 0.25;   // the spiritual share of incentive events should be at least this
  double spiritual_share_high = 0.75;  // and at most this: a team leaning on one kind only scores lower
  std::uint32_t min_people_for_correlation = 8;  // pay-for-performance needs at least this many people
  std::uint32_t bootstrap_samples = 1000;        // resamples for the pay-for-performance interval (fixed seed)
  // Above this many assessed people the interval is Fisher's z (Bonett-Wright), not a bootstrap.
  std::uint32_t bootstrap_max_people = 1000;
  double high_potential = 0.75;                  // potential (0-1) at or above this is "high potential"
  // A reward contradicts the assessment when pay ranks above this share of the assessed people
  // (top quartile) while the assessment ranks at or below lowest_assessed_rank (bottom quartile).
  double best_paid_rank = 0.75;
  double lowest_assessed_rank = 0.25;
  double min_pay_for_performance = 0.2;  // a rank correlation below this: pay hardly follows performance
};

struct BehindPolicy {
  std::vector<std::string> dimensions{"professional_knowledge", "product_knowledge", "expression", "conduct"};
  double floor = 0.5;          // below this score (0-1) a person lags
  double robust_z = -2.0;      // or when (score - median) / (1.4826 MAD) is below this
  double strong = 0.75;        // mentors score at least this in the dimension
  std::uint32_t max_mentees = 3;  // prefer mentors with fewer than this many mentees
  std::uint32_t mentor_reach = 6;      // a mentor is at most this many steps away in the sharing network
  std::uint32_t mentor_search = 10000;  // links a laggard's mentor search looks at, at most (bounds the work)
  double severe_share_of_floor = 0.5;  // a score below this share of `floor` is a high-severity lag
  double learning_robust_z = -2.0;     // learning hours whose robust z-score is below this are far too few
};

struct SharingPolicy {
  double meetings_per_week = 1.0;  // at least one sharing meeting a week (S3)
  double attendance_share = 0.5;   // a person is reached when they attend at least this share of meetings
  double max_presenter_share = 0.5;  // one person presenting more than this share of meetings is a finding
  double one_channel_part = 0.5;     // the channel part of the score when only online or only offline is used
  double inward_ei_index = -0.5;     // an E-I index at or below this: sharing stays inside departments
  // Departments of at least this many people are expected to share with each other; a pair of
  // them with no link is a finding (silent_departments).
  std::uint32_t pair_min_department_size = 3;
  std::uint32_t pair_departments = 20;  // the largest departments checked pair by pair (bounds the work)
};

struct ManagementPolicy {
  std::uint32_t min_span = 3;  // direct reports of a manager
  std::uint32_t max_span = 10;
  double typical_span = 7.0;   // layers needed = 1 + ceil(log(n) / log(typical_span))
  std::uint32_t extra_layers = 1;  // layers beyond those needed before the layer fit falls (and a finding)
  std::vector<std::string> manager_titles{"manager", "lead", "director", "head", "chief", "supervisor"};
};

struct GoalPolicy {
  double min_quantified_share = 0.8;  // a smaller share of goals with a measurable target is a finding
};

struct ConfigurationPolicy {
  // The budget a member needs (in the budget's own currency); 0 = no target, then a budget is
  // reported per head but not scored (only a budget of 0 is scored: no money at all).
  double budget_per_head = 0.0;
};

// Market response (docs/scores.md): inquiries answered, how fast, orders, and how the team follows
// demand week by week. A week is judged against the median and MAD of the trailing weeks.
struct MarketPolicy {
  double reply_rate_target = 0.95;     // share of inquiries answered
  double reply_minutes_target = 10.0;  // median minutes to the first reply
  std::uint32_t window = 8;            // a week is judged against this many trailing calendar weeks
  std::uint32_t min_history = 4;       // weeks of that window with data before a week is judged
  double threshold = 3.0;              // a change of this many spreads (robust z) is sharp
  double min_spread = 0.1;             // spread of counts and conversion: at least this share of their median
  double min_rate_spread = 0.02;       // spread of the reply rate: at least this (two points)
  std::uint32_t sustained_weeks = 4;   // a decline holds this many weeks in a row
  double sustained_threshold = 2.0;    // with their median this many spreads below the trailing weeks
  double max_person_share = 0.5;       // one person answering more of a channel's replies is a finding
};

struct HealthPolicy {
  // Weights of the scores in the team health index (scores without data are left out).
  double leadership_coverage = 2.0;
  double succession_readiness = 2.0;
  double incentive_balance = 1.0;
  double nobody_behind = 1.0;
  double sharing_health = 1.0;
  double unified_management = 1.0;
  double goal_alignment = 1.0;
  double team_configuration = 0.5;
  double market_response = 1.0;
};

// The talent grid and its reserve pool (docs/scores.md, "Talent grid"; teamgraph/scores/talent_grid.hpp).
struct TalentGridPolicy {
  // How each axis is cut into low, middle and high: "tertiles" of the people placed (by mid-rank,
  // equal values in one box), or "scale": at thirds of the field's declared scale (on 1-5: 1-2
  // low, 3 middle, 4-5 high).
  std::string cuts = "tertiles";
  // Fixed cuts of one axis, [a, b] on the field's declared scale (below a low, at or above b
  // high); when given they cut that axis whatever `cuts` says. Empty: `cuts` decides.
  std::vector<double> performance_cuts;
  std::vector<double> potential_cuts;
  std::uint32_t min_people = 6;    // tertiles of fewer people placed say nothing: the grid is not assessed
  std::uint32_t suggestions = 3;   // add_successor suggestions for each uncovered key position
  // People of the pool a seat's suggestions (and a reserve_in_unit finding) look at, at most:
  // bounds the work to seats x this.
  std::uint32_t suggestion_search = 200;
};

struct Policy {
  LeadershipPolicy leadership;
  SuccessionPolicy succession;
  DeparturePolicy departure;
  TruckFactorPolicy truck_factor;
  IncentivePolicy incentives;
  BehindPolicy behind;
  SharingPolicy sharing;
  ManagementPolicy management;
  GoalPolicy goals;
  ConfigurationPolicy configuration;
  MarketPolicy market;
  HealthPolicy health;
  TalentGridPolicy talent_grid;
  // Group aggregates over fewer people are withheld. A team.json (or a policy file given to the
  // CLI) may not set it below min_group_size_floor: lowering it takes an explicit choice of the
  // caller (the CLI's --min-group-size, or the policy argument of assess in code).
  std::uint32_t min_group_size = 5;
  static constexpr std::uint32_t min_group_size_floor = 5;
};

// The policy with the overrides of `json` applied: {"leadership": {"threshold": 0.7}, ...}.
// Throws RequestError (a std::invalid_argument, subject "policy") naming every unknown key and
// every value of the wrong type (listed, each problem's field the setting), or the one problem
// of a text that is not JSON or not an object.
Policy policy_from_json(std::string_view json, const Policy& base = {});
// The whole policy as JSON (sorted keys): the starting point for overrides.
std::string policy_to_json(const Policy& policy);

}  // namespace teamgraph
