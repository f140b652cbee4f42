# Installs the built teamgraph into a scratch prefix, builds tests/consumer against it with
# find_package(teamgraph), and runs it on the sample team.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${TEAMGRAPH_BINARY_DIR} --prefix ${WORK_DIR}/prefix
                        --component dev
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
if(EXISTS ${WORK_DIR}/prefix/include/teamgraph/detail)
  message(FATAL_ERROR "the private headers (include/teamgraph/detail) were installed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer ${SAMPLE_TEAM} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "teamgraph [0-9.]+: [1-9][0-9]* people" OR NOT out MATCHES "leadership_coverage: [0-9]")
  message(FATAL_ERROR "the consumer did not load the sample team: ${rc} ${out}")
endif()
