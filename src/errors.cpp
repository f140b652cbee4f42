#include "teamgraph/errors.hpp"

#include <algorithm>
#include <tuple>

namespace teamgraph {

std::string Problem::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (record > 0) out += ":" + std::to_string(record);
  out += ": ";
  if (!person_id.empty()) out += "person '" + person_id + "', ";
  if (!field.empty()) out += "field '" + field + "', ";
  out += (severity == Severity::warning ? "warning " : "") + code + ": " + message;
  return out;
}

void sort_problems(std::vector<Problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.file, a.record, a.field, a.code, a.person_id, a.message) <
           std::tie(b.file, b.record, b.field, b.code, b.person_id, b.message);
  });
}

namespace {
std::string summarize(const std::vector<Problem>& problems) {
  constexpr std::size_t shown = 20;
  std::string out = std::to_string(problems.size()) + " problem" +
                    (problems.size() == 1 ? "" : "s") + " in the org data";
  for (std::size_t i = 0; i < problems.size() && i < shown; ++i) out += "\n  " + problems[i].to_string();
  if (problems.size() > shown)
    out += "\n  ... and " + std::to_string(problems.size() - shown) + " more (see .problems)";
  return out;
}
}  // namespace

namespace {
std::string request_text(const std::string& subject, const std::vector<Problem>& problems, bool listed) {
  if (!listed && problems.size() == 1) return subject + ": " + problems.front().message;
  std::string out = subject + ": " + std::to_string(problems.size()) + " problem(s)";
  for (const auto& p : problems) out += "\n  " + p.field + ": " + p.message;
  return out;
}
}  // namespace

RequestError::RequestError(std::string subject, std::vector<Problem> problems, bool listed)
    : std::invalid_argument(request_text(subject, problems, listed)),
      subject_(std::move(subject)),
      problems_(std::move(problems)),
      listed_(listed || problems_.size() != 1) {}

OrgDataError::OrgDataError(std::vector<Problem> problems)
    : std::invalid_argument(summarize(problems)), problems_(std::move(problems)) {}

}  // namespace teamgraph
