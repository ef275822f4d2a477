# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes a copy of the install list without REMOVED, runs the guard on it, and expects exit 1 with
# a sentence naming NAMED as the missing package.
file(READ ${LIST} text)
string(REGEX REPLACE "(^|[ \t\n])${REMOVED}([ \t\n#]|$)" "\\1\\2" without "${text}")
if(without STREQUAL text)
    message(FATAL_ERROR "${REMOVED} is not in ${LIST}")
endif()
file(WRITE ${COPY} "${without}")
execute_process(COMMAND ${GUARD} --packages ${COPY} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
    message(FATAL_ERROR "the guard exited ${rc} on a list without ${REMOVED} (want 1)\n${out}${err}")
endif()
if(NOT err MATCHES "missing package ${NAMED}:")
    message(FATAL_ERROR "the guard did not name ${NAMED} on a list without ${REMOVED}:\n${err}")
endif()
message(STATUS "${err}")
