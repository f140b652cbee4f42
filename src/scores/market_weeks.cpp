#include "market_weeks.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "teamgraph/org_parts.hpp"
#include "teamgraph/stats.hpp"

#include "support_common.hpp"

namespace teamgraph::detail {

double weighted_median(const std::vector<std::pair<double, double>>& sorted_values) {
  double total = 0;
  for (const auto& [value, weight] : sorted_values) total += weight;
  if (!(total > 0)) return nan;
  double seen = 0;
  for (const auto& [value, weight] : sorted_values) {
    seen += weight;
    if (seen >= total / 2) return value;
  }
  return sorted_values.back().first;
}

std::vector<std::size_t> counted_rows(const Org& org) {
  const auto& op = org.operations();
  const std::size_t rows = op.person.size();
  std::vector<std::size_t> out;
  out.reserve(rows);
  // Rows are sorted by (day, channel, person), a channel's row as a whole first: one day of one
  // channel is a run of rows.
  for (std::size_t r = 0; r < rows;) {
    const auto day = days(op.date[r]);
    const auto channel = op.channel.codes[r];
    std::size_t end = r + 1;
    while (end < rows && days(op.date[end]) == day && op.channel.codes[end] == channel) ++end;
    for (std::size_t k = r; k < end; ++k) {
      if (op.person[r] == no_index && k > r) break;  // the channel's row stands for the day
      out.push_back(k);
    }
    r = end;
  }
  return out;
}

std::vector<ChannelSeries> channel_weeks(const Org& org, std::int64_t last_week) {
  const auto& op = org.operations();
  struct Counted {  // a row that counts in its channel's week
    std::int32_t channel;
    std::int64_t week;
    double minutes;  // NaN sorts last (as +inf)
    std::size_t row;
  };
  std::vector<Counted> counted;
  for (const auto k : counted_rows(org)) {
    const auto week = calendar_week(op.date[k]);
    const double minutes = op.first_reply_minutes[static_cast<Eigen::Index>(k)];
    if (week <= last_week) counted.push_back({op.channel.codes[k], week, std::isnan(minutes) ? INFINITY : minutes, k});
  }
  std::vector<std::tuple<std::int32_t, std::int64_t, index_t>> staffed;
  for (std::size_t k = 0; k < op.person.size(); ++k)
    if (op.person[k] != no_index && calendar_week(op.date[k]) <= last_week)
      staffed.emplace_back(op.channel.codes[k], calendar_week(op.date[k]), op.person[k]);
  std::sort(counted.begin(), counted.end(), [](const Counted& a, const Counted& b) {
    return std::tie(a.channel, a.week, a.minutes, a.row) < std::tie(b.channel, b.week, b.minutes, b.row);
  });
  std::sort(staffed.begin(), staffed.end());
  staffed.erase(std::unique(staffed.begin(), staffed.end()), staffed.end());

  std::vector<ChannelSeries> out;
  std::vector<std::pair<double, double>> minutes;
  std::size_t s = 0;  // cursor into staffed, which is in the same (channel, week) order
  for (std::size_t i = 0; i < counted.size();) {
    const auto channel = counted[i].channel;
    const auto week = counted[i].week;
    if (out.empty() || out.back().channel != channel) out.push_back({channel, {}});
    WeekFigures w;
    w.week = week;
    minutes.clear();
    for (; i < counted.size() && counted[i].channel == channel && counted[i].week == week; ++i) {
      const auto r = static_cast<Eigen::Index>(counted[i].row);
      const double inquiries = op.inquiries[r], replied = op.replied[r], orders = op.orders[r];
      w.inquiries += inquiries;
      if (!std::isnan(replied)) w.replied += replied, w.replied_of += inquiries;
      if (!std::isnan(orders)) w.orders += orders, w.orders_of += inquiries;
      const double weight = std::isnan(replied) ? inquiries : replied;
      if (std::isfinite(counted[i].minutes) && weight > 0) minutes.emplace_back(counted[i].minutes, weight);
    }
    w.minutes = minutes.empty() ? nan : weighted_median(minutes);
    while (s < staffed.size() && std::tie(std::get<0>(staffed[s]), std::get<1>(staffed[s])) < std::tie(channel, week)) ++s;
    std::size_t people = 0;
    for (; s < staffed.size() && std::get<0>(staffed[s]) == channel && std::get<1>(staffed[s]) == week; ++s) ++people;
    if (people > 0) w.people = static_cast<double>(people);
    out.back().weeks.push_back(w);
  }
  return out;
}

namespace {

// A robust centre and spread: the median, and max(mad_scale x MAD, relative x |median|, absolute).
struct Robust {
  double median = nan, spread = nan;
  std::size_t n = 0;
};

Robust robust(const std::vector<double>& values, double relative, double absolute) {
  Robust r;
  r.n = values.size();
  if (values.empty()) return r;
  r.median = median_of(values);
  r.spread = std::max({mad_scale * median_absolute_deviation(values, r.median), relative * std::abs(r.median), absolute});
  return r;
}

class Judge {
 public:
  Judge(const ChannelSeries& series, const MarketPolicy& policy) : weeks_(series.weeks), p_(policy) {}

  // The weeks [from, to] as indices [first, last).
  std::pair<std::size_t, std::size_t> range(std::int64_t from, std::int64_t to) const {
    auto less = [](const WeekFigures& w, std::int64_t week) { return w.week < week; };
    const auto b = std::lower_bound(weeks_.begin(), weeks_.end(), from, less);
    const auto e = std::lower_bound(weeks_.begin(), weeks_.end(), to + 1, less);
    return {static_cast<std::size_t>(b - weeks_.begin()), static_cast<std::size_t>(std::max(b, e) - weeks_.begin())};
  }
  std::optional<std::size_t> find(std::int64_t week) const {
    const auto [b, e] = range(week, week);
    return b < e ? std::optional<std::size_t>(b) : std::nullopt;
  }
  std::size_t min_history() const { return std::max<std::size_t>(1, p_.min_history); }

  // Week i's inquiries against its trailing weeks (none when too few).
  std::optional<std::pair<Robust, double>> inquiries_z(std::size_t i) const {
    const auto [b, e] = range(weeks_[i].week - p_.window, weeks_[i].week - 1);
    auto& values = values_;  // the judge's buffers keep their room from week to week
    values.clear();
    for (auto j = b; j < e; ++j) values.push_back(weeks_[j].inquiries);
    const Robust r = robust(values, p_.min_spread, 0.0);
    if (r.n < min_history() || !(r.spread > 0)) return std::nullopt;
    return std::pair{r, (weeks_[i].inquiries - r.median) / r.spread};
  }

  // A surge at week i: inquiries up `threshold` spreads and the reply rate down as many.
  // nullopt: not judged (too little history); a Surge with week -1: judged, not flagged.
  std::optional<Surge> surge(std::size_t i) const {
    const auto& w = weeks_[i];
    const auto inquiries = inquiries_z(i);
    if (!inquiries || std::isnan(w.rate())) return std::nullopt;
    const auto [b, e] = range(w.week - p_.window, w.week - 1);
    auto &rates = rates_, &people = people_;
    rates.clear(), people.clear();
    for (auto j = b; j < e; ++j) {
      if (!std::isnan(weeks_[j].rate())) rates.push_back(weeks_[j].rate());
      if (!std::isnan(weeks_[j].people)) people.push_back(weeks_[j].people);
    }
    const Robust rate = robust(rates, 0.0, p_.min_rate_spread);
    if (rate.n < min_history() || !(rate.spread > 0)) return std::nullopt;
    Surge s;
    s.week = -1;
    const double z_rate = (w.rate() - rate.median) / rate.spread;
    if (inquiries->second < p_.threshold || z_rate > -p_.threshold) return s;
    s = Surge{w.week, w.inquiries, inquiries->first.median, inquiries->second, w.rate(), rate.median, z_rate,
              w.people, people.empty() ? nan : median_of(people), false, nan, nan};
    return s;
  }

  // A decline ending at week i: the sustained_weeks weeks to i each below the trailing weeks'
  // median conversion, their median `sustained_threshold` spreads below it, while inquiries held
  // (their median not `threshold` spreads below the trailing weeks').
  std::optional<Decline> decline(std::size_t i) const {
    const std::size_t k = std::max<std::uint32_t>(1, p_.sustained_weeks);
    if (i + 1 < k) return std::nullopt;
    const std::size_t first = i + 1 - k;
    const std::int64_t week = weeks_[i].week;
    if (week - weeks_[first].week != static_cast<std::int64_t>(k) - 1) return std::nullopt;  // a week missing
    auto &recent = recent_, &recent_inquiries = recent_inquiries_;
    recent.clear(), recent_inquiries.clear();
    for (auto j = first; j <= i; ++j) {
      if (std::isnan(weeks_[j].conversion())) return std::nullopt;
      recent.push_back(weeks_[j].conversion());
      recent_inquiries.push_back(weeks_[j].inquiries);
    }
    const std::int64_t last_before = week - static_cast<std::int64_t>(k);
    const auto [b, e] = range(last_before - p_.window + 1, last_before);
    auto &conversion = conversion_, &inquiries = inquiries_;
    conversion.clear(), inquiries.clear();
    for (auto j = b; j < e; ++j)
      if (!std::isnan(weeks_[j].conversion())) conversion.push_back(weeks_[j].conversion()), inquiries.push_back(weeks_[j].inquiries);
    const Robust c = robust(conversion, p_.min_spread, 0.0), q = robust(inquiries, p_.min_spread, 0.0);
    if (c.n < min_history() || !(c.spread > 0) || !(q.spread > 0)) return std::nullopt;
    Decline d;
    d.week = -1;
    const double after = median_of(recent), held = median_of(recent_inquiries);
    const bool all_below = std::all_of(recent.begin(), recent.end(), [&](double x) { return x < c.median; });
    const double z = (after - c.median) / c.spread;
    if (!all_below || z > -p_.sustained_threshold || held < q.median - p_.threshold * q.spread) return d;
    d = Decline{week, c.median, after, z, held, q.median, false, nan, nan};
    return d;
  }

 private:
  const std::vector<WeekFigures>& weeks_;
  const MarketPolicy& p_;
  // Working buffers, one a use (inquiries_z runs inside surge; decline's uses do not nest).
  mutable std::vector<double> values_, rates_, people_, recent_, recent_inquiries_, conversion_, inquiries_;
};

constexpr std::int64_t year_weeks = 52;  // the same calendar week last year, Monday to Sunday

}  // namespace

Judgement judge_weeks(const ChannelSeries& series, std::int64_t first_week, std::int64_t last_week,
                      const MarketPolicy& policy) {
  Judgement out;
  const Judge judge(series, policy);
  const auto [b, e] = judge.range(first_week, last_week);
  for (auto i = b; i < e; ++i) {
    const std::int64_t week = series.weeks[i].week;
    if (auto s = judge.surge(i)) {
      ++out.surge_weeks;
      if (s->week >= 0) {
        if (const auto last_year = judge.find(week - year_weeks)) {
          s->last_year_inquiries = series.weeks[*last_year].inquiries;
          if (const auto z = judge.inquiries_z(*last_year)) {
            s->last_year_baseline = z->first.median;
            s->seasonal = z->second >= policy.threshold;
          }
        }
        out.surges.push_back(*s);
      }
    }
    if (auto d = judge.decline(i)) {
      ++out.decline_weeks;
      if (d->week >= 0) {
        if (const auto last_year = judge.find(week - year_weeks)) {
          if (const auto before = judge.decline(*last_year)) {
            d->seasonal = before->week >= 0;
            if (d->seasonal) d->last_year_before = before->before, d->last_year_after = before->after;
          }
        }
        out.declines.push_back(*d);
      }
    }
  }
  return out;
}

}  // namespace teamgraph::detail
