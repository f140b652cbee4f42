# Preprocesses a file that reads an org and assesses it through <teamgraph/teamgraph.hpp> and
# fails when the headers it reaches include Eigen, Boost, <filesystem> or teamgraph's detail/.
file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/everyday.cpp [=[
#include <teamgraph/teamgraph.hpp>
int main() {
  const teamgraph::Org org = teamgraph::read_org("team");
  return teamgraph::assess(org).scores.empty() ? 1 : 0;
}
]=])
set(flags -std=c++20 -fsyntax-only -H -I${SOURCE_INCLUDE} -I${BINARY_INCLUDE})
execute_process(COMMAND ${CXX} ${flags} ${WORK_DIR}/everyday.cpp
                RESULT_VARIABLE rc ERROR_VARIABLE included OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the everyday file does not compile:\n${included}")
endif()
foreach(heavy "/Eigen/" "/boost/" "/filesystem\n" "fs_path.h" "/teamgraph/detail/" "/teamgraph/org_parts.hpp" "/teamgraph/graph.hpp")
  string(FIND "${included}" "${heavy}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "<teamgraph/teamgraph.hpp> includes ${heavy}")
  endif()
endforeach()
