// The English text of every problem message, by catalog key, and what fills them in.
//
// The Python package's catalogs (python/teamgraph/locale/<lang>/LC_MESSAGES/problems.po) hold
// the same keys: English's with these very texts, other languages' with the same placeholders
// (tests/python/test_catalog.py checks both). A new message is a line here and an entry in every
// problems.po; scripts/problem_catalog.py writes the English one from this table.

#include <algorithm>
#include <array>

#include "teamgraph/errors.hpp"
#include "teamgraph/detail/text.hpp"

namespace teamgraph {
namespace {

constexpr char list_separator = '\x1f';
constexpr char part_separator = '\x1e';  // the parts of a row item: record, id[, detail]
constexpr std::size_t rows_named = 10;     // a list of rows names this many, then says how many more

// Sorted by key (checked once, when first used).
constexpr ProblemTemplate templates[] = {
    {"problem.ambiguous_manager",
     "{manager}: {count} row has this name ({candidates:rows}); it is the manager of {rows:rows}: say which wins with "
     "prefer = {{ role = \"...\" }} in [people] manager",
     "{manager}: {count} rows have this name ({candidates:rows}); it is the manager of {rows:rows}: say which wins "
     "with prefer = {{ role = \"...\" }} in [people] manager"},
    {"problem.bad_boolean", "expected true/false, yes/no or 1/0, found '{value}'", ""},
    {"problem.bad_boolean.number", "expected true or false (or 1/0), found {value}", ""},
    {"problem.bad_date", "expected a date like 2024-03-31 or 2024-03-31T09:30:00Z, or Unix seconds, found '{value}'", ""},
    {"problem.bad_date.period", "expected a date like \"2026-01-01\"", ""},
    {"problem.bad_encoding.field", "the field is not valid UTF-8; save the file as UTF-8", ""},
    {"problem.bad_encoding.file",
     "{count} field is not valid UTF-8 (line {line}): the file is in another encoding; save it as UTF-8 (teamgraph.read_org "
     "in Python also reads GB18030/GBK, UTF-16 and Windows-1252)",
     "{count} fields are not valid UTF-8, the first on line {line}: the file is in another encoding; save it as UTF-8 "
     "(teamgraph.read_org in Python also reads GB18030/GBK, UTF-16 and Windows-1252)"},
    {"problem.bad_encoding.id", "the id contains invalid UTF-8", ""},
    {"problem.bad_encoding.key", "a key of the record contains invalid UTF-8", ""},
    {"problem.bad_encoding.not_in", "not {encoding}: byte {offset} ({byte}) is not valid in it", ""},
    {"problem.bad_encoding.text", "the text contains invalid UTF-8", ""},
    {"problem.bad_encoding.unclear",
     "not UTF-8, and no other encoding is clear (UTF-16 with a byte-order mark, GB18030/GBK, Windows-1252): save it as "
     "UTF-8, or name its encoding (encoding = \"...\" in the mapping or team.json)",
     ""},
    {"problem.bad_encoding.unknown", "unknown encoding '{encoding}'", ""},
    {"problem.bad_encoding.utf16", "the file looks like UTF-16; save it as UTF-8", ""},
    {"problem.bad_encoding.value", "the value contains invalid UTF-8", ""},
    {"problem.bad_header", "column names must be text", ""},
    {"problem.bad_id", "expected an id (text), found {type}", ""},
    {"problem.bad_id.boolean", "expected an id (text), found the boolean {value}", ""},
    {"problem.bad_mapping.by", "[people] manager: by = \"name\" or by = \"id\", not {by}", ""},
    {"problem.bad_mapping.by_name_needs_name", "[people] manager: by = \"name\" needs [people] name", ""},
    {"problem.bad_mapping.decimal", "[source] decimal: expected \".\" or \",\"", ""},
    {"problem.bad_mapping.id_required", "[people] id: the column that identifies a person is required", ""},
    {"problem.bad_mapping.keep", "[source] keep: not a query pandas can run over the export's columns ({error})", ""},
    {"problem.bad_mapping.keep_not_text",
     "[source] keep: not a query pandas can run over the export's columns (expected text)", ""},
    {"problem.bad_mapping.missing_column",
     "[{section}] {name}: the export has no column {column}; its columns are {columns:list}", ""},
    {"problem.bad_mapping.no_column",
     "[{section}] {name}: expected the name of a column of the export (or {{ column = \"...\" }})", ""},
    {"problem.bad_mapping.not_a_table", "[{section}] must be a table of keys", ""},
    {"problem.bad_mapping.not_boolean", "[people] {name}: expected true or false", ""},
    {"problem.bad_mapping.prefer_field",
     "[people] manager.prefer: {field} is neither a field of [people] nor a column of the export", ""},
    {"problem.bad_mapping.regex", "not a regular expression ({error})", ""},
    {"problem.bad_mapping.scale", "[people] {name}: scale = [low, high] with low < high, for {fields:list} only", ""},
    {"problem.bad_mapping.tier_column",
     "[tiers] column: {column} is neither a field of [people] nor a column of the export", ""},
    {"problem.bad_mapping.toml", "not TOML: {error}", ""},
    {"problem.bad_mapping.unknown_key",
     "[{section}] {name}: not a key of the mapping here; expected one of {expected:list}", ""},
    {"problem.bad_number", "expected a number, found '{value}'", ""},
    {"problem.bad_number.comma", "'{value}' is not a number: use '.' for decimals and no thousands separators", ""},
    {"problem.bad_number.percent",
     "'{value}' is not a number: write percentages as plain numbers and declare the scale in team.json", ""},
    {"problem.bad_record", "expected a record (object), found {type}", ""},
    {"problem.bad_value.calendar", "not an iCalendar file ({error})", ""},
    {"problem.bad_value.cell_type", "expected a string, number or boolean, found {type}", ""},
    {"problem.bad_value.configuration", "expected an object (budget, equipment, ...)", ""},
    {"problem.bad_value.encoding", "expected the name of an encoding", ""},
    {"problem.bad_value.float_id",
     "expected an id as a string (or a whole number), found the number {value}; write it as the string the id is", ""},
    {"problem.bad_value.json_org", "expected an object with a \"people\" array and the other tables", ""},
    {"problem.bad_value.min_group_size",
     "expected at least {floor}, found {value}: a smaller minimum group size is a choice made when running the "
     "report (teamgraph report --min-group-size), not a line of team.json",
     ""},
    {"problem.bad_value.name", "expected a string", ""},
    {"problem.bad_value.not_records", "expected an array of records (objects), found {type}", ""},
    {"problem.bad_value.period", "expected an object like {{\"start\": \"2026-01-01\", \"end\": \"2026-06-30\"}}", ""},
    {"problem.bad_value.policy", "expected an object of policy overrides", ""},
    {"problem.bad_value.policy_choice", "expected one of {choices}", ""},
    {"problem.bad_value.policy_cuts", "expected [] or two numbers in ascending order, like [2.5, 3.5]", ""},
    {"problem.bad_value.policy_min", "expected a number >= {min}", ""},
    {"problem.bad_value.policy_names", "expected a list of names", ""},
    {"problem.bad_value.policy_not_object", "expected a JSON object", ""},
    {"problem.bad_value.policy_number", "expected a number", ""},
    {"problem.bad_value.policy_range", "expected a number in [{min}, {max}]", ""},
    {"problem.bad_value.policy_section", "expected an object", ""},
    {"problem.bad_value.policy_setting", "{detail}", ""},
    {"problem.bad_value.policy_threshold", "expected a value in [0, 1]", ""},
    {"problem.bad_value.policy_unknown", "unknown policy setting", ""},
    {"problem.bad_value.policy_whole", "expected a whole number >= 0", ""},
    {"problem.bad_value.policy_whole_range", "expected a whole number in [0, {max}]", ""},
    {"problem.bad_value.scale", "expected [low, high] with low < high, like [1, 5]", ""},
    {"problem.bad_value.scales", "expected an object like {{\"competencies.score\": [1, 5]}}", ""},
    {"problem.bad_value.team_json", "expected values JSON can hold: {detail}", ""},
    {"problem.bad_value.team_mapping", "expected a mapping (team.json as a dict), found {type}", ""},
    {"problem.bad_value.team_not_object", "expected a JSON object, found {type}", ""},
    {"problem.control_character.carriage_return",
     "a carriage return without a line feed inside an unquoted field; save the file with LF or CRLF line endings", ""},
    {"problem.control_character.carriage_return_after_quote", "a carriage return without a line feed ends the field", ""},
    {"problem.control_character.cell", "a control character ({character}) is not allowed in a cell", ""},
    {"problem.control_character.column_name", "a control character ({character}) is not allowed in a column name", ""},
    {"problem.control_character.column_name_line_break", "a line break is not allowed in a column name", ""},
    {"problem.control_character.field", "the field contains a control character ({character})", ""},
    {"problem.control_character.id", "the id contains a control character ({character})", ""},
    {"problem.control_character.key", "a key of the record contains a control character ({character})", ""},
    {"problem.control_character.text", "the text contains a control character ({character})", ""},
    {"problem.control_character.value", "the value contains a control character ({character})", ""},
    {"problem.duplicate_column", "the column appears {count} times (columns {columns:and})", ""},
    {"problem.duplicate_column.frame",
     "the column name appears {count} times (columns {columns:list}); each column needs its own name", ""},
    {"problem.duplicate_column.more", "the column appears {count} times (columns {columns:list} and {more} more)", ""},
    {"problem.duplicate_column.twice", "the column appears twice (columns {columns:and})", ""},
    {"problem.duplicate_id", "the id is already used by the person on record {first}", ""},
    {"problem.duplicate_id.goal", "the goal id is already used on record {first}", ""},
    {"problem.duplicate_id.meeting", "the meeting id is already used on record {first}", ""},
    {"problem.duplicate_key", "the key '{key}' appears twice in one object", ""},
    {"problem.duplicate_record.attendance", "the attendance is listed again (first on record {first})", ""},
    {"problem.duplicate_record.competency", "the person already has a score for '{competency}' on record {first}", ""},
    {"problem.duplicate_record.operations",
     "the same day, channel and person are given again (first on record {first}); give one row", ""},
    {"problem.duplicate_record.sharing",
     "the same pair is linked again on the same channel (first on record {first}); give one row with per_week", ""},
    {"problem.duplicate_record.successor", "the same successor is named again for '{incumbent}' (first on record {first})",
     ""},
    {"problem.duplicate_table", "the table {table} is also given as {file}: keep one", ""},
    {"problem.empty_file", "the file is empty; a header row is required", ""},
    {"problem.empty_file.no_header", "the file holds no header row", ""},
    {"problem.empty_file.sheet", "the sheet has no header row", ""},
    {"problem.empty_header", "column {column} has no name", ""},
    {"problem.empty_header.key", "a key of the record is empty; name every field", ""},
    {"problem.encoding", "not UTF-8: read as {encoding}", ""},
    {"problem.error", "{detail}", ""},
    {"problem.field_too_long", "the field is {bytes} bytes long; at most {limit} are accepted", ""},
    {"problem.goal_cycle", "a cycle of {count} goals, each the parent of the previous: {cycle:qchain}", ""},
    {"problem.goal_cycle.self", "the goal is its own parent", ""},
    {"problem.id_as_float",
     "the id {value} is a float: pandas turns id columns into floats when they have empty cells or look numeric; read "
     "the CSV with dtype=str, keep_default_na=False (or dtype={{'{column}': str}}) to keep ids as text",
     ""},
    {"problem.id_as_float.column",
     "the id column holds floats ({dtype}): pandas turns id columns into floats when they have empty cells or look "
     "numeric; read the CSV with dtype=str, keep_default_na=False (or dtype={{'{column}': str}}) to keep ids as text",
     ""},
    {"problem.id_whitespace", "the id '{id}' has spaces around it; ids are compared exactly, remove the spaces", ""},
    {"problem.imprecise_number",
     "the integer {value} is beyond 2^53, where JSON tools lose precision; write it as a string", ""},
    {"problem.json_syntax", "{detail}", ""},
    {"problem.json_syntax.binary", "binary values are not JSON", ""},
    {"problem.json_syntax.policy", "not valid JSON: {detail}", ""},
    {"problem.left_out", "lenient loading left out {left} of {count} people", ""},
    {"problem.left_out.naming", "{count} record names a person left out, and is left out too",
     "{count} records name a person left out, and are left out too"},
    {"problem.left_out.under", "{count} person under them left out with them",
     "{count} people under them left out with them"},
    {"problem.line_endings",
     "the lines end in a carriage return alone (classic Mac OS); save the file with LF or CRLF line endings", ""},
    {"problem.missing_column", "the table needs a column '{column}'; found {found:qlist}", ""},
    {"problem.missing_column.message_log", "the message log has no such column (--columns renames)", ""},
    {"problem.missing_column.more", "the table needs a column '{column}'; found {found:qlist} and {more} more", ""},
    {"problem.missing_column.no_columns", "the table needs a column '{column}'; found no columns", ""},
    {"problem.missing_file", "no such folder or file", ""},
    {"problem.missing_file.unreadable", "cannot be read ({reason})", ""},
    {"problem.missing_manager",
     "{manager}: the manager of {count} person ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export: add a row for them to the export, or list the value in top = [...] of [people] manager if it "
     "means \"no manager\"",
     "{manager}: the manager of {count} people ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export: add a row for them to the export, or list the value in top = [...] of [people] manager if it "
     "means \"no manager\""},
    {"problem.missing_manager.dropped",
     "{manager}: the manager of {count} person ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export (row {record} has this name and was dropped by keep): add a row for them to the export, or list "
     "the value in top = [...] of [people] manager if it means \"no manager\"",
     "{manager}: the manager of {count} people ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export (row {record} has this name and was dropped by keep): add a row for them to the export, or list "
     "the value in top = [...] of [people] manager if it means \"no manager\""},
    {"problem.missing_table", "the people table is required (a folder needs people.csv)", ""},
    {"problem.missing_table.meetings", "attendance is given but meetings is not; both are needed", ""},
    {"problem.missing_table.people", "a team needs a people table (people.csv, people.xlsx or people.parquet)", ""},
    {"problem.missing_table.sheet", "no sheet '{sheet}'; the workbook has {sheets:list}", ""},
    {"problem.missing_value.amount", "a material incentive needs an amount", ""},
    {"problem.missing_value.artifact", "an artifact is required", ""},
    {"problem.missing_value.channel", "a channel is required (the shop or platform)", ""},
    {"problem.missing_value.choice", "a value is required: one of {choices:list}", ""},
    {"problem.missing_value.competency", "a competency name is required", ""},
    {"problem.missing_value.date", "a date is required", ""},
    {"problem.missing_value.id", "an id is required", ""},
    {"problem.missing_value.inquiries", "the number of inquiries is required", ""},
    {"problem.missing_value.previous_artifact", "a rename needs the previous artifact name", ""},
    {"problem.missing_value.score", "a score is required", ""},
    {"problem.multiple_managers",
     "the person is listed again with another manager ('{manager}' here, '{other}' on record {first}); a person has "
     "one manager",
     ""},
    {"problem.no_top", "every person has a manager, so the org has no top; leave manager_id empty for the top", ""},
    {"problem.not_a_file.device", "expected a file, found a device", ""},
    {"problem.not_a_file.fifo", "expected a file, found a named pipe (FIFO)", ""},
    {"problem.not_a_file.folder", "expected a file, found a folder", ""},
    {"problem.not_a_file.link_to_nothing", "expected a file, found a link to nothing", ""},
    {"problem.not_a_file.other", "expected a file, found not a regular file", ""},
    {"problem.not_a_file.socket", "expected a file, found a socket", ""},
    {"problem.not_finite", "expected a finite number, found {value}", ""},
    {"problem.not_finite.text", "expected a finite number, found '{value}'", ""},
    {"problem.nothing_left", "lenient loading left out all {count} people: the problems above are why", ""},
    {"problem.out_of_range.negative", "expected a number >= 0, found {value}", ""},
    {"problem.out_of_range.period", "the period ends before it starts", ""},
    {"problem.out_of_range.replied", "replied is {value}, more than the row's {inquiries} inquiries", ""},
    {"problem.out_of_range.scale",
     "expected a value on the scale {low} to {high} (declare another scale for {scale} in team.json), found {value}", ""},
    {"problem.outside_link",
     "a symbolic link to a file outside the team folder; it is not read (--follow-symlinks, or read_org(path, "
     "follow_symlinks=True), reads it)",
     ""},
    {"problem.placeholder_field",
     "{column} is given for a placeholder person (a manager the data names but does not describe): a placeholder row "
     "has only id, name, department and manager_id; leave {column} empty, or make the row a person of its own "
     "(placeholder empty or false)",
     ""},
    {"problem.placeholder_manager",
     "{manager}: the manager of {count} person ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export: kept as the placeholder person '{id}' (in the hierarchy, outside the scores); placeholder_managers "
     "= false in [people] makes this a problem",
     "{manager}: the manager of {count} people ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export: kept as the placeholder person '{id}' (in the hierarchy, outside the scores); placeholder_managers "
     "= false in [people] makes this a problem"},
    {"problem.placeholder_manager.dropped",
     "{manager}: the manager of {count} person ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export (row {record} has this name and was dropped by keep): kept as the placeholder person '{id}' (in "
     "the hierarchy, outside the scores); placeholder_managers = false in [people] makes this a problem",
     "{manager}: the manager of {count} people ({rows:rows}; with the people under them, {total} in all) is not a row "
     "of the export (row {record} has this name and was dropped by keep): kept as the placeholder person '{id}' (in "
     "the hierarchy, outside the scores); placeholder_managers = false in [people] makes this a problem"},
    {"problem.placeholder_named",
     "'{id}' is a placeholder person (a manager the data names but does not describe): no other table may name them; "
     "make them a person of their own (placeholder empty or false in people) to describe them",
     ""},
    {"problem.placeholder_without_reports",
     "'{id}' is a placeholder person but no one reports to them: a placeholder stands for a manager the data names; "
     "remove the row, or make it a person of its own",
     ""},
    {"problem.ragged_row", "expected {expected} fields as in the header, found {found}", ""},
    {"problem.reporting_cycle", "a reporting cycle of {count} people, each reporting to the next: {cycle:qchain}", ""},
    {"problem.self_link", "a person cannot share with themselves", ""},
    {"problem.self_manager", "the person is listed as their own manager", ""},
    {"problem.self_successor", "a person cannot be their own successor", ""},
    {"problem.several_tops",
     "the org has {count} people with no manager ({people:qlist}); unified management expects one top", ""},
    {"problem.several_tops.more",
     "the org has {count} people with no manager ({people:qlist}, ...); unified management expects one top", ""},
    {"problem.sparse_records",
     "the {count} records use {keys} different keys: a table's records share their fields (a table of {count} x {keys} "
     "cells from {values} values is not read)",
     ""},
    {"problem.stray_quote", "a quote inside an unquoted field; quote the whole field and double the quote (\"\")", ""},
    {"problem.stray_quote.after_quote",
     "text follows the closing quote of a quoted field; quote the whole field and double any quote inside it (\"\")", ""},
    {"problem.stray_quote.broken", "the CSV quoting is broken ({error})", ""},
    {"problem.too_deep", "the JSON is nested more than {limit} levels deep", ""},
    {"problem.too_many_columns", "the header has {count} columns; a table is read with at most {limit}", ""},
    {"problem.too_many_problems", "lenient loading gave up after {passes} passes of leaving out bad records", ""},
    {"problem.unexpected_value.previous_artifact", "previous_artifact is only for renames, found '{value}'", ""},
    {"problem.unknown_goal", "no goal has the id '{id}'", ""},
    {"problem.unknown_id", "no person has the id '{id}' in people", ""},
    {"problem.unknown_id.manager",
     "no person has the id '{id}'; a manager who is not in the export needs a row of their own in the people table "
     "(only the id is required; see 'Managers outside the export' in docs/input-format.md)",
     ""},
    {"problem.unknown_key.period", "expected start or end", ""},
    {"problem.unknown_key.scale",
     "scales can be declared for competencies.score, people.assessment, people.potential and people.flight_risk", ""},
    {"problem.unknown_key.team",
     "team.json has name, period, scales, policy and configuration; this key is kept but not used", ""},
    {"problem.unknown_meeting", "no meeting has the id '{id}' in meetings", ""},
    {"problem.unknown_table",
     "not a teamgraph table (expected people.csv, competencies.csv, successors.csv, sharing.csv, meetings.csv, "
     "attendance.csv, incentives.csv, goals.csv, contributions.csv or operations.csv); it is not read",
     ""},
    {"problem.unknown_table.json", "not a teamgraph table; it is not read", ""},
    {"problem.unknown_value", "expected one of {choices:list}, found '{value}'", ""},
    {"problem.unreadable_file", "the file cannot be read", ""},
    {"problem.unreadable_file.open", "the file cannot be opened: {reason}", ""},
    {"problem.unreadable_file.parquet", "not a Parquet file ({error})", ""},
    {"problem.unreadable_file.xlsx", "not an Excel workbook ({error})", ""},
    {"problem.unsupported_input", "expected a folder of CSV tables or a .json team file", ""},
    {"problem.unterminated_quote",
     "a quoted field opened on line {line} is never closed; the rest of the file cannot be read", ""},
    {"problem.unterminated_quote.broken", "the CSV quoting is broken ({error})", ""},
    {"problem.what_if.leaver_fills_seat", "'{id}' leaves and cannot fill a seat", ""},
    {"problem.what_if.leaver_moves", "'{id}' leaves and cannot move", ""},
    {"problem.what_if.seat_filled_twice", "'{id}''s seat is filled twice", ""},
    {"problem.what_if.seat_not_vacant",
     "'{id}''s seat is not vacant: promote fills the seats of people who leave or who are promoted themselves", ""},
    {"problem.what_if.two_seats", "'{id}' cannot fill two seats", ""},
    {"problem.what_if.unknown_id", "no person has the id '{id}'", ""},
    {"problem.wrong_delimiter",
     "the header is one column holding '{delimiter}': the file is not comma-separated; save it as CSV with commas", ""},
    {"problem.wrong_type.complex", "expected a column of real numbers, found {dtype}", ""},
    {"problem.wrong_type.text", "expected a column of text, found numbers", ""},
};

constexpr bool sorted() {
  for (std::size_t i = 1; i < std::size(templates); ++i)
    if (!(templates[i - 1].key < templates[i].key)) return false;
  return true;
}
static_assert(sorted(), "problem templates must be sorted by key, each key once");

const ProblemTemplate* find_template(std::string_view key) {
  const auto* end = std::end(templates);
  const auto* it = std::lower_bound(std::begin(templates), end, key,
                                    [](const ProblemTemplate& t, std::string_view k) { return t.key < k; });
  return it != end && it->key == key ? it : nullptr;
}

std::string_view arg(const ProblemArgs& args, std::string_view name) {
  for (const auto& [n, v] : args)
    if (n == name) return v;
  return {};
}

// The pieces of `text` between the separators `sep`.
std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(sep, start);
    pieces.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

// A row of a file, "record<RS>id[<RS>detail]", as "row 12 (p7)[, detail]".
std::string format_row(std::string_view item) {
  const std::vector<std::string_view> parts = split(item, part_separator);
  std::string out = "row " + std::string(parts[0]);
  if (parts.size() > 1) out += " (" + std::string(parts[1]) + ")";
  if (parts.size() > 2 && !parts[2].empty()) out += ", " + std::string(parts[2]);
  return out;
}

// A list value as the format spec asks: "list" a, b; "and" a, b and c; "chain" a -> b -> a;
// "q..." quoted items; "rows" rows of a file (format_row), a, b and c, at most rows_named of
// them, then "and N more".
std::string format_list(std::string_view value, std::string_view spec) {
  const std::vector<std::string_view> items = split(value, list_separator);
  if (spec == "rows") {
    std::string out;
    const std::size_t named = std::min(items.size(), rows_named);
    for (std::size_t i = 0; i < named; ++i) {
      if (i > 0) out += items.size() <= rows_named && i + 1 == items.size() ? " and " : ", ";
      out += format_row(items[i]);
    }
    if (items.size() > named) out += " and " + std::to_string(items.size() - named) + " more";
    return out;
  }
  const bool quoted = !spec.empty() && spec.front() == 'q';
  const bool last_and = spec == "and" || spec == "qand";
  const bool chain = spec == "chain" || spec == "qchain";
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += chain ? " -> " : last_and && i + 1 == items.size() ? " and " : ", ";
    out += quoted ? "'" + std::string(items[i]) + "'" : std::string(items[i]);
  }
  return out;
}

}  // namespace

Problem make_problem(std::string_view key, ProblemArgs args, std::string file, std::int64_t record,
                     std::string person_id, std::string field, Severity severity) {
  std::string_view code = key.substr(key.find('.') + 1);
  code = code.substr(0, code.find('.'));
  std::string message = problem_message(key, args);
  return Problem{std::string(code),  severity,           std::move(file),  record,
                 std::move(person_id), std::move(field), std::move(message), std::string(key),
                 std::move(args)};
}

std::string problem_message(std::string_view key, const ProblemArgs& args) {
  const ProblemTemplate* t = find_template(key);
  if (!t) return std::string(key);
  const std::string_view text = !t->plural.empty() && arg(args, "count") != "1" ? t->plural : t->singular;
  return detail::fill_placeholders(text, [&](std::string_view name, std::string_view spec, std::string& out) {
    const std::string_view value = arg(args, name);
    if (spec.empty())
      out += value;
    else
      out += format_list(value, spec);
  });
}

std::string list_arg(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += list_separator;
    out += items[i];
  }
  return out;
}

std::span<const ProblemTemplate> problem_templates() { return templates; }

}  // namespace teamgraph
