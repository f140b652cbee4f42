#include "teamgraph/read_org.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "teamgraph/detail/json.hpp"
#include "teamgraph/org_builder.hpp"

namespace teamgraph {
namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return true;
}

[[noreturn]] void fail(std::string file, std::string code, std::string message) {
  throw OrgDataError({Problem{std::move(code), Severity::error, std::move(file), 0, {}, {}, std::move(message)}});
}

}  // namespace

Org read_org(const fs::path& path, bool lenient) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  const std::string shown = path.filename().string();
  OrgBuilder builder;
  std::vector<Problem> problems;
  if (fs::is_directory(status)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    const auto& names = OrgBuilder::table_names();
    for (const auto& file : files) {
      const std::string name = file.filename().string();
      if (name == "team.json") {
        std::string text;
        if (!read_file(file, text))
          problems.push_back(Problem{"unreadable_file", Severity::error, name, 0, {}, {}, "the file cannot be read"});
        else
          builder.set_team(parse_team_json(text, name, problems));
        continue;
      }
      if (file.extension() != ".csv") continue;
      const std::string table = file.stem().string();
      if (std::find(names.begin(), names.end(), table) == names.end()) {
        problems.push_back(Problem{"unknown_table", Severity::warning, name, 0, {}, {},
                                   "not a teamgraph table (expected people.csv, competencies.csv, successors.csv, "
                                   "sharing.csv, meetings.csv, attendance.csv, incentives.csv, goals.csv or "
                                   "contributions.csv); it is not read"});
        continue;
      }
      builder.add_table(table, read_csv_table(file.string(), name, problems));
    }
  } else if (fs::is_regular_file(status)) {
    if (path.extension() != ".json")
      fail(shown, "unsupported_input", "expected a folder of CSV tables or a .json team file");
    std::string text;
    if (!read_file(path, text)) fail(shown, "unreadable_file", "the file cannot be read");
    detail::read_json_org(text, shown, builder, problems);
  } else {
    fail(path.string(), "missing_file", "no such folder or file");
  }
  builder.add_problems(std::move(problems));
  builder.set_lenient(lenient);
  return builder.build();
}

}  // namespace teamgraph
