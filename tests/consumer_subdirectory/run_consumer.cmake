# Configures tests/consumer_subdirectory (which add_subdirectory's teamgraph) with no build type,
# checks that teamgraph left the parent's settings alone and built none of its own tests or
# examples, then builds the consumer and runs it on the sample team.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}
                        -DTEAMGRAPH_SOURCE_DIR=${TEAMGRAPH_SOURCE_DIR} -DCMAKE_CXX_FLAGS=-O1
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
file(READ ${WORK_DIR}/settings.txt settings)
if(NOT settings MATCHES "build_type=\\[\\]" OR NOT settings MATCHES "tests=\\[OFF\\]"
   OR NOT settings MATCHES "examples=\\[OFF\\]" OR NOT settings MATCHES "install=\\[OFF\\]")
  message(FATAL_ERROR "teamgraph changed the parent's settings or turned on its own targets:\n${settings}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR} --target consumer --parallel 2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/consumer ${SAMPLE_TEAM} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "teamgraph [0-9.]+: [1-9][0-9]* people" OR NOT out MATCHES "leadership_coverage: [0-9]")
  message(FATAL_ERROR "the consumer did not load the sample team: ${rc} ${out}")
endif()
