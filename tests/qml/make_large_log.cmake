# SPDX-License-Identifier: LGPL-2.1-or-later
# The CTest fixture of the large-log Quick Tests: a log of EVENTS events made by `qms-audit
# generate` (CLI) at LOG with a raw key in KEY. Made once per build of the library: the marker
# LOG.made holds the SHA-256 of the CLI and the library that made it, and a rebuilt library (a
# layout change, say) makes it again. About 5 minutes for 1 M events on 2 cores.
cmake_minimum_required(VERSION 3.25)
foreach(var CLI LIBRARY LOG KEY EVENTS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "make_large_log.cmake needs -D${var}=…")
    endif()
endforeach()
file(SHA256 ${CLI} cli_hash)
file(SHA256 ${LIBRARY} library_hash)
set(stamp "${EVENTS} events, qms-audit ${cli_hash}, library ${library_hash}")
if(EXISTS ${LOG}.made AND EXISTS ${LOG} AND EXISTS ${KEY})
    file(READ ${LOG}.made made)
    if(made STREQUAL stamp)
        message(STATUS "${LOG}: made before by this build (${EVENTS} events), kept")
        return()
    endif()
endif()
file(REMOVE ${LOG} ${LOG}-wal ${LOG}-shm ${LOG}.made ${KEY})
# A raw 256-bit key, readable by its owner only (the CLI refuses anything else).
string(RANDOM LENGTH 64 ALPHABET 0123456789abcdef key)
file(WRITE ${KEY} "${key}\n")
file(CHMOD ${KEY} PERMISSIONS OWNER_READ OWNER_WRITE)
execute_process(COMMAND ${CLI} generate --log ${LOG} --key-file ${KEY} --events ${EVENTS} --seed 11
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(REMOVE ${LOG} ${LOG}-wal ${LOG}-shm)
    message(FATAL_ERROR "qms-audit generate failed (${result})")
endif()
file(WRITE ${LOG}.made "${stamp}")
