// Any bytes as each CSV table: as people.csv alone, and as every other table next to a valid
// people table (so that each table's reading and validation sees the bytes).
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace teamgraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto& name : OrgBuilder::table_names()) {
    std::vector<Problem> problems;
    OrgBuilder builder;
    if (name != "people")
      builder.add_table("people", parse_csv_table("id,manager_id,tier\na,,core\nb,a,core\nc,a,execution\n",
                                                  "people.csv", problems));
    if (name == "attendance")
      builder.add_table("meetings", parse_csv_table("meeting_id,date\nm1,2026-01-05\n", "meetings.csv", problems));
    builder.add_table(name, parse_csv_table(text, name + ".csv", problems));
    for (const auto& p : problems) fuzz::check_problem(p);
    builder.add_problems(problems);
    fuzz::build_and_check(builder);
  }
  return 0;
}
