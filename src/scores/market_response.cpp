#include "teamgraph/scores/market_response.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>

#include "teamgraph/detail/values.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/stats.hpp"

#include "market_weeks.hpp"
#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

namespace {

constexpr const char* score_name = "market_response";

// Inquiries, replies, orders and reply minutes summed over rows.
struct Tally {
  double inquiries = 0, replied = 0, replied_of = 0, orders = 0, orders_of = 0;
  std::vector<std::pair<double, double>> minutes;  // (the day's median, its weight: replies)

  void add(const Operations& op, std::size_t k) {
    const auto r = static_cast<Eigen::Index>(k);
    const double q = op.inquiries[r], replies = op.replied[r], ordered = op.orders[r], m = op.first_reply_minutes[r];
    inquiries += q;
    if (!std::isnan(replies)) replied += replies, replied_of += q;
    if (!std::isnan(ordered)) orders += ordered, orders_of += q;
    const double weight = std::isnan(replies) ? q : replies;
    if (!std::isnan(m) && weight > 0) minutes.emplace_back(m, weight);
  }
  void clear() {  // empty again, keeping the room of `minutes`
    inquiries = replied = replied_of = orders = orders_of = 0;
    minutes.clear();
  }
  double rate() const { return replied_of > 0 ? replied / replied_of : nan; }
  double conversion() const { return orders_of > 0 ? orders / orders_of : nan; }
  double median_minutes() {
    std::sort(minutes.begin(), minutes.end());
    return weighted_median(minutes);
  }
};

// A group's typical week (the median over its weeks with data of each week's figure): what a
// below-target finding judges, so that one holiday or one surge does not make it.
struct Typical {
  std::vector<double> rate, minutes;
  std::vector<std::size_t> rate_weeks, minute_weeks;  // weeks with a rate, with minutes
};

struct Keyed {
  std::uint32_t group;
  std::int64_t week;
  std::size_t row;
};

Typical typical_weeks(const Operations& op, std::vector<Keyed> rows, std::size_t groups) {
  std::sort(rows.begin(), rows.end(),
            [](const Keyed& a, const Keyed& b) { return std::tie(a.group, a.week, a.row) < std::tie(b.group, b.week, b.row); });
  Typical t{std::vector<double>(groups, nan), std::vector<double>(groups, nan), std::vector<std::size_t>(groups, 0),
            std::vector<std::size_t>(groups, 0)};
  std::vector<double> rates, minutes;
  Tally week;
  for (std::size_t i = 0; i < rows.size();) {
    const auto g = rows[i].group;
    rates.clear(), minutes.clear();
    while (i < rows.size() && rows[i].group == g) {
      week.clear();
      for (const auto w = rows[i].week; i < rows.size() && rows[i].group == g && rows[i].week == w; ++i) week.add(op, rows[i].row);
      if (!std::isnan(week.rate())) rates.push_back(week.rate());
      if (const double m = week.median_minutes(); !std::isnan(m)) minutes.push_back(m);
    }
    t.rate[g] = median_of(rates), t.minutes[g] = median_of(minutes);
    t.rate_weeks[g] = rates.size(), t.minute_weeks[g] = minutes.size();
  }
  return t;
}

std::string week_text(std::int64_t week) { return format_date(week_start(week)); }

// The below-target findings of one subject (a person, a channel or a department): its typical
// week's reply rate and minutes against the targets, when it has min_history weeks of each.
// `subject()`: the arguments naming the subject, made only for a finding.
template <class Subject>
void below_target(FindingList& out, const MarketPolicy& mp, std::span<const index_t> people, const char* variant,
                  const Subject& subject, double rate, std::size_t rate_weeks, double minutes, std::size_t minute_weeks) {
  const std::size_t enough = std::max<std::size_t>(1, mp.min_history);
  auto add = [&](const char* code, double value, double target, std::size_t weeks, const char* name) {
    Finding f{score_name, code, FindingSeverity::medium, {people.begin(), people.end()}, {}, variant, subject(), 0};
    f.args.push_back(FindingArg::num(name, value));
    f.args.push_back(FindingArg::num("target", target));
    f.args.push_back(FindingArg::count_of("count", weeks));
    f.evidence = {{name, value}, {"target", target}, {"weeks", static_cast<double>(weeks)}};
    out.push_back(std::move(f));
  };
  if (rate_weeks >= enough && rate < mp.reply_rate_target)
    add("low_reply_rate", rate, mp.reply_rate_target, rate_weeks, "reply_rate");
  if (minute_weeks >= enough && minutes > mp.reply_minutes_target)
    add("slow_first_reply", minutes, mp.reply_minutes_target, minute_weeks, "minutes");
}

// Runs of consecutive flagged weeks: [first, last) index ranges.
template <class Flag>
std::vector<std::pair<std::size_t, std::size_t>> runs(const std::vector<Flag>& flags) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < flags.size(); ++i)
    if (out.empty() || flags[i].week != flags[i - 1].week + 1) out.emplace_back(i, i + 1);
    else out.back().second = i + 1;
  return out;
}

void week_findings(FindingList& out, const MarketPolicy& mp, const std::string& channel, const Judgement& j) {
  for (const auto& [b, e] : runs(j.surges)) {
    // The run's sharpest week speaks for it.
    const auto peak = std::max_element(j.surges.begin() + static_cast<std::ptrdiff_t>(b), j.surges.begin() + static_cast<std::ptrdiff_t>(e),
                                       [](const Surge& x, const Surge& y) { return x.z_inquiries < y.z_inquiries; });
    const Surge& s = *peak;
    Finding f{score_name, "demand_not_followed", FindingSeverity::high, {}, {}, s.seasonal ? "seasonal" : "", {}, 0};
    f.args = {FindingArg::text_of("channel", channel), FindingArg::text_of("week", week_text(s.week)),
              FindingArg::num("inquiries", s.inquiries), FindingArg::num("usual_inquiries", s.baseline_inquiries),
              FindingArg::num("rate", s.rate), FindingArg::num("usual_rate", s.baseline_rate),
              FindingArg::count_of("count", e - b), FindingArg::text_of("first_week", week_text(j.surges[b].week)),
              FindingArg::text_of("last_week", week_text(j.surges[e - 1].week))};
    if (s.seasonal)
      f.args.push_back(FindingArg::num("last_year_inquiries", s.last_year_inquiries)),
          f.args.push_back(FindingArg::num("last_year_usual", s.last_year_baseline));
    f.evidence = {{"inquiries", s.inquiries}, {"usual_inquiries", s.baseline_inquiries}, {"z_inquiries", s.z_inquiries},
                  {"reply_rate", s.rate},     {"usual_reply_rate", s.baseline_rate},    {"z_reply_rate", s.z_rate},
                  {"weeks", static_cast<double>(e - b)}};
    // Only what was measured: who was on duty where rows name people, last year where the rows reach.
    for (const auto& [name, value] : {std::pair<const char*, double>{"people", s.people}, {"usual_people", s.baseline_people},
                                      {"last_year_inquiries", s.last_year_inquiries}})
      if (!std::isnan(value)) f.evidence.push_back({name, value});
    out.push_back(std::move(f));
  }
  const std::int64_t k = std::max<std::uint32_t>(1, mp.sustained_weeks);
  for (const auto& [b, e] : runs(j.declines)) {
    const Decline &first = j.declines[b], &last = j.declines[e - 1];
    const std::int64_t since = first.week - k + 1;
    Finding f{score_name, "conversion_falling", first.seasonal ? FindingSeverity::low : FindingSeverity::medium, {}, {},
              first.seasonal ? "seasonal" : "", {}, 0};
    f.args = {FindingArg::text_of("channel", channel),    FindingArg::text_of("first_week", week_text(since)),
              FindingArg::text_of("last_week", week_text(last.week)), FindingArg::count_of("count", static_cast<std::size_t>(last.week - since + 1)),
              FindingArg::num("before", first.before),   FindingArg::num("after", last.after),
              FindingArg::num("inquiries", last.inquiries), FindingArg::num("usual_inquiries", first.baseline_inquiries)};
    if (first.seasonal)
      f.args.push_back(FindingArg::num("last_year_before", first.last_year_before)),
          f.args.push_back(FindingArg::num("last_year_after", first.last_year_after));
    f.evidence = {{"conversion_before", first.before}, {"conversion_after", last.after}, {"z", last.z},
                  {"inquiries", last.inquiries},       {"usual_inquiries", first.baseline_inquiries},
                  {"weeks", static_cast<double>(last.week - since + 1)}, {"sustained_threshold", mp.sustained_threshold}};
    out.push_back(std::move(f));
  }
}

}  // namespace

ScoreReport market_response(const Org& org, const Policy& policy) {
  if (!org.has_table("operations")) return absent(score_name, "no operations table");
  const auto& mp = policy.market;
  const auto& op = org.operations();
  const auto& channels = op.channel.labels;
  const index_t n = org.size();
  std::vector<std::size_t> counted;  // rows in the period that count in their channel's day
  for (const auto k : counted_rows(org))
    if (in_period(org, op.date[k])) counted.push_back(k);
  if (counted.empty()) return absent(score_name, "no operations rows in the analysis period");
  const auto& team = org.team();
  std::int64_t first_week = calendar_week(op.date[counted.front()]), last_week = calendar_week(op.date[counted.back()]);
  if (team.period_start != no_date) first_week = calendar_week(team.period_start);
  if (team.period_end != no_date) last_week = calendar_week(team.period_end);

  ScoreReport r;
  r.name = score_name;
  r.assessed = true;
  // The team, and each channel, over the period.
  Tally all;
  std::vector<Tally> by_channel(channels.size());
  std::vector<bool> seen(channels.size(), false);
  std::vector<Keyed> channel_rows, person_rows;
  for (const auto k : counted) {
    all.add(op, k);
    const auto c = static_cast<std::uint32_t>(op.channel.codes[k]);
    by_channel[c].add(op, k);
    seen[c] = true;
    channel_rows.push_back({c, calendar_week(op.date[k]), k});
  }
  std::vector<Tally> by_person(n);
  std::vector<bool> has_rows(n, false);
  for (std::size_t k = 0; k < op.person.size(); ++k)
    if (op.person[k] != no_index && in_period(org, op.date[k])) {
      by_person[op.person[k]].add(op, k);
      has_rows[op.person[k]] = true;
      person_rows.push_back({op.person[k], calendar_week(op.date[k]), k});
    }
  const bool named = !person_rows.empty();
  const double rate = all.rate(), minutes = all.median_minutes(), conversion = all.conversion();
  const bool has_replied = op.replied.array().isNaN().all() == false, has_orders = op.orders.array().isNaN().all() == false;

  // Week by week, each channel against its trailing weeks.
  std::size_t surge_weeks = 0, decline_weeks = 0, surges = 0, declines = 0;
  for (const auto& series : channel_weeks(org, last_week)) {
    const Judgement j = judge_weeks(series, first_week, last_week, mp);
    surge_weeks += j.surge_weeks, decline_weeks += j.decline_weeks;
    surges += j.surges.size(), declines += j.declines.size();
    week_findings(r.findings, mp, channels[static_cast<std::size_t>(series.channel)], j);
  }

  // Who answers each channel.
  const ChannelAnswerers answerers = channel_answerers(org, mp);
  std::vector<std::uint32_t> size_of(channels.size(), 0), bus_of(channels.size(), 0);
  std::size_t one_person = 0;
  for (std::size_t i = 0; i < answerers.channels.size(); ++i) {
    const auto c = static_cast<std::size_t>(answerers.channels[i]);
    size_of[c] = answerers.answerers[i], bus_of[c] = answerers.bus_factor[i];
    if (answerers.top_share[i] <= mp.max_person_share) continue;
    ++one_person;
    Finding f{score_name, "one_person_channel", FindingSeverity::medium, {answerers.top[i]}, {}, {}, {}, 0};
    f.args = {FindingArg::people_of("person", 0, 1), FindingArg::text_of("channel", channels[c]),
              FindingArg::num("share", answerers.top_share[i]), FindingArg::count_of("count", answerers.answerers[i])};
    f.evidence = {{"share", answerers.top_share[i]}, {"answers", answerers.answers[i]},
                  {"answerers", static_cast<double>(answerers.answerers[i])}, {"max_person_share", mp.max_person_share}};
    r.findings.push_back(std::move(f));
  }

  // Below target: channels, people, departments (their typical week).
  const Typical channel_typical = typical_weeks(op, std::move(channel_rows), channels.size());
  for (std::size_t c = 0; c < channels.size(); ++c)
    below_target(
        r.findings, mp, {}, "channel", [&] { return std::vector<FindingArg>{FindingArg::text_of("channel", channels[c])}; },
        channel_typical.rate[c], channel_typical.rate_weeks[c], channel_typical.minutes[c], channel_typical.minute_weeks[c]);
  Typical person_typical = typical_weeks(op, std::move(person_rows), n);
  for (index_t p = 0; p < n; ++p)
    below_target(
        r.findings, mp, std::span<const index_t>(&p, 1), "", [] { return std::vector<FindingArg>{FindingArg::people_of("person", 0, 1)}; },
        person_typical.rate[p], person_typical.rate_weeks[p], person_typical.minutes[p], person_typical.minute_weeks[p]);
  const auto& departments = org.people().departments;
  const auto enough = std::max<std::size_t>(1, mp.min_history);
  // A department's group: its members with rows; the figures: theirs with enough weeks.
  std::vector<std::int32_t> department_of(n, -1);
  std::vector<double> dept_rate(n, nan), dept_minutes(n, nan);
  for (index_t p = 0; p < n; ++p) {
    if (has_rows[p]) department_of[p] = departments.codes[p];
    if (person_typical.rate_weeks[p] >= enough) dept_rate[p] = person_typical.rate[p];
    if (person_typical.minute_weeks[p] >= enough) dept_minutes[p] = person_typical.minutes[p];
  }
  if (named) {
    for (auto groups : {group_means("department", departments.labels, department_of, dept_rate, "reply_rate", policy.min_group_size),
                        group_means("department", departments.labels, department_of, dept_minutes, "first_reply_minutes",
                                    policy.min_group_size)}) {
      const bool rates = groups.empty() || groups.front().figure == "reply_rate";
      for (const auto& g : groups) {
        if (std::isnan(g.value)) continue;
        const std::vector<FindingArg> subject{FindingArg::text_of("department", g.group),
                                              FindingArg::count_of("members", g.contributors)};
        const auto args = [&] { return subject; };
        if (rates) below_target(r.findings, mp, {}, "department", args, g.value, enough, nan, 0);
        else below_target(r.findings, mp, {}, "department", args, nan, 0, g.value, enough);
      }
      r.groups.insert(r.groups.end(), groups.begin(), groups.end());
    }
  }
  // Each channel's figures, a group of the people who answer it (size 0: no row names anyone). A
  // figure that cannot be computed says why (`unmeasured`), published or not.
  auto channel_figure = [&](const char* figure, const char* unmeasured, auto value_of) {
    std::vector<GroupFigure> groups;
    for (std::size_t c = 0; c < channels.size(); ++c) {
      if (!seen[c]) continue;
      groups.push_back({"channel", channels[c], figure, size_of[c], size_of[c], value_of(c), {}});
    }
    withhold_small_groups(groups, policy.min_group_size);
    for (auto& g : groups)
      if (std::isnan(g.value) && g.withheld.empty()) g.withheld = unmeasured;
    r.groups.insert(r.groups.end(), groups.begin(), groups.end());
  };
  channel_figure("inquiries", "", [&](std::size_t c) { return by_channel[c].inquiries; });
  channel_figure("reply_rate", "no inquiries with replies given", [&](std::size_t c) { return by_channel[c].rate(); });
  channel_figure("first_reply_minutes", "no first reply minutes given on rows with replies",
                 [&](std::size_t c) { return by_channel[c].median_minutes(); });
  channel_figure("conversion", "no inquiries with orders given", [&](std::size_t c) { return by_channel[c].conversion(); });
  channel_figure("bus_factor", "no row names who answered",
                 [&](std::size_t c) { return size_of[c] ? static_cast<double>(bus_of[c]) : nan; });

  // Per person: what they answered, their typical week, the channels they answer most of.
  std::vector<double> inquiries(n, nan), replied(n, nan), led(n, nan);
  for (index_t p = 0; p < n; ++p) {
    if (has_rows[p]) inquiries[p] = by_person[p].inquiries;
    if (by_person[p].replied_of > 0) replied[p] = by_person[p].replied;
    if (!answerers.channels.empty()) led[p] = answerers.channels_led[p];
  }
  // Moved in, not copied (a braced list would copy each column).
  r.people.reserve(5);
  r.people.push_back({"inquiries", std::move(inquiries)});
  r.people.push_back({"replied", std::move(replied)});
  r.people.push_back({"reply_rate", std::move(person_typical.rate)});
  r.people.push_back({"first_reply_minutes", std::move(person_typical.minutes)});
  r.people.push_back({"channels_led", std::move(led)});

  auto schema_total = [&](const char* column) {
    const auto& c = schema_column(op.columns, column);
    if (!c.given) return nan;
    double sum = 0;
    bool any = false;
    for (const auto k : counted)
      if (const double v = c.numbers[static_cast<Eigen::Index>(k)]; !std::isnan(v)) sum += v, any = true;
    return any ? sum : nan;
  };
  const double revenue = schema_total("revenue"), refunds = schema_total("refunds"), complaints = schema_total("complaints");
  r.figures = {{"channels", static_cast<double>(channels.size()), {}},
               {"weeks", static_cast<double>(last_week - first_week + 1), {}},
               {"inquiries", all.inquiries, {}},
               {"reply_rate", rate, why(rate, "no replies given")},
               {"first_reply_minutes", minutes, why(minutes, "no first reply minutes given")},
               {"orders", all.orders_of > 0 ? all.orders : nan, all.orders_of > 0 ? "" : "no orders given"},
               {"conversion", conversion, why(conversion, "no orders given")},
               {"revenue", revenue, why(revenue, "no revenue given")},
               {"refunds", refunds, why(refunds, "no refunds given")},
               {"complaints", complaints, why(complaints, "no complaints given")},
               {"weeks_judged", static_cast<double>(surge_weeks), {}},
               {"demand_weeks_flagged", static_cast<double>(surges), {}},
               {"conversion_weeks_flagged", static_cast<double>(declines), {}},
               {"channels_answered_by_one", answerers.channels.empty() ? nan : static_cast<double>(one_person),
                answerers.channels.empty() ? "no row names who answered" : ""}};

  const std::string too_short = "fewer than " + std::to_string(enough) + " weeks of history before any week";
  std::vector<ScorePart> parts;
  parts.push_back(part("reply_rate", std::isnan(rate) ? nan : std::min(1.0, rate / mp.reply_rate_target),
                       has_replied ? "no inquiries with replies given in the period" : "no replied column"));
  parts.push_back(part("reply_speed", std::isnan(minutes) ? nan : minutes <= mp.reply_minutes_target ? 1.0 : mp.reply_minutes_target / minutes,
                       "no first_reply_minutes given"));
  parts.push_back(part("demand_followed", surge_weeks ? 1.0 - static_cast<double>(surges) / static_cast<double>(surge_weeks) : nan,
                       has_replied ? too_short : "no replied column"));
  parts.push_back(part("conversion_held", decline_weeks ? 1.0 - static_cast<double>(declines) / static_cast<double>(decline_weeks) : nan,
                       has_orders ? too_short : "no orders column"));
  parts.push_back(part("channel_coverage",
                       answerers.channels.empty() ? nan : 1.0 - static_cast<double>(one_person) / static_cast<double>(answerers.channels.size()),
                       "no row names who answered"));
  r.score = score_from_parts(r, std::move(parts));
  if (std::isnan(r.score)) {
    r.assessed = false;
    r.absent_reason = "no part of it can be computed";
  }
  sort_findings(r.findings);
  return r;
}

ChannelAnswerers channel_answerers(const Org& org, const MarketPolicy& policy) {
  ChannelAnswerers out;
  out.channels_led.assign(org.size(), 0);
  if (!org.has_table("operations")) return out;
  const auto& op = org.operations();
  struct Answer {
    std::int32_t channel;
    index_t person;
    double answers;
  };
  std::vector<Answer> list;
  for (std::size_t k = 0; k < op.person.size(); ++k) {
    if (op.person[k] == no_index || !in_period(org, op.date[k])) continue;
    const auto r = static_cast<Eigen::Index>(k);
    const double answers = std::isnan(op.replied[r]) ? op.inquiries[r] : op.replied[r];
    if (answers > 0) list.push_back({op.channel.codes[k], op.person[k], answers});
  }
  std::sort(list.begin(), list.end(), [](const Answer& a, const Answer& b) { return std::tie(a.channel, a.person) < std::tie(b.channel, b.person); });
  std::vector<std::pair<double, index_t>> people;  // one channel's (answers, person)
  for (std::size_t i = 0; i < list.size();) {
    const auto channel = list[i].channel;
    people.clear();
    double total = 0;
    while (i < list.size() && list[i].channel == channel) {
      const index_t p = list[i].person;
      double sum = 0;
      for (; i < list.size() && list[i].channel == channel && list[i].person == p; ++i) sum += list[i].answers;
      people.emplace_back(sum, p);
      total += sum;
    }
    std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    // The fewest people who give more than half the answers. Counts that sum past the largest
    // double make the total infinite, which no share exceeds half of: stop at the people there
    // are, and leave the share unmeasured.
    std::uint32_t bus = 0;
    double covered = 0;
    while (bus < people.size() && covered <= total / 2) covered += people[bus++].first;
    const double share = std::isfinite(total) ? people.front().first / total : nan;
    out.channels.push_back(channel);
    out.answers.push_back(total);
    out.answerers.push_back(static_cast<std::uint32_t>(people.size()));
    out.bus_factor.push_back(bus);
    out.top.push_back(people.front().second);
    out.top_share.push_back(share);
    if (share > policy.max_person_share) ++out.channels_led[people.front().second];
  }
  return out;
}

}  // namespace teamgraph
