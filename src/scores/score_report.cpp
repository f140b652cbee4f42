#include "teamgraph/scores/score_report.hpp"
#include "teamgraph/org_parts.hpp"

#include "support_common.hpp"

namespace teamgraph {

const Figure* ScoreReport::figure(std::string_view name) const {
  for (const auto& f : figures)
    if (f.name == name) return &f;
  return nullptr;
}

namespace detail {

double score_from_parts(ScoreReport& r, std::vector<ScorePart> parts) {
  r.parts = std::move(parts);
  double sum = 0.0;
  std::size_t n = 0;
  for (const auto& p : r.parts)
    if (p.computed()) sum += p.value, ++n;
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

}  // namespace detail
}  // namespace teamgraph
