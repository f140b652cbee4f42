#pragma once
// Market response's weekly series and their robust judgement (private to the library): each
// channel's calendar weeks, and the weeks where demand moved and the team did not, or where
// conversion fell and stayed down. docs/scores.md gives the method.

#include <cstdint>
#include <limits>
#include <vector>

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph::detail {

// One channel's figures in one calendar week (Monday to Sunday).
struct WeekFigures {
  std::int64_t week = 0;
  double inquiries = 0;
  double replied = 0, replied_of = 0;  // replies, and the inquiries of the rows that give them
  double orders = 0, orders_of = 0;    // orders, and the inquiries of the rows that give them
  double minutes = std::numeric_limits<double>::quiet_NaN();  // median of the day medians, weighted by replies
  double people = std::numeric_limits<double>::quiet_NaN();   // people with a row; NaN when no row names one

  double rate() const { return replied_of > 0 ? replied / replied_of : std::numeric_limits<double>::quiet_NaN(); }
  double conversion() const { return orders_of > 0 ? orders / orders_of : std::numeric_limits<double>::quiet_NaN(); }
};

struct ChannelSeries {
  std::int32_t channel = -1;       // code in org.operations().channel
  std::vector<WeekFigures> weeks;  // ascending, only weeks with a row
};

// The rows of operations that count in their channel's day: its row as a whole when it has one,
// else its people's rows. In row order.
std::vector<std::size_t> counted_rows(const Org& org);

// Every channel's weeks up to `last_week` (later rows are not read), in channel-code order. A
// channel's figures for a day are its row as a whole when it has one, else the sum of its
// people's rows. O(rows log rows).
std::vector<ChannelSeries> channel_weeks(const Org& org, std::int64_t last_week);

// Inquiries up sharply while the reply rate fell: the week of a channel where demand moved and
// the team did not.
struct Surge {
  std::int64_t week = 0;
  double inquiries = 0, baseline_inquiries = 0, z_inquiries = 0;
  double rate = 0, baseline_rate = 0, z_rate = 0;
  double people = 0, baseline_people = 0;  // NaN when no row names a person
  bool seasonal = false;                   // the same week last year surged too
  double last_year_inquiries = 0, last_year_baseline = 0;  // NaN without last year's week
};

// Conversion down for market.sustained_weeks weeks running while inquiries held.
struct Decline {
  std::int64_t week = 0;  // the last week of the run of sustained_weeks
  double before = 0;      // the trailing weeks' median conversion
  double after = 0;       // the run's median conversion
  double z = 0;           // (after - before) / spread
  double inquiries = 0, baseline_inquiries = 0;  // the run's and the trailing weeks' median inquiries
  bool seasonal = false;  // the same weeks last year declined too
  double last_year_before = 0, last_year_after = 0;  // NaN without last year's weeks
};

struct Judgement {
  std::vector<Surge> surges;      // weeks ascending
  std::vector<Decline> declines;  // weeks ascending
  std::size_t surge_weeks = 0;    // weeks judged for a surge (enough history)
  std::size_t decline_weeks = 0;  // weeks judged for a decline
};

// Judges the weeks [first_week, last_week] of one channel. O(weeks x window log window).
Judgement judge_weeks(const ChannelSeries& series, std::int64_t first_week, std::int64_t last_week,
                      const MarketPolicy& policy);

// The median of values weighted by weights: the smallest value whose cumulative weight reaches
// half the total (values sorted ascending with their weights). NaN when the total is 0.
double weighted_median(const std::vector<std::pair<double, double>>& sorted_values);

}  // namespace teamgraph::detail
