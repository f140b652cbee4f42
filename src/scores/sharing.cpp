#include "teamgraph/scores/sharing.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "teamgraph/scores/departure.hpp"
#include "teamgraph/org_parts.hpp"

#include "department_pairs.hpp"
#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport sharing_health(const Org& org, const Policy& policy, const SharingStructure* precomputed) {
  const auto& sp = policy.sharing;
  const bool meetings = org.has_table("meetings"), network = org.has_table("sharing");
  if (!meetings && !network) return absent("sharing_health", "no meetings or sharing table");
  // Placeholder people attend nothing and share with no one (the builder sees to it): they are
  // left out of every share and list, and their columns are not applicable.
  const index_t n = org.size(), headcount = org.headcount();
  if (headcount == 0) return absent("sharing_health", "the team is empty");
  const auto& placeholder = org.people().placeholder;
  ScoreReport r;
  r.name = "sharing_health";
  r.assessed = true;
  std::vector<ScorePart> parts;
  if (!meetings)
    for (const char* name : {"meetings_per_week", "weeks_with_meeting", "attendance_reach"})
      parts.push_back(missing_part(name, "no meetings table"));
  if (meetings) {
    const auto& m = org.meetings();
    std::vector<std::size_t> counted;  // meetings in the period
    for (std::size_t k = 0; k < m.date.size(); ++k)
      if (in_period(org, m.date[k])) counted.push_back(k);
    std::int64_t start = org.team().period_start, end = org.team().period_end;
    if (!counted.empty()) {
      if (start == no_date) start = m.date[counted.front()];
      if (end == no_date) end = m.date[counted.back()];
    }
    // Calendar weeks (Monday to Sunday) of the period; a partial week at either end counts only
    // if it holds a meeting.
    std::set<std::int64_t> weeks_with;
    for (const auto k : counted) weeks_with.insert(calendar_week(m.date[k]));
    double weeks = nan;
    if (start != no_date) {
      const std::int64_t first = calendar_week(start), last = calendar_week(end);
      weeks = static_cast<double>(last - first + 1);
      if (weekday(start) != 0 && !weeks_with.count(first) && weeks > 1) weeks -= 1;
      if (weekday(end) != 6 && !weeks_with.count(last) && weeks > 1) weeks -= 1;
    }
    const double per_week = std::isnan(weeks) ? 0.0 : static_cast<double>(counted.size()) / weeks;
    const double empty_weeks = std::isnan(weeks) ? nan : weeks - static_cast<double>(weeks_with.size());
    std::vector<double> attended(n, 0.0);
    std::vector<double> presented(n, 0.0);
    for (const auto k : counted) {
      for (auto a = m.attendance_offsets[k]; a < m.attendance_offsets[k + 1]; ++a) attended[m.attendees[a]] += 1;
      if (m.presenter[k] != no_index) presented[m.presenter[k]] += 1;
    }
    std::vector<double> share(n, nan);
    if (!counted.empty())
      for (index_t p = 0; p < n; ++p) share[p] = attended[p] / static_cast<double>(counted.size());
    std::vector<index_t> never;
    double reached = 0;
    for (index_t p = 0; p < n; ++p) {
      if (placeholder[p]) continue;
      if (!counted.empty() && share[p] >= sp.attendance_share) reached += 1;
      if (!counted.empty() && attended[p] == 0) never.push_back(p);
    }
    const double reach = counted.empty() ? 0.0 : reached / headcount;
    const double presenters = static_cast<double>(std::count_if(presented.begin(), presented.end(), [](double x) { return x > 0; }));
    r.people.push_back({"meetings_attended", without_placeholders(org, std::move(attended))});
    r.people.push_back({"attendance_share", without_placeholders(org, std::move(share))});
    r.figures.push_back({"meetings", static_cast<double>(counted.size()), {}});
    r.figures.push_back({"weeks", weeks, why(weeks, "no meetings and no analysis period")});
    r.figures.push_back({"meetings_per_week", per_week, {}});
    r.figures.push_back({"weeks_without_meeting", empty_weeks, why(empty_weeks, "no meetings and no analysis period")});
    r.figures.push_back({"reach", reach, {}});
    r.figures.push_back({"presenters", presenters, {}});
    const double presenter_gini = gini(presented);
    r.figures.push_back({"presenter_gini", presenter_gini, why(presenter_gini, "no meeting has a presenter")});
    parts.push_back(part("meetings_per_week", std::min(1.0, per_week / sp.meetings_per_week), ""));
    parts.push_back(part("weeks_with_meeting", std::isnan(weeks) ? nan : 1.0 - empty_weeks / weeks,
                         "no meetings in the period and no analysis period"));
    parts.push_back(part("attendance_reach", reach, ""));
    if (per_week < sp.meetings_per_week) {
      Finding f{"sharing_health", "too_few_meetings", FindingSeverity::high, {}, {}, {}, {}};
      f.args = {FindingArg::num("per_week", per_week), FindingArg::num("needed", sp.meetings_per_week)};
      f.evidence = {{"meetings_per_week", per_week}, {"meetings", static_cast<double>(counted.size())}, {"weeks", weeks}};
      r.findings.push_back(std::move(f));
    }
    if (empty_weeks > 0) {
      Finding f{"sharing_health", "weeks_without_meeting", FindingSeverity::low, {}, {}, {}, {}};
      f.args = {FindingArg::count_of("empty_weeks", static_cast<std::size_t>(empty_weeks)),
                FindingArg::count_of("count", static_cast<std::size_t>(weeks))};
      f.evidence = {{"weeks_without_meeting", empty_weeks}, {"weeks", weeks}};
      r.findings.push_back(std::move(f));
    }
    if (!never.empty()) {
      Finding f{"sharing_health", "never_attends", FindingSeverity::medium, never, {}, {}, {}};
      r.findings.push_back(about_people(std::move(f), {{"meetings", static_cast<double>(counted.size())}}));
    }
    if (!counted.empty()) {
      const auto top = std::max_element(presented.begin(), presented.end());
      if (*top > sp.max_presenter_share * static_cast<double>(counted.size())) {
        const auto who = static_cast<index_t>(top - presented.begin());
        Finding f{"sharing_health", "one_presenter", FindingSeverity::low, {who}, {}, {}, {}};
        f.args = {FindingArg::people_of("person", 0, 1), FindingArg::count_of("presented", static_cast<std::size_t>(*top)),
                  FindingArg::count_of("count", counted.size())};
        f.evidence = {{"presented", *top}, {"meetings", static_cast<double>(counted.size())}};
        r.findings.push_back(std::move(f));
      }
    }
  }
  if (!network)
    for (const char* name : {"channels", "reachable_from_core", "connected"}) parts.push_back(missing_part(name, "no sharing table"));
  if (network) {
    const auto& s = org.sharing();
    const auto& departments = org.people().departments;
    bool online = false, offline = false;
    double internal = 0, external = 0;
    std::vector<index_t> degree(n, 0);
    for (std::size_t row = 0; row < s.a.size(); ++row) {
      (s.channel[row] == Channel::online ? online : offline) = true;
      if (row > 0 && s.a[row] == s.a[row - 1] && s.b[row] == s.b[row - 1]) continue;  // one pair, several channels
      ++degree[s.a[row]], ++degree[s.b[row]];
      const auto da = departments.codes[s.a[row]], db = departments.codes[s.b[row]];
      if (da < 0 || db < 0) continue;
      (da == db ? internal : external) += 1;
    }
    const double ei = internal + external > 0 ? (external - internal) / (external + internal) : nan;
    const std::vector<index_t> core = people_in_tier(org, Tier::core);
    SharingStructure computed;
    if (!precomputed) computed = sharing_structure(org, core);
    const SharingStructure& structure = precomputed ? *precomputed : computed;
    std::vector<index_t> isolated;
    for (index_t p = 0; p < n; ++p)
      if (degree[p] == 0 && !placeholder[p]) isolated.push_back(p);
    const double reachable = core.empty() ? nan : static_cast<double>(structure.reachable_from_core) / headcount;
    std::vector<double> deg(n), broker(n);
    for (index_t p = 0; p < n; ++p) deg[p] = degree[p], broker[p] = 0;
    for (const auto p : structure.articulation_points) broker[p] = 1;
    r.people.push_back({"sharing_links", without_placeholders(org, std::move(deg))});
    r.people.push_back({"broker", without_placeholders(org, std::move(broker))});
    std::vector<double> groups_if_absent(n);  // the network's separate groups without each person
    for (index_t p = 0; p < n; ++p)
      groups_if_absent[p] = structure.groups_without.empty() ? nan : static_cast<double>(structure.groups_without[p]);
    r.people.push_back({"groups_if_absent", without_placeholders(org, std::move(groups_if_absent))});
    r.figures.push_back({"groups", static_cast<double>(structure.groups), {}});
    r.figures.push_back({"online_in_use", online ? 1.0 : 0.0, {}});
    r.figures.push_back({"offline_in_use", offline ? 1.0 : 0.0, {}});
    r.figures.push_back({"reachable_from_core", reachable, core.empty() ? "no one is in the core tier" : ""});
    r.figures.push_back({"isolated", static_cast<double>(isolated.size()), {}});
    r.figures.push_back({"ei_index", ei, why(ei, "no links between people with a department")});
    r.figures.push_back({"cross_department_links", external, {}});
    r.figures.push_back({"articulation_points", static_cast<double>(structure.articulation_points.size()), {}});
    r.figures.push_back({"bridges", static_cast<double>(structure.bridges.size()), {}});
    parts.push_back(part("channels", online && offline ? 1.0 : sp.one_channel_part, ""));
    parts.push_back(part("reachable_from_core", reachable, "no one is in the core tier"));
    parts.push_back(part("connected", 1.0 - static_cast<double>(isolated.size()) / headcount, ""));
    if (!(online && offline)) {
      Finding f{"sharing_health", "one_channel", FindingSeverity::low, {}, {}, {}, {}};
      f.args = {FindingArg::word_of("channel", online ? "word.online" : "word.offline")};
      f.evidence = {{"online", online ? 1.0 : 0.0}, {"offline", offline ? 1.0 : 0.0}};
      r.findings.push_back(std::move(f));
    }
    if (!isolated.empty()) {
      Finding f{"sharing_health", "isolated", FindingSeverity::high, isolated, {}, {}, {}};
      r.findings.push_back(about_people(std::move(f)));
    }
    if (!structure.articulation_points.empty()) {
      Finding f{"sharing_health", "broker", FindingSeverity::medium, structure.articulation_points, {}, {}, {}};
      f.args = people_args(structure.articulation_points.size());
      f.args.push_back(FindingArg::count_of("bridges", structure.bridges.size()));
      if (structure.bridges.size() == 1) f.variant = "one_bridge";
      f.evidence = {{"articulation_points", static_cast<double>(structure.articulation_points.size())},
                    {"bridges", static_cast<double>(structure.bridges.size())}};
      r.findings.push_back(std::move(f));
    }
    DepartmentPairs pairs = department_pairs(org, sp);
    r.findings.append(pairs.findings);
    if (!std::isnan(ei) && ei <= sp.inward_ei_index) {
      // The recommendation names the sizable departments that share least for their sizes.
      Finding f{"sharing_health", "few_cross_department_links", FindingSeverity::low, {}, {}, {}, {}};
      f.args = {FindingArg::num("ei_index", ei)};
      if (pairs.fewest.empty()) f.variant = "no_pairs";
      else f.args.push_back(FindingArg::clauses_of("pairs", std::move(pairs.fewest)));
      f.evidence = {{"ei_index", ei}, {"cross_department_links", external}, {"internal_links", internal}};
      r.findings.push_back(std::move(f));
    }
  }
  r.score = score_from_parts(r, std::move(parts));
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
