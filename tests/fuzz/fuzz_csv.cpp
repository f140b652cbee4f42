// Any bytes as people.csv (and the same bytes as sharing.csv next to a valid people table).
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace teamgraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  {
    std::vector<Problem> problems;
    OrgBuilder builder;
    builder.add_table("people", parse_csv_table(text, "people.csv", problems));
    for (const auto& p : problems) fuzz::check_problem(p);
    builder.add_problems(problems);
    fuzz::build_and_check(builder);
  }
  {
    std::vector<Problem> problems;
    OrgBuilder builder;
    builder.add_table("people", parse_csv_table("id,manager_id,tier\na,,core\nb,a,core\nc,a,execution\n", "people.csv",
                                                problems));
    builder.add_table("sharing", parse_csv_table(text, "sharing.csv", problems));
    for (const auto& p : problems) fuzz::check_problem(p);
    builder.add_problems(problems);
    fuzz::build_and_check(builder);
  }
  return 0;
}
