# SPDX-License-Identifier: LGPL-2.1-or-later
# run(COMMAND...): runs a command, fails the script with its output unless it exits 0, and leaves
# its standard output in `last_output` in the caller's scope.
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()
