#pragma once
// Market response (docs/scores.md): how the team answers its channels' inquiries (operations.csv,
// one row per day and channel, or per day, channel and person). The reply rate and the median
// minutes to the first reply against the policy's targets (market.reply_rate_target,
// market.reply_minutes_target), inquiries turned into orders by channel, and whether the team
// follows demand week by week: each calendar week of a channel is judged against the median and
// MAD of its trailing market.window weeks, so one holiday raises no alarm.
//
// Score = 100 x the mean of the computed parts: reply_rate (min(1, rate / target)), reply_speed
// (min(1, target / median minutes)), demand_followed and conversion_held (1 - the share of the
// judged channel-weeks flagged), channel_coverage (the share of channels no one person answers
// most of). Absent without an operations table.

#include <cstdint>
#include <vector>

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport market_response(const Org& org, const Policy& policy = {});

// Who answers each channel in the analysis period, from the rows of operations.csv that name a
// person: the truck-factor-like coverage of the channels, which departure impact uses too. A
// person's answers on a row are its replies (its inquiries where `replied` is not given).
struct ChannelAnswerers {
  std::vector<std::int32_t> channels;       // channel codes (org.operations().channel) with answers on person rows
  std::vector<double> answers;              // per channel: the answers on its person rows
  std::vector<std::uint32_t> answerers;     // per channel: people with answers
  std::vector<std::uint32_t> bus_factor;    // per channel: the fewest people who gave more than half its answers
  std::vector<index_t> top;                 // per channel: who gave most (the earliest in the org on a tie)
  std::vector<double> top_share;            // their share of the channel's answers (NaN when those sum past the largest double)
  std::vector<std::uint32_t> channels_led;  // per person: channels where they give more than market.max_person_share
};

ChannelAnswerers channel_answerers(const Org& org, const MarketPolicy& policy);

}  // namespace teamgraph
