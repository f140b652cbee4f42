// Any bytes as a single-file JSON team.
#include <cstdint>

#include "fuzz_common.hpp"
#include "teamgraph/detail/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace teamgraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<Problem> problems;
  OrgBuilder builder;
  try {
    detail::read_json_org(text, "team.json", builder, problems);
  } catch (const std::invalid_argument&) {
    return 0;  // a table given twice: refused with a clear message
  }
  for (const auto& p : problems) fuzz::check_problem(p);
  builder.add_problems(problems);
  fuzz::build_and_check(builder);
  return 0;
}
