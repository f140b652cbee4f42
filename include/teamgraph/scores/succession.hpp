#pragma once
// Succession readiness (docs/scores.md): does every key person have a
// reserve, so that losing one person never throws the team into chaos?
//
// Key positions: everyone in the core tier, and every manager with at least
// policy.succession.large_unit people under them.
// Bench strength of a key position = sum over its successors of w(readiness) / n_s, where w is
// 1 / 0.5 / 0.25 for ready_now / ready_1_2y / ready_3y_plus and n_s is the number of key
// positions successor s is named for (a shared successor counts fractionally).
// A position is covered when one successor is ready now.
// Team score = 100 * mean over key positions of min(1, bench_strength / bench_target).

#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph {

struct SuccessorAssessment {
  index_t person = no_index;
  Readiness readiness = Readiness::ready_3y_plus;
  double fitness = 0.0;  // 0-1: the successor's competencies against what the seat needs (NaN: not assessed)
  double weight = 0.0;   // contribution to bench strength
};

struct KeyPosition {
  index_t incumbent = no_index;
  bool core = false;        // key because in the core tier
  bool large_unit = false;  // key because they lead a large unit
  index_t unit_size = 0;    // people under them
  std::vector<SuccessorAssessment> successors;  // best first: readiness, fitness, index
  double bench_strength = 0.0;
  bool covered = false;
  double score = 0.0;  // 0-100
};

// What happens when a key person leaves: the best ready-now successor is promoted, the seat they
// vacate is filled the same way, and so on. No one fills two seats in one cascade.
struct VacancyCascade {
  index_t leaver = no_index;
  std::vector<index_t> seats;     // the seats filled, in order (their previous holders)
  std::vector<index_t> promoted;  // who filled each seat
  index_t unfilled = no_index;    // the first seat nobody could fill, or no_index
  bool truncated = false;         // stopped after the policy's cascade_seats seats; more would follow
};

struct SuccessionReport {
  bool assessed = false;
  std::string absent_reason;
  double score = 0.0;          // 0-100
  double covered_share = 0.0;  // key positions with a ready-now successor
  std::vector<KeyPosition> positions;    // in index order
  std::vector<VacancyCascade> cascades;  // one per key position, each of at most cascade_seats seats
  FindingList findings;
};

SuccessionReport succession_readiness(const Org& org, const Policy& policy = {});

// Which people hold key positions (the policy's definition), as flags by person index: the core
// and the managers of large units (counting the people described); never a placeholder person.
std::vector<bool> key_positions(const Org& org, const Policy& policy);

// Whether someone must fill `p`'s seat when `p` moves on: `p` holds a key position or has reports
// (an individual contributor's seat is an ordinary hire). `key` is key_positions().
bool holds_a_seat_to_refill(const Org& org, const std::vector<bool>& key, index_t p);

// The best ready-now successor named for `seat` who is not flagged `unavailable` (one flag per
// person): the highest fitness for the seat's competencies, then the lowest index; no_index if none.
index_t best_ready_now_successor(const Org& org, index_t seat, const Policy& policy,
                                 const std::vector<char>& unavailable);

// How well `successor` fits `incumbent`'s seat (0-1; NaN without a competencies table): the mean
// over the seat's competencies (the core's required ones for a core seat, the unit's otherwise) of
// min(1, successor's score / max(incumbent's score, threshold)); a missing score counts 0.
double successor_fitness(const Org& org, index_t incumbent, index_t successor, const Policy& policy = {});

// The whole cascade after `leaver` leaves (`leaver` need not hold a key position): no seat limit,
// linear in its length.
VacancyCascade vacancy_cascade(const Org& org, index_t leaver, const Policy& policy = {});

}  // namespace teamgraph
