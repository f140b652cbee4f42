// JSON input: team.json and the single-file team format.
//
// Parsed with nlohmann::json through a SAX handler of our own, so that duplicate keys and
// absurd nesting are reported instead of silently resolved (the DOM parser keeps the last
// duplicate) or allowed to exhaust memory.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string_view>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "teamgraph/detail/json.hpp"
#include "teamgraph/detail/text.hpp"
#include "teamgraph/detail/values.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph {
namespace detail {
namespace {

using json = nlohmann::json;
constexpr std::size_t max_depth = 64;
// A JSON table may be at most this many times denser than the values its records give (plus a
// slack for small tables): records that share their fields are never near it.
constexpr std::size_t max_json_cells_per_given_cell = 64;
constexpr std::size_t max_json_cells_slack = 1'000'000;

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Walks the text for the JSON parser and counts the lines it has read, so that a problem found
// in a callback (a duplicate key, too deep a nesting) can name its line.
struct LineCountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* at;
  std::int64_t* lines;
  reference operator*() const { return *at; }
  LineCountingIterator& operator++() {
    *lines += *at == '\n';
    ++at;
    return *this;
  }
  LineCountingIterator operator++(int) {
    LineCountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const LineCountingIterator& other) const { return at == other.at; }
  bool operator!=(const LineCountingIterator& other) const { return at != other.at; }
};

class CheckedSax : public nlohmann::json_sax<json> {
 public:
  json root;
  std::string error_key, error_path;  // the message of the first error, "problem.<code>[.<variant>]"
  ProblemArgs error_args;
  std::int64_t lines_read = 0;  // newlines the parser has gone past
  std::int64_t error_line = 0;

  bool null() override { return insert(json(nullptr)) != nullptr; }
  bool boolean(bool v) override { return insert(json(v)) != nullptr; }
  bool number_integer(number_integer_t v) override { return insert(json(v)) != nullptr; }
  bool number_unsigned(number_unsigned_t v) override { return insert(json(v)) != nullptr; }
  bool number_float(number_float_t v, const string_t& text) override {
    // An integer too long for 64 bits arrives here as a double: its digits are already lost.
    if (text.find_first_of(".eE") == string_t::npos)
      return fail("problem.imprecise_number", {{"value", text}});
    return insert(json(v)) != nullptr;
  }
  bool string(string_t& v) override { return insert(json(std::move(v))) != nullptr; }
  bool binary(binary_t&) override { return fail("problem.json_syntax.binary"); }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    json& object = *stack_.back();
    if (object.contains(k)) {
      key_ = k;
      error_path = path();
      if (k.empty()) error_path += "/";  // the JSON pointer of the key "" (path() leaves it out)
      return fail("problem.duplicate_key", {{"key", k}});
    }
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    position_ = position;
    std::string what = ex.what();
    // nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    // Others ("[json.exception.out_of_range.406] number overflow parsing '1e400'") have no position.
    if (auto colon = what.find(": "); colon != std::string::npos && what.compare(0, 5, "[json") == 0)
      what = what.substr(colon + 2);
    else if (auto bracket = what.find("] "); bracket != std::string::npos && what.compare(0, 5, "[json") == 0)
      what = what.substr(bracket + 2);
    return fail("problem.json_syntax", {{"detail", what}});
  }
  std::size_t position() const { return position_; }

 private:
  bool fail(std::string key, ProblemArgs args = {}) {
    if (error_key.empty()) {
      error_key = std::move(key);
      error_args = std::move(args);
      error_line = lines_read + 1;
      if (error_path.empty()) error_path = path();
    }
    return false;
  }
  json* insert(json value) {
    if (stack_.empty()) {
      root = std::move(value);
      return &root;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    return &(parent[key_] = std::move(value));
  }
  bool open(json container) {
    if (stack_.size() >= max_depth)
      return fail("problem.too_deep", {{"limit", std::to_string(max_depth)}});
    keys_.push_back(key_);
    stack_.push_back(insert(std::move(container)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    key_ = keys_.back();
    keys_.pop_back();
    return true;
  }
  std::string path() const {
    std::string out;
    for (std::size_t i = 1; i < stack_.size(); ++i) {
      const json& parent = *stack_[i - 1];
      out += "/" + (parent.is_array() ? std::to_string(parent.size() - 1) : escape_pointer(keys_[i]));
    }
    if (!stack_.empty()) {
      const json& top = *stack_.back();
      if (top.is_array()) out += "/" + std::to_string(top.size());
      else if (!key_.empty()) out += "/" + escape_pointer(key_);
    }
    return out;
  }

  std::vector<json*> stack_;
  std::vector<std::string> keys_;
  std::string key_;
  std::size_t position_ = 0;
};

}  // namespace

std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& source, std::vector<Problem>& problems) {
  CheckedSax sax;
  const bool ok = json::sax_parse(LineCountingIterator{text.data(), &sax.lines_read},
                                  LineCountingIterator{text.data() + text.size(), &sax.lines_read}, &sax,
                                  nlohmann::detail::input_format_t::json, true, false);
  if (ok) return std::move(sax.root);
  std::int64_t line = sax.error_line;
  if (sax.error_key.starts_with("problem.json_syntax")) {
    line = 1;
    for (std::size_t i = 0; i < sax.position() && i < text.size(); ++i) line += text[i] == '\n';
  }
  problems.push_back(make_problem(sax.error_key.empty() ? "problem.json_syntax" : sax.error_key, std::move(sax.error_args),
                                  source, line, {}, sax.error_path));
  return std::nullopt;
}

namespace {

// Whether a column holds ids in any table of the schema (id, person or reference): such a value
// written as a JSON number must be a whole number, or it is not the id the writer meant (1.5;
// 7.0 would read as "7").
bool id_column(std::string_view name) {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& t : input_schema())
      for (const auto& c : t.columns)
        if (c.kind == ColumnKind::id || c.kind == ColumnKind::person || c.kind == ColumnKind::reference)
          out.push_back(c.name);
    return out;
  }();
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Table json_records_to_table(const nlohmann::json& records, const std::string& source, std::vector<Problem>& problems) {
  Table table(source);
  auto problem = [&](std::string_view key, std::int64_t record, std::string field, ProblemArgs args = {}) {
    problems.push_back(make_problem(key, std::move(args), source, record, {}, std::move(field)));
  };
  if (!records.is_array()) {
    problem("problem.bad_value.not_records", 0, {}, {{"type", records.type_name()}});
    table.set_unreadable();
    return table;
  }
  // The columns are the keys the records use, in the order they first appear. A first pass names
  // them (a hash map, not a search of every name for every key) and counts the cells given; a
  // table of records that each bring keys of their own would be a dense table far larger than its
  // file (10,000 records with a different key each: 10^8 cells from 500 KB), so that shape is one
  // clear problem instead.
  std::vector<std::string> names;
  std::unordered_map<std::string_view, std::size_t> column_of;
  std::size_t given = 0, objects = 0;
  for (const json& object : records) {
    if (!object.is_object()) continue;
    ++objects;
    for (const auto& [key, value] : object.items()) {
      (void)value;
      ++given;
      // A key with a control character is a problem of its record, never a column's name.
      if (!key.empty() && check_text(key, false).empty() && column_of.try_emplace(key, names.size()).second)
        names.push_back(key);
    }
  }
  // Hash-map keys view the names' own text: make them point into `names`, which no longer grows.
  column_of.clear();
  for (std::size_t c = 0; c < names.size(); ++c) column_of.emplace(names[c], c);
  if (objects * names.size() > max_json_cells_per_given_cell * given + max_json_cells_slack) {
    problem("problem.sparse_records", 0, {},
            {{"count", std::to_string(objects)}, {"keys", std::to_string(names.size())}, {"values", std::to_string(given)}});
    table.set_unreadable();
    return table;
  }
  std::vector<std::vector<std::string>> cells(names.size(), std::vector<std::string>(objects));
  std::vector<std::int64_t> record_numbers;
  record_numbers.reserve(objects);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto record = static_cast<std::int64_t>(i + 1);
    const json& object = records[i];
    if (!object.is_object()) {
      problem("problem.bad_record", record, {}, {{"type", object.type_name()}});
      continue;
    }
    const std::size_t row = record_numbers.size();
    record_numbers.push_back(record);
    for (const auto& [key, value] : object.items()) {
      if (key.empty()) {  // a column needs a name, as a CSV header does
        problem("problem.empty_header.key", record, "(empty key)");
        continue;
      }
      if (auto issue = check_text(key, false); !issue.empty()) {  // named by where it is, never printed
        if (issue == "invalid UTF-8")
          problem("problem.bad_encoding.key", record, "(key)");
        else
          problem("problem.control_character.key", record, "(key)", {{"character", control_code(issue)}});
        continue;
      }
      std::string& cell = cells[column_of.find(key)->second][row];
      constexpr std::uint64_t exact = std::uint64_t{1} << 53;
      switch (value.type()) {
        case json::value_t::null: break;
        case json::value_t::string: {
          cell = value.get<std::string>();
          if (auto issue = check_text(cell, true); issue == "invalid UTF-8")
            problem("problem.bad_encoding.value", record, key);
          else if (!issue.empty())
            problem("problem.control_character.value", record, key, {{"character", control_code(issue)}});
          break;
        }
        case json::value_t::boolean: cell = value.get<bool>() ? "true" : "false"; break;
        case json::value_t::number_unsigned:
        case json::value_t::number_integer: {
          cell = value.dump();
          const bool big = value.is_number_unsigned() ? value.get<std::uint64_t>() > exact
                                                      : std::llabs(value.get<std::int64_t>()) > static_cast<long long>(exact);
          if (big)
            problem("problem.imprecise_number", record, key, {{"value", cell}});
          break;
        }
        case json::value_t::number_float: {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%.17g", value.get<double>());
          if (id_column(key)) {
            problem("problem.bad_value.float_id", record, key, {{"value", value.dump()}});
            break;
          }
          cell = buffer;
          break;
        }
        default:
          problem("problem.bad_value.cell_type", record, key, {{"type", value.type_name()}});
      }
    }
  }
  if (objects == 0 && !records.empty()) table.set_unreadable();  // its bad_record problems say why
  table.set_records(std::move(record_numbers));
  for (std::size_t c = 0; c < names.size(); ++c) {
    std::vector<std::string_view> views(cells[c].begin(), cells[c].end());
    table.add_text_column(names[c], views);
  }
  return table;
}

}  // namespace detail

TeamInfo parse_team_json(std::string_view text, const std::string& source, std::vector<Problem>& problems) {
  auto parsed = detail::parse_json(text, source, problems);
  if (!parsed) return {};
  return detail::team_from_json(*parsed, source, problems);
}

namespace detail {

namespace {
// Every string of team.json (keys too) is checked as the tables' text is: the team's name and its
// configuration reach the terminal and the page. The nesting is at most max_depth deep.
template <class Report>
void check_strings(const nlohmann::json& value, const std::string& field, Report& problem) {
  auto check = [&](const std::string& text, const std::string& where) {
    if (auto issue = check_text(text, false); issue == "invalid UTF-8")
      problem("problem.bad_encoding.text", where.empty() ? "(key)" : where);
    else if (!issue.empty())
      problem("problem.control_character.text", where.empty() ? "(key)" : where, {{"character", control_code(issue)}});
  };
  if (value.is_string()) {
    check(value.get_ref<const std::string&>(), field);
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (!check_text(key, false).empty()) {  // a bad key is named by where it is, never printed
        check(key, field.empty() ? std::string("(key)") : field + ".(key)");
        continue;
      }
      check_strings(item, field.empty() ? key : field + "." + key, problem);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) check_strings(value[i], field + "[" + std::to_string(i) + "]", problem);
  }
}
}  // namespace

namespace {

// Whether every key of `value`, at any depth, is text without control characters.
bool keys_are_clean(const nlohmann::json& value) {
  std::vector<const nlohmann::json*> stack{&value};
  while (!stack.empty()) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_object()) {
      for (const auto& [key, item] : v->items()) {
        if (!check_text(key, false).empty()) return false;
        stack.push_back(&item);
      }
    } else if (v->is_array()) {
      for (const auto& item : *v) stack.push_back(&item);
    }
  }
  return true;
}

}  // namespace

TeamInfo team_from_json(const nlohmann::json& object, const std::string& source, std::vector<Problem>& problems) {
  TeamInfo team;
  auto problem = [&](std::string_view key, std::string field, ProblemArgs args = {}, Severity severity = Severity::error) {
    problems.push_back(make_problem(key, std::move(args), source, 0, {}, std::move(field), severity));
  };
  if (!object.is_object()) {
    problem("problem.bad_value.team_not_object", {}, {{"type", object.type_name()}});
    return team;
  }
  team.json = object.empty() ? std::string() : object.dump();  // {} says nothing: the same team as none given
  check_strings(object, "", problem);
  for (const auto& [key, value] : object.items()) {
    if (key == "name") {
      if (value.is_string()) team.name = value.get<std::string>();
      else problem("problem.bad_value.name", "name");
    } else if (key == "period") {
      if (!value.is_object()) {
        problem("problem.bad_value.period", "period");
        continue;
      }
      for (const auto& [k, v] : value.items()) {
        std::int64_t date = no_date;
        if (k != "start" && k != "end") {
          problem("problem.unknown_key.period", "period." + k);
          continue;
        }
        if (!v.is_string() || parse_date(v.get<std::string>(), date) != ParseStatus::ok)
          problem("problem.bad_date.period", "period." + k);
        else
          (k == "start" ? team.period_start : team.period_end) = date;
      }
      if (team.period_start != no_date && team.period_end != no_date && team.period_end < team.period_start)
        problem("problem.out_of_range.period", "period");
    } else if (key == "scales") {
      if (!value.is_object()) {
        problem("problem.bad_value.scales", "scales");
        continue;
      }
      static const std::vector<std::string> fields = {"competencies.score", "people.assessment", "people.flight_risk",
                                                      "people.potential"};
      for (const auto& [field, range] : value.items()) {
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
          problem("problem.unknown_key.scale", "scales." + field);
          continue;
        }
        const bool pair = range.is_array() && range.size() == 2 && range[0].is_number() && range[1].is_number();
        if (!pair || !(range[0].get<double>() < range[1].get<double>())) {
          problem("problem.bad_value.scale", "scales." + field);
          continue;
        }
        team.scales.push_back(Scale{field, range[0].get<double>(), range[1].get<double>()});
      }
    } else if (key == "policy") {
      if (!value.is_object()) {
        problem("problem.bad_value.policy", "policy");
        continue;
      }
      team.policy_json = value.dump();
      // A key with a control character is reported above and never printed: the policy's own
      // messages would print it (and a key holding a line break would split them).
      if (!keys_are_clean(value)) continue;
      // Checked here, so that validate reports a bad policy as the report would: each setting it
      // cannot take is a problem of its own.
      const std::vector<Problem> settings = policy_problems(team.policy_json);
      for (const auto& p : settings) problem(p.key, "policy." + p.field, p.args);
      if (!settings.empty()) continue;
      try {
        const Policy policy = policy_from_json(team.policy_json);
        if (policy.min_group_size < Policy::min_group_size_floor)
          problem("problem.bad_value.min_group_size", "policy.min_group_size",
                  {{"floor", std::to_string(Policy::min_group_size_floor)},
                   {"value", std::to_string(policy.min_group_size)}});
      } catch (const std::invalid_argument& e) {
        // "policy: 2 problem(s)\n  a.b: why\n  c: why": one problem each, field by field.
        const std::string text = e.what();
        std::size_t at = text.find("\n  ");
        if (at == std::string::npos) problem("problem.bad_value.policy_setting", "policy", {{"detail", text}});
        while (at != std::string::npos) {
          const std::size_t next = text.find("\n  ", at + 3);
          const std::string item = text.substr(at + 3, next == std::string::npos ? std::string::npos : next - at - 3);
          const std::size_t colon = item.find(": ");
          problem("problem.bad_value.policy_setting", "policy." + item.substr(0, colon),
                  {{"detail", colon == std::string::npos ? item : item.substr(colon + 2)}});
          at = next;
        }
      }
    } else if (key == "encoding") {
      // How the team's CSVs are encoded: teamgraph.read_org in Python decodes them by it; this
      // reader reads UTF-8 and says so of a file in another encoding (bad_encoding).
      if (!value.is_string()) problem("problem.bad_value.encoding", "encoding");
    } else if (key == "configuration") {
      if (value.is_object()) team.configuration_json = value.dump();
      else problem("problem.bad_value.configuration", "configuration");
    } else if (check_text(key, false).empty()) {  // a key with a control character is refused above, never printed
      problem("problem.unknown_key.team", key, {}, Severity::warning);
    }
  }
  return team;
}

bool read_json_org(const std::string& text, const std::string& source, OrgBuilder& builder,
                   std::vector<Problem>& problems) {
  auto parsed = parse_json(text, source, problems);
  if (!parsed) return false;
  if (!parsed->is_object()) {
    problems.push_back(make_problem("problem.bad_value.json_org", {}, source));
    return false;  // nothing else to say: no table of it can be read
  }
  const auto& names = OrgBuilder::table_names();
  for (const auto& [key, value] : parsed->items()) {
    if (key == "team") {
      builder.set_team(team_from_json(value, source + "#/team", problems));
    } else if (std::find(names.begin(), names.end(), key) != names.end()) {
      builder.add_table(key, json_records_to_table(value, source + "#/" + key, problems));
    } else {
      problems.push_back(make_problem("problem.unknown_table.json", {}, source, 0, {}, key, Severity::warning));
    }
  }
  return true;
}

}  // namespace detail
}  // namespace teamgraph
