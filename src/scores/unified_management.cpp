#include "teamgraph/scores/unified_management.hpp"
#include "teamgraph/org_parts.hpp"

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport unified_management(const Org& org, const Policy& policy) {
  const auto& mp = policy.management;
  // The shape (tops, spans, layers) is the hierarchy's, placeholder managers included: their
  // reports are real. The size the layers are judged by counts the people described.
  const index_t n = org.size(), headcount = org.headcount();
  if (headcount == 0) return absent("unified_management", "the team is empty");
  ScoreReport r;
  r.name = "unified_management";
  r.assessed = true;
  const auto& h = org.hierarchy();
  std::vector<index_t> narrow, wide, title_only;
  double managers = 0, within = 0;
  // Which role titles name a manager: once per distinct role, not once per person.
  const auto& roles = org.people().roles;
  std::vector<bool> titled(roles.labels.size(), false);
  for (std::size_t k = 0; k < roles.labels.size(); ++k) {
    std::string role = roles.labels[k];
    std::transform(role.begin(), role.end(), role.begin(), [](unsigned char c) { return std::tolower(c); });
    titled[k] = std::any_of(mp.manager_titles.begin(), mp.manager_titles.end(),
                            [&](const std::string& t) { return role.find(t) != std::string::npos; });
  }
  std::vector<double> span(n, 0.0);
  for (index_t p = 0; p < n; ++p) {
    const auto reports = boost::out_degree(p, h.reports);
    span[p] = static_cast<double>(reports);
    if (reports == 0) {
      if (roles.codes[p] >= 0 && titled[static_cast<std::size_t>(roles.codes[p])]) title_only.push_back(p);
      continue;
    }
    managers += 1;
    if (reports < mp.min_span) narrow.push_back(p);
    else if (reports > mp.max_span) wide.push_back(p);
    else within += 1;
  }
  double kpi_with = 0, kpi_known = 0;
  for (index_t p = 0; p < n; ++p)
    if (org.people().has_quantified_kpi[p] >= 0) kpi_known += 1, kpi_with += org.people().has_quantified_kpi[p];
  const double kpi = kpi_known > 0 ? kpi_with / kpi_known : nan;
  const double needed =
      headcount <= 1 ? 1.0 : 1.0 + std::ceil(std::log(static_cast<double>(headcount)) / std::log(mp.typical_span));
  const double tops = static_cast<double>(h.tops.size());
  r.people.push_back({"direct_reports", std::move(span)});
  r.figures.reserve(6);  // built in place: a braced list would copy every name
  r.figures.push_back({"tops", tops, {}});
  r.figures.push_back({"managers", managers, {}});
  r.figures.push_back({"span_within_bounds", managers > 0 ? within / managers : nan, managers > 0 ? "" : "no managers"});
  r.figures.push_back({"layers", static_cast<double>(h.layers), {}});
  r.figures.push_back({"layers_needed", needed, {}});
  r.figures.push_back({"quantified_kpi_share", kpi, kpi_known > 0 ? "" : "has_quantified_kpi not given"});
  const double allowed = needed + mp.extra_layers;  // layers before the fit falls
  const double layers_part = h.layers <= allowed ? 1.0 : std::max(0.0, 1.0 - (h.layers - allowed) / needed);
  r.score = score_from_parts(r, {part("one_top", 1.0 / tops, ""), part("spans", managers > 0 ? within / managers : nan, "no managers"),
                                 part("layers", layers_part, ""),
                                 part("quantified_kpi", kpi, "has_quantified_kpi is not given")});
  if (tops > 1) {
    std::vector<index_t> t(h.tops.begin(), h.tops.end());
    Finding f{"unified_management", "several_tops", FindingSeverity::high, t, {}, {}, {}};
    f.args = people_args(t.size());
    f.evidence = {{"tops", tops}};
    r.findings.push_back(std::move(f));
  }
  auto span_finding = [&](const std::vector<index_t>& who, const char* code, std::uint32_t span) {
    if (who.empty()) return;
    Finding f{"unified_management", code, FindingSeverity::medium, who, {}, {}, {}};
    f.args = people_args(who.size());
    f.args.push_back(FindingArg::count_of("span", span));
    f.evidence = {{"managers", static_cast<double>(who.size())}, {"min_span", static_cast<double>(mp.min_span)},
                  {"max_span", static_cast<double>(mp.max_span)}};
    r.findings.push_back(std::move(f));
  };
  span_finding(wide, "wide_span", mp.max_span);
  span_finding(narrow, "narrow_span", mp.min_span);
  if (h.layers > allowed) {
    Finding f{"unified_management", "too_many_layers", FindingSeverity::medium, {}, {}, {}, {}};
    f.args = {FindingArg::count_of("layers", h.layers), FindingArg::count_of("size", headcount), FindingArg::num("needed", needed)};
    f.evidence = {{"layers", static_cast<double>(h.layers)}, {"layers_needed", needed}};
    r.findings.push_back(std::move(f));
  }
  if (!title_only.empty()) {
    Finding f{"unified_management", "manager_without_unit", FindingSeverity::low, title_only, {}, {}, {}};
    r.findings.push_back(about_people(std::move(f)));
  }
  if (!std::isnan(kpi) && kpi < 1.0) {
    std::vector<index_t> without;
    for (index_t p = 0; p < n; ++p)
      if (org.people().has_quantified_kpi[p] == 0) without.push_back(p);
    Finding f{"unified_management", "no_quantified_kpi", FindingSeverity::medium, without, {}, {}, {}};
    f.args = people_args(without.size());
    f.evidence = {{"quantified_kpi_share", kpi}};
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
