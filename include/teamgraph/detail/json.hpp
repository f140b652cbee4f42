#pragma once
// Private: JSON parsing shared by read_org and parse_team_json. Only compiled sources include
// this header; nlohmann::json is not part of the public API.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/errors.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {
class OrgBuilder;
namespace detail {

// Parses JSON, refusing duplicate keys and nesting deeper than 64 levels; on failure appends
// one problem (with the line for syntax errors, the JSON pointer otherwise).
std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& source,
                                         std::vector<Problem>& problems);
// An array of records (objects) as a raw table; keys become columns in order of appearance.
Table json_records_to_table(const nlohmann::json& records, const std::string& source, std::vector<Problem>& problems);
TeamInfo team_from_json(const nlohmann::json& object, const std::string& source, std::vector<Problem>& problems);
// The settings of a policy's overrides (a JSON object's text) that policy_from_json refuses, one
// problem each, its field the setting's path ("leadership.threshold").
std::vector<Problem> policy_problems(std::string_view overrides);
// The single-file format: {"team": {...}, "people": [...], ...} into the builder. False when the
// text is not JSON at all (its one problem appended): then nothing else can be said of it.
bool read_json_org(const std::string& text, const std::string& source, OrgBuilder& builder,
                   std::vector<Problem>& problems);

}  // namespace detail
}  // namespace teamgraph
