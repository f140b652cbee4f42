#include "teamgraph/read_org.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/files.hpp"
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

[[noreturn]] void fail(std::string file, std::string_view key) {
  throw OrgDataError({make_problem(key, {}, std::move(file))});
}

}  // namespace

Org read_org(std::string_view path_text, bool lenient) {
  ReadOptions options;
  options.lenient = lenient;
  return read_org(path_text, options);
}

Org read_org(std::string_view path_text, const ReadOptions& options) {
  const fs::path path{std::string(path_text)};
  const bool lenient = options.lenient;
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
    std::vector<fs::path> tables;  // the CSV tables, in file-name order
    for (const auto& file : files) {
      const std::string name = file.filename().string();
      if (name == "team.json" || file.extension() == ".csv") {
        // A link that leads out of the team folder is not followed unless asked: its target is
        // not named, and nothing of it is read (so no problem can quote it).
        if (!options.follow_symlinks && fs::is_symlink(fs::symlink_status(file, ec))) {
          const fs::path target = fs::weakly_canonical(file, ec), folder = fs::weakly_canonical(path, ec);
          const auto outside = std::mismatch(folder.begin(), folder.end(), target.begin(), target.end()).first;
          if (ec || outside != folder.end()) {
            problems.push_back(make_problem("problem.outside_link", {}, name));
            continue;
          }
        }
        // A directory, FIFO, socket or device under a table's name is a problem, not a read that
        // fails oddly or waits forever for a writer.
        if (const auto kind = fs::status(file, ec); !fs::is_regular_file(kind)) {
          problems.push_back(make_problem(detail::not_a_file(kind), {}, name));
          continue;
        }
      }
      if (name == "team.json") {
        std::string text;
        if (!read_file(file, text))
          problems.push_back(make_problem("problem.unreadable_file", {}, name));
        else
          builder.set_team(parse_team_json(text, name, problems));
        continue;
      }
      if (file.extension() != ".csv") continue;
      if (std::find(names.begin(), names.end(), file.stem().string()) == names.end()) {
        problems.push_back(make_problem("problem.unknown_table", {}, name, 0, {}, {}, Severity::warning));
        continue;
      }
      tables.push_back(file);
    }
    // With no people table to be had, every other table's references would only report that
    // again: the problems so far are all there is to say.
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Problem& p) { return (p.code == "not_a_file" || p.code == "outside_link") && p.file == "people.csv"; }))
      throw OrgDataError(std::move(problems));
    // Each file is read when the build needs it (by the task that reads its table, side by side
    // with the others) and let go once read, so that a big org's tables are not all held at
    // once; problems come out sorted, whichever is read first.
    for (const auto& file : tables) builder.add_csv_file(file.stem().string(), file.string());
  } else if (fs::is_regular_file(status)) {
    if (path.extension() != ".json")
      fail(shown, "problem.unsupported_input");
    std::string text;
    if (!read_file(path, text)) fail(shown, "problem.unreadable_file");
    // A file that is not JSON has nothing more to say (no "people table missing" after it).
    if (!detail::read_json_org(text, shown, builder, problems)) throw OrgDataError(std::move(problems));
  } else if (fs::exists(status)) {
    fail(shown, detail::not_a_file(status));
  } else {
    fail(path.string(), "problem.missing_file");
  }
  builder.add_problems(std::move(problems));
  builder.set_lenient(lenient);
  return builder.build();
}

}  // namespace teamgraph
