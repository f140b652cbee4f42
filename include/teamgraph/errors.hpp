#pragma once
// Data problems and the one exception that carries them.
//
// Every problem names where it was found (file, record, person id, field) and has a stable
// code, so that tools can act on it and users can find the row. A load collects every problem
// of its input before it fails: users fix a file once, not once per error.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace teamgraph {

enum class Severity : std::uint8_t {
  warning,  // the org is still built; the problem is reported beside it
  error,    // the org cannot be built
};

// One problem in the input data.
//
// `record` is the 1-based line of the CSV record (where a quoted record spans lines, the line it
// starts on), or the 1-based position of the record in a JSON array; 0 when the problem is about
// a whole file or table.
struct Problem {
  std::string code;       // stable, snake_case: "duplicate_id", "unknown_id", ...
  Severity severity = Severity::error;
  std::string file;       // "people.csv", "team.json", "org.json#/people"
  std::int64_t record = 0;
  std::string person_id;  // the person the record is about, when there is one
  std::string field;      // column or key
  std::string message;    // what was expected, what was found

  // "people.csv:12: person 'p7', field 'manager_id': unknown_id: ..."
  std::string to_string() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

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

}  // namespace teamgraph
