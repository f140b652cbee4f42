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
  out.reserve(org.size());
  const auto& placeholder = org.people().placeholder;
  for (index_t p = 0; p < org.size(); ++p)
    out.push_back(placeholder[p] ? -1 : static_cast<std::int32_t>(org.people().tiers[p]));
  return out;
}

std::vector<std::int32_t> department_groups(const Org& org) {
  std::vector<std::int32_t> out = org.people().departments.codes;
  if (org.people().placeholders > 0)
    for (index_t p = 0; p < org.size(); ++p)
      if (org.people().placeholder[p]) out[p] = -1;
  return out;
}

std::vector<double> without_placeholders(const Org& org, std::vector<double> values) {
  if (org.people().placeholders > 0)
    for (index_t p = 0; p < org.size(); ++p)
      if (org.people().placeholder[p]) values[p] = nan;
  return values;
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
