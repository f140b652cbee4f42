#pragma once
// Data problems and the one exception that carries them.
//
// Every problem names where it was found (file, record, person id, field) and has a stable
// code, so that tools can act on it and users can find the row. A load collects every problem
// of its input before it fails: users fix a file once, not once per error.

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace teamgraph {

enum class Severity : std::uint8_t {
  warning,  // the org is still built; the problem is reported beside it
  error,    // the org cannot be built
};

// The named values of a problem's message, as text: {{"value", "abc"}, {"first", "3"}}.
using ProblemArgs = std::vector<std::pair<std::string, std::string>>;

// One problem in the input data.
//
// `record` is the 1-based line of the CSV record (where a quoted record spans lines, the line it
// starts on), or the 1-based position of the record in a JSON array; 0 when the problem is about
// a whole file or table.
//
// The message is a catalog entry: `key` ("problem.<code>" or "problem.<code>.<variant>") with
// the named values `args`. `message` is its English text (problem_message(key, args)); the
// Python package shows the entry in the report's language. A problem made without a key (an
// older pickle, a caller's own) has only its message.
struct Problem {
  std::string code;       // stable, snake_case: "duplicate_id", "unknown_id", ...
  Severity severity = Severity::error;
  std::string file;       // "people.csv", "team.json", "org.json#/people"
  std::int64_t record = 0;
  std::string person_id;  // the person the record is about, when there is one
  std::string field;      // column or key
  std::string message;    // what was expected, what was found (English)
  std::string key;        // the message's catalog key: "problem.bad_number.percent"
  ProblemArgs args;       // the message's named values

  // "people.csv:12: person 'p7', field 'manager_id': unknown_id: ..."
  std::string to_string() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// A problem whose message is the entry `key` ("problem.<code>[.<variant>]": the code is its
// second part) with `args`; `message` is the English text.
Problem make_problem(std::string_view key, ProblemArgs args, std::string file = {}, std::int64_t record = 0,
                     std::string person_id = {}, std::string field = {}, Severity severity = Severity::error);

// The English text of a message: the template of `key` with `args` filled in. A template names
// a value in braces, {value}, with a list form where the value is a list (list_arg): {names:list}
// "a, b, c", {names:and} "a, b and c", {names:chain} "a -> b -> a", and {names:qlist},
// {names:qand}, {names:qchain} with each item in single quotes; {rows:rows} rows of a file, each
// item "record<U+001E>id" or "record<U+001E>id<U+001E>detail": "row 12 (p7), row 13 (p8) and
// row 20 (p9), detail", at most 10 named, then "and N more"; {{ and }} are braces. A template with a plural form picks it by the value `count`
// ("1": singular). A key with no template gives the key itself.
std::string problem_message(std::string_view key, const ProblemArgs& args);

// A list as one value of ProblemArgs (its items apart by the unit separator, U+001F, which no
// accepted text holds).
std::string list_arg(const std::vector<std::string>& items);

// The English template of every message key (the Python package's English catalog holds the
// same texts). `plural` is empty for a message with one form.
struct ProblemTemplate {
  std::string_view key;
  std::string_view singular;
  std::string_view plural;
};
std::span<const ProblemTemplate> problem_templates();

// Orders problems by file, record, field, code, message: the order every report uses, so that
// the same bad input always gives the same list.
void sort_problems(std::vector<Problem>& problems);

// Thrown when input data cannot become an Org. Holds every problem found, not only the first.
// Derives from std::invalid_argument (like Boost.Graph's bad_graph), so pybind11 maps it to a
// ValueError subclass.
class OrgDataError : public std::invalid_argument {
 public:
  explicit OrgDataError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// Thrown when a request cannot be carried out as asked: a what-if change that cannot be made
// (subject "what-if"), policy overrides the library cannot take (subject "policy"). Its words
// are catalog entries like a data problem's: each of `problems` has its key and args. what() is
// the English text: "<subject>: <message>" for one problem, or, when `listed`,
// "<subject>: N problem(s)" and a line "  <field>: <message>" a problem. Derives from
// std::invalid_argument (pybind11: teamgraph.errors.RequestError, a ValueError).
class RequestError : public std::invalid_argument {
 public:
  RequestError(std::string subject, std::vector<Problem> problems, bool listed = false);
  const std::string& subject() const noexcept { return subject_; }
  const std::vector<Problem>& problems() const noexcept { return problems_; }
  bool listed() const noexcept { return listed_; }

 private:
  std::string subject_;
  std::vector<Problem> problems_;
  bool listed_;
};

}  // namespace teamgraph
